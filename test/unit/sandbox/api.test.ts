// The mock Wati API: 401 / 403 / 200 semantics, tenant checks, expiry, revocation, legacy token, CORS.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { API_ROUTES, startSandbox } from '../../sandbox/server.ts';
import type { Sandbox } from '../../sandbox/server.ts';
import { API, bearer, concretePath, request } from './helpers.ts';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(async () => {
  await sb.close();
});
beforeEach(() => sb.reset());

const TENANT = '10234';
const call = (route: (typeof API_ROUTES)[number], headers: Record<string, string> = {}, tenant = TENANT) =>
  request(sb, API, concretePath(route.path, tenant), {
    method: route.method,
    headers,
    body: route.method === 'POST' ? { target: '919876543210', text: 'hi', template_name: 'order_confirmation', receivers: [] } : undefined,
  });
const token = (scopes: string[], extra: Partial<{ tenantId: string; expiresAt: string | null; name: string }> = {}) =>
  sb.addToken({ tenantId: TENANT, name: 'test', scopes, expiresAt: null, ...extra });

describe('authentication (401)', () => {
  it.each(API_ROUTES.map((r) => [`${r.method} ${r.path}`, r] as const))('%s: no Authorization header', async (_n, route) => {
    const res = await call(route);
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ message: 'No Access Token provided' });
  });

  it('rejects a header without the Bearer prefix, other schemes, and junk', async () => {
    const t = token(['api']);
    const route = API_ROUTES[1]!;
    for (const authorization of [t.token, `Token ${t.token}`, `Basic ${t.token}`, 'Bearer', 'Bearer not-a-jwt', 'Bearer a.b.c', `Bearer ${t.token} extra`]) {
      const res = await call(route, { authorization });
      expect(res.status, authorization.slice(0, 20)).toBe(401);
      expect(typeof res.json.message).toBe('string');
    }
  });

  it('rejects a token with a bad signature or tampered claims', async () => {
    const t = token(['contactsv3:read']);
    const [h, c, s] = t.token.split('.');
    const tamperedClaims = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(c!, 'base64url').toString()), scope: 'api', scopes: ['api'] })).toString('base64url');
    const flipped = s!.slice(0, -2) + (s!.endsWith('AA') ? 'BB' : 'AA');
    for (const bad of [`${h}.${tamperedClaims}.${s}`, `${h}.${c}.${flipped}`, `${h}.${c}.`]) {
      const res = await call(API_ROUTES[1]!, bearer(bad));
      expect(res.status).toBe(401);
    }
  });

  it('rejects an expired token and accepts one that has not expired yet', async () => {
    const route = API_ROUTES[1]!; // GET v3 contacts
    const expired = token(['contactsv3:read'], { expiresAt: new Date(Date.now() - 60_000).toISOString() });
    const live = token(['contactsv3:read'], { expiresAt: new Date(Date.now() + 3600_000).toISOString() });
    expect((await call(route, bearer(expired.token))).status).toBe(401);
    expect((await call(route, bearer(expired.token))).json.message).toMatch(/expired/i);
    expect((await call(route, bearer(live.token))).status).toBe(200);
  });

  it('rejects a revoked token (revokeToken and the dashboard endpoint)', async () => {
    const route = API_ROUTES[1]!;
    const a = token(['api']);
    const b = token(['api']);
    expect((await call(route, bearer(a.token))).status).toBe(200);
    sb.revokeToken(a.id);
    expect((await call(route, bearer(a.token))).status).toBe(401);
    const r = await request(sb, 'app.wati.io', `/__sandbox/api/tokens/${b.id}/revoke`, { method: 'POST' });
    expect(r.status).toBe(200);
    expect(r.json.status).toBe('revoked');
    expect((await call(route, bearer(b.token))).status).toBe(401);
    expect(sb.tokens(TENANT).map((t) => t.status)).toEqual(['revoked', 'revoked']);
  });

  it('forgets tokens on reset(): a validly signed but unknown token is rejected', async () => {
    const t = token(['api']);
    sb.reset();
    expect((await call(API_ROUTES[1]!, bearer(t.token))).status).toBe(401);
  });

  it.each(API_ROUTES.filter((r) => r.tenantInPath).map((r) => [`${r.method} ${r.path}`, r] as const))(
    '%s: a token of another tenant is rejected (401)',
    async (_n, route) => {
      const t = token(['api'], { tenantId: '99999' });
      expect((await call(route, bearer(t.token))).status).toBe(401);
      expect((await call(route, bearer(t.token), '99999')).status).toBe(200);
    },
  );
});

describe('scopes (403 / 200)', () => {
  const ALL = [...new Set(API_ROUTES.flatMap((r) => r.acceptedScopes))];
  const cases = API_ROUTES.flatMap((r) => r.acceptedScopes.map((s) => [`${r.method} ${r.path} with ${s}`, r, s] as const));

  it.each(cases)('%s → 200', async (_n, route, scope) => {
    const res = await call(route, bearer(token([scope]).token));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.json).toBeTypeOf('object');
  });

  it.each(API_ROUTES.map((r) => [`${r.method} ${r.path}`, r] as const))('%s: a token without an accepted scope → 403', async (_n, route) => {
    const others = ALL.filter((s) => !route.acceptedScopes.includes(s));
    const res = await call(route, bearer(token(others).token));
    expect(res.status).toBe(403);
    expect(res.json).toEqual({ message: 'Forbidden: missing scope', acceptedScopes: [...route.acceptedScopes] });
  });

  it('treats wati_-prefixed scopes as the same scope', async () => {
    const created = await request(sb, 'live.wati.io', '/__sandbox/api/tokens', {
      method: 'POST',
      body: { tenantId: TENANT, name: 'prefixed', scopes: ['wati_contactsv3:read', 'wati_integration:write'], expiresAt: null },
    });
    expect(created.status).toBe(201);
    expect(created.json.scopes).toEqual(['contactsv3:read', 'wati_integration:write']);
    const getContacts = API_ROUTES.find((r) => r.method === 'GET' && r.path === '/api/ext/v3/contacts')!;
    expect((await call(getContacts, bearer(created.json.token))).status).toBe(200);
  });

  it('v3 endpoints take the tenant from the token', async () => {
    const t = token(['contactsv3:read'], { tenantId: '30007' });
    const res = await request(sb, API, '/api/ext/v3/contacts', { headers: bearer(t.token) });
    expect(res.status).toBe(200);
    expect(res.json.contact_list[0].id).toMatch(/^30007-/);
  });
});

describe('legacy bearer token', () => {
  it.each(API_ROUTES.map((r) => [`${r.method} ${r.path}`, r] as const))('%s: accepted without a scope check', async (_n, route) => {
    expect((await call(route, bearer(sb.legacyToken(TENANT)))).status).toBe(200);
  });

  it('is deterministic per tenant, and tenant-checked on v1/v2 paths', async () => {
    expect(sb.legacyToken(TENANT)).toBe(sb.legacyToken(TENANT));
    expect(sb.legacyToken(TENANT)).not.toBe(sb.legacyToken('10001'));
    const v1 = API_ROUTES.find((r) => r.tenantInPath)!;
    expect((await call(v1, bearer(sb.legacyToken('10001')))).status).toBe(401);
  });

  it('is what the API Docs page fetches', async () => {
    const res = await request(sb, 'live.wati.io', `/__sandbox/api/legacy-token?tenantId=${TENANT}`);
    expect(res.json).toEqual({ tenantId: TENANT, apiEndpoint: `https://${API}/${TENANT}`, token: sb.legacyToken(TENANT) });
  });
});

describe('CORS and misc', () => {
  it('answers preflight', async () => {
    const res = await request(sb, API, '/api/ext/v3/contacts', {
      method: 'OPTIONS',
      headers: { origin: 'chrome-extension://abc', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(String(res.headers['access-control-allow-headers'])).toMatch(/authorization/i);
    expect(String(res.headers['access-control-allow-methods'])).toMatch(/POST/);
  });

  it('sends CORS headers on errors and successes', async () => {
    expect((await request(sb, API, '/api/ext/v3/contacts')).headers['access-control-allow-origin']).toBe('*');
    const ok = await request(sb, API, '/api/ext/v3/contacts', { headers: bearer(token(['api']).token) });
    expect(ok.headers['access-control-allow-origin']).toBe('*');
  });

  it('404s unknown API paths', async () => {
    expect((await request(sb, API, '/api/ext/v3/nope', { headers: bearer(token(['api']).token) })).status).toBe(404);
  });

  it('rotateToken blocks the named token', async () => {
    const caller = token(['api']);
    const victim = token(['contactsv3:read']);
    const res = await request(sb, API, `/${TENANT}/api/v1/rotateToken?token=${encodeURIComponent(victim.token)}`, { method: 'POST', headers: bearer(caller.token) });
    expect(res.status).toBe(200);
    expect((await request(sb, API, '/api/ext/v3/contacts', { headers: bearer(victim.token) })).status).toBe(401);
  });

  it('records every request, with headers and body', async () => {
    const t = token(['api']);
    sb.clearRequests();
    await request(sb, API, '/api/ext/v3/contacts', { method: 'POST', headers: bearer(t.token), body: { name: 'Ana' } });
    await request(sb, 'live.wati.io', '/10234/teamInbox');
    const reqs = sb.requests();
    expect(reqs.map((r) => `${r.method} ${r.host} ${r.path}`)).toEqual(['POST live-mt-server.wati.io /api/ext/v3/contacts', 'GET live.wati.io /10234/teamInbox']);
    expect(reqs[0]!.headers.authorization).toBe(`Bearer ${t.token}`);
    expect(JSON.parse(reqs[0]!.body)).toEqual({ name: 'Ana' });
    sb.clearRequests();
    expect(sb.requests()).toEqual([]);
  });
});
