import { fingerprintToken } from '@/lib/tokens/fingerprint';
import { isDashboardUrl } from '@/lib/wati-page/url';

/**
 * Runs in Wati's own JavaScript world (MAIN), so it can see Wati's copy buttons: they write with
 * `navigator.clipboard.writeText`, which fires no `copy` event. It announces a write made while the
 * user is interacting (`navigator.userActivation.isActive`, read at the call) with a one-way
 * fingerprint (never the text). Any script in this world can forge the announcement, so the
 * extension lets it keep a pending clear, never cancel one (lib/clipboard/README.md). Transparent:
 * the original call and its promise are returned untouched; any failure here is swallowed.
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
      // A write without a user gesture (or in a browser without the API) is not announced at all.
      const userIsActing = () => (navigator as { userActivation?: { isActive?: boolean } }).userActivation?.isActive === true;
      const writeText = clipboard.writeText?.bind(clipboard);
      if (writeText) {
        clipboard.writeText = (text: string) => {
          const acting = userIsActing();
          const p = writeText(text);
          if (acting) {
            p.then(
              () => fingerprintToken(String(text)).then(announce, () => announce(null)),
              () => undefined,
            );
          }
          return p;
        };
      }
      const write = clipboard.write?.bind(clipboard);
      if (write) {
        clipboard.write = (items: ClipboardItems) => {
          const acting = userIsActing();
          const p = write(items);
          if (acting) p.then(() => announce(null), () => undefined); // content unknown: "something else"
          return p;
        };
      }
    } catch {
      /* never break the page */
    }
  },
});
