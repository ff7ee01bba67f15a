import { describe, expect, it } from 'vitest';
import { decideClear, onUserCopy, readStatus, startClear } from '@/lib/clipboard/pending';

const FP = 'sha256:0123456789abcdef';
const OTHER = 'sha256:fedcba9876543210';

describe('pending clipboard clear', () => {
  it('is off when the setting is 0 seconds', () => {
    expect(startClear(FP, 1000, 0)).toBeNull();
  });

  it('waits until the deadline, then clears', () => {
    const p = startClear(FP, 1_000, 30)!;
    expect(p.deadline).toBe(31_000);
    expect(decideClear(p, 30_999)).toBe('wait');
    expect(decideClear(p, 31_000)).toBe('clear');
  });

  it('never wipes something the user copied afterwards', () => {
    const p = startClear(FP, 0, 30)!;
    expect(onUserCopy(p, OTHER)).toBe('cancel');
    expect(onUserCopy(p, undefined)).toBe('cancel');
    expect(onUserCopy(p, FP)).toBe('keep');
    expect(onUserCopy(null, OTHER)).toBe('none');
    // exact check: the clipboard holds something else → skip
    expect(decideClear(p, 60_000, OTHER)).toBe('skip');
    expect(decideClear(p, 60_000, FP)).toBe('clear');
  });

  it('reads corrupted status as nothing pending instead of throwing', () => {
    expect(readStatus({ pending: { fingerprint: 'the-token-itself', deadline: 1, copiedAt: 1 } })).toEqual({ pending: null });
    expect(readStatus('junk')).toEqual({ pending: null });
  });
});
