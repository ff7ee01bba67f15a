/**
 * The sentry: the only code evaluated on every Wati dashboard page. It must cost the page nothing
 * measurable (a busy Team Inbox mutates the DOM many times a second), so it:
 * - imports no React, no zod, nothing heavy (see `npm run bench` for its size and cost);
 * - observes no DOM mutations at all (on a busy page even an idle observer's callbacks cost more
 *   than this): every CHECK_MS a timer compares `location.href`, which is nearly free, and catches
 *   client-side navigation (`popstate` and tab visibility changes check at once);
 * - looks for the API Tokens page (a heading scan, the only real cost) on a backing-off schedule
 *   after each navigation (LOOK_AT_MS: late-rendering pages are still caught), then not at all
 *   until the URL changes again; never while the tab is hidden;
 * - asks the background to inject the overlay when there is something to show.
 */
export interface SentryDeps {
  url(): string;
  looksLikeTokenPage(): boolean;
  /** Tells the background where we are; it decides whether to inject the overlay (true = it did). */
  hello(url: string, tokenPage: boolean): Promise<boolean>;
  /** The user copied or cut something in this page (a trusted copy/cut event); the selection's text. */
  userCopied(selection: string): void;
  /**
   * The page wrote the clipboard itself (e.g. a Copy button), as the MAIN-world hook announces it; the
   * fingerprint of what it wrote, if known. Any page script can forge this: it must never cancel a clear.
   */
  pageWroteClipboard(fingerprint: string | null): void;
  isOverlayMounted(): boolean;
  signal: AbortSignal;
  /** Injected for tests. */
  now?: () => number;
}

export const CHECK_MS = 500;
/** When, after a navigation, to look for the token page (ms). About 8 scans instead of one every 300 ms. */
export const LOOK_AT_MS = [0, 300, 700, 1500, 3000, 6000, 10_000, 15_000, 20_000] as const;
/** If the overlay was promised but has not appeared by then, ask again (the worker may have been restarting). */
export const RETRY_MS = 1_500;
export const MAX_RETRIES = 3;

export function startSentry(root: Document, deps: SentryDeps): void {
  const now = deps.now ?? Date.now;
  let lastUrl = '';
  let lastTokenPage = false;
  let navigatedAt = 0;
  let lookIndex = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let retries = 0;

  const arm = (delay: number) => {
    if (timer !== undefined) return;
    timer = setTimeout(check, delay);
  };

  function check() {
    timer = undefined;
    if (deps.signal.aborted) return;
    if (deps.isOverlayMounted()) return; // the overlay watches the page from here on
    if (root.hidden) return; // visibilitychange checks again
    const url = deps.url();
    const t = now();
    if (url !== lastUrl) {
      navigatedAt = t;
      lookIndex = 0;
    }
    let tokenPage = lastTokenPage;
    const due = LOOK_AT_MS[lookIndex];
    if (due !== undefined && t - navigatedAt >= due && !root.hidden) {
      tokenPage = deps.looksLikeTokenPage();
      while (LOOK_AT_MS[lookIndex] !== undefined && t - navigatedAt >= LOOK_AT_MS[lookIndex]!) lookIndex++;
    }
    if (url !== lastUrl || tokenPage !== lastTokenPage) {
      lastUrl = url;
      lastTokenPage = tokenPage;
      retries = 0;
      sayHello(url, tokenPage);
    }
    // Next: the next scheduled look if one is due sooner, else the next URL check.
    const next = LOOK_AT_MS[lookIndex];
    const untilLook = next !== undefined && !tokenPage ? navigatedAt + next - now() : Infinity;
    arm(Math.max(50, Math.min(CHECK_MS, untilLook)));
  }

  const sayHello = (url: string, tokenPage: boolean) => {
    deps
      .hello(url, tokenPage)
      .catch(() => tokenPage) // no answer at all: worth another try only where the overlay must show
      .then((expected) => {
        if (!expected || retries >= MAX_RETRIES) return;
        setTimeout(() => {
          if (deps.signal.aborted || deps.isOverlayMounted() || deps.url() !== url) return;
          retries++;
          sayHello(url, tokenPage);
        }, RETRY_MS);
      });
  };

  const checkSoon = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    arm(0);
  };
  const onCopy = (e: Event) => {
    // A page script can dispatch a fake copy event to cancel our pending clear; it cannot make it trusted.
    if (!e.isTrusted) return;
    const active = root.activeElement as HTMLInputElement | HTMLTextAreaElement | null;
    let text = root.getSelection?.()?.toString() ?? '';
    if (!text && active && typeof active.selectionStart === 'number' && active.selectionEnd !== null) {
      text = active.value.slice(active.selectionStart, active.selectionEnd);
    }
    deps.userCopied(text);
  };
  const onPageWrite = (e: Event) => {
    const fp = (e as CustomEvent<unknown>).detail;
    deps.pageWroteClipboard(typeof fp === 'string' && /^sha256:[0-9a-f]{16}$/.test(fp) ? fp : null);
  };
  root.addEventListener('wati-token-guard:clipboard-write', onPageWrite);
  root.addEventListener('copy', onCopy, true);
  root.addEventListener('cut', onCopy, true);
  root.addEventListener('visibilitychange', checkSoon);
  addEventListener('popstate', checkSoon);
  deps.signal.addEventListener('abort', () => {
    if (timer) clearTimeout(timer);
    root.removeEventListener('wati-token-guard:clipboard-write', onPageWrite);
    root.removeEventListener('copy', onCopy, true);
    root.removeEventListener('cut', onCopy, true);
    root.removeEventListener('visibilitychange', checkSoon);
    removeEventListener('popstate', checkSoon);
  });
  check();
}

type SentryMessage =
  | { type: 'page:hello'; url: string; tokenPage: boolean }
  | { type: 'clipboard:user-copied'; fingerprint?: string }
  | { type: 'clipboard:page-wrote'; fingerprint?: string };

/**
 * What the sentry tells the background (kept here, out of the entrypoint, so it is tested). Only a
 * one-way fingerprint of what was copied leaves the page, so the background can tell "the user copied
 * the token again" (keep the clear) from "something else" (cancel it). What Wati's page wrote is a
 * separate message, which the background never lets cancel a clear.
 */
export function sentryMessages(
  send: (msg: SentryMessage) => Promise<unknown>,
  fingerprint: (text: string) => Promise<string>,
): Pick<SentryDeps, 'hello' | 'userCopied' | 'pageWroteClipboard'> {
  const quiet = (msg: SentryMessage) => void send(msg).catch(() => {});
  return {
    hello: async (url, tokenPage) => {
      const r = (await send({ type: 'page:hello', url, tokenPage })) as { mount?: boolean; retry?: boolean } | undefined;
      return r?.mount === true || r?.retry === true;
    },
    userCopied: (selection) => {
      const tell = (fp?: string) => quiet({ type: 'clipboard:user-copied', fingerprint: fp });
      if (selection.trim().length >= 20) fingerprint(selection).then(tell, () => tell());
      else tell();
    },
    pageWroteClipboard: (fp) => quiet({ type: 'clipboard:page-wrote', fingerprint: fp ?? undefined }),
  };
}
