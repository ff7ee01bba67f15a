import { describe, expect, it } from 'vitest';
import { formatMilestones, parseDayCount, parseMilestones } from '@/lib/ui/settings-fields';

describe('parseMilestones', () => {
  it('accepts commas, spaces and semicolons; de-duplicates; sorts largest first', () => {
    expect(parseMilestones('7, 30 14;1 7')).toEqual({ ok: true, value: [30, 14, 7, 1] });
    expect(parseMilestones(' 366 ')).toEqual({ ok: true, value: [366] });
    expect(formatMilestones([30, 14, 7])).toBe('30, 14, 7');
  });

  it('explains what is wrong', () => {
    expect(parseMilestones('')).toEqual({ ok: false, error: 'Enter at least one number of days, e.g. 30, 14, 7, 3, 1.' });
    expect(parseMilestones('30, 0, 2.5, abc')).toEqual({ ok: false, error: '"0", "2.5", "abc" are not a whole number of days from 1 to 366.' });
    expect(parseMilestones('400')).toMatchObject({ ok: false, error: expect.stringContaining('"400" is not') });
    expect(parseMilestones('1 2 3 4 5 6 7 8 9 10 11 12 13')).toEqual({ ok: false, error: 'At most 12 reminders (you entered 13).' });
  });
});

describe('parseDayCount', () => {
  it('accepts a whole number in range only', () => {
    expect(parseDayCount(' 180 ', 1, 3650)).toEqual({ ok: true, value: 180 });
    expect(parseDayCount('0', 1, 3650)).toMatchObject({ ok: false });
    expect(parseDayCount('3651', 1, 3650)).toEqual({ ok: false, error: 'Enter a number of days from 1 to 3650.' });
    expect(parseDayCount('1e3', 1, 3650)).toEqual({ ok: false, error: '"1e3" is not a whole number of days.' });
    expect(parseDayCount('', 1, 3650)).toMatchObject({ ok: false });
  });
});
