import { describe, expect, it } from 'vitest';
import { localIsoDate, localParts, startOfLocalDay } from '@/lib/reminders/calendar';
import {
  BADGE_COLORS,
  emptyReminderState,
  evaluateReminders,
  parseReminderState,
  snooze,
  workspaceAttention,
  type EvaluateResult,
  type ReminderNotification,
} from '@/lib/reminders/engine';
import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from '@/lib/reminders/settings';
import type { ReminderState } from '@/lib/reminders/state';
import { isoDateToDayNumber } from '@/lib/tokens/dates';
import { linkRotation, markConfirmedWorking, markRevoked, type Inventory, type TokenRecord } from '@/lib/tokens/record';
import { makeRecord } from '../tokens/helpers';

const HOUR = 3_600_000;
const DAY = 86_400_000;
const S: ReminderSettings = { ...DEFAULT_REMINDER_SETTINGS, milestonesDays: [...DEFAULT_REMINDER_SETTINGS.milestonesDays] };
const inv = (...records: TokenRecord[]): Inventory => ({ version: 1, records, quarantine: [] });
/** `hour` hours after the local midnight of `date` (wall-clock hour unless a DST change happens in between). */
const at = (date: string, tz: string, hour = 9) => startOfLocalDay(isoDateToDayNumber(date), tz) + hour * HOUR;

/** Runs the engine like the background does: persisting the state between runs through JSON. */
function makeRunner(inventory: Inventory, tz: string, settings: ReminderSettings = S) {
  let state: ReminderState = emptyReminderState();
  const log: Array<{ t: number; n: ReminderNotification }> = [];
  let last: EvaluateResult | undefined;
  return {
    run(now: number, inv2: Inventory = inventory): EvaluateResult {
      inventory = inv2;
      last = evaluateReminders({ inventory, settings, state, now, timeZone: tz });
      state = parseReminderState(JSON.parse(JSON.stringify(last.nextState)));
      for (const n of last.notify) log.push({ t: now, n });
      return last;
    },
    get state() {
      return state;
    },
    set state(s: ReminderState) {
      state = s;
    },
    log,
  };
}

describe('a token’s whole life on a simulated clock (New York, across the 2026-03-08 DST change)', () => {
  const tz = 'America/New_York';
  // Created 30 Jan, expires 11 Mar (40 days): the 3-day milestone falls on 8 Mar, the day clocks spring forward.
  const token = makeRecord({ id: 'crm', name: 'crm-sync-prod', createdAt: '2026-01-30T15:00:00Z', expiresAt: '2026-03-11', lastConfirmedWorkingAt: '2026-03-01T15:00:00Z' });
  const expected: Record<string, string> = {
    'expiry:crm:30d': '2026-02-09',
    'expiry:crm:14d': '2026-02-25',
    'expiry:crm:7d': '2026-03-04',
    'expiry:crm:3d': '2026-03-08',
    'expiry:crm:1d': '2026-03-10',
    'expiry:crm:today': '2026-03-11',
    'expiry:crm:overdue': '2026-03-12',
  };
  // lastConfirmedWorkingAt keeps dormancy out of this story (tested separately).
  const settings = { ...S, dormancyDays: 3650 };

  it('day by day: each milestone notifies exactly once, on its local day, with the right badge', () => {
    const r = makeRunner(inv(token), tz, settings);
    const badges: Record<string, { text: string; color: string }> = {};
    for (let d = isoDateToDayNumber('2026-01-30'); d <= isoDateToDayNumber('2026-03-14'); d++) {
      const now = startOfLocalDay(d, tz) + 9 * HOUR;
      const res = r.run(now);
      badges[localIsoDate(now, tz)] = { text: res.badge.text, color: res.badge.color };
      // Restart safety: the worker dies and re-evaluates with the persisted state at the same moment.
      expect(evaluateReminders({ inventory: inv(token), settings, state: r.state, now, timeZone: tz }).notify).toEqual([]);
    }
    const got = Object.fromEntries(r.log.map(({ t, n }) => [n.id, localIsoDate(t, tz)]));
    expect(got).toEqual(expected);
    expect(r.log).toHaveLength(7);

    expect(badges['2026-02-08']).toEqual({ text: '', color: BADGE_COLORS.amber });
    expect(badges['2026-02-09']).toEqual({ text: '1', color: BADGE_COLORS.amber }); // within 30 days
    expect(badges['2026-03-03']).toEqual({ text: '1', color: BADGE_COLORS.amber }); // 8 days
    expect(badges['2026-03-04']).toEqual({ text: '1', color: BADGE_COLORS.orange }); // 7 days
    expect(badges['2026-03-09']).toEqual({ text: '1', color: BADGE_COLORS.orange }); // 2 days
    expect(badges['2026-03-10']).toEqual({ text: '1', color: BADGE_COLORS.red }); // tomorrow
    expect(badges['2026-03-11']).toEqual({ text: '1', color: BADGE_COLORS.red }); // today
    expect(badges['2026-03-14']).toEqual({ text: '1', color: BADGE_COLORS.red }); // overdue

    const msgs = Object.fromEntries(r.log.map(({ n }) => [n.step, n]));
    expect(msgs['30d']).toMatchObject({ title: 'Wati API token expires in 30 days', severity: 'info', daysLeft: 30 });
    expect(msgs['7d']!.severity).toBe('warning');
    expect(msgs['3d']).toMatchObject({ title: 'Wati API token expires in 3 days', severity: 'warning' });
    expect(msgs['1d']).toMatchObject({ title: 'Wati API token expires tomorrow', severity: 'critical' });
    expect(msgs['today']!.title).toBe('Wati API token expires today');
    expect(msgs['overdue']).toMatchObject({ title: 'Wati API token expired', severity: 'critical' });
    expect(msgs['overdue']!.message).toMatch(/"crm-sync-prod" \(123456\) expired 1 day ago \(2026-03-11\)/);
  });

  it('hour by hour: each milestone fires in the first hour of its local day, once', () => {
    const r = makeRunner(inv(token), tz, settings);
    for (let t = Date.parse('2026-01-30T15:00:00Z'); t <= Date.parse('2026-03-15T00:00:00Z'); t += HOUR) r.run(t);
    expect(Object.fromEntries(r.log.map(({ t, n }) => [n.id, localIsoDate(t, tz)]))).toEqual(expected);
    for (const { t } of r.log) expect(localParts(t, tz).hour).toBe(0);
  });

  it('waking only at nextWakeAt gives the same notifications, each at the local midnight it becomes due', () => {
    const r = makeRunner(inv(token), tz, settings);
    let t: number | null = Date.parse('2026-01-30T15:00:00Z');
    let wakes = 0;
    while (t !== null && t <= Date.parse('2026-03-15T00:00:00Z')) {
      const res = r.run(t);
      if (res.nextWakeAt !== null) expect(res.nextWakeAt).toBeGreaterThan(t);
      t = res.nextWakeAt;
      wakes++;
    }
    expect(Object.fromEntries(r.log.map(({ t: when, n }) => [n.id, when]))).toEqual(
      Object.fromEntries(Object.entries(expected).map(([k, d]) => [k, startOfLocalDay(isoDateToDayNumber(d), tz)])),
    );
    expect(wakes).toBeLessThan(15); // milestones + badge colour changes, not one per day
  });

  it('a 24-hour step that skips the DST day loses no milestone (the most urgent is delivered late)', () => {
    const r = makeRunner(inv(token), tz, settings);
    // 23:30 local every 24 h: after the change it lands at 00:30 two local dates later, so 8 March is never seen.
    const seen: string[] = [];
    for (let t = Date.parse('2026-03-02T04:30:00Z'); t <= Date.parse('2026-03-14T00:00:00Z'); t += DAY) {
      seen.push(localIsoDate(t, tz));
      r.run(t);
    }
    expect(seen).not.toContain('2026-03-08');
    const three = r.log.find(({ n }) => n.id === 'expiry:crm:3d')!;
    expect(localIsoDate(three.t, tz)).toBe('2026-03-09');
    expect(three.n.title).toBe('Wati API token expires in 2 days');
    // First run at 9 days left: 30d and 14d both passed → one notification (14d).
    expect(r.log.map(({ n }) => n.step)).toEqual(['14d', '7d', '3d', '1d', 'today', 'overdue']);
  });
});

describe('Europe/Berlin across the 2026-10-25 fall-back (a 25-hour day)', () => {
  it('the milestone fires once at the start of the long day; the next wake-up is 25 hours later', () => {
    const tz = 'Europe/Berlin';
    const token = makeRecord({ id: 'b', createdAt: '2026-10-20T10:00:00Z', expiresAt: '2026-10-28', lastConfirmedWorkingAt: '2026-10-20T10:00:00Z' });
    const settings = { ...S, milestonesDays: [3, 2] };
    const r = makeRunner(inv(token), tz, settings);
    const start = Date.parse('2026-10-24T22:00:00Z'); // 25 Oct 00:00 CEST
    const res = r.run(start);
    expect(res.notify.map((n) => n.id)).toEqual(['expiry:b:3d']);
    expect(res.nextWakeAt).toBe(start + 25 * HOUR); // 26 Oct 00:00 CET, when the 2-day milestone is due
    // Late that evening (still 25 Oct, after the clocks went back) nothing new.
    expect(r.run(Date.parse('2026-10-25T22:30:00Z')).notify).toEqual([]);
  });
});

describe('catch-up, snooze, restart safety', () => {
  const tz = 'UTC';
  const token = makeRecord({ id: 'crm', createdAt: '2026-01-01T09:00:00Z', expiresAt: '2026-02-10', lastConfirmedWorkingAt: '2026-02-01' });

  it('off for a week: only the most urgent milestone is delivered, the skipped ones are marked', () => {
    const r = makeRunner(inv(token), tz);
    expect(r.run(at('2026-01-05', tz)).notify).toEqual([]); // 36 days left
    const back = r.run(at('2026-02-08', tz)); // 2 days left: 30d, 14d, 7d, 3d all passed
    expect(back.notify.map((n) => n.id)).toEqual(['expiry:crm:3d']);
    expect(back.notify[0]!.message).toMatch(/expires on 2026-02-10/);
    expect(Object.keys(r.state.tokens.crm!.delivered).sort()).toEqual(['expiry:crm:14d', 'expiry:crm:30d', 'expiry:crm:3d', 'expiry:crm:7d']);
    expect(r.run(at('2026-02-08', tz, 20)).notify).toEqual([]);
    expect(r.run(at('2026-02-09', tz)).notify.map((n) => n.id)).toEqual(['expiry:crm:1d']);
  });

  it('restart safety: same now + returned state → nothing; a lost state repeats only the most urgent', () => {
    const now = at('2026-02-08', tz);
    const first = evaluateReminders({ inventory: inv(token), settings: S, state: emptyReminderState(), now, timeZone: tz });
    expect(first.notify).toHaveLength(1);
    const again = evaluateReminders({ inventory: inv(token), settings: S, state: first.nextState, now, timeZone: tz });
    expect(again.notify).toEqual([]);
    expect(again.nextState).toEqual(first.nextState);
    expect(evaluateReminders({ inventory: inv(token), settings: S, state: parseReminderState('corrupt'), now, timeZone: tz }).notify).toHaveLength(1);
  });

  it('snooze holds notifications for 24 h, the badge still counts; the most urgent comes at the end', () => {
    const r = makeRunner(inv(token), tz);
    r.run(at('2026-02-02', tz)); // 8 days: 30d + 14d → 14d delivered
    const snoozedAt = at('2026-02-02', tz, 12);
    r.state = snooze(r.state, 'crm', snoozedAt);
    const during = r.run(at('2026-02-03', tz, 6)); // 7 days left, snoozed
    expect(during.notify).toEqual([]);
    expect(during.badge).toMatchObject({ count: 1, text: '1', color: BADGE_COLORS.orange });
    expect(during.nextWakeAt).toBe(snoozedAt + DAY);
    const after = r.run(snoozedAt + DAY);
    expect(after.notify.map((n) => n.id)).toEqual(['expiry:crm:7d']);
    expect(r.state.tokens.crm!.snoozedUntil).toBeUndefined();
  });

  it('notifications off: nothing notified nor marked, the badge works; on again → the most urgent', () => {
    const off = { ...S, notificationsEnabled: false };
    const now = at('2026-02-08', tz);
    const res = evaluateReminders({ inventory: inv(token), settings: off, state: emptyReminderState(), now, timeZone: tz });
    expect(res.notify).toEqual([]);
    expect(res.badge.count).toBe(1);
    const on = evaluateReminders({ inventory: inv(token), settings: S, state: res.nextState, now, timeZone: tz });
    expect(on.notify.map((n) => n.id)).toEqual(['expiry:crm:3d']);
  });

  it('a changed expiry date re-arms the milestones', () => {
    const r = makeRunner(inv(token), tz);
    r.run(at('2026-02-04', tz)); // 6 days → 7d
    const extended = inv({ ...token, expiresAt: '2026-05-10' });
    expect(r.run(at('2026-02-05', tz), extended).notify).toEqual([]);
    expect(r.state.tokens.crm).toBeUndefined(); // stale deliveries forgotten
    expect(r.run(at('2026-04-10', tz), extended).notify.map((n) => n.id).filter((id) => id.startsWith('expiry:'))).toEqual(['expiry:crm:30d']);
  });
});

describe('rotation, dormancy, revoke', () => {
  const tz = 'Europe/Berlin';

  it('a token without expiry: dormancy nudge at 45 days, rotation nudge at 180 days, each once', () => {
    const token = makeRecord({ id: 'bot', name: 'bot', createdAt: '2026-01-01T11:00:00Z', expiresAt: null });
    const r = makeRunner(inv(token), tz);
    const badges: number[] = [];
    for (let d = isoDateToDayNumber('2026-01-01'); d <= isoDateToDayNumber('2026-08-01'); d++) badges.push(r.run(startOfLocalDay(d, tz) + 10 * HOUR).badge.count);
    expect(r.log.map(({ t, n }) => [n.id, localIsoDate(t, tz), n.severity])).toEqual([
      ['dormant:bot', '2026-02-15', 'warning'],
      ['rotation:bot', '2026-06-30', 'info'],
    ]);
    expect(r.log[0]!.n.message).toMatch(/not been confirmed working for 45 days/);
    expect(r.log[1]!.n.message).toMatch(/due for rotation since 2026-06-30 \(every 180 days\)/);
    expect(badges[44]).toBe(0);
    expect(badges[45]).toBe(1);
  });

  it('confirming the token works resets dormancy, and a new idle period nudges again', () => {
    const token = makeRecord({ id: 'bot', createdAt: '2026-01-01T11:00:00Z' });
    const r = makeRunner(inv(token), tz);
    expect(r.run(at('2026-02-15', tz)).notify.map((n) => n.id)).toEqual(['dormant:bot']);
    const confirmed = markConfirmedWorking(inv(token), 'bot', at('2026-02-16', tz));
    const res = r.run(at('2026-02-16', tz, 10), confirmed);
    expect(res.notify).toEqual([]);
    expect(res.badge.count).toBe(0);
    expect(r.run(at('2026-04-02', tz), confirmed).notify.map((n) => n.id)).toEqual(['dormant:bot']);
  });

  it('a replaced token reminds to revoke it when its revokeAt passes, once; revoking ends it', () => {
    let inventory = inv(
      makeRecord({ id: 'old', name: 'crm-2025', createdAt: '2025-12-01T00:00:00Z', lastConfirmedWorkingAt: '2026-03-01T00:00:00Z' }),
      makeRecord({ id: 'new', name: 'crm-2026', createdAt: '2026-03-01T00:00:00Z' }),
    );
    const now = Date.parse('2026-03-01T12:00:00Z');
    const revokeAt = '2026-03-02T12:00:00.000Z';
    inventory = linkRotation(inventory, 'old', 'new', revokeAt, now);
    const r = makeRunner(inventory, tz);
    const before = r.run(now);
    expect(before.notify).toEqual([]);
    expect(before.nextWakeAt).toBe(Date.parse(revokeAt)); // an explicit moment, not the next midnight
    const due = r.run(Date.parse(revokeAt));
    expect(due.notify).toEqual([expect.objectContaining({ id: 'revoke:old', kind: 'revoke', severity: 'warning', message: expect.stringMatching(/replaced by "crm-2026"/) })]);
    expect(due.badge.count).toBe(1);
    expect(r.run(Date.parse(revokeAt) + HOUR).notify).toEqual([]);
    const done = r.run(Date.parse(revokeAt) + 2 * HOUR, markRevoked(inventory, 'old', Date.parse(revokeAt) + 2 * HOUR));
    expect(done.badge.count).toBe(0);
    expect(r.state.tokens.old).toBeUndefined();
  });
});

describe('badge and banner', () => {
  const tz = 'UTC';
  const now = at('2026-03-01', tz);
  const inventory = inv(
    makeRecord({ id: 'a', name: 'amber', expiresAt: '2026-03-20', lastConfirmedWorkingAt: '2026-02-28' }),
    makeRecord({ id: 'b', name: 'orange', expiresAt: '2026-03-05', lastConfirmedWorkingAt: '2026-02-28' }),
    makeRecord({ id: 'c', name: 'fine', expiresAt: '2026-12-31', lastConfirmedWorkingAt: '2026-02-28' }),
    makeRecord({ id: 'd', name: 'elsewhere', expiresAt: '2026-02-20', workspace: { tenantId: '999', host: 'h' } }),
    makeRecord({ id: 'e', name: 'revoked', expiresAt: '2026-02-20', status: 'revoked' }),
  );

  it('counts tokens needing attention, coloured by the worst; empty text at zero', () => {
    const res = evaluateReminders({ inventory, settings: S, state: emptyReminderState(), now, timeZone: tz });
    expect(res.badge).toMatchObject({ count: 3, text: '3', color: BADGE_COLORS.red, severity: 'critical' });
    expect(res.notify.map((n) => n.severity)).toEqual(['critical', 'warning', 'info']); // most urgent first
    const none = evaluateReminders({ inventory: inv(), settings: S, state: emptyReminderState(), now, timeZone: tz });
    expect(none.badge).toMatchObject({ count: 0, text: '' });
    expect(none.nextWakeAt).toBeNull();
  });

  it('workspaceAttention lists one workspace’s tokens, most urgent first, with a human line', () => {
    expect(workspaceAttention(inventory, S, now, tz, '123456')).toEqual([
      expect.objectContaining({ tokenId: 'b', daysLeft: 4, severity: 'warning', color: BADGE_COLORS.orange, kinds: ['expiring'], line: 'Expires in 4 days (2026-03-05)' }),
      expect.objectContaining({ tokenId: 'a', daysLeft: 19, severity: 'info', line: 'Expires in 19 days (2026-03-20)' }),
    ]);
    expect(workspaceAttention(inventory, S, now, tz, '999')).toEqual([
      expect.objectContaining({ tokenId: 'd', kinds: ['overdue'], severity: 'critical', line: 'Expired 9 days ago (2026-02-20)' }),
    ]);
  });
});
