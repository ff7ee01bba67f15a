import { isKnownScope, normaliseScope, privilegeRank, comparePrivilege, scopeCovers } from '@/lib/scopes/catalog';
import { endpointScopeOptions, getEndpoint, type EndpointInfo, type EndpointRef } from '@/lib/scopes/endpoints';

export interface RecommendedScope {
  /** Canonical id (`contacts:read`). */
  readonly scope: string;
  /** The form's own spelling when `available` was given (`wati_contacts:read`), else the canonical id. */
  readonly formName: string;
  /** The requested endpoints this scope satisfies, in request order. */
  readonly reasons: readonly EndpointRef[];
  /** True when every reason rests on our guess for an endpoint whose scopes Wati does not publish. */
  readonly guess: boolean;
}

export interface Recommendation {
  /** The requested endpoints, deduplicated, in request order. */
  readonly endpoints: readonly EndpointRef[];
  /** The least-privilege set, narrowest first. */
  readonly scopes: readonly RecommendedScope[];
  /** Requested endpoints whose scopes Wati does not publish (their likely scope, if any, is chosen with guess). */
  readonly unpublished: readonly EndpointRef[];
  /** Requested endpoints no allowed scope can satisfy (not in the form, or an unknown endpoint ref). */
  readonly uncoverable: readonly EndpointRef[];
  /**
   * Unpublished endpoints for which no scope name has ever been seen (channels, broadcasts, ...). Nothing is
   * recommended for them: only `api` would surely work, and recommending it would defeat the purpose.
   * Always a subset of `unpublished`.
   */
  readonly noKnownScope: readonly EndpointRef[];
}

export interface MinimalScopeOptions {
  /** Scopes the form offers (any spelling). When given, only these may be chosen. */
  readonly available?: readonly string[];
}

/** Does holding `scope` satisfy endpoint `e` (via its published list, or via our guess when unpublished)? */
export function scopeSatisfiesEndpoint(scope: string, e: EndpointInfo): boolean {
  return endpointScopeOptions(e).some((o) => scopeCovers(scope, o));
}

/** True when `scope` satisfies `e` only according to our guess (Wati publishes nothing for `e`). */
function isGuessCover(scope: string, e: EndpointInfo): boolean {
  return !e.published && normaliseScope(scope) !== 'api';
}

interface Need {
  readonly endpoint: EndpointInfo;
  readonly covering: readonly string[]; // canonical candidates, narrowest first
}

/**
 * Cost of a scope set, compared lexicographically: the number of chosen scopes at each privilege rank, from the
 * highest rank down. So one `api` outweighs any number of narrower scopes, one `wati_integration:write` outweighs
 * any number of family scopes, a write outweighs any number of reads; fewer scopes breaks the remaining ties
 * (equal per-rank counts ⇒ equal totals), and sorted ids make the result deterministic.
 */
type Cost = number[];

function compareCost(a: Cost, b: Cost): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function compareIds(a: readonly string[], b: readonly string[]): number {
  const x = [...a].sort().join('\n');
  const y = [...b].sort().join('\n');
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The least-privilege scope set for a list of endpoints. Each endpoint needs any one of its accepted scopes
 * (unpublished ones: our likely scope, flagged `guess`). Among the sets that satisfy every coverable endpoint the
 * one with the lowest `Cost` wins.
 *
 * Why this meets the rules:
 * - "never `api`/`wati_integration:*` when a narrower accepted scope exists": the set made of each endpoint's
 *   narrowest option has zero scopes at those ranks whenever such options exist, so any set holding them costs
 *   more. A broad scope is chosen only when some endpoint offers nothing narrower in the form, and then it is not
 *   joined by narrower duplicates (those would only add cost).
 * - No chosen scope can be dropped (dropping lowers one count) nor swapped for a strictly narrower candidate that
 *   still covers everything (that moves one unit to a lower rank, i.e. a lexicographically lower cost).
 * Search: exact branch-and-bound set cover. We branch on the uncovered endpoint with the fewest options (every
 * cover must contain one of them, so nothing is missed) and prune when the partial cost already reaches the best
 * (adding a scope only raises the cost). Sets are tiny (a few dozen endpoints, under twenty scopes).
 */
export function computeMinimalScopes(
  endpoints: readonly EndpointRef[],
  opts: MinimalScopeOptions = {},
): Recommendation {
  const refs = [...new Set(endpoints)];
  const infos: EndpointInfo[] = [];
  const uncoverable: EndpointRef[] = [];
  for (const ref of refs) {
    const info = getEndpoint(ref);
    if (info) infos.push(info);
    else uncoverable.push(ref); // not in our table: nothing to recommend
  }
  const unpublished = infos.filter((e) => !e.published).map((e) => e.ref);
  const noKnownScope = infos.filter((e) => endpointScopeOptions(e).length === 0).map((e) => e.ref);
  const targets = infos.filter((e) => endpointScopeOptions(e).length > 0);

  // Candidate scopes, canonical, with the spelling to show.
  const formNames = new Map<string, string>();
  let candidates: string[];
  if (opts.available) {
    for (const raw of opts.available) {
      const n = normaliseScope(raw);
      if (n.length > 0 && !formNames.has(n)) formNames.set(n, String(raw).trim());
    }
    // Unknown scopes are never recommended: we cannot claim they are narrow (or that they work).
    candidates = [...formNames.keys()].filter((c) => isKnownScope(c) && targets.some((t) => scopeSatisfiesEndpoint(c, t)));
  } else {
    candidates = [...new Set(targets.flatMap((t) => endpointScopeOptions(t).map(normaliseScope)))];
  }
  candidates.sort(comparePrivilege);

  const needs: Need[] = [];
  for (const t of targets) {
    const covering = candidates.filter((c) => scopeSatisfiesEndpoint(c, t));
    if (covering.length === 0) uncoverable.push(t.ref);
    else needs.push({ endpoint: t, covering });
  }

  // Rank positions, highest first, for the cost vector.
  const ranks = [...new Set(candidates.map(privilegeRank))].sort((a, b) => b - a);
  const rankIndex = new Map(ranks.map((r, i) => [r, i]));
  const costOf = (set: readonly string[]): Cost => {
    const cost = ranks.map(() => 0);
    for (const s of set) {
      const i = rankIndex.get(privilegeRank(s)) ?? 0;
      cost[i] = (cost[i] ?? 0) + 1;
    }
    return cost;
  };

  let best: { set: string[]; cost: Cost } | undefined;
  const search = (chosen: string[]): void => {
    const cost = costOf(chosen);
    let open: Need | undefined;
    for (const n of needs) {
      if (n.covering.some((c) => chosen.includes(c))) continue;
      if (!open || n.covering.length < open.covering.length) open = n;
    }
    if (!open) {
      if (!best || compareCost(cost, best.cost) < 0 || (compareCost(cost, best.cost) === 0 && compareIds(chosen, best.set) < 0)) {
        best = { set: [...chosen], cost };
      }
      return;
    }
    if (best && compareCost(cost, best.cost) >= 0) return;
    for (const c of open.covering) search([...chosen, c]);
  };
  search([]);

  const chosen = [...(best?.set ?? [])].sort(comparePrivilege);
  const scopes: RecommendedScope[] = chosen.map((scope) => {
    const served = needs.filter((n) => scopeSatisfiesEndpoint(scope, n.endpoint)).map((n) => n.endpoint);
    return {
      scope,
      formName: formNames.get(scope) ?? scope,
      reasons: served.map((e) => e.ref),
      guess: served.length > 0 && served.every((e) => isGuessCover(scope, e)),
    };
  });

  const order = new Map(refs.map((r, i) => [r, i]));
  uncoverable.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return { endpoints: refs, scopes, unpublished, uncoverable, noKnownScope };
}
