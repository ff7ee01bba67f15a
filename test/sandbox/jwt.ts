/**
 * Minimal HS256 JWT helpers on node:crypto (no JWT library).
 * The secrets below are test-only constants: the sandbox signs and verifies its own tokens.
 */
import crypto from 'node:crypto';

/** Signs the "new" API tokens (API Tokens page). */
export const SANDBOX_JWT_SECRET = 'wati-sandbox/api-tokens/hs256/test-only';
/** Signs the legacy bearer tokens shown on the API Docs page (a different key, like a different issuer). */
export const LEGACY_JWT_SECRET = 'wati-sandbox/legacy-bearer/hs256/test-only';

export type JwtClaims = Record<string, unknown>;

export function base64url(input: Buffer | string): string {
  return Buffer.from(input).toString('base64url');
}

export function signJwt(claims: JwtClaims, secret: string): string {
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = base64url(JSON.stringify(claims));
  const signature = crypto.createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

export interface DecodedJwt {
  header: Record<string, unknown>;
  claims: JwtClaims;
}

/** Decodes without verifying; null when the string is not a well-formed JWT with JSON object parts. */
export function decodeJwt(token: string): DecodedJwt | null {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]+$/.test(p))) return null;
  try {
    const header: unknown = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8'));
    const claims: unknown = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
    if (!isObject(header) || !isObject(claims)) return null;
    return { header, claims };
  } catch {
    return null;
  }
}

/** Verifies an HS256 signature (constant-time) and returns the claims, or null. Does not check `exp`. */
export function verifyJwt(token: string, secret: string): JwtClaims | null {
  const decoded = decodeJwt(token);
  if (!decoded || decoded.header.alg !== 'HS256') return null;
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const expected = crypto.createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  return decoded.claims;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
