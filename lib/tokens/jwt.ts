import { DAY_MS, isIsoDateOrDateTime, utcDayNumberOfIso } from '@/lib/tokens/dates';
import { classifyTokenShape } from '@/lib/tokens/secret-shape';

/**
 * Reading what a token says about itself, without verifying anything (we have no key and need none:
 * the claims only cross-check what the form said). Nothing here keeps or returns the token.
 */

export interface JwtClaims {
  /** Seconds since epoch, as in the JWT. */
  exp?: number;
  iat?: number;
  /** From `tenant_id`. */
  tenantId?: string;
  /** From `scope` (space-separated), `scopes` (array or string) or `scp`. */
  scopes?: string[];
  jti?: string;
  name?: string;
  /** legacy = a role claim and no scopes (the old API Docs bearer token); scoped otherwise. */
  kind: 'legacy' | 'scoped';
}

const B64URL_PART = /^[A-Za-z0-9_-]+$/;
const ROLE_CLAIM_RE = /(^|\/)roles?$/i;

function stripBearer(s: string): string {
  return s.trim().replace(/^bearer\s+/i, '');
}

/** Three base64url parts, header and payload JSON objects (`eyJ` = base64 of `{"`). */
export function looksLikeJwt(s: string): boolean {
  if (typeof s !== 'string' || s.length > 16_384) return false;
  const parts = stripBearer(s).split('.');
  if (parts.length !== 3) return false;
  const [h, p, sig] = parts as [string, string, string];
  return h.startsWith('eyJ') && p.startsWith('eyJ') && B64URL_PART.test(h) && B64URL_PART.test(p) && (sig === '' || B64URL_PART.test(sig));
}

function decodeBase64UrlJson(part: string): unknown {
  const b64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const padded = b64 + '='.repeat((4 - (b64.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function toScopeList(v: unknown): string[] | undefined {
  if (typeof v === 'string') return v.split(/\s+/).filter(Boolean);
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim());
  return undefined;
}

/** Decodes a JWT's payload. No verification. Never throws: anything malformed gives `undefined`. */
export function readJwtClaims(token: string): JwtClaims | undefined {
  try {
    if (!looksLikeJwt(token)) return undefined;
    const [h, p] = stripBearer(token).split('.') as [string, string, string];
    const header = decodeBase64UrlJson(h);
    const payload = decodeBase64UrlJson(p);
    if (!isObject(header) || !isObject(payload)) return undefined;

    const claims: JwtClaims = { kind: 'scoped' };
    const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
    const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined);
    const exp = num(payload.exp);
    if (exp !== undefined) claims.exp = exp;
    const iat = num(payload.iat);
    if (iat !== undefined) claims.iat = iat;
    const tenantId = str(payload.tenant_id);
    if (tenantId !== undefined) claims.tenantId = tenantId;
    const jti = str(payload.jti);
    if (jti !== undefined) claims.jti = jti;
    const name = str(payload.name) ?? str(payload.unique_name);
    if (name !== undefined) claims.name = name;

    let scopes: string[] | undefined;
    for (const key of ['scope', 'scopes', 'scp']) {
      const list = toScopeList(payload[key]);
      if (list) scopes = [...new Set([...(scopes ?? []), ...list])];
    }
    if (scopes) claims.scopes = scopes;

    const hasRole = Object.keys(payload).some((k) => ROLE_CLAIM_RE.test(k));
    if (hasRole && (!scopes || scopes.length === 0)) claims.kind = 'legacy';
    return claims;
  } catch {
    return undefined;
  }
}

export { containsSecret, redactSecrets, shannonEntropy } from '@/lib/tokens/secret-shape';

/**
 * An opaque (non-JWT) token by its shape (`classifyTokenShape` in secret-shape.ts: the one classifier
 * the capture and the redactor share), optionally after `Bearer `.
 */
export function looksLikeOpaqueToken(s: string): boolean {
  if (typeof s !== 'string') return false;
  const shape = classifyTokenShape(stripBearer(s));
  return shape === 'opaque' || shape === 'hash-like';
}

/** Either kind of secret-looking string, taken whole (use `containsSecret` for text). */
export function looksLikeSecret(s: string): boolean {
  return typeof s === 'string' && classifyTokenShape(stripBearer(s)) !== undefined;
}

export interface ClaimMismatch {
  field: 'scopes' | 'expiry' | 'tenant';
  expected: string | string[] | null;
  actual: string | string[] | null;
  message: string;
}

export interface FormExpectation {
  tenantId?: string;
  scopes: string[];
  /** ISO date or date-time; null = the form asked for no expiry. */
  expiresAt: string | null;
}

/** Beyond this an `exp` is the legacy token's "never": year 2100, or more than 20 years after `iat`. */
const NEVER_EXP_SECONDS = Date.UTC(2100, 0, 1) / 1000;
const TWENTY_YEARS_SECONDS = 20 * 366 * 86_400;

function isEffectivelyNever(claims: JwtClaims): boolean {
  if (claims.exp === undefined) return true;
  if (claims.exp >= NEVER_EXP_SECONDS) return true;
  return claims.iat !== undefined && claims.exp - claims.iat > TWENTY_YEARS_SECONDS;
}

/**
 * Compares what the token claims with what the form asked for. Only what both sides state is
 * compared (a token without a scope claim says nothing about scopes). Expiry tolerates a one-day
 * difference: the form shows a local date, the claim is an instant, and the two sides may round.
 */
export function compareClaimsWithForm(
  claims: JwtClaims,
  form: FormExpectation,
  opts: { normaliseScope: (s: string) => string },
): ClaimMismatch[] {
  const out: ClaimMismatch[] = [];

  if (claims.tenantId !== undefined && form.tenantId && claims.tenantId.toLowerCase() !== form.tenantId.toLowerCase()) {
    out.push({
      field: 'tenant',
      expected: form.tenantId,
      actual: claims.tenantId,
      message: `The token belongs to workspace ${claims.tenantId}, but this page is workspace ${form.tenantId}.`,
    });
  }

  if (claims.kind === 'legacy' && form.scopes.length > 0) {
    out.push({
      field: 'scopes',
      expected: form.scopes,
      actual: null,
      message: 'This is a legacy token: it carries no scopes and is not scope-checked (full access within the user’s role).',
    });
  } else if (claims.scopes !== undefined) {
    const want = new Set(form.scopes.map(opts.normaliseScope));
    const got = new Set(claims.scopes.map(opts.normaliseScope));
    const missing = [...want].filter((s) => !got.has(s));
    const extra = [...got].filter((s) => !want.has(s));
    if (missing.length || extra.length) {
      const parts: string[] = [];
      if (extra.length) parts.push(`the token also has ${extra.join(', ')}`);
      if (missing.length) parts.push(`it lacks ${missing.join(', ')}`);
      out.push({
        field: 'scopes',
        expected: form.scopes,
        actual: claims.scopes,
        message: `The token’s scopes differ from the ones selected: ${parts.join('; ')}.`,
      });
    }
  }

  const never = isEffectivelyNever(claims);
  const claimIso = claims.exp !== undefined ? new Date(claims.exp * 1000).toISOString() : null;
  if (form.expiresAt === null) {
    if (!never && claimIso) {
      out.push({
        field: 'expiry',
        expected: null,
        actual: claimIso,
        message: `No expiry was chosen, but the token expires on ${claimIso.slice(0, 10)}.`,
      });
    }
  } else if (isIsoDateOrDateTime(form.expiresAt)) {
    if (never || claims.exp === undefined) {
      out.push({
        field: 'expiry',
        expected: form.expiresAt,
        actual: claimIso,
        message: `An expiry of ${form.expiresAt.slice(0, 10)} was chosen, but the token ${claims.exp === undefined ? 'carries no expiry' : 'never expires'}.`,
      });
    } else {
      const formDay = utcDayNumberOfIso(form.expiresAt);
      const claimDay = Math.floor((claims.exp * 1000) / DAY_MS);
      if (Math.abs(formDay - claimDay) > 1) {
        out.push({
          field: 'expiry',
          expected: form.expiresAt,
          actual: claimIso,
          message: `The expiry chosen was ${form.expiresAt.slice(0, 10)}, but the token expires on ${claimIso!.slice(0, 10)}.`,
        });
      }
    }
  }
  return out;
}
