import { z } from 'zod';

/**
 * The reminder settings this module needs. Structurally the same as `Settings['reminders']` in
 * lib/storage/settings.ts (which stores and repairs them); kept here so reminders depend on nothing
 * but their own types.
 */
export interface ReminderSettings {
  /** Days before expiry at which to remind, e.g. [30, 14, 7, 3, 1]. On-the-day and overdue always apply. */
  milestonesDays: number[];
  /** Rotation nudge this many calendar days after creation (Wati recommends 6 months). */
  rotationIntervalDays: number;
  /** Nudge when a token has not been confirmed working for this many days (CIS: 45). */
  dormancyDays: number;
  /** System notifications; the badge and the dashboard banner work either way. */
  notificationsEnabled: boolean;
}

export const DEFAULT_REMINDER_SETTINGS: Readonly<ReminderSettings> = Object.freeze({
  milestonesDays: [30, 14, 7, 3, 1],
  rotationIntervalDays: 180,
  dormancyDays: 45,
  notificationsEnabled: true,
});

export const ReminderSettingsSchema = z.object({
  milestonesDays: z.array(z.number().int().min(1).max(366)).max(12),
  rotationIntervalDays: z.number().int().min(1).max(3650),
  dormancyDays: z.number().int().min(1).max(3650),
  notificationsEnabled: z.boolean(),
});

/** Milestones de-duplicated and sorted from the earliest reminder (largest N) to the latest. */
export function normaliseMilestones(days: readonly number[]): number[] {
  return [...new Set(days.filter((n) => Number.isInteger(n) && n >= 1 && n <= 366))].sort((a, b) => b - a);
}
