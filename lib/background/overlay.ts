import { injectOverlay } from '@/lib/platform/inject';
import { readWorkspaceFromUrl } from '@/lib/wati-page/url';
import { workspaceNeedsAttention } from './reminders';
import { coachRequestedFor } from './coach';
import { rememberTokenPage } from './token-pages';

/**
 * Decides whether a dashboard page gets the overlay: the API Tokens page always; any page of a
 * workspace that has tokens needing attention (the banner); a tab the user sent to the coach.
 */
export async function onPageHello(msg: { url: string; tokenPage: boolean }, tabId: number, frameId: number): Promise<{ mount: boolean; retry?: boolean }> {
  const ws = readWorkspaceFromUrl(msg.url);
  if (!ws) return { mount: false };
  if (msg.tokenPage) await rememberTokenPage(ws.baseUrl, msg.url);
  const mount = msg.tokenPage || (await coachRequestedFor(tabId)) || (await workspaceNeedsAttention(ws));
  if (!mount) return { mount: false };
  try {
    await injectOverlay(tabId, frameId);
  } catch {
    return { mount: false, retry: true }; // e.g. the frame was navigating: the sentry asks again
  }
  return { mount: true };
}
