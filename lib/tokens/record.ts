import { z } from 'zod';
import { isIsoDateOrDateTime, isoToMs, msToIso } from '@/lib/tokens/dates';
import { FINGERPRINT_RE, isFingerprint } from '@/lib/tokens/fingerprint';
import { MIN_SECRET_LENGTH, redactDeep, redactSecrets } from '@/lib/tokens/secret-shape';

export { redactDeep } from '@/lib/tokens/secret-shape';

/**
 * The token inventory: METADATA about each Wati API token (never the secret). Stored under
 * `local:inventory`, versioned, and validated on every read by `parseInventory`, which repairs field
 * by field and quarantines what it cannot repair: nothing is ever silently dropped.
 */

export const INVENTORY_VERSION = 1;
export const NOTES_MAX = 2000;
export const NAME_MAX = 200;
export const UNNAMED = 'Unnamed token';
/** Records migrated from a shape that had no workspace get this one (shown as "unknown workspace"). */
export const UNKNOWN_WORKSPACE = { tenantId: 'unknown', host: 'unknown' } as const;

const noSecret = (s: string) => s.length < MIN_SECRET_LENGTH || redactSecrets(s) === s;
const NO_SECRET_MSG = 'looks like it contains a token; tokens are never stored';
/** A text field: never a token, whatever the field (findings of the security review, issue 10). */
const text = (min: number, max: number) => z.string().min(min).max(max).refine((s) => s.length > max || noSecret(s), NO_SECRET_MSG); // too long already fails: no scan

export const IsoDateSchema = z
  .string()
  .refine(isIsoDateOrDateTime, 'must be an ISO 8601 date (YYYY-MM-DD) or date-time with a time zone');

export const WorkspaceSchema = z.object({
  tenantId: text(0, 64),
  host: text(0, 253),
  label: text(0, 200).optional(),
});
export type Workspace = z.infer<typeof WorkspaceSchema>;

export const EndpointSchema = z.object({ method: text(1, 16), path: text(1, 1000) });
export const IntentSchema = z.object({
  presets: z.array(text(0, 200)).max(200),
  endpoints: z.array(EndpointSchema).max(1000),
});
export type TokenIntent = z.infer<typeof IntentSchema>;

export const TOKEN_SOURCES = ['captured', 'synced', 'manual'] as const;
export const TOKEN_STATUSES = ['active', 'revoked', 'replaced'] as const;

/** One schema per field, so a read can validate and repair each field on its own. */
export const recordFields = {
  id: text(1, 200),
  workspace: WorkspaceSchema,
  name: z
    .string()
    .max(NAME_MAX)
    .refine((s) => s.trim() !== '', 'must not be empty')
    .refine((s) => s.length > NAME_MAX || noSecret(s), NO_SECRET_MSG),
  /** As the form named them (normalisation belongs to lib/scopes). */
  scopes: z.array(text(1, 200)).max(500),
  intent: IntentSchema.optional(),
  createdAt: IsoDateSchema,
  expiresAt: IsoDateSchema.nullable(),
  /** Overrides the rotation interval from settings for this token. */
  rotationIntervalDays: z.number().int().min(1).max(3650).optional(),
  fingerprint: z.string().regex(FINGERPRINT_RE, 'must be sha256: followed by 16 hex digits').optional(),
  source: z.enum(TOKEN_SOURCES),
  status: z.enum(TOKEN_STATUSES),
  lastConfirmedWorkingAt: IsoDateSchema.optional(),
  notes: z.string().max(NOTES_MAX).refine((s) => s.length > NOTES_MAX || noSecret(s), NO_SECRET_MSG).optional(),
  replaces: text(1, 200).optional(),
  replacedBy: text(1, 200).optional(),
  /** When a replaced token should be revoked (the overlap window of a rotation). */
  revokeAt: IsoDateSchema.optional(),
  updatedAt: IsoDateSchema,
};
export const RECORD_KEYS = Object.keys(recordFields) as Array<keyof typeof recordFields>;

export const TokenRecordSchema = z.object(recordFields);
export type TokenRecord = z.infer<typeof TokenRecordSchema>;

export const QuarantineEntrySchema = z.object({ raw: z.unknown(), error: z.string(), at: z.string() });
export type QuarantineEntry = z.infer<typeof QuarantineEntrySchema>;

export const InventorySchema = z.object({
  version: z.literal(INVENTORY_VERSION),
  records: z.array(TokenRecordSchema),
  quarantine: z.array(QuarantineEntrySchema),
});
export type InventoryV1 = z.infer<typeof InventorySchema>;
export type Inventory = InventoryV1;

export function emptyInventory(): Inventory {
  return { version: INVENTORY_VERSION, records: [], quarantine: [] };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** FNV-1a, 32 bits, hex: a short deterministic id suffix (not a security hash). */
export function shortHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

// ---------------------------------------------------------------------------------------------
// Migrations: each a pure function from the shape of version N-1 to version N.

/**
 * Version 0: the unversioned pre-release prototype, `{ tokens: [{ name, scopes, created, expiry }] }`
 * with `created`/`expiry` as ms timestamps or ISO strings, no ids, no workspace, no status.
 * Records come out v1-shaped but unvalidated: `parseInventory` repairs or quarantines them.
 */
export function migrateV0ToV1(v0: unknown): unknown {
  const tokens = isObject(v0) ? v0.tokens : v0;
  const list = Array.isArray(tokens) ? tokens : [tokens];
  const toIso = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? msToIso(v) : v);
  return {
    version: 1,
    records: list.map((t, i) => {
      if (!isObject(t)) return t;
      const createdAt = toIso(t.created);
      const out: Record<string, unknown> = {
        id: `v0-${i}-${shortHash(`${String(t.name)}|${String(t.created)}`)}`,
        workspace: { ...UNKNOWN_WORKSPACE },
        name: t.name,
        scopes: t.scopes,
        createdAt,
        expiresAt: t.expiry === null || t.expiry === undefined ? null : toIso(t.expiry),
        source: 'manual',
        status: 'active',
        updatedAt: createdAt,
      };
      return out;
    }),
    quarantine: [],
  };
}

export const inventoryMigrations: Record<number, (old: unknown) => unknown> = { 1: migrateV0ToV1 };

/** Detects the stored version (`tokens` without `version` = v0) and runs every migration up to current. */
export function migrateInventory(raw: unknown): { data: unknown; fromVersion: number | null } {
  if (!isObject(raw)) return { data: raw, fromVersion: null };
  let version: number | null =
    typeof raw.version === 'number' ? raw.version : raw.version === undefined && 'tokens' in raw ? 0 : null;
  const fromVersion = version;
  let data: unknown = raw;
  while (version !== null && version < INVENTORY_VERSION) {
    const step = inventoryMigrations[version + 1];
    if (!step) break;
    data = step(data);
    version += 1;
  }
  return { data, fromVersion };
}

// ---------------------------------------------------------------------------------------------
// Reading with repair.

export interface RepairResult {
  record?: TokenRecord;
  /** Why the record could not be repaired (then it belongs in quarantine). */
  error?: string;
  messages: string[];
}

/** A raw value quoted in a message: short, and never a token. */
function show(v: unknown): string {
  return redactSecrets(typeof v === 'string' ? v : JSON.stringify(v) ?? String(v)).slice(0, 60);
}

function describe(raw: Record<string, unknown>, index: number | undefined): string {
  const name = typeof raw.name === 'string' && raw.name.trim() ? `"${show(raw.name.trim())}"` : 'without a name';
  const where = index === undefined ? '' : ` #${index + 1}`;
  return `Token record${where} ${name}`;
}

// ---------------------------------------------------------------------------------------------
// Fast path: the common case (a record exactly as this extension writes it) checked without zod.
// It only ever ACCEPTS, and only what `TokenRecordSchema` accepts with no unknown key, returning the
// same value (same keys in the same order, fresh objects and arrays as zod returns); anything else
// (a wrong type, an unknown or undefined-valued key, an odd prototype, ...) returns undefined and goes
// through the zod schema and the field-by-field repair below. The same predicates as the schema are
// used for dates, names and notes; test/unit/tokens/record-fast.test.ts checks the equivalence
// against the schema with fast-check.

const RECORD_KEY_SET: ReadonlySet<string> = new Set(RECORD_KEYS);
const SOURCE_SET: ReadonlySet<unknown> = new Set(TOKEN_SOURCES);
const STATUS_SET: ReadonlySet<unknown> = new Set(TOKEN_STATUSES);

/** A plain object (as JSON and storage give): other prototypes go the zod way. */
function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Every own key is one of `allowed` and none holds undefined (zod would keep such a key as undefined). */
function onlyKeys(o: Record<string, unknown>, allowed: ReadonlySet<string>): boolean {
  for (const k of Object.keys(o)) if (!allowed.has(k) || o[k] === undefined) return false;
  return true;
}

const isStr = (v: unknown, min: number, max: number): v is string => typeof v === 'string' && v.length >= min && v.length <= max;
/** A text field as `text()` accepts it (`noSecret` skips what is too short to hold a token). */
const isText = (v: unknown, min: number, max: number): v is string => isStr(v, min, max) && noSecret(v);

/** `isIsoDateOrDateTime` (pure) remembered per string for one read: records share dates. */
export type DateMemo = Map<string, boolean>;
function isIsoFast(v: unknown, memo: DateMemo): v is string {
  if (typeof v !== 'string') return false;
  let ok = memo.get(v);
  if (ok === undefined) {
    ok = isIsoDateOrDateTime(v);
    memo.set(v, ok);
  }
  return ok;
}

const WORKSPACE_KEYS: ReadonlySet<string> = new Set(['tenantId', 'host', 'label']);
const INTENT_KEYS: ReadonlySet<string> = new Set(['presets', 'endpoints']);
const ENDPOINT_KEYS: ReadonlySet<string> = new Set(['method', 'path']);

function fastWorkspace(v: unknown): Workspace | undefined {
  if (!isPlainObject(v) || !onlyKeys(v, WORKSPACE_KEYS)) return undefined;
  const { tenantId, host, label } = v;
  if (!isText(tenantId, 0, 64) || !isText(host, 0, 253)) return undefined;
  if (label === undefined) return { tenantId, host };
  if (!isText(label, 0, 200)) return undefined;
  return { tenantId, host, label };
}

function fastStrings(v: unknown, maxItems: number, min: number, max: number): string[] | undefined {
  if (!Array.isArray(v) || v.length > maxItems) return undefined;
  const out: string[] = new Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const s: unknown = v[i];
    if (!isText(s, min, max)) return undefined;
    out[i] = s;
  }
  return out;
}

function fastIntent(v: unknown): TokenIntent | undefined {
  if (!isPlainObject(v) || !onlyKeys(v, INTENT_KEYS)) return undefined;
  const presets = fastStrings(v.presets, 200, 0, 200);
  if (!presets || !Array.isArray(v.endpoints) || v.endpoints.length > 1000) return undefined;
  const endpoints: TokenIntent['endpoints'] = [];
  for (const e of v.endpoints as unknown[]) {
    if (!isPlainObject(e) || !onlyKeys(e, ENDPOINT_KEYS) || !isText(e.method, 1, 16) || !isText(e.path, 1, 1000)) return undefined;
    endpoints.push({ method: e.method, path: e.path });
  }
  return { presets, endpoints };
}

/**
 * The record as `TokenRecordSchema.safeParse(raw).data` when the schema accepts it and it has no
 * unknown key; undefined when it may not be so (then the caller asks the schema).
 */
export function fastValidRecord(raw: unknown, memo: DateMemo = new Map()): TokenRecord | undefined {
  if (!isPlainObject(raw) || !onlyKeys(raw, RECORD_KEY_SET)) return undefined;
  const r = raw;
  if (!isText(r.id, 1, 200)) return undefined;
  const workspace = fastWorkspace(r.workspace);
  if (!workspace) return undefined;
  if (!isText(r.name, 0, NAME_MAX) || r.name.trim() === '') return undefined;
  const scopes = fastStrings(r.scopes, 500, 1, 200);
  if (!scopes) return undefined;
  let intent: TokenIntent | undefined;
  if (r.intent !== undefined && !(intent = fastIntent(r.intent))) return undefined;
  if (!isIsoFast(r.createdAt, memo)) return undefined;
  if (r.expiresAt !== null && !isIsoFast(r.expiresAt, memo)) return undefined;
  const days = r.rotationIntervalDays;
  if (days !== undefined && !(typeof days === 'number' && Number.isInteger(days) && days >= 1 && days <= 3650)) return undefined;
  if (r.fingerprint !== undefined && !isFingerprint(r.fingerprint)) return undefined;
  if (!SOURCE_SET.has(r.source) || !STATUS_SET.has(r.status)) return undefined;
  if (r.lastConfirmedWorkingAt !== undefined && !isIsoFast(r.lastConfirmedWorkingAt, memo)) return undefined;
  if (r.notes !== undefined && !isText(r.notes, 0, NOTES_MAX)) return undefined;
  if (r.replaces !== undefined && !isText(r.replaces, 1, 200)) return undefined;
  if (r.replacedBy !== undefined && !isText(r.replacedBy, 1, 200)) return undefined;
  if (r.revokeAt !== undefined && !isIsoFast(r.revokeAt, memo)) return undefined;
  if (!isIsoFast(r.updatedAt, memo)) return undefined;

  // The schema's key order.
  const out: Record<string, unknown> = { id: r.id, workspace, name: r.name, scopes };
  if (intent !== undefined) out.intent = intent;
  out.createdAt = r.createdAt;
  out.expiresAt = r.expiresAt;
  if (days !== undefined) out.rotationIntervalDays = days;
  if (r.fingerprint !== undefined) out.fingerprint = r.fingerprint;
  out.source = r.source;
  out.status = r.status;
  if (r.lastConfirmedWorkingAt !== undefined) out.lastConfirmedWorkingAt = r.lastConfirmedWorkingAt;
  if (r.notes !== undefined) out.notes = r.notes;
  if (r.replaces !== undefined) out.replaces = r.replaces;
  if (r.replacedBy !== undefined) out.replacedBy = r.replacedBy;
  if (r.revokeAt !== undefined) out.revokeAt = r.revokeAt;
  out.updatedAt = r.updatedAt;
  return out as TokenRecord;
}

/**
 * Validates one record and repairs what can be repaired, field by field. Never throws.
 * Unrepairable: not an object, or neither a usable id (nor a fingerprint to derive one) nor a name.
 * `dates`: a memo shared by the records of one read (see `fastValidRecord`).
 */
export function repairRecord(raw: unknown, now: number, index?: number, dates?: DateMemo): RepairResult {
  if (!isObject(raw)) return { error: `not an object (${raw === null ? 'null' : Array.isArray(raw) ? 'array' : typeof raw})`, messages: [] };
  const fast = fastValidRecord(raw, dates);
  if (fast) return { record: fast, messages: [] };
  const whole = TokenRecordSchema.safeParse(raw);
  const unknownKeys = Object.keys(raw).filter((k) => !(RECORD_KEYS as string[]).includes(k));
  if (whole.success && unknownKeys.length === 0) return { record: whole.data, messages: [] };

  const label = describe(raw, index);
  const messages: string[] = [];
  const say = (m: string) => messages.push(`${label}: ${m}`);
  type Fields = typeof recordFields;
  const field = <K extends keyof Fields>(k: K) =>
    (recordFields[k] as z.ZodType).safeParse(raw[k]) as z.ZodSafeParseResult<z.output<Fields[K]>>;

  const idR = field('id');
  let id = idR.success ? idR.data : undefined;
  const nameR = field('name');
  let name = nameR.success ? nameR.data : undefined;
  if (!id && !name && !isFingerprint(raw.fingerprint)) return { error: 'it has neither a usable id nor a name', messages: [] };

  for (const k of unknownKeys) say(`unknown field "${k}" was removed.`);

  if (name === undefined) {
    if (typeof raw.name === 'string' && raw.name.trim() !== '' && raw.name.length <= NAME_MAX * 4) {
      const redacted = redactSecrets(raw.name).slice(0, NAME_MAX);
      name = redacted.trim() === '' || redacted === '[redacted]' ? UNNAMED : redacted;
      say(redacted !== raw.name.slice(0, NAME_MAX) ? 'its name looked like a token and was redacted.' : `its name was longer than ${NAME_MAX} characters and was shortened.`);
    } else {
      name = UNNAMED;
      say(`name was ${raw.name === undefined ? 'missing' : 'invalid'}; set to "${UNNAMED}".`);
    }
  }

  const updatedR = field('updatedAt');
  const createdR = field('createdAt');
  let createdAt: string;
  if (createdR.success) createdAt = createdR.data;
  else {
    createdAt = updatedR.success ? updatedR.data : msToIso(now);
    say(`creation date ${raw.createdAt === undefined ? 'was missing' : `"${show(raw.createdAt)}" was unreadable`}; set to ${createdAt}.`);
  }

  if (!id) {
    if (isFingerprint(raw.fingerprint)) {
      id = `fp:${raw.fingerprint}`;
      say(`id was ${raw.id === undefined ? 'missing' : 'invalid'}; derived "${id}" from its fingerprint.`);
    } else {
      id = `rec-${shortHash(`${name}|${createdAt}|${JSON.stringify(raw.workspace ?? null)}`)}`;
      say(`id was ${raw.id === undefined ? 'missing' : 'invalid'}; assigned "${id}".`);
    }
  }

  let workspace: Workspace;
  const wsR = field('workspace');
  if (wsR.success) workspace = wsR.data;
  else if (isObject(raw.workspace)) {
    const ws = raw.workspace;
    const t = WorkspaceSchema.shape.tenantId.safeParse(ws.tenantId);
    const h = WorkspaceSchema.shape.host.safeParse(ws.host);
    const l = WorkspaceSchema.shape.label.safeParse(ws.label);
    workspace = { tenantId: t.success ? t.data : UNKNOWN_WORKSPACE.tenantId, host: h.success ? h.data : UNKNOWN_WORKSPACE.host };
    if (l.success && l.data !== undefined) workspace.label = l.data;
    say('its workspace was partly invalid; the unreadable parts were set to "unknown".');
  } else {
    workspace = { ...UNKNOWN_WORKSPACE };
    say('its workspace was missing; set to "unknown".');
  }

  let scopes: string[];
  const scR = field('scopes');
  if (scR.success) scopes = scR.data;
  else if (Array.isArray(raw.scopes)) {
    scopes = [...new Set(raw.scopes.filter((s): s is string => typeof s === 'string' && s.trim() !== '' && s.length <= 200 && noSecret(s)))].slice(0, 500);
    say('some scopes were invalid (or looked like a token) and were removed.');
  } else {
    scopes = [];
    say(`scopes were ${raw.scopes === undefined ? 'missing' : 'not a list'}; set to none.`);
  }

  let expiresAt: string | null;
  const exR = field('expiresAt');
  if (exR.success) expiresAt = exR.data;
  else {
    expiresAt = null;
    say(raw.expiresAt === undefined ? 'expiry was missing; set to "no expiry".' : `expiry "${show(raw.expiresAt)}" was unreadable; set to "no expiry" (check it).`);
  }

  const sourceR = field('source');
  const source = sourceR.success ? sourceR.data : 'manual';
  if (!sourceR.success) say(`source was ${raw.source === undefined ? 'missing' : 'invalid'}; set to "manual".`);
  const statusR = field('status');
  const status = statusR.success ? statusR.data : 'active';
  if (!statusR.success) say(`status was ${raw.status === undefined ? 'missing' : 'invalid'}; set to "active".`);

  let updatedAt: string;
  if (updatedR.success) updatedAt = updatedR.data;
  else {
    updatedAt = createdAt;
    say(`last-updated date was ${raw.updatedAt === undefined ? 'missing' : 'unreadable'}; set to its creation date.`);
  }

  const record: TokenRecord = { id, workspace, name, scopes, createdAt, expiresAt, source, status, updatedAt };

  // Optional fields: kept when valid, repaired when a safe repair exists, otherwise removed with a message.
  const optional = ['intent', 'rotationIntervalDays', 'fingerprint', 'lastConfirmedWorkingAt', 'replaces', 'replacedBy', 'revokeAt'] as const;
  for (const k of optional) {
    if (raw[k] === undefined) continue;
    const r = field(k);
    if (r.success) (record as Record<string, unknown>)[k] = r.data;
    else say(`field "${k}" was invalid and was removed.`);
  }
  if (raw.notes !== undefined) {
    if (typeof raw.notes !== 'string') say('notes were not text and were removed.');
    else {
      let notes = redactSecrets(raw.notes);
      if (notes !== raw.notes) say('its notes contained what looks like a token; it was replaced by [redacted].');
      if (notes.length > NOTES_MAX) {
        notes = notes.slice(0, NOTES_MAX);
        say(`notes were longer than ${NOTES_MAX} characters and were shortened.`);
      }
      if (notes !== '') record.notes = notes;
    }
  }

  // Paranoia: the repaired record must validate; if it somehow does not, quarantine rather than store junk.
  const final = TokenRecordSchema.safeParse(record);
  if (!final.success) return { error: `could not be repaired (${final.error.issues[0]?.message ?? 'invalid'})`, messages };
  return { record: final.data, messages };
}

// ---------------------------------------------------------------------------------------------
// Quarantine entries: redacted (at any depth) and capped, wherever they are made.

/** Quarantined `raw` above this many JSON characters (or nested deeper than 64) is kept as a truncated preview. */
export const QUARANTINE_RAW_MAX = 8192;
const QUARANTINE_DEPTH_MAX = 64;
const PREVIEW_MAX = QUARANTINE_RAW_MAX - 512;

/** Roughly the JSON length of `v` (no escapes counted), and its depth; stops at `budget`. Iterative. */
function measure(v: unknown, budget: number): { size: number; depth: number } {
  let size = 0;
  let depth = 0;
  const stack: Array<[unknown, number]> = [[v, 1]];
  const seen = new Set<object>();
  while (stack.length && size <= budget && depth <= QUARANTINE_DEPTH_MAX) {
    const [x, d] = stack.pop()!;
    if (typeof x === 'string') size += x.length + 3;
    else if (typeof x !== 'object' || x === null) size += String(x).length + 1;
    else {
      if (seen.has(x)) {
        size += 12;
        continue;
      }
      seen.add(x);
      depth = Math.max(depth, d);
      size += 2;
      if (Array.isArray(x)) for (const c of x) stack.push([c, d + 1]);
      else
        for (const k of Object.keys(x)) {
          size += k.length + 3;
          stack.push([(x as Record<string, unknown>)[k], d + 1]);
        }
    }
  }
  return { size, depth };
}

export interface TruncatedRaw {
  truncated: true;
  /** What the data was (an object, a list, ...) and a redacted start of its JSON. */
  kind: string;
  preview: string;
}

export function isTruncatedRaw(v: unknown): v is TruncatedRaw {
  return isObject(v) && v.truncated === true && typeof v.preview === 'string' && typeof v.kind === 'string';
}

/** `raw` as quarantine keeps it: secrets redacted at any depth, and at most a few KB (else a marked, truncated preview). */
export function capQuarantineRaw(raw: unknown): unknown {
  if (isTruncatedRaw(raw) && Object.keys(raw).length === 3) {
    return { truncated: true, kind: String(raw.kind).slice(0, 40), preview: redactSecrets(raw.preview.slice(0, PREVIEW_MAX)) };
  }
  const { size, depth } = measure(raw, QUARANTINE_RAW_MAX);
  if (size <= QUARANTINE_RAW_MAX && depth <= QUARANTINE_DEPTH_MAX) return redactDeep(raw);
  let preview: string;
  if (depth > QUARANTINE_DEPTH_MAX) preview = `(nested more than ${QUARANTINE_DEPTH_MAX} levels deep)`;
  else {
    try {
      // Redacted before the final cut, with a margin, so the cut never leaves a token's start readable.
      preview = redactSecrets((JSON.stringify(raw) ?? String(raw)).slice(0, PREVIEW_MAX + 1024)).slice(0, PREVIEW_MAX);
    } catch {
      preview = '(could not be shown)';
    }
  }
  const kind = Array.isArray(raw) ? 'list' : raw === null ? 'null' : typeof raw;
  return { truncated: true, kind, preview };
}

/** The one way a quarantine entry is made. */
export function quarantineEntry(raw: unknown, error: string, at: string): QuarantineEntry {
  return { raw: capQuarantineRaw(raw), error: redactSecrets(String(error)).slice(0, 2000), at: redactSecrets(String(at)).slice(0, 40) };
}

export interface ParsedInventory {
  inventory: Inventory;
  /** Human-readable notes about what was repaired or quarantined (shown on the options page). */
  repaired: string[];
}

/**
 * Reads a stored inventory. Never throws. `undefined`/`null` → empty. Runs migrations, repairs each
 * record field by field, and puts whatever cannot be repaired in `quarantine` with the reason.
 * Two records with the same id: the newer `updatedAt` stays, the other goes to quarantine.
 */
export function parseInventory(raw: unknown, now: number): ParsedInventory {
  const at = msToIso(now);
  const repaired: string[] = [];
  if (raw === undefined || raw === null) return { inventory: emptyInventory(), repaired };

  const { data, fromVersion } = migrateInventory(raw);
  if (fromVersion !== null && fromVersion < INVENTORY_VERSION) repaired.push(`The inventory was upgraded from version ${fromVersion} to ${INVENTORY_VERSION}.`);

  const inventory = emptyInventory();
  if (!isObject(data)) {
    inventory.quarantine.push(quarantineEntry(raw, 'the stored inventory is not an object', at));
    repaired.push('The stored inventory was unreadable; it was kept in quarantine.');
    return { inventory, repaired };
  }
  if (typeof data.version === 'number' && data.version > INVENTORY_VERSION) {
    const error = `inventory version ${data.version} is newer than this extension understands (${INVENTORY_VERSION})`;
    const whole = quarantineEntry(raw, error, at);
    if (!isTruncatedRaw(whole.raw) || !Array.isArray(data.records)) inventory.quarantine.push(whole);
    else {
      // Too big for one entry: one entry per record (each within the cap), so none of it is lost.
      const { records, ...rest } = data;
      records.forEach((rec: unknown, i: number) => inventory.quarantine.push(quarantineEntry(rec, `${error}; record ${i + 1}`, at)));
      inventory.quarantine.push(quarantineEntry({ ...rest, records: `(${records.length} records set aside one by one)` }, error, at));
    }
    repaired.push(`The inventory was written by a newer version of the extension (v${data.version}); it was kept in quarantine, untouched.`);
    return { inventory, repaired };
  }
  if (data.version !== INVENTORY_VERSION) repaired.push('The inventory had no version; it was read as version 1.');

  if (Array.isArray(data.quarantine)) {
    for (const q of data.quarantine) {
      const r = QuarantineEntrySchema.safeParse(q);
      if (r.success) inventory.quarantine.push(quarantineEntry(r.data.raw, r.data.error, r.data.at));
      else inventory.quarantine.push(quarantineEntry(q, 'malformed quarantine entry', at));
    }
  } else if (data.quarantine !== undefined) {
    inventory.quarantine.push(quarantineEntry(data.quarantine, 'the quarantine list was not a list', at));
  }

  const rawRecords: unknown[] = Array.isArray(data.records) ? data.records : data.records === undefined ? [] : [data.records];
  if (data.records !== undefined && !Array.isArray(data.records)) repaired.push('The inventory\'s record list was not a list; its content was checked as one record.');

  const kept: TokenRecord[] = [];
  const dates: DateMemo = new Map();
  rawRecords.forEach((r, i) => {
    const res = repairRecord(r, now, i, dates);
    repaired.push(...res.messages);
    if (res.record) kept.push(res.record);
    else {
      inventory.quarantine.push(quarantineEntry(r, res.error ?? 'invalid', at));
      repaired.push(`Token record #${i + 1} could not be read (${res.error}); it was kept in quarantine.`);
    }
  });

  // Duplicate ids: keep the newest, quarantine the rest (recoverable from the options page).
  const newestById = new Map<string, TokenRecord>();
  for (const r of kept) {
    const prev = newestById.get(r.id);
    if (!prev || isoToMs(r.updatedAt) > isoToMs(prev.updatedAt)) newestById.set(r.id, r);
  }
  for (const r of kept) {
    if (newestById.get(r.id) === r) inventory.records.push(r);
    else {
      inventory.quarantine.push(quarantineEntry(r, `duplicate id "${r.id}" (a newer record with this id was kept)`, at));
      repaired.push(`Token record "${r.name}" shares its id with a newer record; the older copy was kept in quarantine.`);
    }
  }
  return { inventory, repaired };
}

// ---------------------------------------------------------------------------------------------
// Pure helpers. All return a new inventory; none mutates its input.

export class InventoryError extends Error {
  override name = 'InventoryError';
}

export interface NewRecordInput {
  id: string;
  workspace: Workspace;
  name: string;
  scopes: string[];
  expiresAt: string | null;
  source: TokenRecord['source'];
  createdAt?: string;
  intent?: TokenIntent;
  rotationIntervalDays?: number;
  fingerprint?: string;
  notes?: string;
}

/** Builds a valid active record (dates default to `now`). Throws InventoryError on invalid input. */
export function createRecord(input: NewRecordInput, now: number): TokenRecord {
  const iso = msToIso(now);
  const candidate: Record<string, unknown> = { ...input, createdAt: input.createdAt ?? iso, status: 'active', updatedAt: iso };
  for (const k of Object.keys(candidate)) if (candidate[k] === undefined) delete candidate[k];
  const r = TokenRecordSchema.safeParse(candidate);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new InventoryError(`Invalid token record: ${issue?.path.join('.') || 'record'} ${issue?.message ?? ''}`.trim());
  }
  return r.data;
}

export function findById(inv: Inventory, id: string): TokenRecord | undefined {
  return inv.records.find((r) => r.id === id);
}

export function findByFingerprint(inv: Inventory, fingerprint: string): TokenRecord | undefined {
  return inv.records.find((r) => r.fingerprint !== undefined && r.fingerprint === fingerprint);
}

/** Replaces the record with the same id, or appends it. */
export function upsertRecord(inv: Inventory, record: TokenRecord): Inventory {
  const i = inv.records.findIndex((r) => r.id === record.id);
  const records = i === -1 ? [...inv.records, record] : inv.records.map((r, j) => (j === i ? record : r));
  return { ...inv, records };
}

function update(inv: Inventory, id: string, patch: (r: TokenRecord) => TokenRecord): Inventory {
  if (!findById(inv, id)) throw new InventoryError(`No token record with id "${id}".`);
  return { ...inv, records: inv.records.map((r) => (r.id === id ? patch(r) : r)) };
}

/**
 * Records a rotation: `oldId` becomes `replaced` (by `newId`), with an optional scheduled revoke
 * (`revokeAt`, ISO; null = none scheduled), and `newId` records that it `replaces` `oldId`.
 */
export function linkRotation(inv: Inventory, oldId: string, newId: string, revokeAt: string | null, now: number): Inventory {
  if (oldId === newId) throw new InventoryError('A token cannot replace itself.');
  if (revokeAt !== null && !isIsoDateOrDateTime(revokeAt)) throw new InventoryError(`Invalid revoke date "${revokeAt}".`);
  if (!findById(inv, newId)) throw new InventoryError(`No token record with id "${newId}".`);
  const updatedAt = msToIso(now);
  let out = update(inv, oldId, (r) => {
    const next: TokenRecord = { ...r, status: 'replaced', replacedBy: newId, updatedAt };
    if (revokeAt === null) delete next.revokeAt;
    else next.revokeAt = revokeAt;
    return next;
  });
  out = update(out, newId, (r) => ({ ...r, replaces: oldId, updatedAt }));
  return out;
}

/** Marks a token revoked (it no longer works; no more reminders). */
export function markRevoked(inv: Inventory, id: string, now: number): Inventory {
  return update(inv, id, (r) => {
    const next: TokenRecord = { ...r, status: 'revoked', updatedAt: msToIso(now) };
    delete next.revokeAt;
    return next;
  });
}

/** Records that the token was seen working (resets the dormancy clock). */
export function markConfirmedWorking(inv: Inventory, id: string, now: number): Inventory {
  const iso = msToIso(now);
  return update(inv, id, (r) => ({ ...r, lastConfirmedWorkingAt: iso, updatedAt: iso }));
}

/** Removes a record, and the rotation links other records hold to it. */
export function deleteRecord(inv: Inventory, id: string): Inventory {
  return {
    ...inv,
    records: inv.records
      .filter((r) => r.id !== id)
      .map((r) => {
        if (r.replaces !== id && r.replacedBy !== id) return r;
        const next = { ...r };
        if (next.replaces === id) delete next.replaces;
        if (next.replacedBy === id) delete next.replacedBy;
        return next;
      }),
  };
}

export interface WorkspaceRef {
  tenantId?: string;
  host?: string;
}

/**
 * Same workspace: by tenant id when both sides know one (case-insensitive), otherwise by host.
 * "unknown" (migrated records) never matches anything.
 */
export function sameWorkspace(a: WorkspaceRef, b: WorkspaceRef): boolean {
  const known = (s?: string) => (s && s !== 'unknown' ? s.toLowerCase() : undefined);
  const ta = known(a.tenantId);
  const tb = known(b.tenantId);
  if (ta && tb) return ta === tb;
  const ha = known(a.host);
  const hb = known(b.host);
  return !!ha && ha === hb;
}

/** Records of one workspace (a tenant id, or a `{ tenantId, host }` reference). */
export function recordsForWorkspace(inv: Inventory, workspace: string | WorkspaceRef): TokenRecord[] {
  const ref = typeof workspace === 'string' ? { tenantId: workspace } : workspace;
  return inv.records.filter((r) => sameWorkspace(r.workspace, ref));
}
