import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// The platform wall: the only part that touches the real clipboard. Everything else runs on WXT's fake browser.
const clearClipboard = vi.fn(async () => true);
const readClipboardFingerprint = vi.fn(async (): Promise<string | undefined> => undefined);
vi.mock('@/lib/platform/clipboard', () => ({ clearClipboard, readClipboardFingerprint }));

const { onTokenCopied, onUserCopied, onPageWroteClipboard, reconcileClipboard, getClipboardStatus } = await import('@/lib/background/clipboard');
const { settingsItem } = await import('@/lib/storage/items');

const FP = 'sha256:0123456789abcdef';

describe('background: the pending clipboard clear', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    clearClipboard.mockClear();
    readClipboardFingerprint.mockReset();
    readClipboardFingerprint.mockResolvedValue(undefined);
    vi.useRealTimers();
  });

  it('keeps only a fingerprint and a deadline, and sets an alarm for it', async () => {
    const status = await onTokenCopied(FP);
    expect(status.pending?.fingerprint).toBe(FP);
    const stored = JSON.stringify(await fakeBrowser.storage.session.get(null));
    expect(stored).toContain(FP);
    expect(stored).not.toMatch(/eyJ/);
    const alarm = await fakeBrowser.alarms.get('clipboard:clear');
    expect(alarm?.scheduledTime).toBe(status.pending!.deadline);
  });

  it('clears when due, also in a new worker that only has the stored deadline', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(1_000_000);
    await onTokenCopied(FP);
    vi.setSystemTime(1_000_000 + 31_000); // the old worker died; a new one reconciles on start
    const next = await reconcileClipboard();
    expect(clearClipboard).toHaveBeenCalledTimes(1);
    expect(next).toMatchObject({ pending: null, last: { outcome: 'cleared' } });
    expect(await fakeBrowser.alarms.get('clipboard:clear')).toBeUndefined();
  });

  it('does not clear before the deadline', async () => {
    await onTokenCopied(FP);
    await reconcileClipboard();
    expect(clearClipboard).not.toHaveBeenCalled();
    expect((await getClipboardStatus()).pending).not.toBeNull();
  });

  it('cancels when the user copies something else, keeps it when they copy the token again', async () => {
    await onTokenCopied(FP);
    await onUserCopied(FP);
    expect((await getClipboardStatus()).pending).not.toBeNull();
    await onUserCopied('sha256:ffffffffffffffff');
    expect(await getClipboardStatus()).toMatchObject({ pending: null, last: { outcome: 'cancelled-user-copied' } });
  });

  it('with the exact check, leaves a clipboard that no longer holds the token alone', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(2_000_000);
    await onTokenCopied(FP);
    vi.setSystemTime(2_000_000 + 60_000);
    readClipboardFingerprint.mockResolvedValue('sha256:aaaaaaaaaaaaaaaa');
    expect(await reconcileClipboard()).toMatchObject({ last: { outcome: 'skipped-clipboard-changed' } });
    expect(clearClipboard).not.toHaveBeenCalled();
  });

  it('does nothing when auto-clear is off', async () => {
    await settingsItem.setValue({ version: 1, clipboardClearSeconds: 0 });
    expect((await onTokenCopied(FP)).pending).toBeNull();
    expect(await fakeBrowser.alarms.get('clipboard:clear')).toBeUndefined();
  });

  it('Wati\'s page writing the clipboard (a forgeable signal) never cancels or postpones the clear on its word', async () => {
    const before = await onTokenCopied(FP);
    await onPageWroteClipboard('sha256:ffffffffffffffff');
    await onPageWroteClipboard(undefined);
    expect((await getClipboardStatus()).pending).toEqual(before.pending);
    // With the exact check, it only makes us look: a clipboard that still holds the token keeps the clear…
    readClipboardFingerprint.mockResolvedValue(FP);
    await onPageWroteClipboard('sha256:ffffffffffffffff');
    expect((await getClipboardStatus()).pending).toEqual(before.pending);
    // …and one that verifiably holds something else is left alone (as the check at the deadline would).
    readClipboardFingerprint.mockResolvedValue('sha256:aaaaaaaaaaaaaaaa');
    await onPageWroteClipboard('sha256:aaaaaaaaaaaaaaaa');
    expect(await getClipboardStatus()).toMatchObject({ pending: null, last: { outcome: 'skipped-clipboard-changed' } });
    expect(clearClipboard).not.toHaveBeenCalled();
  });
});
