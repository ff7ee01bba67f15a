import { describe, expect, it } from 'vitest';
import { startOfLocalDay } from '@/lib/reminders/calendar';
import { assessRecord, dueReminders } from '@/lib/reminders/milestones';
import { DEFAULT_REMINDER_SETTINGS } from '@/lib/reminders/settings';
import { isoDateToDayNumber } from '@/lib/tokens/dates';
import { makeRecord } from '../tokens/helpers';

const S = { ...DEFAULT_REMINDER_SETTINGS };
const UTC = 'UTC';
const at = (date: string, hour = 9, tz = UTC) => startOfLocalDay(isoDateToDayNumber(date), tz) + hour * 3_600_000;
const keys = (...args: Parameters<typeof dueReminders>) => dueReminders(...args).map((d) => d.key);
const expiryKeys = (...args: Parameters<typeof dueReminders>) => keys(...args).filter((k) => k.startsWith('expiry:'));

describe('dueReminders', () => {
  const rec = makeRecord({ id: 't', createdAt: '2026-01-01T09:00:00Z', expiresAt: '2026-03-01' });

  it('lists every passed expiry milestone (the engine picks the most urgent)', () => {
    expect(expiryKeys(rec, S, at('2026-01-20'), UTC)).toEqual([]);
    expect(expiryKeys(rec, S, at('2026-01-30'), UTC)).toEqual(['expiry:t:30d']);
    expect(expiryKeys(rec, S, at('2026-02-19'), UTC)).toEqual(['expiry:t:30d', 'expiry:t:14d']); // 10 days left
    expect(expiryKeys(rec, S, at('2026-02-28'), UTC)).toEqual(['expiry:t:30d', 'expiry:t:14d', 'expiry:t:7d', 'expiry:t:3d', 'expiry:t:1d']);
    expect(expiryKeys(rec, S, at('2026-03-01', 23), UTC)).toContain('expiry:t:today');
    expect(expiryKeys(rec, S, at('2026-03-01', 23), UTC)).not.toContain('expiry:t:overdue'); // a date-only expiry works all that day
    expect(expiryKeys(rec, S, at('2026-03-02', 0), UTC)).toContain('expiry:t:overdue');
  });

  it('a date-time expiry is overdue from its instant, even on the same day', () => {
    const r = makeRecord({ id: 't', expiresAt: '2026-03-01T12:00:00Z' });
    expect(expiryKeys(r, S, at('2026-03-01', 11), UTC).at(-1)).toBe('expiry:t:today');
    expect(expiryKeys(r, S, at('2026-03-01', 12), UTC).at(-1)).toBe('expiry:t:overdue');
  });

  it('counts days in the user’s zone', () => {
    const r = makeRecord({ id: 't', createdAt: '2026-01-01', expiresAt: '2026-03-10T03:00:00Z' }); // 9 March, 22:00 in New York
    const a = assessRecord(r, S, Date.parse('2026-03-02T12:00:00Z'), 'America/New_York');
    expect(a.expiryDate).toBe('2026-03-09');
    expect(a.daysLeft).toBe(7);
    expect(assessRecord(r, S, Date.parse('2026-03-02T12:00:00Z'), 'Asia/Tokyo').daysLeft).toBe(8);
  });

  it('rotation nudge after the interval, with or without expiry; per-record interval wins', () => {
    const r = makeRecord({ id: 't', createdAt: '2026-01-01T09:00:00Z', expiresAt: null, lastConfirmedWorkingAt: '2026-06-29' });
    expect(keys(r, S, at('2026-06-29'), UTC)).toEqual([]);
    expect(keys(r, S, at('2026-06-30'), UTC)).toEqual(['rotation:t']); // 1 Jan + 180 days
    expect(keys({ ...r, rotationIntervalDays: 90 }, S, at('2026-04-01'), UTC)).toEqual(['rotation:t']);
  });

  it('dormancy after 45 days without confirmation (from creation when never confirmed)', () => {
    const r = makeRecord({ id: 't', createdAt: '2026-01-01T09:00:00Z' });
    expect(keys(r, S, at('2026-02-14'), UTC)).toEqual([]);
    expect(keys(r, S, at('2026-02-15'), UTC)).toEqual(['dormant:t']);
    expect(keys({ ...r, lastConfirmedWorkingAt: '2026-02-10T00:00:00Z' }, S, at('2026-02-15'), UTC)).toEqual([]);
  });

  it('only active tokens, and replaced ones with a due revokeAt, get reminders', () => {
    const base = { id: 't', createdAt: '2025-01-01', expiresAt: '2025-06-01' };
    expect(keys(makeRecord({ ...base, status: 'revoked' }), S, at('2026-03-01'), UTC)).toEqual([]);
    expect(keys(makeRecord({ ...base, status: 'replaced' }), S, at('2026-03-01'), UTC)).toEqual([]);
    expect(keys(makeRecord({ ...base, status: 'replaced', revokeAt: '2026-03-01T10:00:00Z' }), S, at('2026-03-01', 9), UTC)).toEqual([]);
    expect(keys(makeRecord({ ...base, status: 'replaced', revokeAt: '2026-03-01T10:00:00Z' }), S, at('2026-03-01', 10), UTC)).toEqual(['revoke:t']);
    // Expired: the overdue reminder says it all (no rotation / dormancy nudges on top).
    expect(keys(makeRecord(base), S, at('2026-03-01'), UTC).filter((k) => !k.startsWith('expiry:'))).toEqual([]);
  });

  it('nextChangeAt is the next moment anything changes', () => {
    const r = makeRecord({ id: 't', createdAt: '2026-01-01T09:00:00Z', expiresAt: '2026-03-01' });
    expect(assessRecord(r, S, at('2026-01-20'), UTC).nextChangeAt).toBe(at('2026-01-30', 0)); // the 30-day milestone
    expect(assessRecord(r, S, at('2026-02-21'), UTC).nextChangeAt).toBe(at('2026-02-22', 0)); // 7 days left
    expect(assessRecord(r, S, at('2026-03-01'), UTC).nextChangeAt).toBe(at('2026-03-02', 0)); // overdue
    expect(assessRecord(r, S, at('2026-03-05'), UTC).nextChangeAt).toBeNull();
  });
});
