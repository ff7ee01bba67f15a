import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import {
  fastValidRecord,
  parseInventory,
  RECORD_KEYS,
  repairRecord,
  TokenRecordSchema,
  type DateMemo,
  type TokenRecord,
} from '@/lib/tokens/record';
import { makeJwt, makeRecord, T0 } from './helpers';

/**
 * `fastValidRecord` (the zod-free path `parseInventory` takes for records exactly as the extension
 * writes them) must accept only what `TokenRecordSchema` accepts with no unknown key, and return
 * exactly zod's output. Checked on random records that are mostly valid, with every kind of fault
 * the schema knows about mixed in field by field.
 */

z.config({ jitless: true });

const long = (n: number, c = 'a') => c.repeat(n);
const SECRET_OPAQUE = 'Xk9fQ2LmZp7RtV4bN8cW1sYhJ3gD6eAu'; // 32 chars, mixed case and digits
const JWT = makeJwt({ exp: 1_900_000_000, tenant_id: '1' });

/** Valid values (weighted) or one of the faults the schema rejects or strips. */
function field<T>(valid: fc.Arbitrary<T>, faults: unknown[]): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: valid, weight: 12 }, { arbitrary: fc.constantFrom(...faults), weight: 1 });
}

const isoDateTime = fc
  .integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) })
  .map((ms) => new Date(ms).toISOString());
const isoDate = isoDateTime.map((s) => s.slice(0, 10));
const validIso = fc.oneof(isoDateTime, isoDate, fc.constantFrom('2026-05-01T10:00+05:30', '2026-05-01T10:00:00+0530', '2026-05-01t10:00:00z', '2026-05-01T10:00:00.123456789Z'));
const badIso = ['2026-02-30', '2026-05-01T10:00:00', '1969-12-31', 'yesterday', '', 42, null, '2026-05-01T24:00:00Z', '2026-05-01T10:00:00+15:00', ['2026-05-01']];

const shortText = fc.string({ maxLength: 40 });
const idLike = fc.oneof(fc.string({ minLength: 1, maxLength: 30 }), fc.constantFrom(long(200), 'tok-1'));
const name = fc.oneof(
  fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== ''),
  fc.constantFrom(long(200, 'n'), `crm ${long(31, 'x')}`, `a ${long(40, 'b')}`, 'integration-1-crm-0', ` ${SECRET_OPAQUE.slice(0, 31)} `),
);
const workspace = fc.record(
  { tenantId: fc.oneof(fc.string({ maxLength: 10 }), fc.constant(long(64))), host: fc.oneof(fc.string({ maxLength: 20 }), fc.constant(long(253))), label: fc.string({ maxLength: 20 }) },
  { requiredKeys: ['tenantId', 'host'] },
);
const scopes = fc.array(fc.oneof(fc.string({ minLength: 1, maxLength: 20 }), fc.constant(long(200))), { maxLength: 6 });
const intent = fc.record({
  presets: fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }),
  endpoints: fc.array(fc.record({ method: fc.string({ minLength: 1, maxLength: 16 }), path: fc.string({ minLength: 1, maxLength: 30 }) }), { maxLength: 3 }),
});
const fingerprint = fc.stringMatching(/^sha256:[0-9a-f]{16}$/);
const notes = fc.oneof(shortText, fc.constantFrom(long(2000), `see ${SECRET_OPAQUE.slice(0, 30)} here`));

const faultyRecord = fc
  .record(
    {
      id: field(idLike, ['', long(201), 7, null, ['x']]),
      workspace: field(workspace, [
        null,
        'live.wati.io',
        [],
        { tenantId: long(65), host: 'h' },
        { tenantId: '1', host: 2 },
        { tenantId: '1', host: 'h', label: long(201) },
        { tenantId: '1', host: 'h', label: undefined },
        { tenantId: '1', host: 'h', extra: true },
        { tenantId: '1' },
        Object.assign(Object.create(null), { tenantId: '1', host: 'h' }),
        new (class Ws {
          tenantId = '1';
          host = 'h';
        })(),
      ]),
      name: field(name, ['', '   ', long(201), JWT, `crm ${SECRET_OPAQUE}`, SECRET_OPAQUE, 12, null]),
      scopes: field(scopes, ['api', [''], [long(201)], [1], Array.from({ length: 501 }, () => 's'), null, { 0: 'a' }]),
      intent: field(intent, [
        null,
        { presets: [] },
        { presets: [long(201)], endpoints: [] },
        { presets: [], endpoints: [{ method: '', path: '/' }] },
        { presets: [], endpoints: [{ method: 'GET', path: '/', extra: 1 }] },
        { presets: [], endpoints: [], extra: 1 },
        { presets: Array.from({ length: 201 }, () => 'p'), endpoints: [] },
      ]),
      createdAt: field(validIso, badIso),
      expiresAt: field(fc.oneof(validIso, fc.constant(null)), badIso.filter((x) => x !== null).concat([undefined as never])),
      rotationIntervalDays: field(fc.integer({ min: 1, max: 3650 }), [0, 3651, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '30', -0, null]),
      fingerprint: field(fingerprint, ['sha256:ABCDEF0123456789', 'sha256:abc', 'md5:0123456789abcdef', 1]),
      source: field(fc.constantFrom('captured', 'synced', 'manual'), ['imported', '', null, 'Manual']),
      status: field(fc.constantFrom('active', 'revoked', 'replaced'), ['expired', null, 'ACTIVE']),
      lastConfirmedWorkingAt: field(validIso, badIso),
      notes: field(notes, [long(2001), JWT, `token: ${SECRET_OPAQUE}`, 3, null]),
      replaces: field(idLike, ['', long(201), 1]),
      replacedBy: field(idLike, ['', long(201), 1]),
      revokeAt: field(validIso, badIso),
      updatedAt: field(validIso, badIso),
    },
    { requiredKeys: ['id', 'workspace', 'name', 'scopes', 'createdAt', 'expiresAt', 'source', 'status', 'updatedAt'] },
  )
  .chain((r) =>
    // Sometimes an unknown key, a missing or explicitly undefined one, or another key order.
    fc.tuple(fc.constant(r), fc.constantFrom<'none' | 'extra' | 'drop' | 'undef' | 'reverse'>('none', 'none', 'none', 'extra', 'drop', 'undef', 'reverse'), fc.constantFrom(...RECORD_KEYS)),
  )
  .map(([r, twist, key]) => {
    const o: Record<string, unknown> = { ...r };
    if (twist === 'extra') o.unexpected = 1;
    if (twist === 'undef') o[key] = undefined;
    if (twist === 'drop') delete o[key];
    if (twist === 'reverse') return Object.fromEntries(Object.entries(o).reverse());
    return o;
  });

/** A record the schema accepts, in any field combination. */
const validRecord = fc.record(
  {
    id: idLike,
    workspace,
    name: name.filter((s) => !s.includes(SECRET_OPAQUE.slice(0, 31))),
    scopes,
    intent,
    createdAt: validIso,
    expiresAt: fc.oneof(validIso, fc.constant(null)),
    rotationIntervalDays: fc.integer({ min: 1, max: 3650 }),
    fingerprint,
    source: fc.constantFrom('captured', 'synced', 'manual'),
    status: fc.constantFrom('active', 'revoked', 'replaced'),
    lastConfirmedWorkingAt: validIso,
    notes: shortText,
    replaces: idLike,
    replacedBy: idLike,
    revokeAt: validIso,
    updatedAt: validIso,
  },
  { requiredKeys: ['id', 'workspace', 'name', 'scopes', 'createdAt', 'expiresAt', 'source', 'status', 'updatedAt'] },
);

function viaSchema(raw: unknown): TokenRecord | undefined {
  const r = TokenRecordSchema.safeParse(raw);
  const unknownKeys = typeof raw === 'object' && raw !== null ? Object.keys(raw).filter((k) => !(RECORD_KEYS as string[]).includes(k)) : [];
  return r.success && unknownKeys.length === 0 ? r.data : undefined;
}

describe('fastValidRecord: the same answer as TokenRecordSchema', () => {
  it('accepts only what the schema accepts (no unknown key), with exactly its output', () => {
    let fast = 0;
    let schemaOnly = 0;
    const memo: DateMemo = new Map(); // shared across records, as in one parseInventory read
    fc.assert(
      fc.property(faultyRecord, (raw) => {
        const got = fastValidRecord(raw, memo);
        const want = viaSchema(raw);
        if (got === undefined) {
          if (want !== undefined) schemaOnly++;
          return;
        }
        fast++;
        expect(want).toBeDefined();
        expect(got).toStrictEqual(want);
        expect(JSON.stringify(got)).toBe(JSON.stringify(want)); // same key order
      }),
      { numRuns: 4000 },
    );
    // Both sides were exercised.
    expect(fast).toBeGreaterThan(200);
    expect(schemaOnly).toBeGreaterThan(10);
  });

  it('accepts every record the schema accepts when it has the expected shape', () => {
    fc.assert(
      fc.property(validRecord, (raw) => {
        const want = viaSchema(raw);
        if (want === undefined) return; // e.g. a generated name that looks like a token
        const got = fastValidRecord(raw);
        expect(got).toStrictEqual(want);
        expect(JSON.stringify(got)).toBe(JSON.stringify(want));
      }),
      { numRuns: 2000 },
    );
  });

  it('returns fresh objects and arrays, as zod does (the stored value is never shared)', () => {
    const raw = makeRecord({ intent: { presets: ['p'], endpoints: [{ method: 'GET', path: '/api/v1/x' }] }, workspace: { tenantId: '1', host: 'h', label: 'L' } });
    const got = fastValidRecord(raw)!;
    expect(got).toStrictEqual(raw);
    expect(got).not.toBe(raw);
    expect(got.workspace).not.toBe(raw.workspace);
    expect(got.scopes).not.toBe(raw.scopes);
    expect(got.intent).not.toBe(raw.intent);
    expect(got.intent!.endpoints[0]).not.toBe(raw.intent!.endpoints[0]);
  });

  it('repairRecord and parseInventory give the same result as the schema-only path', () => {
    fc.assert(
      fc.property(fc.array(faultyRecord, { maxLength: 8 }), (records) => {
        const { inventory, repaired } = parseInventory({ version: 1, records, quarantine: [] }, T0);
        records.forEach((raw, i) => {
          const want = viaSchema(raw);
          const res = repairRecord(raw, T0, i);
          if (want !== undefined) expect(res).toStrictEqual({ record: want, messages: [] });
        });
        // Nothing dropped: every record is kept or quarantined.
        expect(inventory.records.length + inventory.quarantine.length).toBe(records.length);
        expect(Array.isArray(repaired)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('still sends near-misses through the repair, with messages', () => {
    const { inventory, repaired } = parseInventory({ version: 1, records: [{ ...makeRecord(), scopes: [''], extra: 1 }], quarantine: [] }, T0);
    expect(inventory.records[0]!.scopes).toEqual([]);
    expect(repaired.some((m) => m.includes('unknown field "extra"'))).toBe(true);
    expect(repaired.some((m) => m.includes('some scopes were invalid'))).toBe(true);
  });
});
