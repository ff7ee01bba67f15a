/**
 * The sentry: the only code evaluated on every Wati dashboard page. It must cost the page nothing
 * measurable (a busy Team Inbox mutates the DOM many times a second), so it:
 * - imports no React, no zod, nothing heavy (see `npm run bench` for its size and cost);
 * - keeps one MutationObserver whose callback only sets a flag and, at most every CHECK_MS,
 *   compares `location.href` (client-side navigation always mutates the DOM);
 * - looks for the API Tokens page only for a while after each navigation (late rendering), then
 *   stops looking until the URL changes again;
 * - asks the background to inject the overlay when there is something to show.
 */
export interface SentryDeps {
  url(): string;
  looksLikeTokenPage(): boolean;
  /** Tells the background where we are; it decides whether to inject the overlay (true = it did). */
  hello(url: string, tokenPage: boolean): Promise<boolean>;
  /** The user copied or cut something in this page; `fingerprint` of the selection if any. */
  userCopied(selection: string): void;
  /** The page wrote the clipboard itself (e.g. a Copy button); the fingerprint of what it wrote, if known. */
  pageWroteClipboard(fingerprint: string | null): void;
  isOverlayMounted(): boolean;
  signal: AbortSignal;
}

export const CHECK_MS = 300;
export const LOOK_FOR_MS = 20_000;
/** If the overlay was promised but has not appeared by then, ask again (the worker may have been restarting). */
export const RETRY_MS = 1_500;
export const MAX_RETRIES = 3;

export function startSentry(root: Document, deps: SentryDeps): void {
  let lastUrl = '';
  let lastTokenPage = false;
  let lookUntil = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const check = () => {
    timer = undefined;
    if (deps.signal.aborted) return;
    if (deps.isOverlayMounted()) {
      observer.disconnect(); // the overlay has its own observer from here on
      return;
    }
    const url = deps.url();
    const now = Date.now();
    if (url !== lastUrl) lookUntil = now + LOOK_FOR_MS;
    const tokenPage = now <= lookUntil ? deps.looksLikeTokenPage() : lastTokenPage;
    if (url !== lastUrl || tokenPage !== lastTokenPage) {
      lastUrl = url;
      lastTokenPage = tokenPage;
      retries = 0;
      sayHello(url, tokenPage);
    }
  };
  let retries = 0;
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
  const schedule = () => {
    timer ??= setTimeout(check, CHECK_MS);
  };
  const observer = new MutationObserver(schedule);
  observer.observe(root.documentElement, { childList: true, subtree: true });
  const onCopy = () => {
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
  addEventListener('popstate', schedule);
  deps.signal.addEventListener('abort', () => {
    observer.disconnect();
    if (timer) clearTimeout(timer);
    root.removeEventListener('wati-token-guard:clipboard-write', onPageWrite);
    root.removeEventListener('copy', onCopy, true);
    root.removeEventListener('cut', onCopy, true);
    removeEventListener('popstate', schedule);
  });
  check();
}
