/**
 * Parsing of the settings form's free-text fields. Each returns either the value to save or one
 * clear error; the form saves nothing until the field is valid (a half-typed "1" on the way to "180"
 * must never become a 1-day rotation interval and a burst of notifications).
 */

export type FieldResult<T> = { ok: true; value: T } | { ok: false; error: string };

export const MILESTONES_MAX_COUNT = 12;
export const MILESTONE_MAX_DAYS = 366;

/** "30, 14, 7 3;1" → [30, 14, 7, 3, 1]: whole days 1–366, at most 12, de-duplicated, largest first. */
export function parseMilestones(text: string): FieldResult<number[]> {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  if (parts.length === 0) return { ok: false, error: 'Enter at least one number of days, e.g. 30, 14, 7, 3, 1.' };
  const bad = parts.filter((p) => !/^\d+$/.test(p) || Number(p) < 1 || Number(p) > MILESTONE_MAX_DAYS);
  if (bad.length) {
    return { ok: false, error: `${bad.map((b) => `"${b.slice(0, 12)}"`).join(', ')} ${bad.length === 1 ? 'is' : 'are'} not a whole number of days from 1 to ${MILESTONE_MAX_DAYS}.` };
  }
  const days = [...new Set(parts.map(Number))].sort((a, b) => b - a);
  if (days.length > MILESTONES_MAX_COUNT) return { ok: false, error: `At most ${MILESTONES_MAX_COUNT} reminders (you entered ${days.length}).` };
  return { ok: true, value: days };
}

export function formatMilestones(days: readonly number[]): string {
  return days.join(', ');
}

/** A whole number of days within [min, max]. */
export function parseDayCount(text: string, min: number, max: number): FieldResult<number> {
  const t = text.trim();
  if (t === '') return { ok: false, error: `Enter a number of days from ${min} to ${max}.` };
  if (!/^\d+$/.test(t)) return { ok: false, error: `"${t.slice(0, 12)}" is not a whole number of days.` };
  const n = Number(t);
  if (n < min || n > max) return { ok: false, error: `Enter a number of days from ${min} to ${max}.` };
  return { ok: true, value: n };
}
