import {
  calendarDaysUntil,
  instantOfIso,
  localDayNumber,
  localDayOfIso,
  startOfLocalDay,
} from '@/lib/reminders/calendar';
import { normaliseMilestones, type ReminderSettings } from '@/lib/reminders/settings';
import { dayNumberToIsoDate } from '@/lib/tokens/dates';
import type { TokenRecord } from '@/lib/tokens/record';

export { calendarDaysUntil };

/**
 * When is each token due? Everything is counted in calendar days of the user's time zone: a token
 * expiring on the 31st is "7 days" away all day on the 24th, whatever the hour or a DST change.
 */

export type ReminderKind = 'expiry' | 'rotation' | 'dormant' | 'revoke';

export interface DueReminder {
  /** Deterministic key, also the notification id: `expiry:<id>:7d`, `rotation:<id>`, ... */
  key: string;
  tokenId: string;
  kind: ReminderKind;
  /** `30d`…`1d`, `today`, `overdue` for expiry; the kind otherwise. */
  step: string;
  /** Within a kind, higher = more urgent (only expiry has several steps). */
  urgency: number;
  /** What the reminder was computed from (an expiry date, a due day…): if it changes, the reminder re-arms. */
  basis: string;
}

/** Badge thresholds that change the colour, so a wake-up is needed when crossing them too. */
export const BADGE_RED_DAYS = 1;
export const BADGE_ORANGE_DAYS = 7;

export interface RecordAssessment {
  record: TokenRecord;
  /** Calendar days until the expiry date (negative once past); null without expiry or not active. */
  daysLeft: number | null;
  expired: boolean;
  /** Local `YYYY-MM-DD` of the expiry date. */
  expiryDate: string | null;
  rotationDue: boolean;
  rotationDueDate: string | null;
  /** Calendar days since last confirmed working (or creation). */
  idleDays: number | null;
  /** Local `YYYY-MM-DD` the idle days count from (last confirmed working, or creation). */
  lastSeenDate: string | null;
  dormant: boolean;
  revokeDue: boolean;
  due: DueReminder[];
  /** The next instant after `now` at which something about this record changes, or null. */
  nextChangeAt: number | null;
}

/** Everything the reminders need to know about one record at `nowMs`. */
export function assessRecord(record: TokenRecord, settings: ReminderSettings, nowMs: number, timeZone: string): RecordAssessment {
  const id = record.id;
  const today = localDayNumber(nowMs, timeZone);
  const out: RecordAssessment = {
    record,
    daysLeft: null,
    expired: false,
    expiryDate: null,
    rotationDue: false,
    rotationDueDate: null,
    idleDays: null,
    lastSeenDate: null,
    dormant: false,
    revokeDue: false,
    due: [],
    nextChangeAt: null,
  };
  const futureDays: number[] = [];
  const futureInstants: number[] = [];

  if (record.status === 'active') {
    const milestones = normaliseMilestones(settings.milestonesDays);
    if (record.expiresAt !== null) {
      const expiryDay = localDayOfIso(record.expiresAt, timeZone);
      const expiryInstant = instantOfIso(record.expiresAt, timeZone, 'end');
      out.expiryDate = dayNumberToIsoDate(expiryDay);
      out.expired = nowMs >= expiryInstant;
      out.daysLeft = expiryDay - today;
      const basis = record.expiresAt;
      const steps: Array<{ step: string; dueDay: number }> = milestones.map((n) => ({ step: `${n}d`, dueDay: expiryDay - n }));
      steps.push({ step: 'today', dueDay: expiryDay });
      steps.forEach(({ step, dueDay }, i) => {
        if (today >= dueDay || out.expired) out.due.push({ key: `expiry:${id}:${step}`, tokenId: id, kind: 'expiry', step, urgency: i, basis });
        else futureDays.push(dueDay);
      });
      if (out.expired) {
        out.due.push({ key: `expiry:${id}:overdue`, tokenId: id, kind: 'expiry', step: 'overdue', urgency: steps.length, basis });
      } else {
        futureInstants.push(expiryInstant);
        for (const n of [BADGE_RED_DAYS, BADGE_ORANGE_DAYS]) if (today < expiryDay - n) futureDays.push(expiryDay - n);
      }
    }

    if (!out.expired) {
      const createdDay = localDayOfIso(record.createdAt, timeZone);
      const rotationDay = createdDay + (record.rotationIntervalDays ?? settings.rotationIntervalDays);
      out.rotationDueDate = dayNumberToIsoDate(rotationDay);
      if (today >= rotationDay) {
        out.rotationDue = true;
        out.due.push({ key: `rotation:${id}`, tokenId: id, kind: 'rotation', step: 'rotation', urgency: 0, basis: out.rotationDueDate });
      } else futureDays.push(rotationDay);

      const lastSeen = record.lastConfirmedWorkingAt ?? record.createdAt;
      const lastSeenDay = localDayOfIso(lastSeen, timeZone);
      out.idleDays = today - lastSeenDay;
      out.lastSeenDate = dayNumberToIsoDate(lastSeenDay);
      if (out.idleDays >= settings.dormancyDays) {
        out.dormant = true;
        out.due.push({ key: `dormant:${id}`, tokenId: id, kind: 'dormant', step: 'dormant', urgency: 0, basis: out.lastSeenDate });
      } else futureDays.push(lastSeenDay + settings.dormancyDays);
    }
  } else if (record.status === 'replaced' && record.revokeAt) {
    const revokeInstant = instantOfIso(record.revokeAt, timeZone, 'start');
    if (nowMs >= revokeInstant) {
      out.revokeDue = true;
      out.due.push({ key: `revoke:${id}`, tokenId: id, kind: 'revoke', step: 'revoke', urgency: 0, basis: record.revokeAt });
    } else futureInstants.push(revokeInstant);
  }

  const nextDay = futureDays.filter((d) => d > today).reduce((a, b) => Math.min(a, b), Number.POSITIVE_INFINITY);
  if (Number.isFinite(nextDay)) futureInstants.push(startOfLocalDay(nextDay, timeZone));
  const next = futureInstants.filter((t) => t > nowMs).reduce((a, b) => Math.min(a, b), Number.POSITIVE_INFINITY);
  out.nextChangeAt = Number.isFinite(next) ? next : null;
  return out;
}

/**
 * Every reminder due now for `record` (all passed expiry milestones, not only the newest: the engine
 * delivers the most urgent undelivered one and marks the others delivered). Only active tokens, and
 * replaced tokens with a scheduled revoke, get reminders; an expired token gets no rotation or
 * dormancy nudge (its overdue reminder says it all).
 */
export function dueReminders(record: TokenRecord, settings: ReminderSettings, nowMs: number, timeZone: string): DueReminder[] {
  return assessRecord(record, settings, nowMs, timeZone).due;
}
