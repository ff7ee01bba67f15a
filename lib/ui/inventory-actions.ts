import { sendToBackground } from '@/lib/platform/messages';
import type { Inventory } from '@/lib/tokens/record';
import type { TokenEditPatch } from '@/lib/ui/token-edit';

/**
 * The inventory writes of extension pages, each one background message (the background serialises
 * every inventory write). Replies are turned into `{ ok }` or a sentence for the user.
 */

export type ActionResult = { ok: true } | { ok: false; error: string };

export const NO_ANSWER =
  'The extension did not answer. Reload it (chrome://extensions or about:addons) and try again.';

export function interpretReply(reply: unknown, failure = 'That did not work. Try again.'): ActionResult {
  if (reply === undefined || reply === null) return { ok: false, error: NO_ANSWER };
  if (typeof reply === 'object') {
    const r = reply as { ok?: unknown; error?: unknown };
    if (typeof r.error === 'string' && r.error) return { ok: false, error: r.error };
    if (r.ok === true) return { ok: true };
  }
  return { ok: false, error: failure };
}

export async function updateToken(id: string, patch: TokenEditPatch): Promise<ActionResult> {
  return interpretReply(await sendToBackground({ type: 'inventory:update', id, patch }));
}

export async function deleteToken(id: string): Promise<ActionResult> {
  return interpretReply(await sendToBackground({ type: 'inventory:delete', id }));
}

export async function markTokenRevoked(id: string): Promise<ActionResult> {
  return interpretReply(await sendToBackground({ type: 'inventory:mark-revoked', ids: [id] }));
}

export async function snoozeToken(id: string): Promise<ActionResult> {
  return interpretReply(await sendToBackground({ type: 'token:snooze', id }));
}

export async function rotateToken(id: string): Promise<ActionResult> {
  return interpretReply(await sendToBackground({ type: 'token:rotate', id }), 'This token is no longer in the inventory.');
}

export async function openCoach(workspace?: { host: string; tenantId?: string }): Promise<ActionResult> {
  return interpretReply(await sendToBackground(workspace ? { type: 'coach:open', workspace } : { type: 'coach:open' }));
}

export interface ImportReply {
  ok: true;
  added: number;
  updated: number;
  unchanged: number;
  conflicts: number;
}

/**
 * Asks the background to merge a validated import into the inventory (it merges against its own
 * fresh read, inside its write queue). `inventory:import` is not in lib/messaging/protocol.ts yet,
 * hence the cast; until the background knows it, the reply is undefined and the page says so.
 */
export async function importInventory(inventory: Inventory): Promise<ImportReply | { ok: false; error: string }> {
  const reply = await sendToBackground<unknown>({ type: 'inventory:import', inventory });
  const r = interpretReply(reply, 'The import was refused.');
  if (!r.ok) {
    return {
      ok: false,
      error: reply === undefined || reply === null ? 'The extension did not accept the import (it may need an update, or it was restarting). Nothing was changed; try again.' : r.error,
    };
  }
  const n = (k: string) => {
    const v = (reply as Record<string, unknown>)[k];
    return typeof v === 'number' ? v : Array.isArray(v) ? v.length : 0;
  };
  return { ok: true, added: n('added'), updated: n('updated'), unchanged: n('unchanged'), conflicts: n('conflicts') };
}
