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
import { reconcileWithList, type ListedToken } from '@/lib/tokens/sync';
import { mergeInventories, parseImport } from '@/lib/tokens/import';

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
    await inventoryItem.setValue(next);
    return result;
  });
  queue = run.catch(() => undefined);
  return run;
}

/** Metadata of a captured token (the overlay never sends the token). Same fingerprint → same record. */
export async function captureRecord(raw: Record<string, unknown>): Promise<{ id: string } | { error: string }> {
  return mutateInventory<{ id: string } | { error: string }>((inv, now) => {
    const fp = typeof raw.fingerprint === 'string' ? raw.fingerprint : undefined;
    const existing = fp ? findByFingerprint(inv, fp) : undefined;
    const candidate = { ...(existing ?? {}), ...raw, id: existing?.id ?? raw.id, source: existing?.source ?? 'captured', status: existing?.status ?? 'active' };
    const { record, error } = repairRecord(candidate, now);
    if (!record) return { inventory: inv, result: { error: error ?? 'invalid record' } };
    return { inventory: upsertRecord(inv, record), result: { id: record.id } };
  });
}

export async function syncFromList(workspace: Workspace, rows: ListedToken[]) {
  return mutateInventory((inv, now) => {
    const r = reconcileWithList(inv, workspace, rows, now);
    return {
      inventory: r.inventory,
      result: {
        added: r.added.map((x) => x.name),
        updated: r.updated.map((x) => x.name),
        missing: r.missing.map((x) => ({ id: x.id, name: x.name })),
      },
    };
  });
}

export async function markRecordsRevoked(ids: string[]) {
  return mutateInventory((inv, now) => ({
    inventory: ids.reduce((acc, id) => (findById(acc, id) ? markRevoked(acc, id, now) : acc), inv),
    result: { ok: true },
  }));
}

export async function linkReplacement(oldId: string, newId: string, revokeAt: string | null) {
  return mutateInventory((inv, now) => ({ inventory: linkRotation(inv, oldId, newId, revokeAt, now), result: { ok: true } }));
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
