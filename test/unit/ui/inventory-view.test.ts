import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { localDayNumber, startOfLocalDay } from '@/lib/reminders/calendar';
import { emptyReminderState, evaluateReminders, workspaceAttention } from '@/lib/reminders/engine';
import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from '@/lib/reminders/settings';
import { isoDateToDayNumber } from '@/lib/tokens/dates';
import type { Inventory, TokenRecord } from '@/lib/tokens/record';
import { buildInventoryView, compareRows, expiryTextOf, localDayReader, workspaceKeyOf, workspaceTitle, type TokenRowView } from '@/lib/ui/inventory-view';
import { makeRecord } from '../tokens/helpers';

const HOUR = 3_600_000;
const DAY = 86_400_000;
const S: ReminderSettings = { ...DEFAULT_REMINDER_SETTINGS, milestonesDays: [30, 14, 7, 3, 1] };
const TZ = 'Europe/Berlin';
/** 9:00 local on 2026-06-15 in Berlin. */
const NOW = startOfLocalDay(isoDateToDayNumber('2026-06-15'), TZ) + 9 * HOUR;
const inv = (...records: TokenRecord[]): Inventory => ({ version: 1, records, quarantine: [] });
/** A record created recently (no rotation or dormancy due) unless overridden. */
const rec = (id: string, over: Partial<TokenRecord> = {}) =>
  makeRecord({ id, name: id, createdAt: '2026-06-01T10:00:00.000Z', updatedAt: '2026-06-01T10:00:00.000Z', ...over });
const rowsOf = (v: ReturnType<typeof buildInventoryView>) => v.groups.flatMap((g) => g.rows);
const names = (rows: TokenRowView[]) => rows.map((r) => r.name);

describe('buildInventoryView: order', () => {
  it('puts overdue first, then fewest days left, then rotation/dormancy due, then the rest, then replaced and revoked', () => {
    const v = buildInventoryView(
      inv(
        rec('later', { expiresAt: '2026-12-31' }),
        rec('revoked', { status: 'revoked', expiresAt: '2026-06-01' }),
        rec('no-expiry'),
        rec('rotation-due', { createdAt: '2025-11-01T10:00:00.000Z' }),
        rec('in-10-days', { expiresAt: '2026-06-25' }),
        rec('replaced', { status: 'replaced', replacedBy: 'in-2-days' }),
        rec('overdue-5', { expiresAt: '2026-06-10' }),
        rec('in-2-days', { expiresAt: '2026-06-17' }),
        rec('overdue-1', { expiresAt: '2026-06-14' }),
        rec('dormant', { createdAt: '2026-04-01T10:00:00.000Z', lastConfirmedWorkingAt: '2026-04-20T10:00:00.000Z' }),
        rec('revoke-due', { status: 'replaced', revokeAt: '2026-06-14T00:00:00.000Z' }),
      ),
      S,
      NOW,
      TZ,
    );
    expect(v.groups).toHaveLength(1);
    expect(names(rowsOf(v))).toEqual([
      'overdue-5',
      'overdue-1',
      'in-2-days',
      'in-10-days',
      'dormant',
      'revoke-due',
      'rotation-due',
      'later',
      'no-expiry',
      'replaced',
      'revoked',
    ]);
    expect(rowsOf(v).map((r) => r.bucket)).toEqual(['overdue', 'overdue', 'expiring', 'expiring', 'action', 'action', 'action', 'ok', 'ok', 'replaced', 'revoked']);
    expect(v.attentionCount).toBe(7);
  });

  it('orders workspaces by their most urgent token, and names them by host and tenant id', () => {
    const v = buildInventoryView(
      inv(
        rec('a1', { workspace: { tenantId: '111', host: 'live.wati.io' } }),
        rec('b1', { workspace: { tenantId: '222', host: 'live-mt-server.wati.io', label: 'Acme' }, expiresAt: '2026-06-16' }),
        rec('c1', { workspace: { tenantId: 'unknown', host: 'unknown' }, expiresAt: '2026-06-20' }),
        rec('b2', { workspace: { tenantId: '222', host: 'live-mt-server.wati.io' } }),
      ),
      S,
      NOW,
      TZ,
    );
    expect(v.groups.map((g) => g.title)).toEqual(['Acme — live-mt-server.wati.io · 222', 'Unknown workspace', 'live.wati.io · 111']);
    expect(v.groups.map((g) => g.rows.length)).toEqual([2, 1, 1]);
    expect(v.groups[0]!.coachTarget).toEqual({ host: 'live-mt-server.wati.io', tenantId: '222' });
    expect(v.groups[1]!.coachTarget).toBeUndefined();
    expect(v.groups[0]!.attentionCount).toBe(1);
    expect(v.groups[0]!.severity).toBe('critical');
  });

  it('keeps one workspace per tenant id whatever the host spelling, and groups host-only records by host', () => {
    expect(workspaceKeyOf({ tenantId: 'ABC', host: 'app.wati.io' })).toBe(workspaceKeyOf({ tenantId: 'abc', host: 'live.wati.io' }));
    expect(workspaceKeyOf({ tenantId: '', host: 'App.Wati.io' })).toBe('host:app.wati.io');
    expect(workspaceKeyOf({ tenantId: 'unknown', host: 'unknown' })).toBe('unknown');
    expect(workspaceTitle({ host: 'app.wati.io', tenantId: null })).toBe('app.wati.io');
    expect(workspaceTitle({ host: null, tenantId: '42' })).toBe('tenant 42');
    const v = buildInventoryView(
      inv(rec('x', { workspace: { tenantId: '42', host: 'unknown' } }), rec('y', { workspace: { tenantId: '42', host: 'live.wati.io' } })),
      S,
      NOW,
      TZ,
    );
    expect(v.groups).toHaveLength(1);
    expect(v.groups[0]!.title).toBe('live.wati.io · 42');
  });

  it('is a total order (sorting any permutation gives the same result)', () => {
    const records = [
      rec('b', { expiresAt: '2026-06-20' }),
      rec('a', { expiresAt: '2026-06-20' }),
      rec('A', { id: 'A2', expiresAt: '2026-06-20' }),
      rec('z'),
      rec('q', { status: 'revoked' }),
    ];
    const expected = names(rowsOf(buildInventoryView(inv(...records), S, NOW, TZ)));
    fc.assert(
      fc.property(fc.shuffledSubarray(records, { minLength: records.length }), (shuffled) => {
        expect(names(rowsOf(buildInventoryView(inv(...shuffled), S, NOW, TZ)))).toEqual(expected);
      }),
    );
    const rows = rowsOf(buildInventoryView(inv(...records), S, NOW, TZ));
    for (const r of rows) expect(compareRows(r, r)).toBe(0);
  });
});

describe('buildInventoryView: days left and reasons', () => {
  it('says "no expiry", "N days left", "expires today/tomorrow" and "expired N days ago"', () => {
    expect(expiryTextOf(null, false)).toBe('no expiry');
    expect(expiryTextOf(12, false)).toBe('12 days left');
    expect(expiryTextOf(1, false)).toBe('expires tomorrow');
    expect(expiryTextOf(0, false)).toBe('expires today');
    expect(expiryTextOf(0, true)).toBe('expired today');
    expect(expiryTextOf(-1, true)).toBe('expired 1 day ago');
    expect(expiryTextOf(-3, true)).toBe('expired 3 days ago');
  });

  it('counts calendar days in the time zone: a date-only expiry works all day, a date-time one stops at its instant', () => {
    const v = buildInventoryView(
      inv(
        rec('date-only-today', { expiresAt: '2026-06-15' }),
        rec('instant-passed', { expiresAt: '2026-06-15T05:00:00.000Z' }), // 07:00 in Berlin
        rec('instant-later', { expiresAt: '2026-06-15T20:00:00.000Z' }),
        rec('late-utc', { expiresAt: '2026-06-16T23:30:00.000Z' }), // 01:30 on the 17th in Berlin
      ),
      S,
      NOW,
      TZ,
    );
    const byName = new Map(rowsOf(v).map((r) => [r.name, r]));
    expect(byName.get('date-only-today')).toMatchObject({ daysLeft: 0, expired: false, expiryText: 'expires today', expiryDate: '2026-06-15' });
    expect(byName.get('instant-passed')).toMatchObject({ daysLeft: 0, expired: true, expiryText: 'expired today', bucket: 'overdue' });
    expect(byName.get('instant-later')).toMatchObject({ daysLeft: 0, expired: false, expiryText: 'expires today' });
    expect(byName.get('late-utc')).toMatchObject({ daysLeft: 2, expiryDate: '2026-06-17' });
    expect(v.today).toBe('2026-06-15');
  });

  it('gives the reasons of the reminder engine, with a short text each', () => {
    const v = buildInventoryView(
      inv(
        rec('exp', { expiresAt: '2026-06-20' }),
        rec('rot', { createdAt: '2025-12-01T10:00:00.000Z', rotationIntervalDays: 90, lastConfirmedWorkingAt: '2026-06-14T10:00:00.000Z' }),
        rec('dor', { createdAt: '2026-03-01T10:00:00.000Z' }),
        rec('rev', { status: 'replaced', revokeAt: '2026-06-15' }),
        rec('fresh', { expiresAt: '2026-09-01' }),
      ),
      S,
      NOW,
      TZ,
    );
    const reasons = Object.fromEntries(rowsOf(v).map((r) => [r.name, r.reasons]));
    expect(reasons.exp).toEqual([{ kind: 'expiring', text: 'Expires in 5 days' }]);
    expect(reasons.rot).toEqual([{ kind: 'rotation', text: 'Rotation due since 2026-03-01' }]);
    expect(reasons.dor).toEqual([{ kind: 'dormant', text: 'Not confirmed working for 106 days' }]);
    expect(reasons.rev).toEqual([{ kind: 'revoke', text: 'Replaced: revoke it in Wati' }]);
    expect(reasons.fresh).toEqual([]);
  });

  it('shows no days for revoked and replaced tokens and never flags them as expired', () => {
    const v = buildInventoryView(inv(rec('gone', { status: 'revoked', expiresAt: '2026-01-01' }), rec('old', { status: 'replaced', expiresAt: '2026-01-01' })), S, NOW, TZ);
    for (const r of rowsOf(v)) {
      expect(r.expiryText).toBe('');
      expect(r.daysLeft).toBeNull();
      expect(r.expiryDate).toBe('2026-01-01'); // still shown in the edit form
      expect(r.expired).toBe(false);
      expect(r.reasons).toEqual([]);
    }
  });

  it('builds 1,000 tokens across 20 workspaces (every record accounted for, groups sorted)', () => {
    const records = Array.from({ length: 1000 }, (_, i) =>
      rec(`tok-${i}`, {
        workspace: { tenantId: String(1000 + (i % 20)), host: 'live.wati.io' },
        createdAt: new Date(NOW - (i % 400) * DAY).toISOString(),
        expiresAt: i % 4 === 0 ? null : new Date(NOW + ((i * 37) % 500 - 60) * DAY).toISOString(),
        status: i % 50 === 0 ? 'revoked' : 'active',
      }),
    );
    const v = buildInventoryView(inv(...records), S, NOW, TZ);
    expect(v.total).toBe(1000);
    expect(v.groups).toHaveLength(20);
    expect(v.groups.reduce((n, g) => n + g.rows.length, 0)).toBe(1000);
    for (const g of v.groups) for (let i = 1; i < g.rows.length; i++) expect(compareRows(g.rows[i - 1]!, g.rows[i]!)).toBeLessThanOrEqual(0);
    const rank = ['overdue', 'expiring', 'action', 'ok', 'replaced', 'revoked'];
    const head = (i: number) => [rank.indexOf(v.groups[i]!.rows[0]!.bucket), v.groups[i]!.rows[0]!.daysLeft ?? Infinity] as const;
    for (let i = 1; i < v.groups.length; i++) {
      const [b0, d0] = head(i - 1);
      const [b1, d1] = head(i);
      expect(b0 < b1 || (b0 === b1 && d0 <= d1)).toBe(true);
    }
  });
});

describe('buildInventoryView agrees with the reminder engine', () => {
  const zones = ['UTC', 'Europe/Berlin', 'America/New_York', 'America/Santiago', 'Asia/Kolkata', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];
  const base = Date.parse('2026-01-01T00:00:00Z');
  const isoArb = fc.oneof(
    fc.integer({ min: -400, max: 400 }).map((d) => new Date(base + d * DAY).toISOString().slice(0, 10)),
    fc.integer({ min: -400 * 24, max: 400 * 24 }).map((h) => new Date(base + h * HOUR + 17 * 60_000).toISOString()),
  );
  const recordArb = fc.record({
    ws: fc.constantFrom('1', '2', '3'),
    createdAt: fc.integer({ min: -400 * 24, max: 0 }).map((h) => new Date(base + h * HOUR).toISOString()),
    expiresAt: fc.option(isoArb, { nil: null }),
    status: fc.constantFrom('active', 'active', 'active', 'replaced', 'revoked'),
    revokeAt: fc.option(isoArb, { nil: undefined }),
    seen: fc.option(fc.integer({ min: -200 * 24, max: 0 }).map((h) => new Date(base + h * HOUR).toISOString()), { nil: undefined }),
    rotation: fc.option(fc.integer({ min: 1, max: 400 }), { nil: undefined }),
  });
  const settingsArb = fc.record({
    milestonesDays: fc.array(fc.integer({ min: 1, max: 366 }), { maxLength: 5 }),
    rotationIntervalDays: fc.integer({ min: 1, max: 400 }),
    dormancyDays: fc.integer({ min: 1, max: 200 }),
    notificationsEnabled: fc.boolean(),
  });

  it('reads local days exactly like lib/reminders/calendar (also for an unknown zone)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('1970-01-02T00:00:00Z'), max: Date.parse('2100-01-01T00:00:00Z') }), fc.constantFrom(...zones, 'Not/AZone'), (ms, tz) => {
        expect(localDayReader(tz)(ms)).toBe(localDayNumber(ms, tz));
      }),
      { numRuns: 2000 },
    );
    // Around a local midnight, to the millisecond.
    const midnight = startOfLocalDay(isoDateToDayNumber('2026-09-06'), 'America/Santiago');
    expect(localDayReader('America/Santiago')(midnight)).toBe(localDayNumber(midnight, 'America/Santiago'));
    expect(localDayReader('America/Santiago')(midnight - 1)).toBe(localDayNumber(midnight - 1, 'America/Santiago'));
  });

  it('same reasons, same days left, same count as the badge, in any time zone', () => {
    fc.assert(
      fc.property(
        fc.array(recordArb, { maxLength: 12 }),
        settingsArb,
        fc.integer({ min: -60 * 24, max: 60 * 24 }),
        fc.constantFrom(...zones),
        (specs, settings, nowHours, tz) => {
          const now = base + nowHours * HOUR + 5 * 60_000;
          const records = specs.map((s, i) => {
            const r = makeRecord({
              id: `t${i}`,
              name: `t${i}`,
              workspace: { tenantId: s.ws, host: 'live.wati.io' },
              createdAt: s.createdAt,
              updatedAt: s.createdAt,
              expiresAt: s.expiresAt,
              status: s.status as TokenRecord['status'],
            });
            if (s.revokeAt !== undefined && s.status === 'replaced') r.revokeAt = s.revokeAt;
            if (s.seen !== undefined) r.lastConfirmedWorkingAt = s.seen;
            if (s.rotation !== undefined) r.rotationIntervalDays = s.rotation;
            return r;
          });
          const inventory = inv(...records);
          const view = buildInventoryView(inventory, settings, now, tz);
          const rows = new Map(rowsOf(view).map((r) => [r.id, r]));
          const flagged = new Set<string>();
          for (const ws of ['1', '2', '3']) {
            for (const item of workspaceAttention(inventory, settings, now, tz, ws)) {
              flagged.add(item.tokenId);
              const row = rows.get(item.tokenId)!;
              expect(row.reasons.map((x) => x.kind)).toEqual(item.kinds);
              expect(row.daysLeft).toBe(item.daysLeft);
              expect(row.severity).toBe(item.severity);
              if (row.status === 'active') expect(row.expiryDate).toBe(item.expiryDate);
            }
          }
          for (const row of rows.values()) if (!flagged.has(row.id)) expect(row.reasons).toEqual([]);
          const badge = evaluateReminders({ inventory, settings, state: emptyReminderState(), now, timeZone: tz }).badge;
          expect(view.attentionCount).toBe(badge.count);
        },
      ),
      { numRuns: 300 },
    );
  });
});
