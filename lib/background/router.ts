import { RequestSchema } from '@/lib/messaging/protocol';
import { classifySender, type SenderInfo } from '@/lib/messaging/sender';
import { onPageHello } from './overlay';
import { attentionFor, reconcileReminders, rotateToken, snoozeToken } from './reminders';
import { captureRecord, importInventory, isRecordInScope, linkReplacement, markRecordsRevoked, removeRecord, syncFromList, updateRecord } from './inventory';
import { namesOwnWorkspace, outOfScope, scopeOfSender, type WorkspaceScope } from '@/lib/messaging/scope';
import { getCoachSession, openCoach, setCoachSession } from './coach';
import { lastTokenPage, tokenPageFor } from './token-pages';
import { workspaceBase } from './workspace';
import { onPageWroteClipboard, onTokenCopied, onUserCopied, pollClipboardStatus } from './clipboard';

export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

/**
 * Validates every message and its sender, then dispatches. Unknown or bad messages get undefined.
 *
 * A content script acts only on the workspace of the page it runs on (`scope`, from `sender.url`,
 * which the browser sets; never from the message): a request naming another workspace or its
 * records is refused with `{ error }` and changes nothing. Extension pages (popup, options) have
 * full access (`scope` undefined).
 */
export async function handleMessage(raw: unknown, sender: MessageSender, ours: SenderInfo): Promise<unknown> {
  const kind = classifySender(sender, ours);
  if (kind === 'rejected') return undefined;
  let scope: WorkspaceScope | undefined;
  if (kind === 'wati-content') {
    scope = scopeOfSender(sender);
    if (!scope) return undefined;
  }
  const parsed = RequestSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const msg = parsed.data;
  switch (msg.type) {
    case 'page:hello':
      if (kind !== 'wati-content' || sender.tab?.id === undefined) return undefined;
      return onPageHello(msg, sender.url ?? '', sender.tab.id, sender.frameId ?? 0);
    case 'clipboard:copied':
      if (kind !== 'wati-content') return undefined;
      return onTokenCopied(msg.fingerprint);
    case 'clipboard:user-copied':
      // Only the sentry's trusted copy/cut listener sends this; it is the one message that cancels a clear.
      if (kind !== 'wati-content' || sender.tab?.id === undefined) return undefined;
      await onUserCopied(msg.fingerprint);
      return { ok: true };
    case 'clipboard:page-wrote':
      // Wati's page wrote the clipboard (the MAIN-world hook): forgeable by any page script, so it can keep a clear, never cancel it.
      if (kind !== 'wati-content' || sender.tab?.id === undefined) return undefined;
      await onPageWroteClipboard(msg.fingerprint);
      return { ok: true };
    case 'clipboard:status':
      return pollClipboardStatus();
    case 'attention:get':
      if (scope && !namesOwnWorkspace(msg.workspace, scope)) return outOfScope('the workspace asked for', scope);
      return attentionFor(msg.workspace, scope);
    case 'inventory:capture': {
      if (kind !== 'wati-content' || !scope) return undefined;
      // The workspace is the sender's, whatever the message says (a URL without a tenant id: the page's own).
      const claimed = (msg.record.workspace as { tenantId?: unknown } | undefined)?.tenantId;
      const tenantId = scope.tenantId ?? (typeof claimed === 'string' ? claimed : '');
      return captureRecord({ ...msg.record, workspace: { host: scope.host, tenantId } }, scope);
    }
    case 'inventory:sync': {
      if (kind !== 'wati-content' || !scope) return undefined;
      if (!namesOwnWorkspace(msg.workspace, scope)) return outOfScope('the workspace of this list', scope);
      return syncFromList({ host: scope.host, tenantId: scope.tenantId ?? msg.workspace.tenantId ?? '' }, msg.rows as never, scope);
    }
    case 'inventory:mark-revoked':
      return markRecordsRevoked(msg.ids, scope);
    case 'inventory:link-replacement': {
      const revokeAt = new Date(Date.now() + msg.revokeInHours * 3600_000).toISOString();
      return linkReplacement(msg.oldId, msg.newId, revokeAt, scope);
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
      if (scope && !(await isRecordInScope(msg.id, scope))) return outOfScope('the token to rotate', scope);
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

