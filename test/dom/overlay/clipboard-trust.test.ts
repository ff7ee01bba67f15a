import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sentryMessages, startSentry } from '@/lib/overlay/sentry';
import { trusted } from '../trusted';

/**
 * Finding 2 (issue 10): a page script can forge events, never a trusted one. Only a trusted copy/cut
 * may cancel the pending clipboard clear; the MAIN-world signal (forgeable) may never cancel it.
 */
describe('the sentry: who may cancel the clipboard clear', () => {
  let controller: AbortController;
  const userCopied = vi.fn();
  const pageWroteClipboard = vi.fn();
  beforeEach(() => {
    controller = new AbortController();
    userCopied.mockClear();
    pageWroteClipboard.mockClear();
    startSentry(document, {
      url: () => 'https://app.wati.io/teamInbox',
      looksLikeTokenPage: () => false,
      hello: async () => false,
      userCopied,
      pageWroteClipboard,
      isOverlayMounted: () => false,
      signal: controller.signal,
    });
  });
  afterEach(() => controller.abort());

  it('ignores a forged copy or cut event (a page script dispatching it)', () => {
    document.dispatchEvent(new Event('copy', { bubbles: true }));
    document.body.dispatchEvent(new Event('cut', { bubbles: true }));
    expect(userCopied).not.toHaveBeenCalled();
  });

  it('reports the user\'s own copy and cut (trusted events)', () => {
    document.dispatchEvent(trusted(new Event('copy', { bubbles: true })));
    document.body.dispatchEvent(trusted(new Event('cut', { bubbles: true })));
    expect(userCopied).toHaveBeenCalledTimes(2);
  });

  it('passes the MAIN-world signal on as "the page wrote", never as "the user copied"', () => {
    document.dispatchEvent(new CustomEvent('wati-token-guard:clipboard-write', { detail: 'sha256:ffffffffffffffff' }));
    document.dispatchEvent(trusted(new CustomEvent('wati-token-guard:clipboard-write', { detail: null })));
    expect(pageWroteClipboard.mock.calls).toEqual([['sha256:ffffffffffffffff'], [null]]);
    expect(userCopied).not.toHaveBeenCalled();
  });
});

describe('the sentry\'s messages', () => {
  it('a page write is sent as clipboard:page-wrote (which never cancels), a user copy as clipboard:user-copied', async () => {
    const sent: unknown[] = [];
    const m = sentryMessages(
      async (msg) => {
        sent.push(msg);
        return undefined;
      },
      async () => 'sha256:0000000000000000',
    );
    m.pageWroteClipboard('sha256:ffffffffffffffff');
    m.pageWroteClipboard(null);
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    expect(sent).toEqual([
      { type: 'clipboard:page-wrote', fingerprint: 'sha256:ffffffffffffffff' },
      { type: 'clipboard:page-wrote', fingerprint: undefined },
    ]);
    m.userCopied('short');
    await vi.waitFor(() => expect(sent).toHaveLength(3));
    expect(sent[2]).toEqual({ type: 'clipboard:user-copied', fingerprint: undefined });
  });
});

describe('the MAIN-world hook', () => {
  const announced: unknown[] = [];
  const onWrite = (e: Event) => announced.push((e as CustomEvent).detail);
  let writeText: ReturnType<typeof vi.fn>;
  const setActivation = (isActive: boolean | undefined) =>
    Object.defineProperty(navigator, 'userActivation', { value: isActive === undefined ? undefined : { isActive }, configurable: true });

  beforeEach(async () => {
    announced.length = 0;
    writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText, write: vi.fn(async () => undefined) }, configurable: true });
    (globalThis as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL('https://app.wati.io/connectors/api-tokens');
    document.addEventListener('wati-token-guard:clipboard-write', onWrite);
    const hook = (await import('@/entrypoints/clipboard-hook.content/index')).default as unknown as { main(): void };
    hook.main();
  });
  afterEach(() => {
    document.removeEventListener('wati-token-guard:clipboard-write', onWrite);
    setActivation(undefined);
  });

  it('announces a write only while the user is interacting (navigator.userActivation.isActive)', async () => {
    setActivation(false);
    await navigator.clipboard.writeText('written by a script, no user action');
    setActivation(undefined); // a browser without the API: not announced either
    await navigator.clipboard.writeText('no activation API');
    await new Promise((r) => setTimeout(r, 20));
    expect(announced).toEqual([]);
    expect(writeText).toHaveBeenCalledTimes(2); // the page's own write still happens, untouched

    setActivation(true);
    await navigator.clipboard.writeText('the user pressed Wati\u2019s Copy');
    await vi.waitFor(() => expect(announced).toHaveLength(1));
    expect(announced[0]).toMatch(/^sha256:[0-9a-f]{16}$/);
  });
});
