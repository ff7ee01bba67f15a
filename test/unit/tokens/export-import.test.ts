import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_SETTINGS } from '@/lib/storage/settings';
import { csvCell, exportCsv, exportIcs, exportJson, icsEscape, icsFold } from '@/lib/tokens/export';
import { mergeInventories, parseImport } from '@/lib/tokens/import';
import { redactSecrets } from '@/lib/tokens/jwt';
import { emptyInventory, type Inventory, type TokenRecord } from '@/lib/tokens/record';
import { makeJwt, makeRecord, T0 } from './helpers';

const inv = (...records: TokenRecord[]): Inventory => ({ version: 1, records, quarantine: [] });

// ------------------------------------------------------------------------------------------------
// Arbitrary valid records, for lossless round trips.
const isoInstant = fc
  .integer({ min: Date.parse('2020-01-01T00:00:00Z'), max: Date.parse('2035-12-31T00:00:00Z') })
  .map((ms) => new Date(ms).toISOString());
const isoDate = isoInstant.map((s) => s.slice(0, 10));
const isoAny = fc.oneof(isoInstant, isoDate);
const text = (max: number) => fc.string({ maxLength: max }).filter((s) => redactSecrets(s) === s);
const nameArb = fc.string({ minLength: 1, maxLength: 80 }).filter((s) => s.trim() !== '' && redactSecrets(s) === s);
const recordArb: fc.Arbitrary<TokenRecord> = fc.record(
  {
    id: fc.oneof(fc.uuid(), fc.string({ minLength: 1, maxLength: 40 })),
    workspace: fc.record({ tenantId: fc.string({ maxLength: 12 }), host: fc.string({ maxLength: 30 }), label: fc.string({ maxLength: 20 }) }, { requiredKeys: ['tenantId', 'host'] }),
    name: nameArb,
    scopes: fc.array(fc.string({ minLength: 1, maxLength: 30 }), { maxLength: 5 }),
    intent: fc.record({
      presets: fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }),
      endpoints: fc.array(fc.record({ method: fc.constantFrom('GET', 'POST', 'PUT'), path: fc.string({ minLength: 1, maxLength: 50 }) }), { maxLength: 3 }),
    }),
    createdAt: isoAny,
    expiresAt: fc.option(isoAny, { nil: null }),
    rotationIntervalDays: fc.integer({ min: 1, max: 3650 }),
    fingerprint: fc.stringMatching(/^[0-9a-f]{16}$/).map((h) => `sha256:${h}`),
    source: fc.constantFrom('captured', 'synced', 'manual'),
    status: fc.constantFrom('active', 'revoked', 'replaced'),
    lastConfirmedWorkingAt: isoAny,
    notes: text(300),
    replaces: fc.string({ minLength: 1, maxLength: 20 }),
    replacedBy: fc.string({ minLength: 1, maxLength: 20 }),
    revokeAt: isoAny,
    updatedAt: isoInstant,
  },
  { requiredKeys: ['id', 'workspace', 'name', 'scopes', 'createdAt', 'expiresAt', 'source', 'status', 'updatedAt'] },
) as fc.Arbitrary<TokenRecord>;
const quarantineArb = fc.record({
  raw: fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.constant(null), fc.dictionary(fc.stringMatching(/^[a-z]{1,8}$/), fc.string({ maxLength: 10 }))),
  error: fc.string({ maxLength: 30 }),
  at: isoInstant,
});
// Distinct fingerprints too: inside ONE inventory the same fingerprint twice is the same token.
const inventoryArb: fc.Arbitrary<Inventory> = fc
  .record({
    records: fc.uniqueArray(recordArb, { maxLength: 8, selector: (r) => r.id }).map((rs) => {
      const seen = new Set<string>();
      return rs.map((r) => {
        if (r.fingerprint === undefined || !seen.has(r.fingerprint)) {
          if (r.fingerprint) seen.add(r.fingerprint);
          return r;
        }
        const { fingerprint: _drop, ...rest } = r;
        return rest as TokenRecord;
      });
    }),
    quarantine: fc.array(quarantineArb, { maxLength: 3 }),
  })
  .map(({ records, quarantine }) => ({ version: 1 as const, records, quarantine }));

// ------------------------------------------------------------------------------------------------

describe('JSON export → import → merge', () => {
  it('writes a versioned envelope', () => {
    const env = JSON.parse(exportJson(inv(makeRecord()), DEFAULT_SETTINGS, T0));
    expect(env).toMatchObject({ format: 'wati-token-guard', version: 1, exportedAt: new Date(T0).toISOString(), settings: DEFAULT_SETTINGS });
    expect(env.inventory.records).toHaveLength(1);
  });

  it('round trip into an empty inventory is lossless (example)', () => {
    const original = inv(makeRecord({ notes: 'line 1\nline "2", with; punctuation', expiresAt: '2026-12-31' }), makeRecord({ id: 'b', status: 'revoked' }));
    const parsed = parseImport(exportJson(original, DEFAULT_SETTINGS, T0), T0);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.settings).toEqual(DEFAULT_SETTINGS);
    expect(parsed.warnings).toEqual([]);
    const merged = mergeInventories(emptyInventory(), parsed.inventory);
    expect(merged.inventory).toEqual(original);
    expect(merged.added).toHaveLength(2);
    expect(merged.conflicts).toEqual([]);
  });

  it('property: round trip into an empty inventory is lossless for arbitrary records', () => {
    fc.assert(
      fc.property(inventoryArb, (original) => {
        const parsed = parseImport(exportJson(original, undefined, T0), T0);
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
        const merged = mergeInventories(emptyInventory(), parsed.inventory);
        expect(merged.inventory).toEqual(original);
        expect(merged.conflicts).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('property: merging never loses an existing record, and merging the same file twice is a no-op', () => {
    fc.assert(
      fc.property(inventoryArb, inventoryArb, (existing, incoming) => {
        const m = mergeInventories(existing, incoming);
        const ids = new Set(m.inventory.records.map((r) => r.id));
        for (const r of existing.records) expect(ids.has(r.id)).toBe(true);
        expect(new Set(m.inventory.records.map((r) => r.id)).size).toBe(m.inventory.records.length);
        const again = mergeInventories(m.inventory, incoming);
        expect(again.added).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

describe('parseImport errors', () => {
  const envelope = (over: Record<string, unknown> = {}) =>
    JSON.stringify({ format: 'wati-token-guard', version: 1, exportedAt: '2026-01-15T10:00:00.000Z', inventory: inv(makeRecord()), ...over });

  it('not JSON', () => {
    const r = parseImport('{ this is not json', T0);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/not valid JSON/);
    expect(parseImport('', T0).ok).toBe(false);
    expect(parseImport('[1,2]', T0)).toMatchObject({ ok: false, errors: [{ message: expect.stringMatching(/expected a JSON object/) }] });
  });

  it('wrong or missing format marker', () => {
    expect(parseImport(envelope({ format: 'bitwarden' }), T0)).toMatchObject({ ok: false, errors: [{ path: 'format', message: expect.stringMatching(/"bitwarden"/) }] });
    expect(parseImport(JSON.stringify(inv()), T0)).toMatchObject({ ok: false, errors: [{ path: 'format', message: expect.stringMatching(/raw inventory/) }] });
  });

  it('unsupported version', () => {
    expect(parseImport(envelope({ version: 2 }), T0)).toMatchObject({ ok: false, errors: [{ path: 'version', message: expect.stringMatching(/newer.*Update the extension/) }] });
    expect(parseImport(envelope({ version: '1' }), T0)).toMatchObject({ ok: false, errors: [{ path: 'version' }] });
  });

  it('names the record, the field and why; reports every error, accepts nothing', () => {
    const records = [makeRecord({ id: 'a' }), makeRecord({ id: 'b' }), makeRecord({ id: 'c' }), { ...makeRecord({ id: 'd', name: 'ERP' }), expiresAt: 'next year' }, { ...makeRecord({ id: 'a' }) }];
    const r = parseImport(envelope({ inventory: { version: 1, records, quarantine: [] } }), T0);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      { path: 'inventory.records[3].expiresAt', message: expect.stringMatching(/^Record 4 \("ERP"\), field "expiresAt": must be an ISO 8601 date/) },
      { path: 'inventory.records[4].id', message: expect.stringMatching(/already used by record 1/) },
    ]);
  });

  it('nested paths and settings paths', () => {
    const bad = { ...makeRecord(), intent: { presets: [], endpoints: [{ method: 'GET' }] } };
    const r = parseImport(envelope({ inventory: inv(bad as unknown as TokenRecord), settings: { ...DEFAULT_SETTINGS, reminders: { ...DEFAULT_SETTINGS.reminders, milestonesDays: [30, -1] } } }), T0);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path)).toEqual(['inventory.records[0].intent.endpoints[0].path', 'settings.reminders.milestonesDays[1]']);
  });

  it('refuses a file that carries a token, warns about unknown fields', () => {
    const jwt = makeJwt({ tenant_id: '1' });
    const r = parseImport(envelope({ inventory: inv({ ...makeRecord(), token: jwt } as TokenRecord) }), T0);
    expect(r).toMatchObject({ ok: false, errors: [{ path: 'inventory.records[0].token', message: expect.stringMatching(/token secret/) }] });
    const w = parseImport(envelope({ inventory: inv({ ...makeRecord(), colour: 'blue' } as TokenRecord), extra: 1 }), T0);
    expect(w).toMatchObject({ ok: true, warnings: [expect.stringMatching(/"extra"/), expect.stringMatching(/"colour"/)] });
    if (w.ok) expect('colour' in w.inventory.records[0]!).toBe(false);
  });
});

describe('mergeInventories', () => {
  it('same id: the newer updatedAt wins, completed with what only the older knows; conflicts reported', () => {
    const existing = inv(makeRecord({ name: 'crm', notes: 'keep me', lastConfirmedWorkingAt: '2026-03-01T00:00:00Z', updatedAt: '2026-03-01T00:00:00Z' }));
    const incoming = inv(makeRecord({ name: 'crm-renamed', expiresAt: '2026-12-31', updatedAt: '2026-04-01T00:00:00Z', lastConfirmedWorkingAt: '2026-02-01T00:00:00Z' }));
    const m = mergeInventories(existing, incoming);
    expect(m.inventory.records).toHaveLength(1);
    expect(m.inventory.records[0]).toMatchObject({ name: 'crm-renamed', expiresAt: '2026-12-31', notes: 'keep me', lastConfirmedWorkingAt: '2026-03-01T00:00:00Z' });
    expect(m.updated).toHaveLength(1);
    expect(m.conflicts[0]).toMatchObject({ kept: 'incoming', message: expect.stringMatching(/name, expiresAt.*imported copy/) });
  });

  it('never moves a status backwards (a revoked token stays revoked)', () => {
    const existing = inv(makeRecord({ status: 'revoked', updatedAt: '2026-03-01T00:00:00Z' }));
    const incoming = inv(makeRecord({ status: 'active', updatedAt: '2026-04-01T00:00:00Z' }));
    const m = mergeInventories(existing, incoming);
    expect(m.inventory.records[0]!.status).toBe('revoked');
    expect(m.conflicts[0]!.message).toMatch(/status "revoked" kept/);
  });

  it('same fingerprint under another id merges into the existing record, and links follow', () => {
    const fp = 'sha256:aaaaaaaaaaaaaaaa';
    const existing = inv(makeRecord({ id: 'local-1', fingerprint: fp, updatedAt: '2026-01-01T00:00:00Z' }));
    const incoming = inv(
      makeRecord({ id: 'remote-1', fingerprint: fp, status: 'replaced', replacedBy: 'remote-2', updatedAt: '2026-02-01T00:00:00Z' }),
      makeRecord({ id: 'remote-2', replaces: 'remote-1', fingerprint: 'sha256:bbbbbbbbbbbbbbbb' }),
    );
    const m = mergeInventories(existing, incoming);
    expect(m.inventory.records.map((r) => r.id)).toEqual(['local-1', 'remote-2']);
    expect(m.inventory.records[0]).toMatchObject({ status: 'replaced', replacedBy: 'remote-2' });
    expect(m.inventory.records[1]!.replaces).toBe('local-1');
    expect(m.conflicts[0]!.message).toMatch(/same fingerprint/);
  });

  it('same id but a different fingerprint is another token: both kept', () => {
    const existing = inv(makeRecord({ fingerprint: 'sha256:aaaaaaaaaaaaaaaa' }));
    const incoming = inv(makeRecord({ fingerprint: 'sha256:bbbbbbbbbbbbbbbb' }));
    const m = mergeInventories(existing, incoming);
    expect(m.inventory.records.map((r) => r.id)).toEqual(['tok-1', 'tok-1~2']);
    expect(m.conflicts[0]!.kept).toBe('both');
  });
});

describe('CSV', () => {
  // Every cell is quoted now (security review finding 11); these expectations were 'plain' and a bare header row.
  it('quotes per RFC 4180 and defuses formulas', () => {
    expect(csvCell('plain')).toBe('"plain"');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    for (const c of ['+1', '-1+2', '@SUM(A1)', '\tx']) expect(csvCell(c).replace(/^"/, '')[0]).toBe("'");
  });

  /** Reads one CSV line the way a spreadsheet does with `sep` as its list separator (quotes only open a field). */
  function readLikeSpreadsheet(line: string, sep: string): string[] {
    const out: string[] = [];
    let i = 0;
    while (i <= line.length) {
      let f = '';
      if (line[i] === '"') {
        i++;
        while (i < line.length) {
          if (line[i] === '"') {
            if (line[i + 1] === '"') {
              f += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          f += line[i++];
        }
      }
      while (i < line.length && line[i] !== sep) f += line[i++];
      out.push(f);
      i++;
    }
    return out;
  }

  it('quotes every cell, and a ";"-separator locale (es, pt-BR) never reads a formula out of one', () => {
    for (const c of ['a;=1+1', 'x;+SUM(A1)', 'crm;@cmd', 'n;-2+3', 'plain', '', 'a\tb;=c']) {
      const cell = csvCell(c);
      expect(cell.startsWith('"') && cell.endsWith('"')).toBe(true);
      expect(cell.slice(1, -1).replace(/""/g, '')).not.toContain('"');
    }
    expect(csvCell('a;=1+1')).toBe(`"a;'=1+1"`);
    expect(csvCell('=1+1;x')).toBe(`"'=1+1;x"`);
    const csv = exportCsv(inv(makeRecord({ name: 'a;=1+1', notes: 'b;@SUM(A1), c,-1+1\n=2' })));
    for (const sep of [',', ';']) {
      for (const line of csv.split('\r\n').filter(Boolean)) {
        for (const f of readLikeSpreadsheet(line, sep)) expect(f).not.toMatch(/^[=+\-@\t\r]/);
      }
    }
  });

  it('exports the audit columns, CRLF, one row per record', () => {
    const csv = exportCsv(inv(
      makeRecord({ name: '=cmd|calc', scopes: ['contactsv3:write', 'api'], expiresAt: '2026-12-31', fingerprint: 'sha256:0123456789abcdef', notes: 'a, b', workspace: { tenantId: '1', host: 'h', label: 'Acme' } }),
      makeRecord({ id: 'b', status: 'revoked' }),
    ));
    const lines = csv.split('\r\n');
    const q = (cells: string[]) => cells.map((c) => `"${c}"`).join(',');
    expect(lines[0]).toBe(q(['workspace', 'name', 'scopes', 'status', 'source', 'created', 'expires', 'rotation due', 'fingerprint', 'last confirmed', 'notes']));
    expect(lines[1]).toBe(q(['Acme (1)', "'=cmd|calc", 'contactsv3:write api', 'active', 'captured', '2026-01-15T10:00:00.000Z', '2026-12-31', '2026-07-14', 'sha256:0123456789abcdef', '', 'a, b']));
    expect(lines[2]).toBe(q(['123456', 'crm-sync-prod-2026-01', 'contactsv3:write', 'revoked', 'captured', '2026-01-15T10:00:00.000Z', 'never', '', '', '', '']));
    expect(lines[3]).toBe('');
    expect(csv).not.toMatch(/[^\r]\n/);
  });
});

describe('ICS', () => {
  const ics = exportIcs(
    inv(
      makeRecord({ id: 'abc', name: 'CRM, sync; "prod"', expiresAt: '2026-12-31T12:00:00Z', notes: 'Owner: Ana Müller — see runbook https://wiki.example.com/very/long/path/that/forces/the/line/to/fold' }),
      makeRecord({ id: 'noexp', name: 'bot' }),
      makeRecord({ id: 'gone', status: 'revoked', expiresAt: '2026-12-31' }),
    ),
    { now: T0, rotationDays: 180 },
  );
  const lines = ics.split('\r\n');

  it('is a VCALENDAR with CRLF line ends and no bare LF', () => {
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines.at(-2)).toBe('END:VCALENDAR');
    expect(lines.at(-1)).toBe('');
    expect(ics).not.toMatch(/[^\r]\n/);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(lines.filter((l) => l === 'END:VEVENT').length);
  });

  it('one all-day event per expiry and per rotation due date, stable UIDs', () => {
    expect(lines).toContain('UID:abc-expiry@wati-token-guard');
    expect(lines).toContain('UID:abc-rotation@wati-token-guard'); // rotation (2026-07-14) comes before the expiry
    expect(lines).toContain('UID:noexp-rotation@wati-token-guard');
    expect(lines).not.toContain('UID:noexp-expiry@wati-token-guard');
    expect(ics).not.toContain('gone');
    expect(lines).toContain('DTSTART;VALUE=DATE:20261231');
    expect(lines).toContain('DTEND;VALUE=DATE:20270101');
    expect(lines).toContain('DTSTART;VALUE=DATE:20260714');
    expect(lines).toContain('DTSTAMP:20260115T100000Z');
  });

  it('folds at 75 octets and escapes text', () => {
    for (const l of lines) expect(new TextEncoder().encode(l).length).toBeLessThanOrEqual(75);
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain(String.raw`SUMMARY:Wati API token "CRM\, sync\; "prod"" expires`);
    expect(unfolded).toMatch(/DESCRIPTION:Workspace: 123456 — live-mt-server\.wati\.io\\nScopes:/);
    expect(icsEscape('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });

  it('never splits a UTF-8 character when folding', () => {
    const folded = icsFold(`DESCRIPTION:${'ü'.repeat(100)}`);
    for (const part of folded.split('\r\n')) {
      expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
      expect(part).not.toContain('\uFFFD');
    }
    expect(folded.replace(/\r\n /g, '')).toBe(`DESCRIPTION:${'ü'.repeat(100)}`);
  });
});
