import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  createRecord,
  deleteRecord,
  emptyInventory,
  findByFingerprint,
  InventoryError,
  linkRotation,
  markConfirmedWorking,
  markRevoked,
  migrateInventory,
  migrateV0ToV1,
  parseInventory,
  recordsForWorkspace,
  repairRecord,
  sameWorkspace,
  upsertRecord,
  UNNAMED,
  type Inventory,
} from '@/lib/tokens/record';
import { makeJwt, makeRecord, T0 } from './helpers';

const inv = (records: unknown[], extra: Record<string, unknown> = {}) => ({ version: 1, records, quarantine: [], ...extra });

describe('parseInventory', () => {
  it('reads undefined / null as an empty inventory', () => {
    expect(parseInventory(undefined, T0)).toEqual({ inventory: emptyInventory(), repaired: [] });
    expect(parseInventory(null, T0).inventory.records).toEqual([]);
  });

  it('keeps a valid inventory as is, with no messages', () => {
    const good = inv([makeRecord(), makeRecord({ id: 'tok-2', expiresAt: '2026-12-31', notes: 'CRM' })]);
    const { inventory, repaired } = parseInventory(good, T0);
    expect(repaired).toEqual([]);
    expect(inventory).toEqual(good);
  });

  it('repairs field by field, each with a message', () => {
    const raw = { ...makeRecord(), status: undefined, notes: 42, lastConfirmedWorkingAt: 'yesterday', name: undefined, scopes: 'api', extra: 1 };
    const { inventory, repaired } = parseInventory(inv([raw]), T0);
    const r = inventory.records[0]!;
    expect(r.status).toBe('active');
    expect(r.notes).toBeUndefined();
    expect(r.lastConfirmedWorkingAt).toBeUndefined();
    expect(r.name).toBe(UNNAMED);
    expect(r.scopes).toEqual([]);
    expect('extra' in r).toBe(false);
    expect(r.id).toBe('tok-1');
    expect(r.expiresAt).toBeNull();
    expect(repaired).toHaveLength(6);
    expect(repaired.join('\n')).toMatch(/status was missing; set to "active"/);
    expect(repaired.join('\n')).toMatch(/notes were not text/);
    expect(repaired.join('\n')).toMatch(/lastConfirmedWorkingAt/);
    expect(repaired.join('\n')).toMatch(/unknown field "extra"/);
    expect(inventory.quarantine).toEqual([]);
  });

  it('repairs the required fields it can (dates, workspace, source, ids)', () => {
    const raw = { name: 'ERP', scopes: ['api', 7], createdAt: 'not a date', updatedAt: '2026-02-01T00:00:00Z', expiresAt: '2026-02-30', source: 'magic', workspace: { tenantId: 5, host: 'live.wati.io' }, fingerprint: 'sha256:0123456789abcdef' };
    const { inventory, repaired } = parseInventory(inv([raw]), T0);
    const r = inventory.records[0]!;
    expect(r).toMatchObject({
      id: 'fp:sha256:0123456789abcdef',
      name: 'ERP',
      scopes: ['api'],
      createdAt: '2026-02-01T00:00:00Z',
      expiresAt: null,
      source: 'manual',
      workspace: { tenantId: 'unknown', host: 'live.wati.io' },
    });
    expect(repaired.length).toBeGreaterThanOrEqual(6);
  });

  it('quarantines what cannot be repaired, never silently dropping it', () => {
    const { inventory, repaired } = parseInventory(inv([42, null, { scopes: ['api'] }, makeRecord()]), T0);
    expect(inventory.records.map((r) => r.id)).toEqual(['tok-1']);
    expect(inventory.quarantine.map((q) => q.raw)).toEqual([42, null, { scopes: ['api'] }]);
    expect(inventory.quarantine[2]!.error).toMatch(/neither a usable id nor a name/);
    expect(inventory.quarantine.every((q) => q.at === new Date(T0).toISOString())).toBe(true);
    expect(repaired).toHaveLength(3);
  });

  it('duplicate ids: the newer stays, the older goes to quarantine', () => {
    const older = makeRecord({ name: 'old', updatedAt: '2026-01-01T00:00:00Z' });
    const newer = makeRecord({ name: 'new', updatedAt: '2026-02-01T00:00:00Z' });
    const { inventory } = parseInventory(inv([older, newer]), T0);
    expect(inventory.records.map((r) => r.name)).toEqual(['new']);
    expect(inventory.quarantine[0]!.error).toMatch(/duplicate id/);
  });

  it('never keeps a token: secrets in names, notes and quarantined data are redacted', () => {
    const jwt = makeJwt({ tenant_id: '1', scope: 'api' });
    const { inventory, repaired } = parseInventory(inv([makeRecord({ notes: `old token ${jwt}`, name: jwt }), { token: jwt }]), T0);
    expect(inventory.records[0]!.notes).toBe('old token [redacted]');
    expect(inventory.records[0]!.name).toBe(UNNAMED);
    expect(JSON.stringify(inventory)).not.toContain(jwt);
    expect(repaired.join('\n')).not.toContain(jwt);
  });

  it('truncates notes over 2000 characters', () => {
    const { inventory, repaired } = parseInventory(inv([makeRecord({ notes: 'x '.repeat(1500) })]), T0);
    expect(inventory.records[0]!.notes).toHaveLength(2000);
    expect(repaired[0]).toMatch(/shortened/);
  });

  it('keeps an inventory that is not an object, or from a newer version, in quarantine untouched', () => {
    expect(parseInventory('garbage', T0).inventory.quarantine[0]).toMatchObject({ raw: 'garbage' });
    const future = { version: 2, records: [{ whatever: true }] };
    const p = parseInventory(future, T0);
    expect(p.inventory.records).toEqual([]);
    expect(p.inventory.quarantine[0]).toMatchObject({ raw: future, error: expect.stringMatching(/newer/) });
  });

  it('keeps existing quarantine entries across reads', () => {
    const once = parseInventory(inv([42]), T0).inventory;
    const twice = parseInventory(once, T0 + 1000);
    expect(twice.inventory).toEqual(once);
    expect(twice.repaired).toEqual([]);
  });

  it('property: never throws; every input record ends up kept or quarantined; a second read repairs nothing', () => {
    const recordish = fc.oneof(
      fc.anything(),
      fc.record(
        {
          id: fc.oneof(fc.string(), fc.integer()),
          name: fc.oneof(fc.string(), fc.constant(undefined)),
          scopes: fc.oneof(fc.array(fc.string()), fc.string()),
          createdAt: fc.oneof(fc.constant('2026-01-01'), fc.string()),
          expiresAt: fc.oneof(fc.constant(null), fc.constant('2026-06-01T00:00:00Z'), fc.string()),
          status: fc.oneof(fc.constantFrom('active', 'revoked', 'replaced'), fc.string()),
          notes: fc.oneof(fc.string(), fc.integer()),
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(fc.array(recordish, { maxLength: 8 }), (records) => {
        const first = parseInventory({ version: 1, records, quarantine: [] }, T0);
        expect(first.inventory.records.length + first.inventory.quarantine.length).toBe(records.length);
        const second = parseInventory(JSON.parse(JSON.stringify(first.inventory)), T0);
        expect(second.repaired).toEqual([]);
        expect(second.inventory.records).toEqual(first.inventory.records);
      }),
      { numRuns: 300 },
    );
    fc.assert(fc.property(fc.anything(), (raw) => { parseInventory(raw, T0); }));
  });
});

describe('migrations', () => {
  const v0 = {
    tokens: [
      { name: 'crm', scopes: ['contacts:read'], created: Date.parse('2025-10-01T09:00:00Z'), expiry: Date.parse('2026-04-01T00:00:00Z') },
      { name: 'bot', scopes: [], created: '2025-11-02T00:00:00.000Z', expiry: null },
    ],
  };

  it('v0 → v1 is a pure function giving v1-shaped records', () => {
    const out = migrateV0ToV1(v0) as Inventory;
    expect(out.version).toBe(1);
    expect(out.records[0]).toMatchObject({
      name: 'crm',
      scopes: ['contacts:read'],
      createdAt: '2025-10-01T09:00:00.000Z',
      expiresAt: '2026-04-01T00:00:00.000Z',
      workspace: { tenantId: 'unknown', host: 'unknown' },
      status: 'active',
      source: 'manual',
    });
    expect(out.records[1]).toMatchObject({ expiresAt: null, createdAt: '2025-11-02T00:00:00.000Z' });
    expect(migrateV0ToV1(v0)).toEqual(out); // deterministic ids
    expect(out.records[0]!.id).not.toBe(out.records[1]!.id);
  });

  it('migrateInventory detects v0 and parseInventory reads it, saying so', () => {
    expect(migrateInventory(v0).fromVersion).toBe(0);
    expect(migrateInventory({ version: 1, records: [] }).fromVersion).toBe(1);
    const { inventory, repaired } = parseInventory(v0, T0);
    expect(inventory.records).toHaveLength(2);
    expect(repaired[0]).toMatch(/upgraded from version 0 to 1/);
  });

  it('a malformed v0 token is quarantined, not lost', () => {
    const { inventory } = parseInventory({ tokens: [{ scopes: 'x' }, 'junk'] }, T0);
    expect(inventory.records).toHaveLength(1); // the first got a v0 id and "Unnamed token"
    expect(inventory.quarantine.map((q) => q.raw)).toEqual(['junk']);
  });
});

describe('repairRecord', () => {
  it('validates capture payloads', () => {
    expect(repairRecord(makeRecord(), T0)).toEqual({ record: makeRecord(), messages: [] });
    expect(repairRecord('x', T0).error).toMatch(/not an object/);
  });
});

describe('helpers', () => {
  const base: Inventory = { version: 1, records: [makeRecord(), makeRecord({ id: 'tok-2', name: 'bot', fingerprint: 'sha256:00112233aabbccdd' })], quarantine: [] };

  it('createRecord builds a valid active record and rejects invalid input', () => {
    const r = createRecord({ id: 'n1', workspace: { tenantId: '1', host: 'h' }, name: 'crm', scopes: ['api'], expiresAt: '2026-12-31', source: 'captured' }, T0);
    expect(r).toMatchObject({ status: 'active', createdAt: new Date(T0).toISOString(), updatedAt: new Date(T0).toISOString() });
    expect(() => createRecord({ id: 'n1', workspace: { tenantId: '1', host: 'h' }, name: ' ', scopes: [], expiresAt: null, source: 'captured' }, T0)).toThrow(InventoryError);
  });

  it('upsert, find, revoke, confirm, delete are pure', () => {
    const snapshot = structuredClone(base);
    const up = upsertRecord(base, makeRecord({ name: 'renamed' }));
    expect(up.records[0]!.name).toBe('renamed');
    expect(upsertRecord(base, makeRecord({ id: 'tok-3' })).records).toHaveLength(3);
    expect(findByFingerprint(base, 'sha256:00112233aabbccdd')?.id).toBe('tok-2');
    expect(findByFingerprint(base, 'sha256:ffffffffffffffff')).toBeUndefined();
    expect(markRevoked(base, 'tok-1', T0).records[0]).toMatchObject({ status: 'revoked', updatedAt: new Date(T0).toISOString() });
    expect(markConfirmedWorking(base, 'tok-1', T0).records[0]!.lastConfirmedWorkingAt).toBe(new Date(T0).toISOString());
    expect(() => markRevoked(base, 'nope', T0)).toThrow(/No token record/);
    expect(deleteRecord(base, 'tok-1').records.map((r) => r.id)).toEqual(['tok-2']);
    expect(base).toEqual(snapshot);
  });

  it('linkRotation links both ways and schedules the revoke; deleting unlinks', () => {
    const linked = linkRotation(base, 'tok-1', 'tok-2', '2026-02-01T00:00:00Z', T0);
    expect(linked.records[0]).toMatchObject({ status: 'replaced', replacedBy: 'tok-2', revokeAt: '2026-02-01T00:00:00Z' });
    expect(linked.records[1]).toMatchObject({ replaces: 'tok-1' });
    expect(deleteRecord(linked, 'tok-1').records[0]!.replaces).toBeUndefined();
    expect(markRevoked(linked, 'tok-1', T0).records[0]!.revokeAt).toBeUndefined();
    expect(() => linkRotation(base, 'tok-1', 'tok-1', null, T0)).toThrow();
    expect(() => linkRotation(base, 'tok-1', 'tok-2', 'tomorrow', T0)).toThrow(/revoke date/);
  });

  it('recordsForWorkspace matches by tenant id, else by host; "unknown" never matches', () => {
    const i: Inventory = {
      version: 1,
      quarantine: [],
      records: [
        makeRecord({ id: 'a', workspace: { tenantId: '123456', host: 'x' } }),
        makeRecord({ id: 'b', workspace: { tenantId: '999', host: 'x' } }),
        makeRecord({ id: 'c', workspace: { tenantId: '', host: 'acme.wati.io' } }),
        makeRecord({ id: 'd', workspace: { tenantId: 'unknown', host: 'unknown' } }),
      ],
    };
    expect(recordsForWorkspace(i, '123456').map((r) => r.id)).toEqual(['a']);
    expect(recordsForWorkspace(i, { host: 'ACME.wati.io' }).map((r) => r.id)).toEqual(['c']);
    expect(recordsForWorkspace(i, 'unknown')).toEqual([]);
    expect(sameWorkspace({ tenantId: 'unknown', host: 'unknown' }, { tenantId: 'unknown', host: 'unknown' })).toBe(false);
  });
});
