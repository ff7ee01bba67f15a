import { describe, expect, it } from 'vitest';
import { evaluateReminders } from '@/lib/reminders/engine';
import { DEFAULT_REMINDER_SETTINGS } from '@/lib/reminders/settings';
import { clearSnooze, emptyReminderState, parseReminderState, snooze, SNOOZE_MS } from '@/lib/reminders/state';
import { makeRecord } from '../tokens/helpers';

describe('reminder state', () => {
  it('parses what it wrote, and repairs or drops junk token by token without throwing', () => {
    const good = { version: 1, tokens: { a: { delivered: { 'expiry:a:7d': '2026-03-01' }, snoozedUntil: 5 } } };
    expect(parseReminderState(good)).toEqual(good);
    expect(parseReminderState(undefined)).toEqual(emptyReminderState());
    expect(parseReminderState({ version: 9, tokens: {} })).toEqual(emptyReminderState());
    expect(parseReminderState({ version: 1, tokens: { a: { delivered: { k: 'x', bad: 3 }, snoozedUntil: 'soon' }, b: 'junk' } })).toEqual({
      version: 1,
      tokens: { a: { delivered: { k: 'x' } } },
    });
  });

  it('snooze sets a 24-hour hold and keeps deliveries; clearSnooze lifts it', () => {
    const s = snooze({ version: 1, tokens: { a: { delivered: { k: 'b' } } } }, 'a', 1000);
    expect(s.tokens.a).toEqual({ delivered: { k: 'b' }, snoozedUntil: 1000 + SNOOZE_MS });
    expect(clearSnooze(s, 'a').tokens.a).toEqual({ delivered: { k: 'b' } });
  });

  it('a token id like "__proto__" is an ordinary key', () => {
    const rec = makeRecord({ id: '__proto__', createdAt: '2026-01-01', expiresAt: '2026-01-10' });
    const now = Date.parse('2026-01-05T12:00:00Z');
    const res = evaluateReminders({ inventory: { version: 1, records: [rec], quarantine: [] }, settings: DEFAULT_REMINDER_SETTINGS, state: emptyReminderState(), now, timeZone: 'UTC' });
    expect(res.notify).toHaveLength(1);
    expect(Object.hasOwn(res.nextState.tokens, '__proto__')).toBe(true);
    const persisted = parseReminderState(JSON.parse(JSON.stringify(res.nextState)));
    expect(evaluateReminders({ inventory: { version: 1, records: [rec], quarantine: [] }, settings: DEFAULT_REMINDER_SETTINGS, state: persisted, now, timeZone: 'UTC' }).notify).toEqual([]);
    expect(({} as Record<string, unknown>).delivered).toBeUndefined(); // no prototype pollution
  });
});
