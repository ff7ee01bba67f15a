// Token issuing: JWT shape, the dashboard's control endpoints, the store.
import crypto from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox } from '../../sandbox/server.ts';
import type { Sandbox } from '../../sandbox/server.ts';
import { LEGACY_JWT_SECRET, SANDBOX_JWT_SECRET, verifyJwt } from '../../sandbox/jwt.ts';
import { ROLE_CLAIM } from '../../sandbox/store.ts';
import { parts, request } from './helpers.ts';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(async () => {
  await sb.close();
});
beforeEach(() => sb.reset());

const generate = (body: unknown, host = 'live.wati.io') => request(sb, host, '/__sandbox/api/tokens', { method: 'POST', body });

describe('JWT shape', () => {
  it('issues an HS256 JWT with the documented claims (no exp when it never expires)', async () => {
    const res = await generate({ tenantId: '10234', name: 'CRM sync', scopes: ['wati_contacts:read', 'wati_integration:read', 'contactsv3:*'], expiresAt: null });
    expect(res.status).toBe(201);
    const { header, claims } = parts(res.json.token);
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(claims).toEqual({
      tenant_id: '10234',
      scope: 'contacts:read wati_integration:read contactsv3:*',
      scopes: ['contacts:read', 'wati_integration:read', 'contactsv3:*'],
      name: 'CRM sync',
      iat: expect.any(Number),
      jti: res.json.id,
      iss: 'wati',
      aud: 'wati-api',
    });
    expect(claims.jti).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Math.abs(claims.iat * 1000 - Date.now())).toBeLessThan(60_000);
    expect(verifyJwt(res.json.token, SANDBOX_JWT_SECRET)).toEqual(claims);
    // signature really is HMAC-SHA256 over header.payload
    const [h, p, s] = res.json.token.split('.');
    expect(crypto.createHmac('sha256', SANDBOX_JWT_SECRET).update(`${h}.${p}`).digest('base64url')).toBe(s);
  });

  it('sets exp from expiresAt, and iat from createdAt when seeded', () => {
    const t = sb.addToken({ tenantId: '10001', name: 'old', scopes: ['api'], createdAt: '2026-01-01T00:00:00.000Z', expiresAt: '2026-07-01T00:00:00.000Z' });
    const { claims } = parts(t.token);
    expect(claims.iat).toBe(Date.parse('2026-01-01T00:00:00Z') / 1000);
    expect(claims.exp).toBe(Date.parse('2026-07-01T00:00:00Z') / 1000);
    expect(t).toMatchObject({ tenantId: '10001', name: 'old', scopes: ['api'], createdAt: '2026-01-01T00:00:00.000Z', expiresAt: '2026-07-01T00:00:00.000Z', status: 'active' });
  });

  it('the legacy token carries tenant_id, the role claim, iss/aud and a far-future exp', () => {
    const tok = sb.legacyToken('10234');
    expect(tok.startsWith('eyJhbGciOiJIUzI1')).toBe(true);
    const { header, claims } = parts(tok);
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(claims).toMatchObject({ tenant_id: '10234', [ROLE_CLAIM]: 'API', iss: expect.any(String), aud: expect.any(String) });
    expect(new Date(claims.exp * 1000).getUTCFullYear()).toBe(2099);
    expect(verifyJwt(tok, LEGACY_JWT_SECRET)).not.toBeNull();
    expect(verifyJwt(tok, SANDBOX_JWT_SECRET)).toBeNull();
  });
});

describe('dashboard control endpoints', () => {
  it('lists metadata only, per tenant, never the secret', async () => {
    await generate({ tenantId: '10234', name: 'a', scopes: ['api'], expiresAt: null });
    await generate({ tenantId: '30007', name: 'b', scopes: ['api'], expiresAt: '2030-01-01T00:00:00.000Z' }, 'live-7.wati.io');
    const res = await request(sb, 'live.wati.io', '/__sandbox/api/tokens?tenantId=10234');
    expect(res.status).toBe(200);
    expect(res.json.tokens).toHaveLength(1);
    expect(res.json.tokens[0]).toEqual({
      id: expect.any(String), tenantId: '10234', name: 'a', scopes: ['api'], createdAt: expect.any(String), expiresAt: null, status: 'active',
    });
    expect(res.text).not.toMatch(/eyJ/);
    expect(sb.tokens()).toHaveLength(2);
    expect(sb.tokens('30007')[0]!.expiresAt).toBe('2030-01-01T00:00:00.000Z');
  });

  it('validates input (400) and creates nothing', async () => {
    for (const body of [
      { tenantId: '10234', name: '', scopes: ['api'], expiresAt: null },
      { tenantId: '10234', name: '   ', scopes: ['api'], expiresAt: null },
      { tenantId: '10234', name: 'x', scopes: [], expiresAt: null },
      { tenantId: '10234', name: 'x', scopes: ['not:a:scope'], expiresAt: null },
      { tenantId: '10234', name: 'x', scopes: ['api'], expiresAt: 'soon' },
      { name: 'x', scopes: ['api'], expiresAt: null },
      'not json',
    ]) {
      expect((await generate(body)).status).toBe(400);
    }
    expect(sb.tokens()).toEqual([]);
  });

  it('revoke: 404 for an unknown id; revoked tokens stay listed', async () => {
    expect((await request(sb, 'app.wati.io', '/__sandbox/api/tokens/nope/revoke', { method: 'POST' })).status).toBe(404);
    const t = sb.addToken({ tenantId: '10001', name: 'x', scopes: ['api'], expiresAt: null });
    await request(sb, 'app.wati.io', `/__sandbox/api/tokens/${t.id}/revoke`, { method: 'POST' });
    const list = await request(sb, 'app.wati.io', '/__sandbox/api/tokens?tenantId=10001');
    expect(list.json.tokens.map((x: { status: string }) => x.status)).toEqual(['revoked']);
    expect(() => sb.revokeToken('nope')).toThrow();
  });

  it('serves the control endpoints on every dashboard host but not on the API host', async () => {
    for (const host of ['app.wati.io', 'live.wati.io', 'live-3.wati.io', 'acme.wati.io']) {
      expect((await request(sb, host, '/__sandbox/api/tokens')).status, host).toBe(200);
    }
    expect((await request(sb, 'live-mt-server.wati.io', '/__sandbox/api/tokens')).status).toBe(404);
  });

  it('variant endpoint', async () => {
    expect((await request(sb, 'app.wati.io', '/__sandbox/variant')).json.variant).toBe('inline-en');
    expect((await request(sb, 'app.wati.io', '/__sandbox/variant', { method: 'POST', body: { variant: 'modal-es' } })).json.variant).toBe('modal-es');
    expect(sb.variant()).toBe('modal-es');
    expect((await request(sb, 'app.wati.io', '/__sandbox/variant', { method: 'POST', body: { variant: 'nope' } })).status).toBe(400);
  });
});
