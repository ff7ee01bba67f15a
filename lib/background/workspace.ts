import { readWorkspaceFromUrl } from '@/lib/wati-page/url';

/** The dashboard base URL of a workspace: live.wati.io carries the tenant in the path. */
export function workspaceBase(ws: { host: string; tenantId?: string }): string | undefined {
  if (!ws.host || ws.host === 'unknown') return undefined;
  const url = ws.host === 'live.wati.io' && ws.tenantId ? `https://${ws.host}/${ws.tenantId}/` : `https://${ws.host}/`;
  return readWorkspaceFromUrl(url)?.baseUrl;
}
