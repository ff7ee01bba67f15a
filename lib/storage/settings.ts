import { z } from 'zod';

/**
 * User settings, stored under `local:settings`. Versioned from day one; every read goes
 * through `parseSettings`, which repairs field by field (one bad field never costs the rest).
 */
export const CLIPBOARD_CLEAR_CHOICES = [0, 10, 20, 30, 60, 120] as const;
export const SETTINGS_VERSION = 1;

export const SettingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  /** Seconds after a copy before the clipboard is cleared; 0 = never. */
  clipboardClearSeconds: z.union(CLIPBOARD_CLEAR_CHOICES.map((n) => z.literal(n)) as [z.ZodLiteral<0>, ...z.ZodLiteral<number>[]]),
  /** Compare the clipboard with what we wrote before clearing (needs the optional clipboardRead permission). */
  exactClipboardCheck: z.boolean(),
  /** Open the coach on its own on the API Tokens page. */
  coachAutoOpen: z.boolean(),
  reminders: z.object({
    milestonesDays: z.array(z.number().int().min(1).max(366)).max(12),
    rotationIntervalDays: z.number().int().min(1).max(3650),
    dormancyDays: z.number().int().min(1).max(3650),
    notificationsEnabled: z.boolean(),
  }),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  clipboardClearSeconds: 30,
  exactClipboardCheck: false,
  coachAutoOpen: true,
  reminders: {
    milestonesDays: [30, 14, 7, 3, 1],
    rotationIntervalDays: 180,
    dormancyDays: 45,
    notificationsEnabled: true,
  },
};

export interface ParsedSettings {
  settings: Settings;
  /** Human-readable notes about fields that were repaired (shown in the options page). */
  repaired: string[];
}

/** Migrations: pure functions from the stored shape of version N-1 to version N. */
export const settingsMigrations: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  // v0 (unversioned prototype): { clearClipboardAfterSec, notify }
  1: (old) => ({
    version: 1,
    clipboardClearSeconds: old.clearClipboardAfterSec ?? old.clipboardClearSeconds,
    reminders: typeof old.notify === 'boolean' ? { notificationsEnabled: old.notify } : old.reminders,
    exactClipboardCheck: old.exactClipboardCheck,
    coachAutoOpen: old.coachAutoOpen,
  }),
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Validates stored settings; never throws. Unknown or invalid fields fall back to defaults one by one. */
export function parseSettings(raw: unknown): ParsedSettings {
  const repaired: string[] = [];
  if (raw === undefined || raw === null) return { settings: structuredClone(DEFAULT_SETTINGS), repaired };
  if (!isRecord(raw)) {
    return { settings: structuredClone(DEFAULT_SETTINGS), repaired: ['Settings were unreadable and were reset to defaults.'] };
  }
  let value: Record<string, unknown> = raw;
  let version = typeof value.version === 'number' ? value.version : 0;
  while (version < SETTINGS_VERSION) {
    const migrate = settingsMigrations[version + 1];
    if (!migrate) break;
    value = migrate(value);
    version += 1;
  }
  const whole = SettingsSchema.safeParse(value);
  if (whole.success) return { settings: whole.data, repaired };

  const out = structuredClone(DEFAULT_SETTINGS) as Settings;
  const shape = SettingsSchema.shape;
  for (const key of ['clipboardClearSeconds', 'exactClipboardCheck', 'coachAutoOpen'] as const) {
    if (value[key] === undefined) continue;
    const r = shape[key].safeParse(value[key]);
    if (r.success) (out as Record<string, unknown>)[key] = r.data;
    else repaired.push(`Setting "${key}" was invalid and was reset to its default.`);
  }
  const rem = value.reminders;
  if (isRecord(rem)) {
    const remShape = shape.reminders.shape;
    for (const key of Object.keys(remShape) as Array<keyof typeof remShape>) {
      if (rem[key] === undefined) continue;
      const r = remShape[key].safeParse(rem[key]);
      if (r.success) (out.reminders as Record<string, unknown>)[key] = r.data;
      else repaired.push(`Setting "reminders.${key}" was invalid and was reset to its default.`);
    }
  } else if (rem !== undefined) {
    repaired.push('Reminder settings were invalid and were reset to defaults.');
  }
  return { settings: out, repaired };
}
