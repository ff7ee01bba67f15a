import { injectOverlay } from '@/lib/platform/inject';
import { readWorkspaceFromUrl } from '@/lib/wati-page/url';
import { workspaceNeedsAttention } from './reminders';
import { coachRequestedFor } from './coach';
import { rememberTokenPage } from './token-pages';

/**
 * Decides whether a dashboard page gets the overlay: the API Tokens page always; any page of a
 * workspace that has tokens needing attention (the banner); a tab the user sent to the coach.
 *
 * The workspace is the one of `senderUrl` (the browser's word for where the content script runs),
 * never of the URL the page reports. The reported URL is used only for the exact path of the token
 * page, and only when it lies in that same workspace: the browser's URL may lag a client-side
 * navigation (history.pushState), the page's cannot name another workspace.
 */
export async function onPageHello(
  msg: { url?: string; tokenPage: boolean },
  senderUrl: string,
  tabId: number,
  frameId: number,
): Promise<{ mount: boolean; retry?: boolean }> {
  const ws = readWorkspaceFromUrl(senderUrl);
  if (!ws) return { mount: false };
  const reported = msg.url ? readWorkspaceFromUrl(msg.url) : undefined;
  const pageUrl = reported?.baseUrl === ws.baseUrl ? msg.url! : senderUrl;
  const scope = { host: ws.host, tenantId: ws.tenantId };
  if (msg.tokenPage) await rememberTokenPage(ws.baseUrl, pageUrl);
  const mount = msg.tokenPage || (await coachRequestedFor(tabId)) || (await workspaceNeedsAttention(ws, scope));
  if (!mount) return { mount: false };
  try {
    await injectOverlay(tabId, frameId);
  } catch {
    return { mount: false, retry: true }; // e.g. the frame was navigating: the sentry asks again
  }
  return { mount: true };
}
