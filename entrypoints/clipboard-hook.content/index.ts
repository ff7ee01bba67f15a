import { fingerprintToken } from '@/lib/tokens/fingerprint';
import { isDashboardUrl } from '@/lib/wati-page/url';

/**
 * Runs in Wati's own JavaScript world (MAIN), so it can see Wati's copy buttons: they write with
 * `navigator.clipboard.writeText`, which fires no `copy` event. It announces each write with a
 * one-way fingerprint (never the text) so a pending clear is cancelled when the user copied
 * something else, and kept when Wati's own Copy button wrote the token. Transparent: the original
 * call and its promise are returned untouched; any failure here is swallowed.
 */
export default defineContentScript({
  matches: ['https://*.wati.io/*'],
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    if (!isDashboardUrl(location.href)) return; // API host, help sites: nothing
    try {
      const clipboard = navigator.clipboard;
      if (!clipboard) return;
      const announce = (fingerprint: string | null) =>
        document.dispatchEvent(new CustomEvent('wati-token-guard:clipboard-write', { detail: fingerprint }));
      const writeText = clipboard.writeText?.bind(clipboard);
      if (writeText) {
        clipboard.writeText = (text: string) => {
          const p = writeText(text);
          p.then(
            () => fingerprintToken(String(text)).then(announce, () => announce(null)),
            () => undefined,
          );
          return p;
        };
      }
      const write = clipboard.write?.bind(clipboard);
      if (write) {
        clipboard.write = (items: ClipboardItems) => {
          const p = write(items);
          p.then(() => announce(null), () => undefined); // content unknown: treat as "something else"
          return p;
        };
      }
    } catch {
      /* never break the page */
    }
  },
});
