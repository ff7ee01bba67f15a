import { isDashboardUrl } from '@/lib/wati-page/url';

export interface SenderInfo {
  /** Our extension's id, to compare with sender.id. */
  extensionId: string;
  /** Our extension's origin, e.g. chrome-extension://abc or moz-extension://uuid */
  extensionOrigin: string;
}

export type SenderKind = 'extension-page' | 'wati-content' | 'rejected';

/**
 * Accepts messages only from our own pages, or from our content scripts on a Wati dashboard
 * origin. Anything else (another extension, a web page through externally_connectable, our
 * content script on a page that is not the dashboard) is rejected.
 */
export function classifySender(
  sender: { id?: string; url?: string; origin?: string; tab?: { id?: number } },
  ours: SenderInfo,
): SenderKind {
  if (sender.id !== ours.extensionId) return 'rejected';
  const url = sender.url ?? '';
  if (url.startsWith(ours.extensionOrigin + '/')) return 'extension-page';
  if (sender.tab && isDashboardUrl(url)) return 'wati-content';
  return 'rejected';
}

/**
 * The Chrome offscreen document serves only our own background: same extension id, not a tab (content
 * scripts and our pages opened in a tab have one), and, where the browser says it, a URL on our origin.
 * Every runtime message reaches every extension page, the offscreen document included, so this is
 * what keeps a content script (or a page) from asking it to read or write the clipboard.
 */
export function isOwnBackground(sender: { id?: string; url?: string; tab?: unknown }, ours: SenderInfo): boolean {
  if (sender.id !== ours.extensionId || sender.tab) return false;
  return sender.url === undefined || sender.url.startsWith(ours.extensionOrigin + '/');
}
