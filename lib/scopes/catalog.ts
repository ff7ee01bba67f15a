import { z } from 'zod';
import {
  SCOPE_ACCESS,
  SCOPE_API_VERSIONS,
  SCOPE_CATALOG_DATA,
  SCOPE_FAMILIES,
  type ScopeEntry,
} from '@/lib/scopes/catalog-data';

export type { ScopeAccess, ScopeApiVersion, ScopeEntry, ScopeFamily, CatalogScopeId } from '@/lib/scopes/catalog-data';

/** A catalog entry as the rest of the code sees it. */
export type ScopeInfo = ScopeEntry;

const WATI_PREFIX = 'wati_';
const INTEGRATION_FAMILY = 'integration';

/**
 * Canonical form of a scope name: trimmed, lowercased, whitespace removed (`Contacts : Read` → `contacts:read`),
 * and the cosmetic `wati_` prefix stripped, except for `wati_integration:*`, whose name keeps it.
 *
 * Decision (Wati is silent): since `wati_X` and `X` are the same scope, a bare `integration:write` is read as
 * `wati_integration:write` too, so both spellings land on one canonical id.
 */
export function normaliseScope(raw: string): string {
  let s = String(raw).replace(/\s+/g, '').toLowerCase();
  if (s.startsWith(WATI_PREFIX)) s = s.slice(WATI_PREFIX.length);
  if (s === INTEGRATION_FAMILY || s.startsWith(`${INTEGRATION_FAMILY}:`)) s = WATI_PREFIX + s;
  return s;
}

/** Dedupe after normalisation, keeping the first spelling's position. Empty names are dropped. */
export function normaliseScopes(raw: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const r of raw) {
    const n = normaliseScope(r);
    if (n.length === 0 || seen.has(n)) continue;
    seen.add(n);
    out.push(n);
  }
  return out;
}

const CATALOG: ReadonlyMap<string, ScopeInfo> = new Map(SCOPE_CATALOG_DATA.map((e) => [e.id, e]));

/** Every catalog entry, in data order. */
export function listScopes(): readonly ScopeInfo[] {
  return SCOPE_CATALOG_DATA;
}

/** The catalog entry for a scope in any spelling, or undefined when the catalog does not know it. */
export function lookupScope(raw: string): ScopeInfo | undefined {
  return CATALOG.get(normaliseScope(raw));
}

export function isKnownScope(raw: string): boolean {
  return lookupScope(raw) !== undefined;
}

/** `family:*` (or a bare `*`): a parent scope granting all its children. */
export function isWildcardScope(raw: string): boolean {
  return normaliseScope(raw).endsWith('*');
}

/**
 * High risk: `api` (full access), any `wati_integration:*` scope (broad, accepted across families) and any
 * wildcard. Unknown scopes are NOT reported here: they are their own category ("unknown") and are never treated
 * as harmless; see `privilegeTier`.
 */
export function isHighRisk(raw: string): boolean {
  const s = normaliseScope(raw);
  return s === 'api' || s.startsWith(`${WATI_PREFIX}${INTEGRATION_FAMILY}:`) || s.endsWith('*');
}

/**
 * Does a token holding `granted` satisfy a requirement for `required`? Only what Wati states:
 * - same scope after normalisation (`wati_contacts:read` = `contacts:read`);
 * - `api` covers everything (it is accepted by every endpoint whose list was found);
 * - a parent `family:*` covers its children `family:<anything>` (Wati: "`contactsv3:*` satisfies its children").
 *   Applied structurally to any `x:*`, including families the catalog does not know.
 * Deliberately NOT assumed (Wati never says so):
 * - write does not imply read (`contacts:write` does not cover `contacts:read`);
 * - `wati_integration:write` does not cover `wati_integration:read`, nor any family scope: it only helps where
 *   an endpoint lists it;
 * - versions do not cover each other (`contactsv3:*` does not cover `contacts:read`);
 * - a bare `*` is not `api` (it is not a Wati scope; treated as unknown).
 */
export function scopeCovers(granted: string, required: string): boolean {
  const g = normaliseScope(granted);
  const r = normaliseScope(required);
  if (g.length === 0 || r.length === 0) return false;
  if (g === r || g === 'api') return true;
  if (g.endsWith(':*')) {
    const parent = g.slice(0, -1); // keeps the colon: `contactsv3:`
    return parent.length > 1 && r.startsWith(parent);
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// Privilege ordering

/** Coarse privilege tiers, lowest first. `unknown` sits just below `full`: never assumed harmless. */
export const PRIVILEGE_TIERS = ['read', 'write', 'wildcard', 'integration-broad', 'unknown', 'full'] as const;
export type PrivilegeTier = (typeof PRIVILEGE_TIERS)[number];

export function privilegeTier(raw: string): PrivilegeTier {
  const info = lookupScope(raw);
  if (!info) return 'unknown';
  if (info.access === 'full' || info.family === 'all') return 'full';
  if (info.family === 'integration') return 'integration-broad';
  return info.access;
}

/**
 * A number for ordering scopes by privilege: read < write < wildcard < integration-broad < unknown < full.
 * Within integration-broad, read ranks below write. Equal ranks mean "equally narrow".
 */
export function privilegeRank(raw: string): number {
  const tier = privilegeTier(raw);
  const base = PRIVILEGE_TIERS.indexOf(tier) * 10;
  return tier === 'integration-broad' && lookupScope(raw)?.access === 'write' ? base + 1 : base;
}

/** Sort comparator: narrower first, then by canonical id (deterministic). */
export function comparePrivilege(a: string, b: string): number {
  const d = privilegeRank(a) - privilegeRank(b);
  if (d !== 0) return d;
  const na = normaliseScope(a);
  const nb = normaliseScope(b);
  return na < nb ? -1 : na > nb ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Validation (tests and debug tools; not called on hot paths)

/** Scope names allowed as canonical ids: `api`, `family:access`, `family:*`. */
export const SCOPE_ID_PATTERN = /^[a-z][a-z0-9_]*(?::(?:[a-z][a-z0-9_]*|\*))?$/;

export const ScopeEntrySchema = z
  .object({
    id: z.string().regex(SCOPE_ID_PATTERN),
    family: z.enum(SCOPE_FAMILIES),
    apiVersion: z.enum(SCOPE_API_VERSIONS),
    access: z.enum(SCOPE_ACCESS),
    description: z.string().min(10).max(160).regex(/^[^\n]+$/, 'one line'),
    seenInDocs: z.boolean(),
    source: z.string().min(3),
  })
  .strict();

export const ScopeCatalogSchema = z.array(ScopeEntrySchema).superRefine((entries, ctx) => {
  const seen = new Set<string>();
  entries.forEach((e, i) => {
    const at = [i, 'id'];
    if (seen.has(e.id)) ctx.addIssue({ code: 'custom', path: at, message: `duplicate scope id ${e.id}` });
    seen.add(e.id);
    if (normaliseScope(e.id) !== e.id) {
      ctx.addIssue({ code: 'custom', path: at, message: `${e.id} is not canonical (${normaliseScope(e.id)})` });
    }
    if ((e.access === 'wildcard') !== e.id.endsWith(':*')) {
      ctx.addIssue({ code: 'custom', path: at, message: `${e.id}: access wildcard iff the id ends with :*` });
    }
    if ((e.family === 'all') !== (e.access === 'full')) {
      ctx.addIssue({ code: 'custom', path: at, message: `${e.id}: family all iff access full` });
    }
    if (!e.seenInDocs && !e.source.startsWith('inferred')) {
      ctx.addIssue({ code: 'custom', path: [i, 'source'], message: `${e.id}: unseen scopes must say "inferred"` });
    }
  });
});
