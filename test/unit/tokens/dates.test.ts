import { describe, expect, it } from 'vitest';
import { isIsoDateOnly, isIsoDateOrDateTime, isIsoDateTime, isoToMs, utcDayNumberOfIso } from '@/lib/tokens/dates';

describe('ISO dates', () => {
  it('accepts real dates and zoned date-times only', () => {
    expect(isIsoDateOnly('2026-02-28')).toBe(true);
    expect(isIsoDateOnly('2026-02-30')).toBe(false); // Date.parse would roll it to March
    expect(isIsoDateTime('2026-02-28T10:00:00Z')).toBe(true);
    expect(isIsoDateTime('2026-02-28T10:00:00.123456+05:30')).toBe(true);
    expect(isIsoDateTime('2026-02-28T10:00+0530')).toBe(true);
    expect(isIsoDateTime('2026-02-28T10:00:00')).toBe(false); // no zone: ambiguous
    expect(isIsoDateTime('2026-02-28T25:00:00Z')).toBe(false);
    for (const bad of ['', 'tomorrow', '28/02/2026', 20260228, null]) expect(isIsoDateOrDateTime(bad)).toBe(false);
  });

  it('reads offsets with or without a colon', () => {
    expect(isoToMs('2026-02-28T10:00+0530')).toBe(Date.parse('2026-02-28T04:30:00Z'));
    expect(utcDayNumberOfIso('2026-01-02')).toBe(utcDayNumberOfIso('2026-01-02T23:59:59Z'));
  });
});
