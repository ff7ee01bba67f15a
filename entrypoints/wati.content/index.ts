import { browser } from 'wxt/browser';
import { isDashboardUrl } from '@/lib/wati-page/url';
import { looksLikeTokenPage } from '@/lib/wati-page/detect';
import { startSentry } from '@/lib/overlay/sentry';
import { fingerprintToken } from '@/lib/tokens/fingerprint';

/** Always-on, tiny. Everything heavy lives in the overlay, injected only where it has work. */
export default defineContentScript({
  matches: ['https://*.wati.io/*'],
  runAt: 'document_idle',
  main(ctx) {
    if (!isDashboardUrl(location.href)) return; // API host, help sites: nothing at all
    startSentry(document, {
      url: () => location.href,
      looksLikeTokenPage: () => looksLikeTokenPage(document),
      hello: async (url, tokenPage) => {
        const r = (await browser.runtime.sendMessage({ type: 'page:hello', url, tokenPage })) as { mount?: boolean; retry?: boolean } | undefined;
        return r?.mount === true || r?.retry === true;
      },
      userCopied: (selection) => {
        // Only a one-way fingerprint of what was copied leaves the page, so the background can tell
        // "the user copied the token again" (keep the clear) from "something else" (cancel it).
        const send = (fingerprint?: string) =>
          browser.runtime.sendMessage({ type: 'clipboard:user-copied', fingerprint }).catch(() => {});
        if (selection.trim().length >= 20) fingerprintToken(selection).then(send, () => send());
        else send();
      },
      pageWroteClipboard: (fingerprint) => {
        void browser.runtime.sendMessage({ type: 'clipboard:user-copied', fingerprint: fingerprint ?? undefined }).catch(() => {});
      },
      isOverlayMounted: () => (globalThis as { __watiTokenGuardOverlay?: boolean }).__watiTokenGuardOverlay === true,
      signal: ctx.signal,
    });
  },
});
