import { SCOPE_CATALOG_DATA } from '@/lib/scopes/catalog-data';
import { ScopeCatalogSchema, lookupScope, normaliseScope } from '@/lib/scopes/catalog';
import { ENDPOINT_DATA } from '@/lib/scopes/endpoints-data';
import { EndpointTableSchema, endpointRefOf, getEndpoint, matchEndpoint } from '@/lib/scopes/endpoints';
import { INTENT_PRESETS, INTENT_PRESET_IDS } from '@/lib/scopes/presets';

/**
 * Validate the scope data (catalog, endpoint table, presets) with zod plus the cross-checks zod cannot express.
 * Returns a list of problems (empty when the data is sound). Run by the unit tests; cheap enough for a debug
 * page, but never called on hot paths.
 */
export function validateScopeData(
  catalog: unknown = SCOPE_CATALOG_DATA,
  endpoints: unknown = ENDPOINT_DATA,
  presets: unknown = INTENT_PRESETS,
): string[] {
  const problems: string[] = [];
  const cat = ScopeCatalogSchema.safeParse(catalog);
  if (!cat.success) problems.push(...cat.error.issues.map((i) => `catalog ${i.path.join('.')}: ${i.message}`));
  const table = EndpointTableSchema.safeParse(endpoints);
  if (!table.success) problems.push(...table.error.issues.map((i) => `endpoints ${i.path.join('.')}: ${i.message}`));
  if (!cat.success || !table.success) return problems;

  const ids = new Map(cat.data.map((e) => [e.id, e]));
  for (const row of table.data) {
    const ref = endpointRefOf(row);
    for (const s of [...row.accepted, ...(row.likelyScope ? [row.likelyScope] : [])]) {
      const entry = ids.get(s);
      if (!entry) {
        problems.push(`${ref}: scope ${s} is not in the catalog`);
        continue;
      }
      if (normaliseScope(s) !== s) problems.push(`${ref}: scope ${s} is not canonical`);
      // Wati: "v3 endpoints need v3 scopes; v1 endpoints use the un-suffixed families; v2 uses ...v2:...".
      if (entry.apiVersion !== 'any' && entry.apiVersion !== row.version) {
        problems.push(`${ref}: ${s} is a ${entry.apiVersion} scope on a ${row.version} endpoint`);
      }
    }
    if (row.accepted.includes('api') === false && row.published && row.acceptedListComplete) {
      problems.push(`${ref}: every complete published list found so far includes api`);
    }
    // Each row must match itself (with params filled in) and nothing more specific.
    const example = row.path.replace(/\{tenantId\}/, '12345').replace(/\{[^}]+\}/g, 'x1');
    if (matchEndpoint(row.method, example)?.ref !== ref) problems.push(`${ref}: does not match its own example`);
  }

  if (!Array.isArray(presets)) return [...problems, 'presets: not an array'];
  const seen = new Set<string>();
  for (const p of presets as Array<{ id?: unknown; endpoints?: unknown }>) {
    const id = String(p.id);
    if (!(INTENT_PRESET_IDS as readonly string[]).includes(id)) problems.push(`preset ${id}: id not declared`);
    if (seen.has(id)) problems.push(`preset ${id}: duplicate`);
    seen.add(id);
    const refs = Array.isArray(p.endpoints) ? (p.endpoints as unknown[]) : [];
    if (refs.length === 0) problems.push(`preset ${id}: no endpoints`);
    for (const r of refs) if (typeof r !== 'string' || !getEndpoint(r)) problems.push(`preset ${id}: unknown endpoint ${String(r)}`);
  }
  for (const id of INTENT_PRESET_IDS) if (!seen.has(id)) problems.push(`preset ${id}: declared but missing`);
  // Catalog lookups must agree with the data (guards against an index built from stale data).
  for (const e of SCOPE_CATALOG_DATA) if (lookupScope(e.id) !== e) problems.push(`catalog index out of step for ${e.id}`);
  return problems;
}
