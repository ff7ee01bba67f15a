import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isKnownScope, listScopes, normaliseScope, privilegeRank } from '@/lib/scopes/catalog';
import { checkScopes } from '@/lib/scopes/check';
import { endpointScopeOptions, getEndpoint, listEndpoints, matchEndpoint, type EndpointInfo } from '@/lib/scopes/endpoints';
import { computeMinimalScopes, scopeSatisfiesEndpoint, type Recommendation } from '@/lib/scopes/minimal';
import { parseIntentText } from '@/lib/scopes/parse-intent';

const REFS = listEndpoints().map((e) => e.ref);
const SCOPE_IDS = listScopes().map((s) => s.id);
const UNKNOWN = ['messagetemplatev3:*', 'broadcasts:read', 'contacts:delete', '*'];

/** A scope as a form might spell it. */
const formSpelling = fc
  .tuple(fc.constantFrom(...SCOPE_IDS, ...UNKNOWN), fc.constantFrom('plain', 'prefixed', 'upper'))
  .map(([id, style]) =>
    style === 'prefixed' && !id.startsWith('wati_') ? `wati_${id}` : style === 'upper' ? id.toUpperCase() : id,
  );

const intentArb = fc.array(fc.constantFrom(...REFS), { maxLength: 12 });
const availableArb = fc.option(fc.array(formSpelling, { maxLength: 24 }), { nil: undefined });

/** The scopes the computation may choose from: everything the endpoints name, or the known ones in the form. */
function allowedScopes(endpoints: readonly EndpointInfo[], available: readonly string[] | undefined): string[] {
  if (!available) return [...new Set(endpoints.flatMap((e) => endpointScopeOptions(e).map(normaliseScope)))];
  return [...new Set(available.map(normaliseScope))].filter((s) => s.length > 0 && isKnownScope(s));
}

function setup(refs: readonly string[], available: readonly string[] | undefined) {
  const rec = computeMinimalScopes(refs, available ? { available } : {});
  const infos = rec.endpoints.map(getEndpoint).filter((e): e is EndpointInfo => !!e);
  const allowed = allowedScopes(infos, available);
  const coverable = infos.filter((e) => allowed.some((s) => scopeSatisfiesEndpoint(s, e)));
  const chosen = rec.scopes.map((s) => s.scope);
  const coversAll = (set: readonly string[]): boolean => coverable.every((e) => set.some((s) => scopeSatisfiesEndpoint(s, e)));
  return { rec, infos, allowed, coverable, chosen, coversAll };
}

/** Independent statement of the objective: ranks sorted high→low, compared lexicographically; longer is worse. */
function worse(a: readonly string[], b: readonly string[]): number {
  const ra = a.map(privilegeRank).sort((x, y) => y - x);
  const rb = b.map(privilegeRank).sort((x, y) => y - x);
  for (let i = 0; i < Math.min(ra.length, rb.length); i++) if (ra[i] !== rb[i]) return ra[i]! - rb[i]!;
  return ra.length - rb.length;
}

describe('computeMinimalScopes properties', () => {
  it('covers every coverable endpoint, only with allowed scopes, and reports the rest', () => {
    fc.assert(
      fc.property(intentArb, availableArb, (refs, available) => {
        const { rec, infos, allowed, coverable, chosen, coversAll } = setup(refs, available);
        expect(coversAll(chosen)).toBe(true);
        for (const s of chosen) expect(allowed).toContain(s);
        const explained = new Set([...rec.uncoverable, ...rec.noKnownScope]);
        for (const e of infos) {
          const isCoverable = coverable.includes(e);
          expect(explained.has(e.ref)).toBe(!isCoverable);
        }
        expect(rec.unpublished).toEqual(infos.filter((e) => !e.published).map((e) => e.ref));
        if (available) {
          const spelled = new Set(available.map((a) => a.trim()));
          for (const s of rec.scopes) expect(spelled.has(s.formName)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('no chosen scope can be dropped or replaced by a strictly narrower one', () => {
    fc.assert(
      fc.property(intentArb, availableArb, (refs, available) => {
        const { allowed, chosen, coversAll } = setup(refs, available);
        for (const s of chosen) {
          const rest = chosen.filter((x) => x !== s);
          expect(coversAll(rest)).toBe(false);
          for (const c of allowed) {
            if (privilegeRank(c) < privilegeRank(s)) expect(coversAll([...rest, c])).toBe(false);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a broad scope is chosen only for an endpoint that has nothing narrower', () => {
    fc.assert(
      fc.property(intentArb, availableArb, (refs, available) => {
        const { rec, allowed } = setup(refs, available);
        for (const s of rec.scopes) {
          const needsIt = s.reasons.some((ref) => {
            const e = getEndpoint(ref)!;
            return !allowed.some((c) => privilegeRank(c) < privilegeRank(s.scope) && scopeSatisfiesEndpoint(c, e));
          });
          expect(needsIt).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('matches a brute-force optimum on small intents', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...REFS), { maxLength: 5 }), availableArb, (refs, available) => {
        const { allowed, coverable, chosen, coversAll } = setup(refs, available);
        const useful = allowed.filter((s) => coverable.some((e) => scopeSatisfiesEndpoint(s, e)));
        let best: string[] | undefined;
        for (let mask = 0; mask < 1 << useful.length; mask++) {
          const set = useful.filter((_, i) => mask & (1 << i));
          if (coversAll(set) && (!best || worse(set, best) < 0)) best = set;
        }
        expect(worse(chosen, best ?? [])).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it('guess is set only when every reason rests on an unpublished endpoint', () => {
    fc.assert(
      fc.property(intentArb, availableArb, (refs, available) => {
        for (const s of computeMinimalScopes(refs, available ? { available } : {}).scopes) {
          const allUnpublished = s.reasons.every((r) => !getEndpoint(r)!.published);
          expect(s.guess).toBe(allUnpublished && s.scope !== 'api' && s.reasons.length > 0);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('checkScopes properties', () => {
  const kinds = (rec: Recommendation, selected: string[], available: string[]) =>
    checkScopes({ selected, available, recommended: rec }).map((f) => f.kind);

  it('selecting exactly the recommendation yields no excess and no missing findings', () => {
    fc.assert(
      fc.property(intentArb, availableArb, (refs, available) => {
        const rec = computeMinimalScopes(refs, available ? { available } : {});
        const found = kinds(rec, rec.scopes.map((s) => s.formName), available ?? []);
        expect(found.filter((k) => k === 'excess' || k === 'missing')).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('dropping a recommended scope always yields a missing finding for it', () => {
    fc.assert(
      fc.property(intentArb, availableArb, fc.nat(), (refs, available, pick) => {
        const rec = computeMinimalScopes(refs, available ? { available } : {});
        if (rec.scopes.length === 0) return;
        const dropped = rec.scopes[pick % rec.scopes.length]!;
        const selected = rec.scopes.filter((s) => s !== dropped).map((s) => s.formName);
        const fs = checkScopes({ selected, available: available ?? [], recommended: rec });
        expect(fs.some((f) => f.kind === 'missing' && normaliseScope(f.scope) === dropped.scope)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('never throws and is order-independent for any selection', () => {
    fc.assert(
      fc.property(intentArb, availableArb, fc.array(formSpelling, { maxLength: 10 }), fc.boolean(), (refs, available, selected, all) => {
        const rec = computeMinimalScopes(refs, available ? { available } : {});
        const a = checkScopes({ selected, available: available ?? [], recommended: rec, selectAllUsed: all });
        const unique = [...new Map(selected.map((s) => [normaliseScope(s), s])).values()];
        const b = checkScopes({ selected: [...unique].reverse(), available: available ?? [], recommended: rec, selectAllUsed: all });
        // Same findings as a set of (kind, canonical scope) whatever the order and spelling duplicates.
        const key = (fs: typeof a) => fs.map((f) => `${f.kind} ${normaliseScope(f.scope)}`).sort();
        expect(key(b)).toEqual(key(a));
      }),
      { numRuns: 200 },
    );
  });
});

describe('matching and parsing properties', () => {
  const paramValue = fc.stringMatching(/^[0-9]{1,12}$/);
  const host = fc.constantFrom('https://live-mt-server.wati.io', 'https://live-server-9.wati.io', 'http://localhost:8080', '');

  it('every row matches its own pattern filled with any values, on any host, with any query', () => {
    fc.assert(
      fc.property(fc.constantFrom(...listEndpoints()), paramValue, host, fc.boolean(), fc.boolean(), (e, value, h, query, slash) => {
        const path = e.path.replace(/\{[^}]+\}/g, value);
        const url = `${h}${path}${slash ? '/' : ''}${query ? '?pageSize=10&x=y' : ''}`;
        expect(matchEndpoint(e.method, url)?.ref).toBe(e.ref);
        const parsed = parseIntentText(`curl -X ${e.method} '${url}' -H 'Authorization: Bearer x'`);
        expect(parsed.endpoints.map((c) => c.endpoint)).toEqual([e.ref]);
      }),
      { numRuns: 300 },
    );
  });

  it('parseIntentText never throws and returns bounded arrays', () => {
    const chunks = fc.constantFrom('curl ', '-X POST ', '/api/ext/v3/', '/api/v1/', 'contacts', '{', '}', '(', ')', '"', "'", '`', '\\\n', '\n', '${x}', '{{b}}', 'https://', 'fetch(', 'method: ', 'GET ', '?', '#', ':*', ' ');
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 400 }), fc.array(chunks, { maxLength: 80 }).map((a) => a.join(''))), (text) => {
        const r = parseIntentText(text);
        expect(Array.isArray(r.endpoints)).toBe(true);
        expect(Array.isArray(r.unrecognised)).toBe(true);
        for (const c of r.endpoints) expect(c.status === 'matched').toBe(c.endpoint !== undefined);
      }),
      { numRuns: 500 },
    );
  });
});
