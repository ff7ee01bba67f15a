import { browser } from 'wxt/browser';
import { isDashboardUrl } from '@/lib/wati-page/url';
import { looksLikeTokenPage } from '@/lib/wati-page/detect';
import { sentryMessages, startSentry } from '@/lib/overlay/sentry';
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
      ...sentryMessages((msg) => browser.runtime.sendMessage(msg), fingerprintToken),
      isOverlayMounted: () => (globalThis as { __watiTokenGuardOverlay?: boolean }).__watiTokenGuardOverlay === true,
      signal: ctx.signal,
    });
  },
});
