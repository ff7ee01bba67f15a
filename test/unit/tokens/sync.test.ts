import { describe, expect, it } from 'vitest';
import { reconcileWithList } from '@/lib/tokens/sync';
import type { Inventory } from '@/lib/tokens/record';
import { makeRecord, T0 } from './helpers';

const ws = { tenantId: '123456', host: 'live-mt-server.wati.io' };
const other = { tenantId: '777', host: 'live-mt-server.wati.io' };
const inv = (...records: ReturnType<typeof makeRecord>[]): Inventory => ({ version: 1, records, quarantine: [] });
const NOW = T0 + 10 * 86_400_000;

describe('reconcileWithList', () => {
  it('adds unknown rows as synced records, matches known ones by name, reports missing ones', () => {
    const start = inv(
      makeRecord({ id: 'a', name: 'CRM sync', expiresAt: '2026-06-01T00:00:00.000Z' }),
      makeRecord({ id: 'b', name: 'old bot' }),
      makeRecord({ id: 'c', name: 'revoked one', status: 'revoked' }),
      makeRecord({ id: 'z', name: 'other ws', workspace: other }),
    );
    const r = reconcileWithList(start, ws, [
      { name: 'crm sync ', expiresAt: '2026-06-01' },
      { name: 'ERP', createdAt: '2026-01-20', expiresAt: null, scopes: ['api'] },
    ], NOW);
    expect(r.updated).toEqual([]); // same day: the precise time is kept
    expect(r.added).toHaveLength(1);
    expect(r.added[0]).toMatchObject({ name: 'ERP', source: 'synced', status: 'active', createdAt: '2026-01-20', expiresAt: null, scopes: ['api'], workspace: ws });
    expect(r.missing.map((m) => m.id)).toEqual(['b']);
    expect(r.inventory.records).toHaveLength(5); // nothing deleted
    expect(r.inventory.records.find((x) => x.id === 'b')!.status).toBe('active'); // only offered, never changed
  });

  it('updates expiry and status changes from the page', () => {
    const start = inv(makeRecord({ id: 'a', name: 'crm', expiresAt: '2026-06-01' }), makeRecord({ id: 'b', name: 'bot', status: 'revoked' }));
    const r = reconcileWithList(start, ws, [
      { name: 'crm', expiresAt: '2026-09-01', status: 'revoked' },
      { name: 'bot', status: 'active' },
    ], NOW);
    expect(r.updated.map((u) => [u.id, u.status, u.expiresAt])).toEqual([
      ['a', 'revoked', '2026-09-01'],
      ['b', 'active', null],
    ]);
    expect(r.updated.every((u) => u.updatedAt === new Date(NOW).toISOString())).toBe(true);
  });

  it('uses the creation date when names repeat', () => {
    const start = inv(
      makeRecord({ id: 'jan', name: 'crm', createdAt: '2026-01-05T10:00:00Z' }),
      makeRecord({ id: 'mar', name: 'crm', createdAt: '2026-03-05T10:00:00Z' }),
    );
    const r = reconcileWithList(start, ws, [
      { name: 'crm', createdAt: '2026-03-05', expiresAt: '2026-09-05' },
      { name: 'crm', createdAt: '2026-05-01' },
    ], NOW);
    expect(r.updated.map((u) => u.id)).toEqual(['mar']);
    expect(r.added.map((a) => a.createdAt)).toEqual(['2026-05-01']);
    expect(r.missing.map((m) => m.id)).toEqual(['jan']);
  });

  it('re-running with the same list changes nothing (ids are unique and stable)', () => {
    const list = [{ name: 'x', createdAt: '2026-01-02' }, { name: 'x', createdAt: '2026-01-09' }];
    const once = reconcileWithList(inv(), ws, list, NOW);
    expect(new Set(once.added.map((a) => a.id)).size).toBe(2);
    const twice = reconcileWithList(once.inventory, ws, list, NOW + 1000);
    expect(twice.added).toEqual([]);
    expect(twice.updated).toEqual([]);
    expect(twice.missing).toEqual([]);
  });

  it('skips rows without a name', () => {
    const r = reconcileWithList(inv(), ws, [{ name: '  ' }, { name: undefined as unknown as string }], NOW);
    expect(r.skipped).toBe(2);
    expect(r.added).toEqual([]);
  });
});
