import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleOffscreenMessage } from '@/lib/platform/offscreen';
import { clearClipboard } from '@/lib/platform/clipboard';

/** Finding 8 (issue 10): the offscreen document serves only our own background, and does not outlive its use. */
const ours = { extensionId: 'test-extension-id', extensionOrigin: 'chrome-extension://test-extension-id' };
const background = { id: ours.extensionId, url: 'chrome-extension://test-extension-id/background.js' };
const CLEAR = { target: 'offscreen', type: 'clipboard:clear' };
const READ = { target: 'offscreen', type: 'clipboard:fingerprint' };

describe('offscreen document: sender checks', () => {
  const here = { clear: vi.fn(async () => true), read: vi.fn(async () => 'something') };
  beforeEach(() => {
    here.clear.mockClear();
    here.read.mockClear();
  });

  it('ignores everyone but our own background', async () => {
    const foreign = [
      { id: 'other-extension', url: 'chrome-extension://other-extension/background.js' },
      { url: 'chrome-extension://test-extension-id/background.js' }, // no id: not from an extension context
      { id: ours.extensionId, url: 'https://app.wati.io/connectors/api-tokens', tab: { id: 4 }, frameId: 0 }, // our content script
      { id: ours.extensionId, url: 'chrome-extension://test-extension-id/popup.html', tab: { id: 5 } }, // our page, in a tab
      { id: ours.extensionId, url: 'https://evil.example/' },
      { id: ours.extensionId, url: 'chrome-extension://test-extension-id.evil.example/x' },
    ];
    for (const sender of foreign) {
      expect(await handleOffscreenMessage(CLEAR, sender, ours, here)).toBeUndefined();
      expect(await handleOffscreenMessage(READ, sender, ours, here)).toBeUndefined();
    }
    expect(here.clear).not.toHaveBeenCalled();
    expect(here.read).not.toHaveBeenCalled();
  });

  it('serves our background: clears, or returns a fingerprint (never the text)', async () => {
    expect(await handleOffscreenMessage(CLEAR, background, ours, here)).toEqual({ ok: true });
    const r = (await handleOffscreenMessage(READ, background, ours, here)) as { fingerprint: string };
    expect(r.fingerprint).toMatch(/^sha256:[0-9a-f]{16}$/);
    expect(JSON.stringify(r)).not.toContain('something');
    // Messages for the background (they reach every extension page) are not ours to answer.
    expect(await handleOffscreenMessage({ type: 'clipboard:status' }, background, ours, here)).toBeUndefined();
  });
});

describe('offscreen document: closed after use', () => {
  let open = false;
  beforeEach(() => {
    fakeBrowser.reset();
    open = false;
    vi.spyOn(fakeBrowser.offscreen, 'createDocument').mockImplementation(async () => {
      open = true;
    });
    vi.spyOn(fakeBrowser.offscreen, 'closeDocument').mockImplementation(async () => {
      open = false;
    });
    vi.spyOn(fakeBrowser.runtime, 'getContexts').mockImplementation(async () => (open ? [{ contextType: 'OFFSCREEN_DOCUMENT' }] : []) as never);
  });
  afterEach(() => vi.restoreAllMocks());

  it('closes the document once the clear has completed, and re-creates it for the next clear', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async () => {
      expect(open).toBe(true); // the document is there while it clears
      return { ok: true };
    });
    expect(await clearClipboard()).toBe(true);
    expect(fakeBrowser.offscreen.closeDocument).toHaveBeenCalledTimes(1);
    expect(vi.mocked(fakeBrowser.offscreen.closeDocument).mock.invocationCallOrder[0]).toBeGreaterThan(send.mock.invocationCallOrder[0]!);
    expect(open).toBe(false);

    expect(await clearClipboard()).toBe(true);
    expect(fakeBrowser.offscreen.createDocument).toHaveBeenCalledTimes(2);
    expect(open).toBe(false);
  });

  it('closes it even when the clear failed', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('Could not establish connection'));
    await expect(clearClipboard()).rejects.toThrow();
    expect(open).toBe(false);
  });

  it('two clears at once share the document and close it once both are done', async () => {
    let inFlight = 0;
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async () => {
      inFlight++;
      expect(open).toBe(true);
      await new Promise((r) => setTimeout(r, 5));
      expect(open).toBe(true);
      inFlight--;
      return { ok: true };
    });
    expect(await Promise.all([clearClipboard(), clearClipboard()])).toEqual([true, true]);
    expect(inFlight).toBe(0);
    expect(open).toBe(false);
  });
});
