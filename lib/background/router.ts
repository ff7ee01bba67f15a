import { RequestSchema } from '@/lib/messaging/protocol';
import { classifySender, type SenderInfo } from '@/lib/messaging/sender';
import { onPageHello } from './overlay';
import { attentionFor, reconcileReminders, rotateToken, snoozeToken } from './reminders';
import { captureRecord, importInventory, linkReplacement, markRecordsRevoked, removeRecord, syncFromList, updateRecord } from './inventory';
import { readWorkspaceFromUrl } from '@/lib/wati-page/url';
import { getCoachSession, openCoach, setCoachSession } from './coach';
import { lastTokenPage, tokenPageFor } from './token-pages';
import { workspaceBase } from './workspace';
import { onTokenCopied, onUserCopied, pollClipboardStatus } from './clipboard';

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
      return pollClipboardStatus();
    case 'attention:get':
      return attentionFor(msg.workspace);
    case 'inventory:capture': {
      if (kind !== 'wati-content') return undefined;
      // The workspace is the sender's, whatever the message says.
      const ws = readWorkspaceFromUrl(sender.url ?? '');
      if (!ws) return undefined;
      return captureRecord({ ...msg.record, workspace: { host: ws.host, tenantId: ws.tenantId ?? (msg.record.workspace as { tenantId?: string })?.tenantId ?? '' } });
    }
    case 'inventory:sync': {
      if (kind !== 'wati-content') return undefined;
      const ws = readWorkspaceFromUrl(sender.url ?? '');
      if (!ws) return undefined;
      return syncFromList({ host: ws.host, tenantId: ws.tenantId ?? msg.workspace.tenantId ?? '' }, msg.rows as never);
    }
    case 'inventory:mark-revoked':
      return markRecordsRevoked(msg.ids);
    case 'inventory:link-replacement': {
      const revokeAt = new Date(Date.now() + msg.revokeInHours * 3600_000).toISOString();
      return linkReplacement(msg.oldId, msg.newId, revokeAt);
    }
    case 'inventory:update':
      if (kind !== 'extension-page') return undefined;
      return updateRecord(msg.id, msg.patch);
    case 'inventory:import':
      if (kind !== 'extension-page') return undefined;
      return importInventory(msg.inventory);
    case 'inventory:delete':
      if (kind !== 'extension-page') return undefined;
      return removeRecord(msg.id);
    case 'token:snooze':
      if (kind !== 'extension-page') return undefined;
      await snoozeToken(msg.id);
      return { ok: true };
    case 'token:rotate':
      return { ok: await rotateToken(msg.id) };
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

