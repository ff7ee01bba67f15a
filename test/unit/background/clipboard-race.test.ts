import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * Security review, issue 10 finding 12: the clear and its cancellation at the deadline. Every interleaving of
 * cancel / clear / new copy must leave the user's copy alone and never act on stale state.
 */
const clearClipboard = vi.fn(async () => true);
const readClipboardFingerprint = vi.fn(async (): Promise<string | undefined> => undefined);
vi.mock('@/lib/platform/clipboard', () => ({ clearClipboard, readClipboardFingerprint }));

const { onTokenCopied, onUserCopied, reconcileClipboard, pollClipboardStatus, getClipboardStatus } = await import('@/lib/background/clipboard');

const FP = 'sha256:0123456789abcdef';
const FP2 = 'sha256:fedcba9876543210';
const OTHER = 'sha256:ffffffffffffffff';
const T0 = 5_000_000;

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('background: clipboard clear vs cancel at the deadline', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    clearClipboard.mockReset();
    clearClipboard.mockResolvedValue(true);
    readClipboardFingerprint.mockReset();
    readClipboardFingerprint.mockResolvedValue(undefined);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
    await onTokenCopied(FP);
    vi.setSystemTime(T0 + 30_000); // the deadline
  });

  it('a cancel that arrives just before the clear runs wins', async () => {
    const cancel = onUserCopied(OTHER);
    const clear = reconcileClipboard();
    await Promise.all([cancel, clear]);
    expect(clearClipboard).not.toHaveBeenCalled();
    expect(await getClipboardStatus()).toMatchObject({ pending: null, last: { outcome: 'cancelled-user-copied' } });
  });

  it('a cancel that arrives while the clear is reading the clipboard (exact check) still wins', async () => {
    const read = deferred<string | undefined>();
    readClipboardFingerprint.mockReturnValueOnce(read.promise);
    const clear = reconcileClipboard();
    await vi.waitFor(() => expect(readClipboardFingerprint).toHaveBeenCalled());
    const cancel = onUserCopied(OTHER); // the user's Ctrl+C lands now
    read.resolve(FP); // the clipboard held the token when it was read
    await Promise.all([clear, cancel]);
    expect(clearClipboard).not.toHaveBeenCalled();
    expect(await getClipboardStatus()).toMatchObject({ pending: null, last: { outcome: 'cancelled-user-copied' } });
  });

  it('a cancel after the clear ran changes nothing (the clear stands, recorded once)', async () => {
    await reconcileClipboard();
    await onUserCopied(OTHER);
    expect(clearClipboard).toHaveBeenCalledTimes(1);
    expect(await getClipboardStatus()).toMatchObject({ pending: null, last: { outcome: 'cleared' } });
  });

  it('a new copy of a token during a clear keeps its own pending clear (no stale overwrite)', async () => {
    const write = deferred<boolean>();
    clearClipboard.mockReturnValueOnce(write.promise);
    const clear = reconcileClipboard();
    await vi.waitFor(() => expect(clearClipboard).toHaveBeenCalled());
    const at = Date.now();
    const copied = onTokenCopied(FP2); // the user pressed Copy again (a second token) while the clear was writing
    write.resolve(true);
    await Promise.all([clear, copied]);
    const status = await getClipboardStatus();
    expect(status.pending?.fingerprint).toBe(FP2);
    expect(status.pending?.deadline).toBe(at + 30_000);
    expect(await fakeBrowser.alarms.get('clipboard:clear')).toMatchObject({ scheduledTime: at + 30_000 });
  });

  it('a new copy queued before the clear replaces the due clear: nothing is wiped early', async () => {
    const copied = onTokenCopied(FP2);
    const clear = reconcileClipboard();
    await Promise.all([copied, clear]);
    expect(clearClipboard).not.toHaveBeenCalled();
    expect((await getClipboardStatus()).pending?.fingerprint).toBe(FP2);
  });

  it('the timer, the alarm and the countdown poll at the same deadline clear once', async () => {
    await Promise.all([reconcileClipboard(), reconcileClipboard(), pollClipboardStatus()]);
    expect(clearClipboard).toHaveBeenCalledTimes(1);
    expect(await getClipboardStatus()).toMatchObject({ pending: null, last: { outcome: 'cleared' } });
  });

  it('copying the token itself at the deadline keeps the clear', async () => {
    await Promise.all([onUserCopied(FP), reconcileClipboard()]);
    expect(clearClipboard).toHaveBeenCalledTimes(1);
  });
});
