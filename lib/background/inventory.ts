import { inventoryItem } from '@/lib/storage/items';
import {
  findByFingerprint,
  findById,
  linkRotation,
  markRevoked,
  parseInventory,
  repairRecord,
  upsertRecord,
  deleteRecord,
  type Inventory,
  type TokenRecord,
  type Workspace,
} from '@/lib/tokens/record';
import { MAX_RECORDS_PER_WORKSPACE, reconcileWithList, type ListedToken } from '@/lib/tokens/sync';
import { recordsForWorkspace } from '@/lib/tokens/record';
import { recordWriteError, writeErrorMessage } from './write-errors';
import { mergeInventories, parseImport } from '@/lib/tokens/import';
import { isInScope, outOfScope, type WorkspaceScope } from '@/lib/messaging/scope';

type Refusal = { error: string };

/**
 * The inventory as the background sees it. Every read is validated (and repaired, with anything
 * unrepairable set aside in `quarantine`, never dropped); every write goes through one queue so
 * two messages arriving together cannot lose each other's change.
 */
let queue: Promise<unknown> = Promise.resolve();

export async function readInventory(now = Date.now()): Promise<{ inventory: Inventory; repaired: string[] }> {
  return parseInventory(await inventoryItem.getValue(), now);
}

export function mutateInventory<T>(fn: (inv: Inventory, now: number) => { inventory: Inventory; result: T }): Promise<T> {
  const run = queue.then(async () => {
    const now = Date.now();
    const { inventory } = await readInventory(now);
    const { inventory: next, result } = fn(inventory, now);
    try {
      await inventoryItem.setValue(next);
    } catch (e) {
      // Storage full (or gone): say so in the popup, and fail the caller loudly.
      const message = writeErrorMessage(e);
      await recordWriteError('inventory', message);
      throw new Error(message);
    }
    return result;
  });
  queue = run.catch(() => undefined);
  return run;
}

/**
 * Metadata of a captured token (the overlay never sends the token). Same fingerprint → same record.
 * With a `scope` (a content script's), a record it would overwrite (by id or fingerprint) must be of
 * that workspace.
 */
export async function captureRecord(raw: Record<string, unknown>, scope?: WorkspaceScope): Promise<{ id: string } | Refusal> {
  const result = await mutateInventory<{ id: string } | Refusal>((inv, now) => {
    const fp = typeof raw.fingerprint === 'string' ? raw.fingerprint : undefined;
    const existing = fp ? findByFingerprint(inv, fp) : undefined;
    const sameId = typeof raw.id === 'string' ? findById(inv, raw.id) : undefined;
    if (scope && [existing, sameId].some((r) => r && !isInScope(r.workspace, scope))) {
      return { inventory: inv, result: outOfScope('a token record with that id or fingerprint', scope) };
    }
    const ws = raw.workspace as Workspace | undefined;
    if (!existing && ws && recordsForWorkspace(inv, ws).length >= MAX_RECORDS_PER_WORKSPACE) {
      const error = `Could not save: this workspace already has ${MAX_RECORDS_PER_WORKSPACE} tokens in the inventory. Delete revoked or replaced ones in the popup, then press "I've stored it" again.`;
      return { inventory: inv, result: { error } };
    }
    const candidate = { ...(existing ?? {}), ...raw, id: existing?.id ?? raw.id, source: existing?.source ?? 'captured', status: existing?.status ?? 'active' };
    const { record, error } = repairRecord(candidate, now);
    if (!record) return { inventory: inv, result: { error: error ?? 'invalid record' } };
    return { inventory: upsertRecord(inv, record), result: { id: record.id } };
  }).catch((e: unknown) => ({ error: e instanceof Error ? e.message : writeErrorMessage(e) }));
  if ('error' in result) await recordWriteError('inventory', result.error);
  return result;
}

/** Reconciles with Wati's list; with a `scope`, only records of that workspace are matched or changed. */
export async function syncFromList(workspace: Workspace, rows: ListedToken[], scope?: WorkspaceScope) {
  return mutateInventory((inv, now) => {
    const r = reconcileWithList(inv, workspace, rows, now, (rec) => isInScope(rec.workspace, scope));
    return {
      inventory: r.inventory,
      result: {
        added: r.added.map((x) => x.name),
        updated: r.updated.map((x) => x.name),
        missing: r.missing.map((x) => ({ id: x.id, name: x.name })),
        leftForNextTime: r.leftForNextTime,
        workspaceFull: r.workspaceFull,
      },
    };
  }).then(async (res) => {
    if (res.workspaceFull) {
      await recordWriteError(
        'sync',
        `Could not save ${res.leftForNextTime} more token${res.leftForNextTime === 1 ? '' : 's'} listed in Wati: this workspace already has ${MAX_RECORDS_PER_WORKSPACE} in the inventory. Delete revoked or replaced ones to make room.`,
      );
    }
    return res;
  });
}

/** The first of `ids` that names a record outside `scope` (checked inside the write queue, so all or nothing). */
function outsideScope(inv: Inventory, ids: string[], scope: WorkspaceScope | undefined): string | undefined {
  return ids.find((id) => {
    const rec = findById(inv, id);
    return !!rec && !isInScope(rec.workspace, scope);
  });
}

export async function markRecordsRevoked(ids: string[], scope?: WorkspaceScope) {
  return mutateInventory<{ ok: true } | Refusal>((inv, now) => {
    if (scope && outsideScope(inv, ids, scope) !== undefined) return { inventory: inv, result: outOfScope('a token to mark revoked', scope) };
    return {
      inventory: ids.reduce((acc, id) => (findById(acc, id) ? markRevoked(acc, id, now) : acc), inv),
      result: { ok: true as const },
    };
  });
}

export async function linkReplacement(oldId: string, newId: string, revokeAt: string | null, scope?: WorkspaceScope) {
  return mutateInventory<{ ok: true } | Refusal>((inv, now) => {
    if (scope && outsideScope(inv, [oldId, newId], scope) !== undefined) return { inventory: inv, result: outOfScope('the token to replace', scope) };
    return { inventory: linkRotation(inv, oldId, newId, revokeAt, now), result: { ok: true as const } };
  });
}

/** Whether record `id` may be acted on from `scope` (false for a record of another workspace; true if absent). */
export async function isRecordInScope(id: string, scope: WorkspaceScope | undefined): Promise<boolean> {
  const { inventory } = await readInventory();
  return outsideScope(inventory, [id], scope) === undefined;
}

export async function updateRecord(id: string, patch: Partial<Pick<TokenRecord, 'expiresAt' | 'notes' | 'status'>>) {
  return mutateInventory<{ ok: true } | { error: string }>((inv, now) => {
    const rec = findById(inv, id);
    if (!rec) return { inventory: inv, result: { error: 'No such token.' } };
    const { record, error } = repairRecord({ ...rec, ...patch, updatedAt: new Date(now).toISOString() }, now);
    if (!record) return { inventory: inv, result: { error: error ?? 'invalid' } };
    return { inventory: upsertRecord(inv, record), result: { ok: true as const } };
  });
}

export async function removeRecord(id: string) {
  return mutateInventory((inv) => ({ inventory: findById(inv, id) ? deleteRecord(inv, id) : inv, result: { ok: true } }));
}

/** Merges an import (re-validated here: the page's check is not trusted) without losing any existing record. */
export async function importInventory(incoming: unknown) {
  let text: string;
  try {
    text = JSON.stringify({ format: 'wati-token-guard', version: 1, exportedAt: new Date().toISOString(), inventory: incoming });
  } catch {
    return { error: 'The import could not be read (it is nested too deeply). Nothing was changed.' };
  }
  const parsed = parseImport(text, Date.now());
  if (!parsed.ok) return { error: parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ') };
  return mutateInventory((inv) => {
    const m = mergeInventories(inv, parsed.inventory);
    return {
      inventory: m.inventory,
      result: { ok: true as const, added: m.added.length, updated: m.updated.length, unchanged: m.unchanged, conflicts: m.conflicts.length },
    };
  });
}
