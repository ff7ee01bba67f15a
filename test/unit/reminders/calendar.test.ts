import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  calendarDaysUntil,
  instantOfIso,
  isValidTimeZone,
  localDayNumber,
  localDayOfIso,
  localIsoDate,
  localParts,
  nextLocalMidnight,
  startOfLocalDay,
} from '@/lib/reminders/calendar';
import { isoDateToDayNumber } from '@/lib/tokens/dates';

const day = (s: string) => isoDateToDayNumber(s);
const Z = (s: string) => Date.parse(s);

describe('local days', () => {
  it('finds local midnight around daylight-saving changes', () => {
    // New York springs forward on 2026-03-08 at 02:00 (EST -5 → EDT -4).
    expect(startOfLocalDay(day('2026-03-08'), 'America/New_York')).toBe(Z('2026-03-08T05:00:00Z'));
    expect(startOfLocalDay(day('2026-03-09'), 'America/New_York')).toBe(Z('2026-03-09T04:00:00Z'));
    // Berlin falls back on 2026-10-25 at 03:00 (CEST +2 → CET +1): a 25-hour day.
    expect(startOfLocalDay(day('2026-10-25'), 'Europe/Berlin')).toBe(Z('2026-10-24T22:00:00Z'));
    expect(startOfLocalDay(day('2026-10-26'), 'Europe/Berlin')).toBe(Z('2026-10-25T23:00:00Z'));
    expect(startOfLocalDay(day('2026-06-01'), 'Asia/Kolkata')).toBe(Z('2026-05-31T18:30:00Z'));
    expect(startOfLocalDay(day('2026-06-01'), 'Pacific/Kiritimati')).toBe(Z('2026-05-31T10:00:00Z'));
  });

  it('property: the start of a local day is the first instant of that day, in any zone', () => {
    const zones = ['UTC', 'America/New_York', 'Europe/Berlin', 'America/Santiago', 'America/Havana', 'Asia/Tehran', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/Sao_Paulo', 'Asia/Kolkata'];
    fc.assert(
      fc.property(fc.integer({ min: day('2024-01-01'), max: day('2030-12-31') }), fc.constantFrom(...zones), (d, tz) => {
        const t = startOfLocalDay(d, tz);
        expect(localDayNumber(t, tz)).toBe(d);
        expect(localDayNumber(t - 1, tz)).toBe(d - 1);
      }),
      { numRuns: 400 },
    );
  });

  it('handles a day whose midnight does not exist (clock jumps at 00:00)', () => {
    // Chile moves to summer time at 24:00 on the first Saturday of September: 2026-09-06 starts at 01:00.
    const t = startOfLocalDay(day('2026-09-06'), 'America/Santiago');
    expect(localIsoDate(t, 'America/Santiago')).toBe('2026-09-06');
    expect(localIsoDate(t - 1, 'America/Santiago')).toBe('2026-09-05');
    expect(localParts(t, 'America/Santiago').hour).toBe(1);
  });

  it('counts calendar days, not 24-hour periods, across DST', () => {
    const tz = 'America/New_York';
    // Sat 2026-03-07 23:30 EST → Mon 2026-03-09 00:30 EDT: 25 hours minus the lost hour, 2 calendar days.
    expect(calendarDaysUntil(Z('2026-03-08T04:30:00Z'), Z('2026-03-09T04:30:00Z'), tz)).toBe(2);
    // Same local day, any hours apart.
    expect(calendarDaysUntil(Z('2026-03-08T05:00:00Z'), Z('2026-03-09T03:59:59Z'), tz)).toBe(0);
    expect(calendarDaysUntil(Z('2026-03-09T04:00:00Z'), Z('2026-03-08T05:00:00Z'), tz)).toBe(-1);
    // The 25-hour day in Berlin is one day.
    expect(calendarDaysUntil(Z('2026-10-24T22:00:00Z'), Z('2026-10-25T22:59:59Z'), 'Europe/Berlin')).toBe(0);
    expect(nextLocalMidnight(Z('2026-10-24T22:00:00Z'), 'Europe/Berlin') - Z('2026-10-24T22:00:00Z')).toBe(25 * 3_600_000);
  });

  it('reads date-only ISO values as local calendar days, date-times as instants', () => {
    expect(localDayOfIso('2026-12-31', 'Pacific/Kiritimati')).toBe(day('2026-12-31'));
    expect(localDayOfIso('2026-12-31T20:00:00Z', 'Pacific/Kiritimati')).toBe(day('2027-01-01'));
    expect(instantOfIso('2026-12-31', 'Europe/Berlin', 'end')).toBe(Z('2026-12-31T23:00:00Z'));
    expect(instantOfIso('2026-12-31', 'Europe/Berlin', 'start')).toBe(Z('2026-12-30T23:00:00Z'));
  });

  it('falls back to UTC for an unknown zone instead of throwing', () => {
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(localParts(Z('2026-01-01T05:06:07Z'), 'Mars/Olympus')).toEqual({ year: 2026, month: 1, day: 1, hour: 5, minute: 6, second: 7 });
  });
});
