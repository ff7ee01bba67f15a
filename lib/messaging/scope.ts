import { readWorkspaceFromUrl } from '@/lib/wati-page/url';
import { sameWorkspace, type WorkspaceRef } from '@/lib/tokens/record';

/**
 * What a content script may act on: the workspace of the page that sent the message, read from
 * `sender.url` (set by the browser), never from the message. On live.wati.io the URL carries the
 * tenant id; other hosts (app.wati.io, vanity hosts) carry none, so there the host is the scope.
 * Extension pages (popup, options) have no scope: full access.
 */
export interface WorkspaceScope {
  host: string;
  tenantId?: string;
}

export function scopeOfSender(sender: { url?: string }): WorkspaceScope | undefined {
  const ws = readWorkspaceFromUrl(sender.url ?? '');
  return ws && (ws.tenantId ? { host: ws.host, tenantId: ws.tenantId } : { host: ws.host });
}

/** A workspace named in a message is the sender's own: the same host and, where the URL has one, the same tenant. */
export function namesOwnWorkspace(named: { host: string; tenantId?: string }, scope: WorkspaceScope): boolean {
  if (named.host.toLowerCase().replace(/\.$/, '') !== scope.host) return false;
  return !scope.tenantId || !named.tenantId || named.tenantId.toLowerCase() === scope.tenantId.toLowerCase();
}

/** A record belongs to the scope (undefined scope: an extension page, everything does). */
export function isInScope(workspace: WorkspaceRef, scope: WorkspaceScope | undefined): boolean {
  return !scope || sameWorkspace(workspace, scope);
}

function label(scope: WorkspaceScope): string {
  return scope.tenantId ? `${scope.host} · ${scope.tenantId}` : scope.host;
}

/** The answer to a request that names another workspace or its records: nothing is read or changed. */
export function outOfScope(what: string, scope: WorkspaceScope): { error: string } {
  return { error: `Refused: ${what} belongs to another workspace than this page's (${label(scope)}).` };
}
