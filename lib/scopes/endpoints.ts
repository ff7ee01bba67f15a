import { z } from 'zod';
import {
  API_VERSIONS,
  ENDPOINT_DATA,
  HTTP_METHODS,
  type ApiVersion,
  type EndpointEntry,
  type HttpMethod,
} from '@/lib/scopes/endpoints-data';

export type { ApiVersion, EndpointEntry, HttpMethod } from '@/lib/scopes/endpoints-data';
export { HTTP_METHODS } from '@/lib/scopes/endpoints-data';

/**
 * A stable reference to one endpoint row: `"<METHOD> <path pattern>"`, e.g. `"POST /api/ext/v3/contacts"` or
 * `"POST /{tenantId}/api/v1/sendSessionMessage/{whatsappNumber}"`. Plain string so it survives messaging/storage.
 */
export type EndpointRef = string;

export interface EndpointInfo extends EndpointEntry {
  readonly ref: EndpointRef;
}

export interface EndpointMatch {
  readonly ref: EndpointRef;
  readonly endpoint: EndpointInfo;
  /** Values of the `{param}` segments, as found in the input (placeholders like `{{phone}}` kept verbatim). */
  readonly params: Readonly<Record<string, string>>;
  /** v1/v2 only: the tenant id segment before `/api/`, when the input had a concrete one. */
  readonly tenantId?: string;
}

export function endpointRefOf(e: Pick<EndpointEntry, 'method' | 'path'>): EndpointRef {
  return `${e.method} ${e.path}`;
}

const ENDPOINTS: readonly EndpointInfo[] = ENDPOINT_DATA.map((e) => ({ ...e, ref: endpointRefOf(e) }));
const BY_REF: ReadonlyMap<EndpointRef, EndpointInfo> = new Map(ENDPOINTS.map((e) => [e.ref, e]));

export function listEndpoints(): readonly EndpointInfo[] {
  return ENDPOINTS;
}

export function getEndpoint(ref: EndpointRef): EndpointInfo | undefined {
  return BY_REF.get(ref);
}

/** The scope names an endpoint can be satisfied by: Wati's list, else our single guess, else nothing. */
export function endpointScopeOptions(e: EndpointInfo): readonly string[] {
  if (e.published) return e.accepted;
  return e.likelyScope ? [e.likelyScope] : [];
}

// ---------------------------------------------------------------------------------------------------------------
// Path splitting

export interface WatiApiPath {
  readonly version: ApiVersion;
  /** Segments before `/api/...` (host-less): usually just the tenant id for v1/v2, none for v3. */
  readonly prefix: readonly string[];
  /** Segments after `/api/v1/`, `/api/v2/` or `/api/ext/v3/`. */
  readonly rest: readonly string[];
  /** Display form without host, tenant or query: `/api/v1/getContacts`, `/api/ext/v3/contacts`. */
  readonly apiPath: string;
}

const SCHEME_HOST = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i;
const PROTOCOL_RELATIVE_HOST = /^\/\/[^/?#]*/;

/** A segment that is a placeholder in some notation: `{x}`, `{{x}}`, `${x}`, `:x`, `<x>`. */
export function isPlaceholderSegment(seg: string): boolean {
  return /^(?:\{\{[^{}]*\}\}|\{[^{}]*\}|\$\{[^{}]*\}|:[A-Za-z_][\w-]*|<[^<>]*>)$/.test(seg);
}

function safeDecode(seg: string): string {
  if (!seg.includes('%')) return seg;
  try {
    return decodeURIComponent(seg);
  } catch {
    return seg;
  }
}

/**
 * Find the Wati API part of a URL or path: `https://host/123/api/v1/x?y=1`, `/api/ext/v3/contacts/`,
 * `{{baseUrl}}/api/v2/...`. Query, fragment, scheme+host and empty segments (trailing/double slashes) are ignored.
 * Any segments may precede the marker. Returns undefined when there is no `/api/v1|v2/` or `/api/ext/v3/`.
 */
export function splitWatiApiPath(urlOrPath: string): WatiApiPath | undefined {
  let s = String(urlOrPath).trim();
  const cut = s.search(/[?#]/);
  if (cut >= 0) s = s.slice(0, cut);
  s = s.replace(SCHEME_HOST, '').replace(PROTOCOL_RELATIVE_HOST, '');
  const segs = s
    .split('/')
    .filter((x) => x.length > 0)
    .map(safeDecode);
  for (let i = 0; i < segs.length; i++) {
    if (segs[i]?.toLowerCase() !== 'api') continue;
    const a = segs[i + 1]?.toLowerCase();
    const b = segs[i + 2]?.toLowerCase();
    let version: ApiVersion | undefined;
    let restStart = 0;
    if (a === 'v1' || a === 'v2') {
      version = a;
      restStart = i + 2;
    } else if (a === 'ext' && b === 'v3') {
      version = 'v3';
      restStart = i + 3;
    }
    if (!version) continue;
    const rest = segs.slice(restStart);
    const base = version === 'v3' ? '/api/ext/v3' : `/api/${version}`;
    return { version, prefix: segs.slice(0, i), rest, apiPath: [base, ...rest].join('/') };
  }
  return undefined;
}

export function isWatiApiPath(urlOrPath: string): boolean {
  return splitWatiApiPath(urlOrPath) !== undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Matching

type PatternSeg = { literal: string } | { param: string };

interface CompiledEndpoint {
  readonly info: EndpointInfo;
  readonly version: ApiVersion;
  readonly segs: readonly PatternSeg[];
  readonly literalCount: number;
}

function compile(info: EndpointInfo): CompiledEndpoint | undefined {
  const split = splitWatiApiPath(info.path);
  if (!split) return undefined; // caught by validateScopeData in tests
  const segs: PatternSeg[] = split.rest.map((seg) => {
    const m = /^\{([^{}]+)\}$/.exec(seg);
    return m?.[1] ? { param: m[1] } : { literal: seg.toLowerCase() };
  });
  return { info, version: split.version, segs, literalCount: segs.filter((x) => 'literal' in x).length };
}

const COMPILED: readonly CompiledEndpoint[] = ENDPOINTS.map(compile).filter(
  (c): c is CompiledEndpoint => c !== undefined,
);

function matchSegments(c: CompiledEndpoint, split: WatiApiPath): Record<string, string> | undefined {
  if (c.version !== split.version || c.segs.length !== split.rest.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < c.segs.length; i++) {
    const p = c.segs[i];
    const seg = split.rest[i];
    if (p === undefined || seg === undefined) return undefined;
    if ('literal' in p) {
      if (seg.toLowerCase() !== p.literal) return undefined;
    } else {
      params[p.param] = seg;
    }
  }
  return params;
}

function tenantOf(split: WatiApiPath): string | undefined {
  if (split.version === 'v3') return undefined;
  const last = split.prefix[split.prefix.length - 1];
  if (last === undefined || isPlaceholderSegment(last) || last.includes('.') || /[{}$]/.test(last)) return undefined;
  return last;
}

function matchAll(path: string): Array<{ c: CompiledEndpoint; params: Record<string, string>; split: WatiApiPath }> {
  const split = splitWatiApiPath(path);
  if (!split) return [];
  const out: Array<{ c: CompiledEndpoint; params: Record<string, string>; split: WatiApiPath }> = [];
  for (const c of COMPILED) {
    const params = matchSegments(c, split);
    if (params) out.push({ c, params, split });
  }
  // Most specific first: `contacts/teams` beats `contacts/{target}`.
  return out.sort((a, b) => b.c.literalCount - a.c.literalCount);
}

function toMatch(m: { c: CompiledEndpoint; params: Record<string, string>; split: WatiApiPath }): EndpointMatch {
  const tenantId = tenantOf(m.split);
  return {
    ref: m.c.info.ref,
    endpoint: m.c.info,
    params: m.params,
    ...(tenantId !== undefined ? { tenantId } : {}),
  };
}

/**
 * The endpoint row for a method and a URL or path. Accepts full URLs on any host, a tenant-id prefix for v1/v2,
 * query strings, fragments and trailing slashes; `{param}` segments match exactly one segment; literal segments
 * compare case-insensitively, and win over params. Wrong method → undefined.
 */
export function matchEndpoint(method: string, path: string): EndpointMatch | undefined {
  const m = String(method).trim().toUpperCase();
  const hit = matchAll(path).find((x) => x.c.info.method === m);
  return hit ? toMatch(hit) : undefined;
}

/** Every endpoint row whose path matches, whatever the method (most specific first). */
export function matchEndpointsByPath(path: string): EndpointMatch[] {
  return matchAll(path).map(toMatch);
}

// ---------------------------------------------------------------------------------------------------------------
// Validation (tests and debug tools; not called on hot paths)

export const EndpointEntrySchema = z
  .object({
    method: z.enum(HTTP_METHODS),
    path: z.string().regex(/^\/(?:\{tenantId\}\/api\/v[12]|api\/ext\/v3)(?:\/(?:[A-Za-z][A-Za-z0-9]*|\{[a-zA-Z_]+\}))+$/),
    version: z.enum(API_VERSIONS),
    label: z.string().min(3).max(60),
    published: z.boolean(),
    accepted: z.array(z.string()),
    acceptedListComplete: z.boolean(),
    likelyScope: z.string().optional(),
    source: z.string().min(3),
  })
  .strict();

export const EndpointTableSchema = z.array(EndpointEntrySchema).superRefine((rows, ctx) => {
  const refs = new Set<string>();
  const labels = new Set<string>();
  const shapes = new Set<string>();
  rows.forEach((r, i) => {
    const ref = endpointRefOf(r);
    if (refs.has(ref)) ctx.addIssue({ code: 'custom', path: [i], message: `duplicate endpoint ${ref}` });
    refs.add(ref);
    if (labels.has(r.label)) ctx.addIssue({ code: 'custom', path: [i, 'label'], message: `duplicate label ${r.label}` });
    labels.add(r.label);
    const split = splitWatiApiPath(r.path);
    if (split?.version !== r.version) {
      ctx.addIssue({ code: 'custom', path: [i, 'version'], message: `${ref}: version does not match the path` });
    }
    // Two rows with the same method and the same shape (params in the same places) would be ambiguous.
    const shape = `${r.method} ${r.version} ${(split?.rest ?? []).map((s) => (s.startsWith('{') ? '{}' : s.toLowerCase())).join('/')}`;
    if (shapes.has(shape)) ctx.addIssue({ code: 'custom', path: [i, 'path'], message: `${ref}: ambiguous with another row` });
    shapes.add(shape);
    if (r.published) {
      if (r.accepted.length === 0) ctx.addIssue({ code: 'custom', path: [i], message: `${ref}: published without scopes` });
      if (r.likelyScope !== undefined) {
        ctx.addIssue({ code: 'custom', path: [i], message: `${ref}: published rows carry no likelyScope guess` });
      }
    } else {
      if (r.accepted.length > 0) ctx.addIssue({ code: 'custom', path: [i], message: `${ref}: unpublished with accepted scopes` });
      if (r.acceptedListComplete) ctx.addIssue({ code: 'custom', path: [i], message: `${ref}: unpublished yet complete` });
    }
  });
});
