import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exportCsv, exportIcs, exportJson } from '@/lib/tokens/export';
import { parseImport } from '@/lib/tokens/import';
import { redactSecrets } from '@/lib/tokens/jwt';
import { parseInventory, redactDeep, type Inventory, type TokenRecord } from '@/lib/tokens/record';
import { classifyTokenShape } from '@/lib/wati-page/reveal';
import { makeRecord, T0 } from './helpers';

/**
 * Security review, finding 4: one token-shape classifier for the capture and the redactor, with
 * substring scanning, applied to every string of every stored or exported record, at any depth.
 */

// ------------------------------------------------------------------------------------------------
// Generated secrets of every known shape.

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const HEX = '0123456789abcdef';
/** Uniformly random characters (a seeded PRNG: fast-check's own biases towards 'AAAA…', which is no key). */
function randomChars(seed: number, alphabet: string, n: number): string {
  let x = seed >>> 0 || 1;
  let out = '';
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out += alphabet[(x >>> 0) % alphabet.length];
  }
  return out;
}
const charsOf = (alphabet: string, min: number, max: number) =>
  fc.tuple(fc.integer({ min: 1, max: 0x7fffffff }), fc.integer({ min, max })).map(([seed, n]) => randomChars(seed, alphabet, n));
const b64url = (s: string) => Buffer.from(s).toString('base64url');

const SCOPES = ['contactsv3:write', 'messagetemplate:read', 'conversationsv3:write', 'api', 'wati_integration:*', 'contacts:read'];
/** HS256 JWTs the way Wati issues them: a real header, a payload of claims (padded up to a few KB), a 256-bit signature. */
const jwtArb = fc
  .record({
    tenant: fc.integer({ min: 1000, max: 99_999_999 }),
    scopes: fc.subarray(SCOPES, { minLength: 0 }),
    exp: fc.integer({ min: 1_700_000_000, max: 4_102_444_800 }),
    jti: fc.uuid(),
    pad: charsOf(B64URL, 0, 4000),
    sig: charsOf(B64URL, 43, 43),
  })
  .map(({ tenant, scopes, exp, jti, pad, sig }) => {
    const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const payload = b64url(JSON.stringify({ jti, tenant_id: String(tenant), scope: scopes.join(' '), exp, iat: exp - 86_400 * 180, ...(pad ? { data: pad } : {}) }));
    return `${header}.${payload}.${sig}`;
  });
const opaqueArb = charsOf(B64URL, 32, 128).filter((s) => !s.startsWith('eyJ'));
const hexArb = charsOf(HEX, 32, 128);
const watiKeyArb = charsOf(B64URL, 32, 64).map((s) => `wati_${s}`);
const secretArb = fc.oneof(jwtArb, opaqueArb, hexArb, watiKeyArb);

const ZW = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'];
/** Realistic places a token gets pasted. */
const contexts: Array<(t: string, zw: string) => string> = [
  (t) => `WATI_TOKEN=${t}`,
  (t) => `export WATI_API_KEY="${t}"\nWATI_TENANT=10234\n`,
  (t) => `key=${t}`,
  (t) => `x-api-key:${t}`,
  (t) => `curl -H 'x-api-key: ${t}' https://live-mt-server.wati.io/10234/api/v1/getContacts`,
  (t) => `curl -X POST -H "Authorization: Bearer ${t}" -H 'Content-Type: application/json' https://live-mt-server.wati.io/api/v1/sendTemplateMessage`,
  (t) => JSON.stringify({ name: 'crm', token: t, headers: { Authorization: `Bearer ${t}` } }),
  (t) => `https://live-mt-server.wati.io/10234/api/v1/getContacts?token=${t}&pageSize=10`,
  (t) => `https://live-mt-server.wati.io/10234/api/v1/getContacts?token=${t}/`,
  (t) => `the old token was ${t}, rotate it before Friday.`,
  (t) => `(${t})`,
  (t) => `'${t}'; \`${t}\``,
  (t, zw) => `token ${t}${zw} copied`,
  (t, zw) => `token${zw}${t}${zw}`,
  (t, zw) => `Bearer ${t.slice(0, 12)}${zw}${t.slice(12)}`,
  (t) => `${t}.`,
  (t) => `${t}/`,
];

function assertRedacted(text: string, token: string) {
  const out = redactSecrets(text);
  expect(out).not.toContain(token);
  // No long piece of the secret survives either (a partial redaction is a leak).
  const tail = token.slice(-20);
  expect(out).not.toContain(tail);
  expect(out).toContain('[redacted]');
}

describe('redactSecrets: every known token shape, wherever it is pasted', () => {
  it.each([
    ['env file', 'WATI_TOKEN=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ0ZW5hbnRfaWQiOiIxMDIzNCIsInNjb3BlIjoiY29udGFjdHN2Mzp3cml0ZSJ9.8Xv3cJq0h1YH5r1mD6d3k5uKqk0sQpZP2eJ1oC3r0Vw'],
    ['key=', 'key=Km9V_EtM7Hbanqu1dFpeZFuDw35vhQlN4DJy8HpP'],
    ['header', 'x-api-key:Km9V_EtM7Hbanqu1dFpeZFuDw35vhQlN4DJy8HpP'],
    ['query string', 'https://live-mt-server.wati.io/10234/api/v1/getContacts?token=Km9V_EtM7Hbanqu1dFpeZFuDw35vhQlN4DJy8HpP&x=1'],
    ['trailing slash', 'see Km9V_EtM7Hbanqu1dFpeZFuDw35vhQlN4DJy8HpP/'],
    ['zero-width', 'see Km9V_EtM7Hbanqu1dFpeZFuDw35vhQlN4DJy8HpP\u200B'],
  ])('%s', (_what, text) => {
    const out = redactSecrets(text);
    expect(out).toContain('[redacted]');
    expect(out).not.toMatch(/Km9V_EtM7H|8Xv3cJq0h1/);
  });

  it('property: generated tokens embedded in realistic text are always redacted', () => {
    fc.assert(
      fc.property(secretArb, fc.integer({ min: 0, max: contexts.length - 1 }), fc.constantFrom(...ZW), (t, i, zw) => {
        assertRedacted(contexts[i]!(t, zw), t);
      }),
      { numRuns: 600 },
    );
  });

  it('property: a token the capture recognises is always one the redactor removes', () => {
    fc.assert(
      fc.property(secretArb, (t) => {
        expect(classifyTokenShape(t)).toBeDefined();
        expect(redactSecrets(t)).toBe('[redacted]');
      }),
      { numRuns: 400 },
    );
    const word = fc.oneof(charsOf(B64URL, 20, 70), fc.string({ minLength: 20, maxLength: 70 }));
    fc.assert(
      fc.property(word, (w) => {
        if (classifyTokenShape(w) !== undefined) expect(redactSecrets(w)).not.toContain(w);
      }),
      { numRuns: 1000 },
    );
  });
});

// ------------------------------------------------------------------------------------------------
// Realistic non-secrets.

const WORDS = ['crm', 'sync', 'whatsapp', 'integration', 'contacts', 'templates', 'broadcast', 'support', 'bot', 'zapier', 'hubspot', 'backup', 'import', 'orders', 'shopify', 'v2', 'v1beta2', '2026q4'];
const ENVS = ['prod', 'production', 'staging', 'dev', 'test', 'eu-west-1'];
const tokenNameArb = fc
  .record({
    words: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }),
    env: fc.constantFrom(...ENVS),
    year: fc.integer({ min: 2024, max: 2030 }),
    month: fc.integer({ min: 1, max: 12 }),
    sep: fc.constantFrom('-', '_'),
  })
  .map(({ words, env, year, month, sep }) => [...words, env, String(year), String(month).padStart(2, '0')].join(sep));
const isoArb = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }).map((ms) => new Date(ms).toISOString());
const fingerprintArb = charsOf(HEX, 16, 16).map((h) => `sha256:${h}`);
const scopeListArb = fc.subarray([...SCOPES, 'wati_contactsv3:write', 'wati_messagetemplate:read', 'wati_conversationsv3:write'], { minLength: 1 }).map((s) => s.join(' '));
const tenantArb = fc.integer({ min: 1000, max: 99_999_999 }).map(String);
const urlArb = fc
  .record({ tenant: tenantArb, uuid: fc.uuid(), path: fc.constantFrom('getContacts', 'sendTemplateMessage', 'getMessageTemplates', 'contacts', 'messages'), page: fc.integer({ min: 1, max: 500 }) })
  .map(({ tenant, uuid, path, page }) => `https://live-mt-server.wati.io/${tenant}/api/v1/${path}/${uuid}?pageSize=100&pageNumber=${page}`);
const proseArb = fc
  .record({ name: tokenNameArb, when: isoArb, scopes: scopeListArb, fp: fingerprintArb, uuid: fc.uuid(), url: urlArb })
  .map(({ name, when, scopes, fp, uuid, url }) => `Token ${name} (${fp}) created ${when} for ${scopes}; request ${uuid} failed at ${url}.`);
const nonSecretArb = fc.oneof(tokenNameArb, isoArb, fingerprintArb, scopeListArb, tenantArb, fc.uuid(), urlArb, proseArb);

describe('redactSecrets: realistic non-secrets are never redacted', () => {
  it.each([
    'contactsv3:write',
    'wati_integration:*',
    'crm-sync-prod-2026-11',
    'whatsapp-crm-integration-production-2026-11-backup',
    '2026q4-crm-crm-eu-west-1-2024-01', // found by the property test: a name of short lower-case pieces
    'messagetemplate-conversations-contacts-integration-v3',
    'getContactsByPhoneNumberAndTenant',
    'sha256:00112233aabbccdd',
    '6f1c2f0e-1b7a-4c55-9d1e-2f8a7b3c4d5e',
    '2026-11-22T10:00:00.000Z',
    'https://live-mt-server.wati.io/10234/api/v1/getContacts?pageSize=100',
    'live-mt-server.wati.io',
  ])('%s', (s) => expect(redactSecrets(s)).toBe(s));

  it('property: names, scopes, UUIDs, dates, URLs without secrets, fingerprints and prose pass untouched', () => {
    fc.assert(
      fc.property(nonSecretArb, (s) => {
        expect(redactSecrets(s)).toBe(s);
      }),
      { numRuns: 1000 },
    );
  });
});

// ------------------------------------------------------------------------------------------------
// Every string field of every stored or exported record.

const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ0ZW5hbnRfaWQiOiIxMDIzNCIsInNjb3BlIjoiY29udGFjdHN2Mzp3cml0ZSJ9.8Xv3cJq0h1YH5r1mD6d3k5uKqk0sQpZP2eJ1oC3r0Vw';
const OPAQUE = 'Km9V_EtM7Hbanqu1dFpeZFuDw35vhQlN4DJy8HpP';
const leaks = (v: unknown) => {
  const s = JSON.stringify(v);
  return s.includes(JWT.slice(-30)) || s.includes(OPAQUE.slice(-30));
};
const placements: Array<[string, Partial<TokenRecord>]> = [
  ['name', { name: `crm ${OPAQUE}` }],
  ['notes', { notes: `WATI_TOKEN=${JWT}` }],
  ['scopes', { scopes: ['contactsv3:write', OPAQUE] }],
  ['workspace.label', { workspace: { tenantId: '10234', host: 'live-mt-server.wati.io', label: `key=${OPAQUE}` } }],
  ['workspace.tenantId', { workspace: { tenantId: OPAQUE, host: 'live-mt-server.wati.io' } }],
  ['workspace.host', { workspace: { tenantId: '10234', host: `${OPAQUE}.wati.io` } }],
  ['id', { id: OPAQUE }],
  ['replaces', { replaces: JWT }],
  ['intent', { intent: { presets: [OPAQUE], endpoints: [{ method: 'GET', path: `/api/v1/getContacts?token=${OPAQUE}` }] } }],
];

describe('stored records: a token in any string field is never kept', () => {
  it.each(placements)('%s', (_field, over) => {
    const { inventory, repaired } = parseInventory({ version: 1, records: [makeRecord(over)], quarantine: [] }, T0);
    expect(leaks(inventory)).toBe(false);
    expect(leaks(repaired)).toBe(false);
    expect(inventory.records.length + inventory.quarantine.length).toBe(1);
  });

  it('quarantine is redacted at any depth (no depth limit), and cycle-safe', () => {
    let deep: unknown = { secret: `token=${OPAQUE}` };
    for (let i = 0; i < 40; i++) deep = { next: deep };
    const { inventory } = parseInventory({ version: 1, records: [deep], quarantine: [{ raw: deep, error: 'x', at: '2026-01-01T00:00:00.000Z' }] }, T0);
    expect(leaks(inventory)).toBe(false);
    expect(leaks(redactDeep(deep))).toBe(false);
    const cyclic: Record<string, unknown> = { a: OPAQUE };
    cyclic.self = cyclic;
    expect(() => redactDeep(cyclic)).not.toThrow();
    expect(leaks(JSON.stringify(redactDeep(cyclic)))).toBe(false);
    // Keys too: an object keyed by a token.
    expect(leaks(redactDeep({ [OPAQUE]: 1, list: [[[JWT]]] }))).toBe(false);
  });
});

describe('imports: a token in any string field is refused, with its path', () => {
  const envelope = (inventory: unknown, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ format: 'wati-token-guard', version: 1, exportedAt: '2026-01-15T10:00:00.000Z', inventory, ...extra });
  it.each(placements)('%s', (field, over) => {
    const r = parseImport(envelope({ version: 1, records: [makeRecord(over)], quarantine: [] }), T0);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.some((e) => e.path.startsWith(`inventory.records[0].${field.split('.')[0]}`))).toBe(true);
    expect(leaks(r.errors)).toBe(false);
  });
  it('deeply nested in an unknown field', () => {
    let deep: unknown = `Bearer ${JWT}`;
    for (let i = 0; i < 40; i++) deep = [deep];
    const r = parseImport(envelope({ version: 1, records: [{ ...makeRecord(), extra: deep }], quarantine: [] }), T0);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path)).toEqual([`inventory.records[0].extra${'[0]'.repeat(40)}`]);
  });
});

describe('exports never carry a token, even from an unvalidated inventory', () => {
  const bad: Inventory = {
    version: 1,
    records: [makeRecord({ name: `crm ${OPAQUE}`, notes: `key=${JWT}`, scopes: [OPAQUE], workspace: { tenantId: '1', host: 'h', label: OPAQUE }, expiresAt: '2026-12-31' })],
    quarantine: [{ raw: { token: JWT }, error: `bad ${OPAQUE}`, at: '2026-01-01T00:00:00.000Z' }],
  };
  it('JSON, CSV and ICS', () => {
    expect(leaks(exportJson(bad, undefined, T0))).toBe(false);
    expect(leaks(exportCsv(bad))).toBe(false);
    expect(leaks(exportIcs(bad, { now: T0 }).replace(/\r\n /g, ''))).toBe(false);
  });
});
