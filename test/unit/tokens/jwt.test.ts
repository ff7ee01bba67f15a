import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  compareClaimsWithForm,
  looksLikeJwt,
  looksLikeOpaqueToken,
  readJwtClaims,
  redactSecrets,
  shannonEntropy,
} from '@/lib/tokens/jwt';
import { makeJwt } from './helpers';

const ROLE = 'http://schemas.microsoft.com/ws/2008/06/identity/claims/role';
const normaliseScope = (s: string) => s.toLowerCase().replace(/^wati_(?!integration)/, '');

describe('readJwtClaims', () => {
  it('reads a scoped token (space-separated scope)', () => {
    const t = makeJwt({ exp: 1798761600, iat: 1767225600, tenant_id: '123456', scope: 'contactsv3:write conversationsv3:write', jti: 'abc', name: 'crm' });
    expect(readJwtClaims(t)).toEqual({
      exp: 1798761600,
      iat: 1767225600,
      tenantId: '123456',
      scopes: ['contactsv3:write', 'conversationsv3:write'],
      jti: 'abc',
      name: 'crm',
      kind: 'scoped',
    });
  });

  it('reads `scopes` arrays and `scp`, numeric tenant ids, and a Bearer prefix', () => {
    expect(readJwtClaims(`Bearer ${makeJwt({ scopes: ['a:read', 'b:write'], tenant_id: 42 })}`)).toMatchObject({ scopes: ['a:read', 'b:write'], tenantId: '42', kind: 'scoped' });
    expect(readJwtClaims(makeJwt({ scp: 'x:read' }))?.scopes).toEqual(['x:read']);
    expect(readJwtClaims(makeJwt({ scp: ['x:read', 'x:read', 'y'] }))?.scopes).toEqual(['x:read', 'y']);
  });

  it('recognises the legacy token (a role claim, no scopes)', () => {
    const legacy = makeJwt({ tenant_id: '1001', [ROLE]: 'ADMINISTRATOR', exp: 4102444800, iss: 'Clare.AI', aud: 'Clare.AI' });
    expect(readJwtClaims(legacy)).toMatchObject({ kind: 'legacy', tenantId: '1001', exp: 4102444800 });
    // A role claim next to scopes is a scoped token.
    expect(readJwtClaims(makeJwt({ role: 'x', scope: 'api' }))?.kind).toBe('scoped');
  });

  it('returns undefined for junk and never throws', () => {
    for (const junk of ['', 'abc', 'a.b.c', 'eyJ.eyJ.x', 'eyJhbGciOiJIUzI1NiJ9.eyJub3QganNvbg.sig', 'eyJhbGci.eyJzdWIi.!!!', '....', 'x'.repeat(50_000)]) {
      expect(readJwtClaims(junk)).toBeUndefined();
    }
    // payload is JSON but not an object
    const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    expect(readJwtClaims(`${enc({ alg: 'HS256' })}.${enc([1, 2])}.sig`)).toBeUndefined();
    fc.assert(fc.property(fc.string(), (s) => { readJwtClaims(s); readJwtClaims(`eyJ${s}.eyJ${s}.${s}`); }));
  });

  it('ignores claims of the wrong type', () => {
    expect(readJwtClaims(makeJwt({ exp: 'soon', iat: null, tenant_id: {}, scope: 7 }))).toEqual({ kind: 'scoped' });
  });
});

describe('looksLikeJwt / looksLikeOpaqueToken', () => {
  it('tells JWTs apart', () => {
    expect(looksLikeJwt(makeJwt({ a: 1 }))).toBe(true);
    expect(looksLikeJwt('hello.world.x')).toBe(false);
    expect(looksLikeJwt('https://live.wati.io/123')).toBe(false);
  });

  it('accepts long random strings and rejects words, sentences, URLs, slugs and JWTs', () => {
    expect(looksLikeOpaqueToken('q3Vx9LmP2sT7wZk4RbN8cYf1HdJ6gAeU0oXi5rQy')).toBe(true);
    expect(looksLikeOpaqueToken('9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08')).toBe(true); // hex
    expect(looksLikeOpaqueToken('short9Ab')).toBe(false);
    expect(looksLikeOpaqueToken('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1A')).toBe(false); // low entropy
    expect(looksLikeOpaqueToken('this is a sentence with many words in it 123')).toBe(false);
    expect(looksLikeOpaqueToken('https://live-mt-server.wati.io/api/ext/v3/contacts1A')).toBe(false);
    expect(looksLikeOpaqueToken('whatsapp-crm-integration-production-2026-11-backup')).toBe(false);
    expect(looksLikeOpaqueToken(makeJwt({ a: 1 }))).toBe(false);
  });

  it('computes Shannon entropy', () => {
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBe(2);
  });
});

describe('redactSecrets', () => {
  it('replaces tokens in free text and leaves the rest', () => {
    const jwt = makeJwt({ tenant_id: '1' });
    expect(redactSecrets(`token: ${jwt}, rotate soon`)).toBe('token: [redacted], rotate soon');
    expect(redactSecrets('used by the CRM sync (prod)')).toBe('used by the CRM sync (prod)');
  });
});

describe('compareClaimsWithForm', () => {
  const base = { tenantId: '123456', scopes: ['contactsv3:write'], expiresAt: '2026-12-31' };
  const exp = Date.parse('2026-12-31T12:00:00Z') / 1000;

  it('finds nothing when the token matches the form (scope prefixes normalised)', () => {
    const claims = readJwtClaims(makeJwt({ tenant_id: '123456', scope: 'wati_contactsv3:write', exp }))!;
    expect(compareClaimsWithForm(claims, base, { normaliseScope })).toEqual([]);
  });

  it('reports scope, tenant and expiry mismatches', () => {
    const claims = readJwtClaims(makeJwt({ tenant_id: '999', scope: 'api', exp: exp + 10 * 86400 }))!;
    const m = compareClaimsWithForm(claims, base, { normaliseScope });
    expect(m.map((x) => x.field).sort()).toEqual(['expiry', 'scopes', 'tenant']);
    expect(m.find((x) => x.field === 'scopes')!.message).toMatch(/also has api.*lacks contactsv3:write/);
  });

  it('tolerates ±1 day on expiry (local date vs instant), not 2', () => {
    const near = readJwtClaims(makeJwt({ exp: Date.parse('2027-01-01T03:00:00Z') / 1000 }))!;
    expect(compareClaimsWithForm(near, { scopes: [], expiresAt: '2026-12-31' }, { normaliseScope })).toEqual([]);
    const far = readJwtClaims(makeJwt({ exp: Date.parse('2027-01-02T03:00:00Z') / 1000 }))!;
    expect(compareClaimsWithForm(far, { scopes: [], expiresAt: '2026-12-31' }, { normaliseScope })).toHaveLength(1);
  });

  it('no expiry chosen: a far-future (legacy "never") exp is fine, a real one is not', () => {
    const never = readJwtClaims(makeJwt({ exp: 4102444800 }))!;
    expect(compareClaimsWithForm(never, { scopes: [], expiresAt: null }, { normaliseScope })).toEqual([]);
    const real = readJwtClaims(makeJwt({ exp }))!;
    expect(compareClaimsWithForm(real, { scopes: [], expiresAt: null }, { normaliseScope })[0]).toMatchObject({ field: 'expiry', expected: null });
    const none = readJwtClaims(makeJwt({ scope: 'api' }))!;
    expect(compareClaimsWithForm(none, { scopes: ['api'], expiresAt: '2026-12-31' }, { normaliseScope })[0]?.message).toMatch(/carries no expiry/);
  });

  it('a legacy token in a scoped form is a scope mismatch', () => {
    const legacy = readJwtClaims(makeJwt({ [ROLE]: 'ADMINISTRATOR', tenant_id: '123456' }))!;
    expect(compareClaimsWithForm(legacy, { ...base, expiresAt: null }, { normaliseScope })).toEqual([
      expect.objectContaining({ field: 'scopes', actual: null }),
    ]);
  });
});
