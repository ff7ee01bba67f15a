import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exportJson } from '@/lib/tokens/export';
import { mergeInventories, parseImport, type ImportResult } from '@/lib/tokens/import';
import { emptyInventory, parseInventory, type Inventory } from '@/lib/tokens/record';
import { previewImport } from '@/lib/ui/import-flow';
import { makeRecord, T0 } from './helpers';

/**
 * Security review, finding 10: no import file of any shape may throw; every failure is a listed,
 * path-named error and nothing changes; the 10,000-record limit is enforced where the file is
 * parsed; quarantined `raw` is capped.
 */

const envelope = (inventory: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'wati-token-guard', version: 1, exportedAt: '2026-01-15T10:00:00.000Z', inventory, ...extra });
const deepArray = (n: number, leaf: unknown = 'x') => '['.repeat(n) + JSON.stringify(leaf) + ']'.repeat(n);
const deepObject = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);
/** A file whose record has an unknown field holding `json` (raw JSON text, so it can be deeper than JSON.stringify goes). */
const withField = (json: string, where: 'record' | 'quarantine' | 'settings' | 'top' = 'record') => {
  const rec = JSON.stringify(makeRecord()).slice(0, -1);
  if (where === 'record') return `{"format":"wati-token-guard","version":1,"inventory":{"version":1,"records":[${rec},"extra":${json}}],"quarantine":[]}}`;
  if (where === 'quarantine') return `{"format":"wati-token-guard","version":1,"inventory":{"version":1,"records":[],"quarantine":[{"raw":${json},"error":"e","at":"2026-01-01T00:00:00.000Z"}]}}`;
  if (where === 'settings') return `{"format":"wati-token-guard","version":1,"inventory":{"version":1,"records":[],"quarantine":[]},"settings":${json}}`;
  return `{"format":"wati-token-guard","version":1,"inventory":{"version":1,"records":[],"quarantine":[]},"x":${json}}`;
};

function expectListedErrors(r: ImportResult) {
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.errors.length).toBeGreaterThan(0);
  for (const e of r.errors) {
    expect(typeof e.path).toBe('string');
    expect(typeof e.message).toBe('string');
    expect(e.message.length).toBeGreaterThan(0);
  }
}

describe('the record limit is enforced where the file is parsed', () => {
  it('10,001 records: one clear error naming the limit and the count', () => {
    const records = Array.from({ length: 10_001 }, (_, i) => makeRecord({ id: `t${i}`, name: `n${i}` }));
    const r = parseImport(envelope({ version: 1, records, quarantine: [] }), T0);
    expect(r).toEqual({ ok: false, errors: [{ path: 'inventory.records', message: expect.stringMatching(/10,001 records.*at most 10,000/) }] });
    const p = previewImport(envelope({ version: 1, records, quarantine: [] }), 'big.json', emptyInventory(), T0);
    expect(p.step).toBe('invalid');
  }, 60_000);
  it('10,000 records are fine', () => {
    const records = Array.from({ length: 10_000 }, (_, i) => makeRecord({ id: `t${i}`, name: `n${i}` }));
    expect(parseImport(envelope({ version: 1, records, quarantine: [] }), T0).ok).toBe(true);
  }, 60_000);
});

describe('no input of any shape throws', () => {
  it.each([
    ['a depth bomb in an unknown record field (arrays)', withField(deepArray(100_000))],
    ['a depth bomb in an unknown record field (objects)', withField(deepObject(50_000))],
    ['a depth bomb in quarantine raw', withField(deepArray(100_000), 'quarantine')],
    ['a depth bomb in settings', withField(deepArray(100_000), 'settings')],
    ['a depth bomb at the top level', withField(deepArray(100_000), 'top')],
    ['a huge string', withField(JSON.stringify('x'.repeat(5_000_000)))],
    ['a huge name', envelope({ version: 1, records: [makeRecord({ name: 'y'.repeat(3_000_000) })], quarantine: [] })],
    ['__proto__ keys', `{"format":"wati-token-guard","version":1,"__proto__":{"polluted":1},"inventory":{"version":1,"__proto__":{"x":1},"records":[{"__proto__":{"polluted":1},"id":"a","name":"b"}],"quarantine":[{"raw":{"__proto__":{"polluted":1}},"error":"e","at":"2026-01-01T00:00:00.000Z"}]},"settings":{"__proto__":{"polluted":1}}}`],
    ['a non-object root (array)', '[1,2,3]'],
    ['a non-object root (string)', '"hello"'],
    ['a non-object root (null)', 'null'],
    ['a deep root', deepArray(100_000)],
  ])('%s', (_what, text) => {
    const current = parseInventory({ version: 1, records: [makeRecord()], quarantine: [] }, T0).inventory;
    const before = JSON.stringify(current);
    let r: ImportResult | undefined;
    expect(() => (r = parseImport(text, T0))).not.toThrow();
    expect(() => previewImport(text, 'f.json', current, T0)).not.toThrow();
    expect(JSON.stringify(current)).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (r && r.ok) {
      // Accepted (unknown fields are ignored with a warning): whatever it brings must be storable.
      expect(() => structuredClone(r)).not.toThrow();
      const ok = r;
      expect(() => JSON.stringify(mergeInventories(current, ok.inventory))).not.toThrow();
    } else if (r) expectListedErrors(r);
  }, 60_000);

  it('quarantined raw is capped and marked as truncated, wherever entries are made', () => {
    const big = { blob: 'z'.repeat(100_000) };
    const r = parseImport(envelope({ version: 1, records: [], quarantine: [{ raw: big, error: 'e', at: '2026-01-01T00:00:00.000Z' }] }), T0);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const raw = r.inventory.quarantine[0]!.raw as Record<string, unknown>;
    expect(raw).toMatchObject({ truncated: true, kind: 'object' });
    expect(JSON.stringify(raw).length).toBeLessThan(10_000);
    expect(r.warnings.join('\n')).toMatch(/too large/);

    const stored = parseInventory({ version: 1, records: [{ ...big }, JSON.parse(deepArray(10_000))], quarantine: [{ raw: JSON.parse(deepArray(50_000)), error: 'e', at: 'x' }] }, T0).inventory;
    for (const q of stored.quarantine) {
      expect(() => JSON.stringify(q)).not.toThrow();
      expect(JSON.stringify(q).length).toBeLessThan(10_000);
    }
    expect(stored.quarantine).toHaveLength(3);
    // A second read keeps the truncated entries as they are.
    expect(parseInventory(stored, T0 + 1).inventory).toEqual(stored);
  });

  it('an inventory from a newer version too big for one entry is set aside record by record, none lost', () => {
    const records = Array.from({ length: 50 }, (_, i) => ({ i, blob: 'b'.repeat(500) }));
    const { inventory } = parseInventory({ version: 2, records }, T0);
    expect(inventory.quarantine).toHaveLength(51);
    expect(inventory.quarantine.slice(0, 50).map((q) => q.raw)).toEqual(records);
  });
});

// ------------------------------------------------------------------------------------------------
// Fuzz: 1,000 generated files.

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const validRecord = fc
  .record({ id: fc.uuid(), name: fc.constantFrom('crm-sync-prod-2026-11', 'bot', 'zapier-orders-eu'), exp: fc.option(fc.constantFrom('2026-12-31', '2027-06-01T00:00:00.000Z'), { nil: null }), scopes: fc.subarray(['contactsv3:write', 'api', 'messagetemplate:read']) })
  .map(({ id, name, exp, scopes }) => makeRecord({ id, name, expiresAt: exp, scopes }));
const validInventory: fc.Arbitrary<Inventory> = fc.uniqueArray(validRecord, { maxLength: 6, selector: (r) => r.id }).map((records) => ({ version: 1, records, quarantine: [] }));

/** One mutation that makes a valid file almost valid. */
const breakers: Array<(o: Record<string, unknown>, pick: number) => void> = [
  (o) => delete o.format,
  (o) => (o.version = 2),
  (o) => ((o.inventory as Inventory).version = 0 as 1),
  (o, n) => {
    const rs = (o.inventory as Inventory).records;
    if (rs.length) (rs[n % rs.length] as Record<string, unknown>).expiresAt = 'soon';
    else (o.inventory as Record<string, unknown>).records = 'none';
  },
  (o, n) => {
    const rs = (o.inventory as Inventory).records;
    if (rs.length) (rs[n % rs.length] as Record<string, unknown>).token = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ0ZW5hbnRfaWQiOiIxIn0.' + B64.repeat(1).slice(0, 43);
    else o.inventory = null;
  },
  (o, n) => {
    const rs = (o.inventory as Inventory).records;
    rs.push({ ...(rs[0] ?? makeRecord()), id: rs[0]?.id ?? 'tok-1' }, rs[0] ?? makeRecord());
    if (n % 2) rs.push(42 as never);
  },
  (o) => ((o.inventory as Record<string, unknown>).quarantine = {}),
  (o) => (o.settings = { version: 1, clipboardClearSeconds: 7 }),
];

type Case = { kind: 'valid'; inv: Inventory; text: string } | { kind: 'invalid' | 'any'; text: string };
const caseArb: fc.Arbitrary<Case> = fc.oneof(
  // valid
  { weight: 3, arbitrary: validInventory.map((inv): Case => ({ kind: 'valid', inv, text: exportJson(inv, undefined, T0) })) },
  // almost valid
  {
    weight: 4,
    arbitrary: fc.tuple(validInventory, fc.integer({ min: 0, max: breakers.length - 1 }), fc.nat()).map(([inv, b, n]): Case => {
      const o = JSON.parse(exportJson(inv, undefined, T0)) as Record<string, unknown>;
      breakers[b]!(o, n);
      return { kind: 'invalid', text: JSON.stringify(o) };
    }),
  },
  // garbage: random text, random JSON, truncated files
  { weight: 2, arbitrary: fc.oneof(fc.string({ maxLength: 200 }), fc.json({ maxDepth: 4 }), validInventory.map((inv) => exportJson(inv, undefined, T0).slice(0, 60))).map((text): Case => ({ kind: 'any', text })) },
  // deep nesting anywhere
  {
    weight: 1,
    arbitrary: fc.tuple(fc.integer({ min: 1_000, max: 60_000 }), fc.constantFrom('record', 'quarantine', 'settings', 'top') as fc.Arbitrary<'record' | 'quarantine' | 'settings' | 'top'>, fc.boolean()).map(
      ([n, where, arrays]): Case => ({ kind: 'any', text: withField(arrays ? deepArray(n) : deepObject(n), where) }),
    ),
  },
  // huge
  {
    weight: 1,
    arbitrary: fc.tuple(fc.integer({ min: 10_000, max: 400_000 }), fc.boolean()).map(([n, inName]): Case => ({
      kind: inName ? 'invalid' : 'any',
      text: inName ? envelope({ version: 1, records: [makeRecord({ name: 'n'.repeat(n) })], quarantine: [] }) : withField(JSON.stringify('h'.repeat(n))),
    })),
  },
);

describe('fuzz: 1,000 generated import files', () => {
  it('0 throws, 0 changes on invalid input, valid files round-trip', () => {
    let max = 0;
    let maxBytes = 0;
    let cases = 0;
    const current = parseInventory({ version: 1, records: [makeRecord({ id: 'existing' })], quarantine: [] }, T0).inventory;
    const before = JSON.stringify(current);
    fc.assert(
      fc.property(caseArb, (c) => {
        cases++;
        const t0 = performance.now();
        const r = parseImport(c.text, T0);
        const ms = performance.now() - t0;
        if (ms > max) {
          max = ms;
          maxBytes = c.text.length;
        }
        const state = previewImport(c.text, 'f.json', current, T0);
        expect(JSON.stringify(current)).toBe(before);
        if (c.kind === 'valid') {
          if (!r.ok) throw new Error(JSON.stringify(r.errors));
          expect(mergeInventories(emptyInventory(), r.inventory).inventory).toEqual(c.inv);
          expect(state.step).toBe('preview');
        } else if (c.kind === 'invalid') {
          expectListedErrors(r);
          expect(state.step).toBe('invalid');
        } else if (!r.ok) {
          expectListedErrors(r);
          expect(state.step).toBe('invalid');
        }
      }),
      { numRuns: 1000 },
    );
    // Reported, not asserted (no timing thresholds in tests).
    console.log(`import fuzz: ${cases} files, max parseImport ${max.toFixed(1)} ms (a ${maxBytes.toLocaleString('en-US')}-character file)`);
    expect(cases).toBe(1000);
  }, 120_000);
});
