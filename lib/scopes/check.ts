import { isHighRisk, isKnownScope, normaliseScope, privilegeRank } from '@/lib/scopes/catalog';
import { getEndpoint, type EndpointInfo, type EndpointRef } from '@/lib/scopes/endpoints';
import { scopeSatisfiesEndpoint, type Recommendation, type RecommendedScope } from '@/lib/scopes/minimal';

export type FindingKind = 'missing' | 'high-risk' | 'unknown' | 'excess';

export interface Finding {
  readonly kind: FindingKind;
  /** As the form names it (`wati_contacts:read`), or `select-all` for the Select all finding. */
  readonly scope: string;
  /** One English sentence for the UI. */
  readonly reason: string;
  readonly endpoints?: readonly EndpointRef[];
}

export interface CheckScopesInput {
  /** Scopes ticked in the form, as the form names them. */
  readonly selected: readonly string[];
  /** Scopes the form offers, as the form names them. */
  readonly available: readonly string[];
  /** The least-privilege recommendation for the user's intent, if the user stated one. */
  readonly recommended: Recommendation | undefined;
  readonly selectAllUsed?: boolean;
}

export const SELECT_ALL_SCOPE = 'select-all';

const KIND_ORDER: readonly FindingKind[] = ['missing', 'high-risk', 'unknown', 'excess'];
const MAX_LISTED = 3;

function listOf(items: readonly string[]): string {
  if (items.length <= MAX_LISTED) return items.join(', ');
  return `${items.slice(0, MAX_LISTED).join(', ')} and ${items.length - MAX_LISTED} more`;
}

function highRiskReason(name: string, canon: string): string {
  if (canon === 'api') return `${name} grants full access to every endpoint`;
  if (canon.startsWith('wati_integration:')) {
    const what = canon.endsWith(':read') ? 'read' : canon.endsWith(':write') ? 'write' : 'integration';
    return `${name} grants broad ${what} access that many endpoints across contacts, conversations and templates accept`;
  }
  const family = canon.endsWith(':*') ? canon.slice(0, -2) : '';
  return family
    ? `${name} grants every ${family} permission, including any Wati adds later`
    : `${name} is a wildcard granting an unknown set of permissions`;
}

/**
 * Compare what the form has ticked with what the intent needs.
 * - high-risk: `api`, `wati_integration:*`, any wildcard, and Select all (scope `select-all`), with or without intent.
 * - unknown: a ticked scope the catalog does not know (never treated as harmless), with or without intent.
 * - missing (intent only): an endpoint no ticked scope satisfies; reported once per recommended scope.
 * - excess (intent only): a ticked scope outside the recommendation that is not needed, redundant, or broader than
 *   the recommended one for the same endpoint. A ticked alternative as narrow as the recommended scope is accepted.
 * Endpoints the recommendation lists as uncoverable or without any known scope are not reported as missing: the
 * recommendation itself explains them. Order: missing, high-risk, unknown, excess; then by scope name.
 */
export function checkScopes(input: CheckScopesInput): Finding[] {
  const { recommended } = input;
  const findings: Finding[] = [];

  const available = new Map<string, string>();
  for (const raw of input.available) {
    const n = normaliseScope(raw);
    if (n && !available.has(n)) available.set(n, String(raw).trim());
  }
  const selected: Array<{ canon: string; name: string }> = [];
  for (const raw of input.selected) {
    const canon = normaliseScope(raw);
    if (canon && !selected.some((s) => s.canon === canon)) selected.push({ canon, name: String(raw).trim() });
  }
  const recByCanon = new Map<string, RecommendedScope>((recommended?.scopes ?? []).map((r) => [normaliseScope(r.scope), r]));
  const nameOf = (canon: string): string => available.get(canon) ?? recByCanon.get(canon)?.formName ?? canon;

  if (input.selectAllUsed) {
    findings.push({
      kind: 'high-risk',
      scope: SELECT_ALL_SCOPE,
      reason: 'Select all grants every scope in the form; tick only the scopes the integration needs',
    });
  }
  for (const s of selected) {
    if (isHighRisk(s.canon)) findings.push({ kind: 'high-risk', scope: s.name, reason: highRiskReason(s.name, s.canon) });
    if (!isKnownScope(s.canon)) {
      findings.push({
        kind: 'unknown',
        scope: s.name,
        reason: `${s.name} is not in the catalog: Wati does not document what it grants, so treat it as broad until you know`,
      });
    }
  }

  if (recommended) {
    const skip = new Set([...recommended.uncoverable, ...recommended.noKnownScope]);
    const intent: EndpointInfo[] = recommended.endpoints
      .filter((r) => !skip.has(r))
      .map(getEndpoint)
      .filter((e): e is EndpointInfo => e !== undefined);
    const recFor = (e: EndpointInfo): RecommendedScope | undefined =>
      recommended.scopes.find((r) => r.reasons.includes(e.ref));
    const labels = (es: readonly EndpointInfo[]): string => listOf(es.map((e) => e.label));
    const guessNote = (es: readonly EndpointInfo[]): string =>
      es.some((e) => !e.published) ? ' (Wati does not publish the scopes of some of these, so this is a best guess)' : '';

    // missing: group uncovered endpoints by the recommended scope that would cover them.
    const missing = new Map<string, EndpointInfo[]>();
    for (const e of intent) {
      if (selected.some((s) => scopeSatisfiesEndpoint(s.canon, e))) continue;
      const rec = recFor(e);
      if (!rec) continue; // cannot happen for a recommendation computed from the same table
      const key = normaliseScope(rec.scope);
      missing.set(key, [...(missing.get(key) ?? []), e]);
    }
    for (const [canon, es] of missing) {
      const calls = listOf(es.map((e) => e.ref));
      const allGuessed = es.every((e) => !e.published);
      findings.push({
        kind: 'missing',
        scope: nameOf(canon),
        reason: allGuessed
          ? `${calls} would likely fail with 403 without it (Wati does not publish its scope; this is a best guess)`
          : `${calls} would fail with 403 without it`,
        endpoints: es.map((e) => e.ref),
      });
    }

    // excess
    for (const s of selected) {
      if (recByCanon.has(s.canon)) continue;
      const served = intent.filter((e) => scopeSatisfiesEndpoint(s.canon, e));
      if (served.length === 0) {
        findings.push({
          kind: 'excess',
          scope: s.name,
          reason: intent.length > 0 ? `Not needed by: ${labels(intent)}${guessNote(intent)}` : 'Not needed by the chosen use',
          ...(intent.length > 0 ? { endpoints: intent.map((e) => e.ref) } : {}),
        });
        continue;
      }
      const coveredByRecommended = (e: EndpointInfo): boolean =>
        selected.some((o) => o.canon !== s.canon && recByCanon.has(o.canon) && scopeSatisfiesEndpoint(o.canon, e));
      if (served.every(coveredByRecommended)) {
        const others = [...new Set(served.flatMap((e) => selected.filter((o) => o.canon !== s.canon && recByCanon.has(o.canon) && scopeSatisfiesEndpoint(o.canon, e)).map((o) => o.name)))];
        findings.push({
          kind: 'excess',
          scope: s.name,
          reason: `Not needed: ${listOf(others)} already ${others.length === 1 ? 'covers' : 'cover'} ${labels(served)}`,
          endpoints: served.map((e) => e.ref),
        });
        continue;
      }
      const narrower = served.filter((e) => {
        const rec = recFor(e);
        return rec !== undefined && privilegeRank(rec.scope) < privilegeRank(s.canon);
      });
      if (narrower.length > 0) {
        const recNames = [...new Set(narrower.map((e) => recFor(e)).filter((r): r is RecommendedScope => !!r).map((r) => nameOf(normaliseScope(r.scope))))];
        findings.push({
          kind: 'excess',
          scope: s.name,
          reason: `Broader than needed: ${listOf(recNames)} ${recNames.length === 1 ? 'is' : 'are'} enough for ${labels(narrower)}`,
          endpoints: narrower.map((e) => e.ref),
        });
      }
      // else: an alternative as narrow as the recommended scope; accepted silently.
    }
  }

  return findings.sort((a, b) => {
    const k = KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind);
    if (k !== 0) return k;
    if ((a.scope === SELECT_ALL_SCOPE) !== (b.scope === SELECT_ALL_SCOPE)) return a.scope === SELECT_ALL_SCOPE ? -1 : 1;
    if (a.scope !== b.scope) return a.scope < b.scope ? -1 : 1;
    return a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0;
  });
}
