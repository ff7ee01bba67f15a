/**
 * A fingerprint lets the extension recognise a token it has seen before (the one it put on the
 * clipboard, a token pasted back into the page, a duplicate capture) without ever keeping the token.
 *
 * Why the first 64 bits of SHA-256 are enough to recognise, yet useless to an attacker:
 * - The token's own entropy (a signed JWT or a long random string) makes guessing it from the
 *   fingerprint a brute force over the token space, not over 2^64: the hash cannot be inverted,
 *   and knowing 64 bits of it narrows nothing an attacker can use.
 * - Truncation throws away most of the digest on purpose: many different strings share each
 *   fingerprint, so even a leaked fingerprint cannot confirm a guessed token with certainty, and it
 *   can never be replayed as a credential (Wati wants the token, not its hash).
 * - For recognition among the handful of tokens one user holds, 64 bits make an accidental
 *   collision practically impossible (birthday bound ~ 2^32 tokens).
 */

export const FINGERPRINT_RE = /^sha256:[0-9a-f]{16}$/;

export function isFingerprint(s: unknown): s is string {
  return typeof s === 'string' && FINGERPRINT_RE.test(s);
}

/** `sha256:` + the first 16 hex characters of SHA-256 of the trimmed token. Keeps nothing. */
export async function fingerprintToken(token: string): Promise<string> {
  const bytes = new TextEncoder().encode(token.trim());
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
  let hex = '';
  for (let i = 0; i < 8; i++) hex += (digest[i] ?? 0).toString(16).padStart(2, '0');
  return `sha256:${hex}`;
}
