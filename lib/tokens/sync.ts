import { isIsoDateOrDateTime, msToIso, utcDayNumberOfIso } from '@/lib/tokens/dates';
import {
  recordsForWorkspace,
  shortHash,
  TokenRecordSchema,
  type Inventory,
  type TokenRecord,
  type Workspace,
} from '@/lib/tokens/record';

/** A workspace's records are capped: a list sync can never grow storage without bound (review #10, finding 6). */
export const MAX_RECORDS_PER_WORKSPACE = 2_000;
/** New records one sync pass may add; the rest wait for the next pass (`leftForNextTime`). */
export const MAX_NEW_SYNCED_PER_PASS = 200;

/** One row of Wati's token list, as read from the page (every field but the name may be missing). */
export interface ListedToken {
  name: string;
  scopes?: string[];
  createdAt?: string;
  /** null = the list says the token never expires; undefined = the list does not say. */
  expiresAt?: string | null;
  status?: 'active' | 'revoked';
}

export interface ReconcileResult {
  inventory: Inventory;
  added: TokenRecord[];
  updated: TokenRecord[];
  /** Records of this workspace believed live (active, or replaced and not yet revoked) that the list
   * does not show: the UI offers to mark them revoked. Never changed here. */
  missing: TokenRecord[];
  /** Rows ignored because they had no usable name. */
  skipped: number;
  /** New rows not added in this pass (per-pass limit or full workspace): the next pass takes them, if there is room. */
  leftForNextTime: number;
  /** The workspace holds MAX_RECORDS_PER_WORKSPACE records and rows were left out because of it. */
  workspaceFull: boolean;
}

const norm = (s: string) => s.trim().toLowerCase();

/** Same calendar day, give or take one (the page shows a local date, records hold UTC instants). */
function nearDay(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b || !isIsoDateOrDateTime(a) || !isIsoDateOrDateTime(b)) return false;
  return Math.abs(utcDayNumberOfIso(a) - utcDayNumberOfIso(b)) <= 1;
}

function dayDistance(a: string | undefined, b: string | undefined): number {
  if (!a || !b || !isIsoDateOrDateTime(a) || !isIsoDateOrDateTime(b)) return Number.POSITIVE_INFINITY;
  return Math.abs(utcDayNumberOfIso(a) - utcDayNumberOfIso(b));
}

function sameExpiry(record: string | null, listed: string | null): boolean {
  if (record === null || listed === null) return record === listed;
  return nearDay(record, listed);
}

function sameScopes(a: string[], b: string[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((s) => sb.has(s));
}

/**
 * Reconciles the inventory with the token list Wati shows for one workspace.
 * - Matching is by name (trimmed, case-insensitive). When a name is repeated (on the page or in the
 *   inventory), the creation date breaks the tie: same day ±1, nearest first; a row without a date
 *   takes the newest unmatched record of that name. Live records are preferred over revoked ones.
 * - Matched records take the page's expiry, status and scopes when they differ (the page is the
 *   authority; a same-day expiry is not "different", so a precise time is never replaced by a date).
 * - Unmatched rows become new records with source 'synced'. Nothing is ever deleted.
 */
export function reconcileWithList(
  inv: Inventory,
  workspace: Workspace,
  listed: ListedToken[],
  now: number,
  /** Only records this accepts may be matched or changed (the scope of the page that read the list). */
  mayTouch: (r: TokenRecord) => boolean = () => true,
): ReconcileResult {
  const nowIso = msToIso(now);
  const added: TokenRecord[] = [];
  const updated: TokenRecord[] = [];
  let skipped = 0;
  let leftForNextTime = 0;

  const candidates = recordsForWorkspace(inv, workspace).filter(mayTouch);
  const room = Math.max(0, MAX_RECORDS_PER_WORKSPACE - candidates.length);
  const maxNew = Math.min(room, MAX_NEW_SYNCED_PER_PASS);
  const matched = new Set<string>();
  const replacement = new Map<string, TokenRecord>();
  const usedIds = new Set(inv.records.map((r) => r.id));

  // Rows with a creation date first, so dated rows claim their exact records before undated ones guess.
  const rows = listed
    .map((row, i) => ({ row, i }))
    .filter(({ row }) => {
      const ok = row && typeof row.name === 'string' && row.name.trim() !== '';
      if (!ok) skipped++;
      return ok;
    })
    .sort((a, b) => Number(!a.row.createdAt) - Number(!b.row.createdAt) || a.i - b.i);

  for (const { row } of rows) {
    const createdAt = row.createdAt && isIsoDateOrDateTime(row.createdAt) ? row.createdAt : undefined;
    const expiresAt = row.expiresAt === null ? null : row.expiresAt && isIsoDateOrDateTime(row.expiresAt) ? row.expiresAt : undefined;
    const scopes = Array.isArray(row.scopes) ? [...new Set(row.scopes.filter((s) => typeof s === 'string' && s.trim() !== ''))] : undefined;

    const sameName = candidates.filter((r) => !matched.has(r.id) && norm(r.name) === norm(row.name));
    const live = (r: TokenRecord) => (r.status === 'revoked' ? 1 : 0);
    let match: TokenRecord | undefined;
    if (createdAt) {
      match = sameName
        .filter((r) => nearDay(r.createdAt, createdAt))
        .sort((a, b) => dayDistance(a.createdAt, createdAt) - dayDistance(b.createdAt, createdAt) || live(a) - live(b))[0];
      // Names are the key; dates only break ties. When the name is unique on both sides, a date
      // that disagrees (a record created without a known date, a time-zone slip) still matches.
      const nameCount = (list: Array<{ name: string }>) => list.filter((o) => norm(o.name) === norm(row.name)).length;
      if (!match && sameName.length === 1 && nameCount(candidates) === 1 && nameCount(rows.map((x) => x.row)) === 1) {
        match = sameName[0];
      }
    } else {
      match = [...sameName].sort((a, b) => live(a) - live(b) || b.createdAt.localeCompare(a.createdAt))[0];
    }

    if (match) {
      matched.add(match.id);
      const next: TokenRecord = { ...match };
      let changed = false;
      if (expiresAt !== undefined && !sameExpiry(match.expiresAt, expiresAt)) {
        next.expiresAt = expiresAt;
        changed = true;
      }
      if (row.status === 'revoked' && match.status !== 'revoked') {
        next.status = 'revoked';
        delete next.revokeAt;
        changed = true;
      } else if (row.status === 'active' && match.status === 'revoked') {
        // The page shows it working: our "revoked" was a mistake (e.g. an accepted "missing" offer).
        next.status = 'active';
        changed = true;
      }
      if (scopes && scopes.length > 0 && !sameScopes(match.scopes, scopes)) {
        next.scopes = scopes;
        changed = true;
      }
      if (changed) {
        next.updatedAt = nowIso;
        replacement.set(match.id, next);
        updated.push(next);
      }
      continue;
    }

    if (added.length >= maxNew) {
      leftForNextTime++;
      continue;
    }
    const base = `sync:${workspace.tenantId || workspace.host}:${shortHash(`${norm(row.name)}|${createdAt ?? ''}`)}`;
    let id = base;
    for (let n = 2; usedIds.has(id); n++) id = `${base}-${n}`;
    usedIds.add(id);
    const candidate: Record<string, unknown> = {
      id,
      workspace: { ...workspace },
      name: row.name.trim(),
      scopes: scopes ?? [],
      createdAt: createdAt ?? nowIso,
      expiresAt: expiresAt ?? null,
      source: 'synced',
      status: row.status === 'revoked' ? 'revoked' : 'active',
      updatedAt: nowIso,
    };
    const parsed = TokenRecordSchema.safeParse(candidate);
    if (!parsed.success) {
      skipped++;
      continue;
    }
    added.push(parsed.data);
  }

  const missing = candidates.filter(
    (r) => !matched.has(r.id) && (r.status === 'active' || r.status === 'replaced'),
  );
  const records = [...inv.records.map((r) => replacement.get(r.id) ?? r), ...added];
  const workspaceFull = leftForNextTime > 0 && candidates.length + added.length >= MAX_RECORDS_PER_WORKSPACE;
  return { inventory: { ...inv, records }, added, updated, missing, skipped, leftForNextTime, workspaceFull };
}
