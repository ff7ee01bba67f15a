import type { z } from 'zod';
import { SettingsSchema, type Settings } from '@/lib/storage/settings';
import { isIsoDateOrDateTime, isoToMs } from '@/lib/tokens/dates';
import { EXPORT_FORMAT, EXPORT_VERSION } from '@/lib/tokens/export';
import { findSecretPaths, redactSecrets, type PathPart } from '@/lib/tokens/secret-shape';
import {
  INVENTORY_VERSION,
  isTruncatedRaw,
  quarantineEntry,
  QuarantineEntrySchema,
  RECORD_KEYS,
  TOKEN_STATUSES,
  TokenRecordSchema,
  type Inventory,
  type QuarantineEntry,
  type TokenRecord,
} from '@/lib/tokens/record';

/**
 * Reading an export back. Unlike `parseInventory` (which repairs what is already ours), an import is
 * validated completely before anything is accepted: one bad field anywhere → `ok: false` with every
 * problem found, each with the path of the field and why, and nothing is merged.
 */

export interface ImportError {
  /** Where, e.g. `inventory.records[3].expiresAt` ('' for the whole file). */
  path: string;
  message: string;
}

export type ImportResult =
  | { ok: true; inventory: Inventory; settings?: Settings; warnings: string[] }
  | { ok: false; errors: ImportError[] };

const ENVELOPE_KEYS = ['format', 'version', 'exportedAt', 'inventory', 'settings'];
/** The most records (and set-aside entries) one import may hold: what the background accepts in one message. */
export const MAX_IMPORT_RECORDS = 10_000;
/** At most this many errors are listed (the rest are counted). */
const MAX_ERRORS = 200;

/** Field names that would hold a secret: refused outright (an export never has them). */
const SECRET_KEY_RE = /^(token|secret|api[-_]?key|bearer|access[-_]?token|jwt|password|value|authorization)$/i;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function formatPath(base: string, path: ReadonlyArray<PropertyKey>): string {
  let out = base;
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? String(p) : `.${String(p)}`;
  return out;
}

function issuesToErrors(base: string, issues: readonly z.core.$ZodIssue[], what: string): ImportError[] {
  return issues.map((i) => {
    const field = i.path.length ? formatPath('', i.path) : '';
    return { path: formatPath(base, i.path), message: `${what}${field ? `, field "${field}"` : ''}: ${i.message}.` };
  });
}

const SECRET_MSG = 'looks like it holds a token secret. Exports never contain tokens; remove it from the file.';

/** Every string (or key) under `value` that holds a token, as import errors. */
function secretErrors(base: string, value: unknown, what: string): ImportError[] {
  return findSecretPaths(value, 20).map((p: PathPart[]) => {
    const field = formatPath('', p);
    return { path: formatPath(base, p), message: `${what}${field ? `: field "${field}"` : ''} ${SECRET_MSG}` };
  });
}

/**
 * Validates an exported file completely. Never throws, whatever the input (depth bombs, huge strings,
 * `__proto__` keys, non-object roots): every failure is a listed error with its path.
 */
export function parseImport(text: string, now: number): ImportResult {
  try {
    const r = parseImportUnsafe(text, now);
    if (r.ok || r.errors.length <= MAX_ERRORS) return r;
    return { ok: false, errors: [...r.errors.slice(0, MAX_ERRORS), { path: '', message: `… and ${r.errors.length - MAX_ERRORS} more problems.` }] };
  } catch (e) {
    // Not expected: a last line of defence so the page never stays at "Reading…".
    return { ok: false, errors: [{ path: '', message: `The file could not be checked (${e instanceof Error ? redactSecrets(e.message).slice(0, 120) : 'unexpected error'}). Nothing was changed.` }] };
  }
}

function parseImportUnsafe(text: string, now: number): ImportResult {
  if (typeof text !== 'string' || text.trim() === '') return { ok: false, errors: [{ path: '', message: 'The file is empty.' }] };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, errors: [{ path: '', message: `The file is not valid JSON (${e instanceof Error ? e.message : 'parse error'}). Choose a file exported by Wati Token Guard.` }] };
  }
  if (!isObject(data)) {
    return { ok: false, errors: [{ path: '', message: 'The file is not a Wati Token Guard export (expected a JSON object).' }] };
  }
  if (data.format !== EXPORT_FORMAT) {
    const message =
      data.format === undefined
        ? `The file has no "format" marker: it is not a Wati Token Guard export${'records' in data || 'tokens' in data ? ' (it looks like a raw inventory; export it again from the options page)' : ''}.`
        : `The file's format is "${String(data.format).slice(0, 60)}", not "${EXPORT_FORMAT}": it was not exported by Wati Token Guard.`;
    return { ok: false, errors: [{ path: 'format', message }] };
  }
  if (typeof data.version !== 'number' || !Number.isInteger(data.version)) {
    return { ok: false, errors: [{ path: 'version', message: 'The export has no valid version number.' }] };
  }
  if (data.version !== EXPORT_VERSION) {
    const message =
      data.version > EXPORT_VERSION
        ? `Unsupported export version ${data.version}: it was written by a newer Wati Token Guard (this one reads version ${EXPORT_VERSION}). Update the extension and try again.`
        : `Unsupported export version ${data.version} (this extension reads version ${EXPORT_VERSION}).`;
    return { ok: false, errors: [{ path: 'version', message }] };
  }

  const errors: ImportError[] = [];
  const warnings: string[] = [];

  for (const k of Object.keys(data)) if (!ENVELOPE_KEYS.includes(k)) warnings.push(`Unknown top-level field "${redactSecrets(k).slice(0, 60)}" was ignored.`);
  if (data.exportedAt === undefined) warnings.push('The export has no date.');
  else if (!isIsoDateOrDateTime(data.exportedAt)) errors.push({ path: 'exportedAt', message: 'The export date is not an ISO 8601 date.' });
  else if (isoToMs(data.exportedAt) > now + 86_400_000) warnings.push(`The export is dated ${data.exportedAt}, in the future: check this computer's clock.`);

  const inventory: Inventory = { version: INVENTORY_VERSION, records: [], quarantine: [] };
  const inv = data.inventory;
  if (!isObject(inv)) {
    errors.push({ path: 'inventory', message: 'The export has no inventory object.' });
  } else if (Array.isArray(inv.records) && inv.records.length > MAX_IMPORT_RECORDS) {
    errors.push({ path: 'inventory.records', message: `The file holds ${inv.records.length.toLocaleString('en-US')} records; an import holds at most ${MAX_IMPORT_RECORDS.toLocaleString('en-US')}. Split it into smaller files, or remove revoked tokens first.` });
  } else if (Array.isArray(inv.quarantine) && inv.quarantine.length > MAX_IMPORT_RECORDS) {
    errors.push({ path: 'inventory.quarantine', message: `The file holds ${inv.quarantine.length.toLocaleString('en-US')} set-aside entries; an import holds at most ${MAX_IMPORT_RECORDS.toLocaleString('en-US')}.` });
  } else {
    if (inv.version !== INVENTORY_VERSION) {
      errors.push({ path: 'inventory.version', message: `Unsupported inventory version ${JSON.stringify(inv.version) ?? 'undefined'} (expected ${INVENTORY_VERSION}).` });
    }
    for (const k of Object.keys(inv)) if (!['version', 'records', 'quarantine'].includes(k)) warnings.push(`Unknown field "inventory.${redactSecrets(k).slice(0, 60)}" was ignored.`);

    if (!Array.isArray(inv.records)) {
      errors.push({ path: 'inventory.records', message: 'The inventory has no list of records.' });
    } else {
      const seen = new Map<string, number>();
      inv.records.forEach((raw, i) => {
        const base = `inventory.records[${i}]`;
        const label = `Record ${i + 1}${isObject(raw) && typeof raw.name === 'string' ? ` ("${redactSecrets(raw.name.slice(0, 4096)).slice(0, 60)}")` : ''}`;
        if (!isObject(raw)) {
          errors.push({ path: base, message: `${label} is not an object.` });
          return;
        }
        // Any string of the record, known field or not, at any depth: a token is refused with its path.
        const leaks = secretErrors(base, raw, label);
        const leaked = new Set(leaks.map((e) => e.path));
        const leakedField = (p: string) => [...leaked].some((l) => l === p || l.startsWith(`${p}.`) || l.startsWith(`${p}[`));
        errors.push(...leaks);
        for (const k of Object.keys(raw)) {
          if ((RECORD_KEYS as string[]).includes(k)) continue;
          const path = formatPath(base, [k]);
          if (leakedField(path)) continue;
          if (SECRET_KEY_RE.test(k)) {
            errors.push({ path, message: `${label}: field "${k}" ${SECRET_MSG}` });
          } else {
            warnings.push(`${label}: unknown field "${redactSecrets(k).slice(0, 60)}" was ignored.`);
          }
        }
        const r = TokenRecordSchema.safeParse(raw);
        if (!r.success) {
          errors.push(...issuesToErrors(base, r.error.issues, label).filter((e) => !leakedField(e.path)));
          return;
        }
        const first = seen.get(r.data.id);
        if (first !== undefined) {
          errors.push({ path: `${base}.id`, message: `${label}: id "${r.data.id}" is already used by record ${first + 1}.` });
          return;
        }
        seen.set(r.data.id, i);
        inventory.records.push(r.data);
      });
    }

    if (inv.quarantine !== undefined) {
      if (!Array.isArray(inv.quarantine)) errors.push({ path: 'inventory.quarantine', message: 'The quarantine is not a list.' });
      else {
        inv.quarantine.forEach((q, i) => {
          const r = QuarantineEntrySchema.safeParse(q);
          if (!r.success) errors.push(...issuesToErrors(`inventory.quarantine[${i}]`, r.error.issues, `Quarantine entry ${i + 1}`));
          else {
            const safe = quarantineEntry(r.data.raw, r.data.error, r.data.at);
            if (isTruncatedRaw(safe.raw) && !isTruncatedRaw(r.data.raw)) warnings.push(`Quarantine entry ${i + 1} was too large; a shortened copy is kept.`);
            else if (findSecretPaths(r.data, 1).length) warnings.push(`Quarantine entry ${i + 1} held what looks like a token; it was redacted.`);
            inventory.quarantine.push(safe);
          }
        });
      }
    }
  }

  for (const k of Object.keys(data)) {
    if (k === 'inventory') continue;
    errors.push(...secretErrors(formatPath('', [k]), data[k], k === 'settings' ? 'Settings' : `Field "${redactSecrets(k).slice(0, 60)}"`));
  }
  if (isObject(inv)) for (const k of Object.keys(inv)) if (k !== 'records' && k !== 'quarantine') errors.push(...secretErrors(`inventory.${redactSecrets(k).slice(0, 60)}`, inv[k], 'The inventory'));

  let settings: Settings | undefined;
  if (data.settings !== undefined) {
    const r = SettingsSchema.safeParse(data.settings);
    if (r.success) settings = r.data;
    else errors.push(...issuesToErrors('settings', r.error.issues, 'Settings'));
  }

  if (errors.length) return { ok: false, errors };
  const result: ImportResult = { ok: true, inventory, warnings };
  if (settings !== undefined) result.settings = settings;
  return result;
}

// ---------------------------------------------------------------------------------------------
// Merging

export interface MergeConflict {
  /** The id kept in the merged inventory. */
  id: string;
  name: string;
  kept: 'existing' | 'incoming' | 'both';
  message: string;
}

export interface MergeResult {
  inventory: Inventory;
  added: TokenRecord[];
  updated: TokenRecord[];
  unchanged: number;
  conflicts: MergeConflict[];
}

const STATUS_RANK: Record<TokenRecord['status'], number> = Object.fromEntries(TOKEN_STATUSES.map((s, i) => [s, i])) as Record<TokenRecord['status'], number>;
const FILLABLE = ['intent', 'rotationIntervalDays', 'fingerprint', 'lastConfirmedWorkingAt', 'notes', 'replaces', 'replacedBy', 'revokeAt'] as const;

function stable(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    isObject(x) ? Object.fromEntries(Object.keys(x).sort().filter((k) => x[k] !== undefined).map((k) => [k, x[k]])) : x,
  );
}

function mergePair(existing: TokenRecord, incoming: TokenRecord): { record: TokenRecord; conflict?: string; keptIncoming: boolean } {
  const incomingNewer = isoToMs(incoming.updatedAt) > isoToMs(existing.updatedAt);
  const [newer, older] = incomingNewer ? [incoming, existing] : [existing, incoming];
  const merged: TokenRecord = { ...newer, id: existing.id };
  // Union-ish: what only the older copy knows is kept.
  for (const k of FILLABLE) {
    if (merged[k] === undefined && older[k] !== undefined) (merged as Record<string, unknown>)[k] = older[k];
  }
  if (!merged.workspace.label && older.workspace.label && merged.workspace.tenantId === older.workspace.tenantId) {
    merged.workspace = { ...merged.workspace, label: older.workspace.label };
  }
  if (older.lastConfirmedWorkingAt && merged.lastConfirmedWorkingAt && isoToMs(older.lastConfirmedWorkingAt) > isoToMs(merged.lastConfirmedWorkingAt)) {
    merged.lastConfirmedWorkingAt = older.lastConfirmedWorkingAt;
  }
  // A token's life only moves forward (active → replaced → revoked): never undo a revocation.
  const notes: string[] = [];
  if (STATUS_RANK[older.status] > STATUS_RANK[merged.status]) {
    notes.push(`status "${older.status}" kept over "${merged.status}"`);
    merged.status = older.status;
  }
  if (merged.status !== 'replaced') delete merged.revokeAt;

  const differing = (['name', 'scopes', 'expiresAt', 'createdAt', 'workspace', 'source', 'notes'] as const).filter(
    (k) => older[k] !== undefined && stable(older[k]) !== stable(newer[k]),
  );
  if (differing.length) notes.unshift(`${differing.join(', ')} taken from the ${incomingNewer ? 'imported' : 'existing'} copy (newer)`);
  const conflict = notes.length ? notes.join('; ') : undefined;
  return conflict === undefined ? { record: merged, keptIncoming: incomingNewer } : { record: merged, conflict, keptIncoming: incomingNewer };
}

/**
 * Merges an imported inventory into the existing one. Never loses an existing record: the same
 * token (same id, or same fingerprint) keeps the newer copy (by `updatedAt`) completed with what
 * only the older one knows, and never moves its status backwards; the same id with a different
 * fingerprint is a different token, added under a new id. Every such decision is reported.
 */
export function mergeInventories(existing: Inventory, incoming: Inventory): MergeResult {
  const records = [...existing.records];
  const indexById = new Map(records.map((r, i) => [r.id, i]));
  const added: TokenRecord[] = [];
  const updated: TokenRecord[] = [];
  const conflicts: MergeConflict[] = [];
  const renamed = new Map<string, string>();
  /** Records whose links came from the imported copy (only those are relinked to renamed ids). */
  const fromIncoming = new Set<string>();
  let unchanged = 0;

  for (const inc of incoming.records) {
    let idx = indexById.get(inc.id);
    let sameToken = idx !== undefined;
    if (idx !== undefined) {
      const ex = records[idx]!;
      if (ex.fingerprint && inc.fingerprint && ex.fingerprint !== inc.fingerprint) sameToken = false;
    }
    if (!sameToken && inc.fingerprint) {
      const byFp = existing.records.findIndex((r) => r.fingerprint === inc.fingerprint);
      if (byFp !== -1) {
        idx = indexById.get(existing.records[byFp]!.id);
        sameToken = idx !== undefined;
      }
    }

    if (idx === undefined || !sameToken) {
      let id = inc.id;
      if (indexById.has(id)) {
        let n = 2;
        while (indexById.has(`${inc.id}~${n}`)) n++;
        id = `${inc.id}~${n}`;
        renamed.set(inc.id, id);
        conflicts.push({ id, name: inc.name, kept: 'both', message: `"${inc.name}" has the id of a different token already in the inventory; it was added as "${id}".` });
      }
      const rec = id === inc.id ? inc : { ...inc, id };
      indexById.set(id, records.length);
      records.push(rec);
      added.push(rec);
      fromIncoming.add(id);
      continue;
    }

    const ex = records[idx]!;
    if (stable(ex) === stable(inc)) {
      unchanged++;
      continue;
    }
    if (ex.id !== inc.id) renamed.set(inc.id, ex.id);
    const { record, conflict, keptIncoming } = mergePair(ex, inc);
    if (ex.id !== inc.id) {
      conflicts.push({ id: ex.id, name: record.name, kept: keptIncoming ? 'incoming' : 'existing', message: `"${inc.name}" (${inc.id}) is the same token as "${ex.name}" (same fingerprint); merged under "${ex.id}".` });
    }
    if (conflict) conflicts.push({ id: ex.id, name: record.name, kept: keptIncoming ? 'incoming' : 'existing', message: `"${record.name}": ${conflict}.` });
    if (stable(record) !== stable(ex)) {
      records[idx] = record;
      updated.push(record);
      if (keptIncoming) fromIncoming.add(record.id);
    } else unchanged++;
  }

  // Rotation links inside the import follow records that were merged or renamed.
  const relinked = records.map((r) => {
    if (!fromIncoming.has(r.id)) return r;
    const replaces = r.replaces !== undefined ? renamed.get(r.replaces) : undefined;
    const replacedBy = r.replacedBy !== undefined ? renamed.get(r.replacedBy) : undefined;
    if (replaces === undefined && replacedBy === undefined) return r;
    return { ...r, ...(replaces ? { replaces } : {}), ...(replacedBy ? { replacedBy } : {}) };
  });

  const seenQ = new Set(existing.quarantine.map(stable));
  const quarantine: QuarantineEntry[] = [...existing.quarantine];
  for (const q of incoming.quarantine) {
    const key = stable(q);
    if (!seenQ.has(key)) {
      seenQ.add(key);
      quarantine.push(q);
    }
  }

  const byIdFinal = new Map(relinked.map((r) => [r.id, r]));
  return {
    inventory: { version: INVENTORY_VERSION, records: relinked, quarantine },
    added: added.map((r) => byIdFinal.get(r.id) ?? r),
    updated: updated.map((r) => byIdFinal.get(r.id) ?? r),
    unchanged,
    conflicts,
  };
}
