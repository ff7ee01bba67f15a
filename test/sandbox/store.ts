/**
 * In-memory token store: issues HS256 JWTs, lists/revokes them, and authenticates `Authorization` headers
 * the way Wati's API is documented to (401 for anything wrong with the token, tenant checks for v1/v2 paths).
 */
import crypto from 'node:crypto';
import { normaliseScopes } from './catalog.ts';
import { LEGACY_JWT_SECRET, SANDBOX_JWT_SECRET, signJwt, verifyJwt } from './jwt.ts';

export interface SandboxToken {
  /** the JWT's `jti` */
  id: string;
  tenantId: string;
  name: string;
  /** normalised (no `wati_` prefix except `wati_integration:*`) */
  scopes: string[];
  createdAt: string;
  expiresAt: string | null;
  status: 'active' | 'revoked';
  /** the secret itself: for tests only, never sent by the list endpoint */
  token: string;
}

export type TokenMetadata = Omit<SandboxToken, 'token'>;

export interface NewToken {
  tenantId: string;
  name: string;
  scopes: string[];
  expiresAt: string | null;
  createdAt?: string;
}

export const ROLE_CLAIM = 'http://schemas.microsoft.com/ws/2008/06/identity/claims/role';
/** 2099-01-01T00:00:00Z: the legacy token's "never" expiry. */
export const LEGACY_EXP = 4070908800;

export type AuthResult =
  | { ok: true; kind: 'token' | 'legacy'; tenantId: string; scopes: string[]; tokenId: string | null }
  | { ok: false; status: 401; message: string };

export interface TokenStore {
  create(t: NewToken): SandboxToken;
  list(tenantId?: string): SandboxToken[];
  get(id: string): SandboxToken | undefined;
  revoke(id: string): boolean;
  /** Removes a token from the list entirely (as if deleted in Wati). */
  remove(id: string): boolean;
  clear(): void;
  /** `pathTenant`: the tenant named in a v1/v2 path, which must match the token's. */
  authenticate(authorization: string | undefined, pathTenant: string | null, now?: number): AuthResult;
}

export function metadata(t: SandboxToken): TokenMetadata {
  const { token: _secret, ...rest } = t;
  return { ...rest, scopes: [...rest.scopes] };
}

/** The legacy "Bearer Token" of the API Docs page: deterministic per tenant, role claim, far-future exp. */
export function legacyToken(tenantId: string): string {
  const digest = crypto.createHash('sha256').update(`legacy:${tenantId}`).digest('hex');
  const jti = `${digest.slice(0, 8)}-${digest.slice(8, 12)}-4${digest.slice(13, 16)}-a${digest.slice(17, 20)}-${digest.slice(20, 32)}`;
  const email = `admin+${tenantId}@example.com`;
  return signJwt(
    {
      jti,
      unique_name: email,
      nameid: email,
      email,
      auth_time: '01/15/2026 09:30:00',
      db_name: tenantId,
      tenant_id: tenantId,
      [ROLE_CLAIM]: 'API',
      exp: LEGACY_EXP,
      iss: 'Clare_AI',
      aud: 'Clare_AI',
    },
    LEGACY_JWT_SECRET,
  );
}

export function createTokenStore(): TokenStore {
  const tokens: SandboxToken[] = [];
  const copy = (t: SandboxToken): SandboxToken => ({ ...t, scopes: [...t.scopes] });

  function create(t: NewToken): SandboxToken {
    const created = t.createdAt ? new Date(t.createdAt) : new Date();
    if (Number.isNaN(created.getTime())) throw new Error(`invalid createdAt: ${t.createdAt}`);
    const expires = t.expiresAt === null ? null : new Date(t.expiresAt);
    if (expires && Number.isNaN(expires.getTime())) throw new Error(`invalid expiresAt: ${t.expiresAt}`);
    const scopes = normaliseScopes(t.scopes);
    const id = crypto.randomUUID();
    const claims: Record<string, unknown> = {
      tenant_id: t.tenantId,
      scope: scopes.join(' '),
      scopes,
      name: t.name,
      iat: Math.floor(created.getTime() / 1000),
      jti: id,
      iss: 'wati',
      aud: 'wati-api',
    };
    if (expires) claims.exp = Math.floor(expires.getTime() / 1000);
    const record: SandboxToken = {
      id,
      tenantId: t.tenantId,
      name: t.name,
      scopes,
      createdAt: created.toISOString(),
      expiresAt: expires ? expires.toISOString() : null,
      status: 'active',
      token: signJwt(claims, SANDBOX_JWT_SECRET),
    };
    tokens.push(record);
    return copy(record);
  }

  function authenticate(authorization: string | undefined, pathTenant: string | null, now = Date.now()): AuthResult {
    const fail = (message: string): AuthResult => ({ ok: false, status: 401, message });
    if (authorization === undefined || authorization.trim() === '') return fail('No Access Token provided');
    const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization.trim());
    if (!m) return fail('Invalid Authorization header: expected "Bearer <token>"');
    const raw = m[1]!;

    // A token issued by the API Tokens page?
    const claims = verifyJwt(raw, SANDBOX_JWT_SECRET);
    if (claims) {
      const record = typeof claims.jti === 'string' ? tokens.find((t) => t.id === claims.jti) : undefined;
      if (!record || record.token !== raw) return fail('Invalid Access Token');
      if (record.status === 'revoked') return fail('Access Token has been revoked');
      if (typeof claims.exp === 'number' && claims.exp * 1000 <= now) return fail('Access Token has expired');
      if (pathTenant !== null && pathTenant !== record.tenantId) return fail('Access Token is not valid for this tenant');
      return { ok: true, kind: 'token', tenantId: record.tenantId, scopes: [...record.scopes], tokenId: record.id };
    }

    // The legacy bearer token (API Docs page): not scope-checked at all.
    const legacy = verifyJwt(raw, LEGACY_JWT_SECRET);
    if (legacy && legacy[ROLE_CLAIM] === 'API' && typeof legacy.tenant_id === 'string') {
      if (typeof legacy.exp === 'number' && legacy.exp * 1000 <= now) return fail('Access Token has expired');
      if (pathTenant !== null && pathTenant !== legacy.tenant_id) return fail('Access Token is not valid for this tenant');
      return { ok: true, kind: 'legacy', tenantId: legacy.tenant_id, scopes: [], tokenId: null };
    }
    return fail('Invalid Access Token');
  }

  return {
    create,
    list: (tenantId) => tokens.filter((t) => tenantId === undefined || t.tenantId === tenantId).map(copy),
    get: (id) => {
      const t = tokens.find((x) => x.id === id);
      return t && copy(t);
    },
    revoke(id) {
      const t = tokens.find((x) => x.id === id);
      if (!t) return false;
      t.status = 'revoked';
      return true;
    },
    remove(id) {
      const i = tokens.findIndex((x) => x.id === id);
      if (i < 0) return false;
      tokens.splice(i, 1);
      return true;
    },
    clear: () => void tokens.splice(0),
    authenticate,
  };
}
