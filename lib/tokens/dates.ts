/**
 * ISO 8601 helpers shared by the inventory code. Two shapes are accepted everywhere a date is stored:
 * - a calendar date `YYYY-MM-DD` (what Wati's token list is likely to show: no time, no zone), and
 * - a date-time with an explicit zone (`Z` or `±hh:mm`), e.g. what `toISOString()` writes.
 * A date-time without a zone is rejected: it would mean different instants on different machines.
 */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_RE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-](\d{2}):?(\d{2}))$/i;

export const DAY_MS = 86_400_000;

function validYmd(y: number, m: number, d: number): boolean {
  if (y < 1970 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  // Date.UTC with an argument is pure; it rolls 2026-02-30 over to March, which we detect.
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** `YYYY-MM-DD` naming a real calendar day. */
export function isIsoDateOnly(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = DATE_RE.exec(s);
  return !!m && validYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** A date-time with an explicit zone naming a real instant. */
export function isIsoDateTime(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = DATETIME_RE.exec(s);
  if (!m) return false;
  if (!validYmd(Number(m[1]), Number(m[2]), Number(m[3]))) return false;
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59) return false;
  if (m[9] !== undefined && (Number(m[9]) > 14 || Number(m[10]) > 59)) return false;
  return Number.isFinite(Date.parse(normaliseOffset(s)));
}

/** Either accepted shape. */
export function isIsoDateOrDateTime(s: unknown): s is string {
  return isIsoDateOnly(s) || isIsoDateTime(s);
}

// `+0530` is valid ISO 8601 but not every engine's Date.parse takes it: insert the colon.
function normaliseOffset(s: string): string {
  return s.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
}

/**
 * The instant an ISO value names, in ms. A date-only value is read as UTC midnight here; code that
 * cares about the user's calendar (reminders, ICS) reads date-only values as local days instead.
 */
export function isoToMs(s: string): number {
  return Date.parse(normaliseOffset(s));
}

/** `toISOString()` of an explicit instant (never "now": the caller passes it). */
export function msToIso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` string. */
export function isoDateToDayNumber(s: string): number {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

/** `YYYY-MM-DD` of a day number (days since 1970-01-01). */
export function dayNumberToIsoDate(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The UTC calendar day of an ISO value: the date itself for date-only values, the UTC date of the
 * instant otherwise. Used where no time zone is known (sync matching, claim comparison), always
 * with a tolerance of one day.
 */
export function utcDayNumberOfIso(s: string): number {
  return isIsoDateOnly(s) ? isoDateToDayNumber(s) : Math.floor(isoToMs(s) / DAY_MS);
}
