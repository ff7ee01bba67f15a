import { DAY_MS, isIsoDateOnly, isoDateToDayNumber, isoToMs } from '@/lib/tokens/dates';

/**
 * Calendar-day arithmetic in an IANA time zone with nothing but `Intl.DateTimeFormat`.
 *
 * A "day number" is the count of days from 1970-01-01 to a local calendar date (the date's own
 * number, not an instant). Differences between day numbers are differences between calendar dates,
 * so a 23- or 25-hour day (daylight-saving change) still counts as one day.
 */

export { DAY_MS };

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Whether the runtime knows this IANA zone. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

// An unknown zone falls back to UTC rather than throwing: a reminder a few hours off beats none.
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    const options: Intl.DateTimeFormatOptions = {
      timeZone: isValidTimeZone(timeZone) ? timeZone : 'UTC',
      calendar: 'gregory',
      numberingSystem: 'latn',
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    };
    f = new Intl.DateTimeFormat('en-US', options);
    formatters.set(timeZone, f);
  }
  return f;
}

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock reading of instant `ms` in `timeZone`. */
export function localParts(ms: number, timeZone: string): LocalParts {
  const out: LocalParts = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
  for (const p of formatterFor(timeZone).formatToParts(ms)) {
    if (p.type === 'year' || p.type === 'month' || p.type === 'day' || p.type === 'hour' || p.type === 'minute' || p.type === 'second') {
      out[p.type] = Number(p.value);
    }
  }
  if (out.hour === 24) out.hour = 0; // some engines still print midnight as 24 under h23
  return out;
}

/** The local calendar date of instant `ms`, as a day number. */
export function localDayNumber(ms: number, timeZone: string): number {
  const p = localParts(ms, timeZone);
  return Math.floor(Date.UTC(p.year, p.month - 1, p.day) / DAY_MS);
}

/** Local UTC offset at instant `ms`, in ms (wall clock minus UTC). */
function offsetAt(ms: number, timeZone: string): number {
  const p = localParts(ms, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - (ms - (((ms % 1000) + 1000) % 1000));
}

/**
 * The first instant of local day `dayNumber` in `timeZone` (normally local midnight; where midnight
 * does not exist because the clock jumps at 00:00, the first instant after the jump).
 */
export function startOfLocalDay(dayNumber: number, timeZone: string): number {
  const wall = dayNumber * DAY_MS;
  const isStart = (t: number) => localDayNumber(t, timeZone) === dayNumber && localDayNumber(t - 1, timeZone) < dayNumber;
  // Fast path: shift by the offset, twice (the offset at the guess may differ from the one at wall).
  let guess = wall - offsetAt(wall, timeZone);
  if (isStart(guess)) return guess;
  guess = wall - offsetAt(guess, timeZone);
  if (isStart(guess)) return guess;
  // Slow path (midnight skipped by a transition): binary search for the first instant of the day.
  let lo = wall - 16 * 3_600_000; // local date here is < dayNumber for every real zone (max +14h)
  let hi = wall + 16 * 3_600_000; // and >= dayNumber here (min -12h)
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (localDayNumber(mid, timeZone) >= dayNumber) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The first instant of the local day after the one containing `ms`. */
export function nextLocalMidnight(ms: number, timeZone: string): number {
  return startOfLocalDay(localDayNumber(ms, timeZone) + 1, timeZone);
}

/**
 * Calendar days from the local date of `nowMs` to the local date of `targetMs`: 0 on the same local
 * day, 1 for tomorrow, -1 for yesterday, whatever the hour and across daylight-saving changes.
 */
export function calendarDaysUntil(nowMs: number, targetMs: number, timeZone: string): number {
  return localDayNumber(targetMs, timeZone) - localDayNumber(nowMs, timeZone);
}

/**
 * The local day an ISO value names: a date-only value is that calendar day wherever the user is;
 * a date-time is the local date of its instant.
 */
export function localDayOfIso(iso: string, timeZone: string): number {
  return isIsoDateOnly(iso) ? isoDateToDayNumber(iso) : localDayNumber(isoToMs(iso), timeZone);
}

/**
 * The instant an ISO value names, reading a date-only value as a local day: its start
 * (`'start'`, e.g. a scheduled revoke "on" that day) or the end of it (`'end'`, e.g. an expiry date:
 * the token is taken to work through that whole day).
 */
export function instantOfIso(iso: string, timeZone: string, dateOnlyAs: 'start' | 'end'): number {
  if (!isIsoDateOnly(iso)) return isoToMs(iso);
  const day = isoDateToDayNumber(iso);
  return startOfLocalDay(dateOnlyAs === 'start' ? day : day + 1, timeZone);
}

/** `YYYY-MM-DD` of the local date of `ms`. */
export function localIsoDate(ms: number, timeZone: string): string {
  const p = localParts(ms, timeZone);
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}
