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
