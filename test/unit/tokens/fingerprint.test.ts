import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fingerprintToken, isFingerprint } from '@/lib/tokens/fingerprint';

describe('fingerprintToken', () => {
  it('is the first 64 bits of SHA-256, hex, prefixed (known vector: "abc")', async () => {
    // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
    expect(await fingerprintToken('abc')).toBe('sha256:ba7816bf8f01cfea');
    // SHA-256("") = e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
    expect(await fingerprintToken('')).toBe('sha256:e3b0c44298fc1c14');
  });

  it('trims the token first (a copied newline is the same token)', async () => {
    expect(await fingerprintToken('  abc\n')).toBe('sha256:ba7816bf8f01cfea');
  });

  it('is deterministic, well-formed and never contains the token', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 300 }), async (t) => {
        const a = await fingerprintToken(t);
        expect(a).toBe(await fingerprintToken(t));
        expect(isFingerprint(a)).toBe(true);
        if (t.trim().length >= 4) expect(a).not.toContain(t.trim());
      }),
      { numRuns: 100 },
    );
  });

  it('hashes UTF-8 (non-ASCII tokens do not collide with their ASCII look-alikes)', async () => {
    expect(await fingerprintToken('ñ')).not.toBe(await fingerprintToken('n'));
  });
});
