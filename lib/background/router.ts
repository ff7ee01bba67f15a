import { RequestSchema } from '@/lib/messaging/protocol';
import { classifySender, type SenderInfo } from '@/lib/messaging/sender';
import { onPageHello } from './overlay';
import { reconcileReminders } from './reminders';
import { getCoachSession, openCoach, setCoachSession } from './coach';
import { lastTokenPage, tokenPageFor } from './token-pages';
import { readWorkspaceFromUrl } from '@/lib/wati-page/url';
import { getClipboardStatus, onTokenCopied, onUserCopied } from './clipboard';

export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

/** Validates every message and its sender, then dispatches. Unknown or bad messages get undefined. */
export async function handleMessage(raw: unknown, sender: MessageSender, ours: SenderInfo): Promise<unknown> {
  const kind = classifySender(sender, ours);
  if (kind === 'rejected') return undefined;
  const parsed = RequestSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const msg = parsed.data;
  switch (msg.type) {
    case 'page:hello':
      if (kind !== 'wati-content' || sender.tab?.id === undefined) return undefined;
      return onPageHello(msg, sender.tab.id, sender.frameId ?? 0);
    case 'clipboard:copied':
      if (kind !== 'wati-content') return undefined;
      return onTokenCopied(msg.fingerprint);
    case 'clipboard:user-copied':
      await onUserCopied(msg.fingerprint);
      return { ok: true };
    case 'clipboard:status':
      return getClipboardStatus();
    case 'reminders:refresh':
      await reconcileReminders('refresh');
      return { ok: true };
    case 'coach:open': {
      if (kind !== 'extension-page') return undefined;
      const ws = msg.workspace && workspaceBase(msg.workspace);
      const last = await lastTokenPage();
      const baseUrl = ws ?? last?.baseUrl ?? 'https://app.wati.io';
      await openCoach({ baseUrl, url: await tokenPageFor(baseUrl), rotateTokenId: msg.rotateTokenId });
      return { ok: true };
    }
    case 'coach:session:get':
      if (kind !== 'wati-content' || sender.tab?.id === undefined) return undefined;
      return getCoachSession(sender.tab.id);
    case 'coach:session:set':
      if (kind !== 'wati-content' || sender.tab?.id === undefined) return undefined;
      await setCoachSession(sender.tab.id, msg.session);
      return { ok: true };
    default:
      return undefined;
  }
}

/** The dashboard base URL of a workspace: live.wati.io carries the tenant in the path. */
export function workspaceBase(ws: { host: string; tenantId?: string }): string | undefined {
  const url = ws.host === 'live.wati.io' && ws.tenantId ? `https://${ws.host}/${ws.tenantId}/` : `https://${ws.host}/`;
  return readWorkspaceFromUrl(url)?.baseUrl;
}
