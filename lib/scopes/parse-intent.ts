/**
 * Free text → the Wati API calls it mentions. Accepts bare URLs and paths, curl commands (any common flag style,
 * backslash/caret/backtick continuations), lines of code (fetch, axios, requests, Go net/http, PowerShell, ...),
 * Postman collections v2/v2.1 (nested folders), HAR files, OpenAPI documents and other JSON with url/method pairs.
 *
 * Heuristic by nature: it reads text, it does not execute or fully parse languages. Never throws; junk → empty.
 *
 * Linear time (security review, issue 10 finding 9): no pattern has overlapping quantifiers that can backtrack, and
 * each candidate looks only at a bounded window of its line (`CONTEXT_CHARS` each side), so a 0.4 MB one-line HAR
 * costs the same per URL as a short curl line. Input beyond `MAX_INPUT_CHARS` is refused (`tooLong`), never cut.
 */
import {
  HTTP_METHODS,
  matchEndpoint,
  matchEndpointsByPath,
  splitWatiApiPath,
  type ApiVersion,
  type EndpointRef,
  type HttpMethod,
} from '@/lib/scopes/endpoints';

/** How the method was decided: stated in the input, GET by default, or inferred from the only matching row. */
export type MethodSource = 'explicit' | 'default' | 'inferred';
/** matched: an endpoint row; unknown-path: Wati-shaped but not in the table; method-mismatch: path known, method not. */
export type ParsedCallStatus = 'matched' | 'unknown-path' | 'method-mismatch';

export interface ParsedCall {
  readonly method: HttpMethod;
  readonly methodSource: MethodSource;
  readonly version: ApiVersion;
  /** Host-less, tenant-less, query-less path: `/api/v1/getContacts`, `/api/ext/v3/contacts/123`. */
  readonly apiPath: string;
  /** The URL or path as written in the input. */
  readonly raw: string;
  readonly status: ParsedCallStatus;
  readonly endpoint?: EndpointRef;
  readonly label?: string;
  readonly tenantId?: string;
  /** method-mismatch: the methods this path is documented with. */
  readonly knownMethods?: readonly HttpMethod[];
}

export interface ParsedIntent {
  /** Wati-shaped calls, matched or not, deduplicated, in input order. */
  readonly endpoints: ParsedCall[];
  /** Fragments that looked like requests but matched no endpoint row (for the UI to show), deduplicated. */
  readonly unrecognised: string[];
  /** Set (and nothing parsed) when the input is over `MAX_INPUT_CHARS`: the caller must say so, not show "nothing found". */
  readonly tooLong?: true;
}

/** A last guard for direct callers; the coach refuses anything over `INTENT_MAX_BYTES` (lib/coach/intent.ts) first. */
export const MAX_INPUT_CHARS = 1_000_000;
const MAX_TOKENS = 5_000;
const MAX_CALLS = 500;
const MAX_UNRECOGNISED = 200;
const SCAN_LIMIT = 1_500;
const MAX_JSON_NODES = 50_000;
const MAX_FRAGMENT = 300;
/** How much of a candidate's line, each side of it, the method and request-context rules read... */
const CONTEXT_CHARS = 2_000;
/** ...for the first FULL_CONTEXT_CANDIDATES candidates; later ones (a dense dump of thousands of URLs) read
 * NARROW_CONTEXT_CHARS, which still holds a HAR entry's own `"method"` and a code line's call. Total work is then
 * bounded by the input size plus a constant, however the candidates are packed. */
const FULL_CONTEXT_CANDIDATES = 300;
const NARROW_CONTEXT_CHARS = 256;
/** A longer URL is clipped (its host and path come first; only a huge query string is lost). */
const MAX_URL_CHARS = 4_096;

const VERBS = 'get|post|put|patch|delete|head|options';

function asMethod(word: string | undefined): HttpMethod | undefined {
  const m = word?.toUpperCase();
  return (HTTP_METHODS as readonly string[]).includes(m ?? '') ? (m as HttpMethod) : undefined;
}

/** Refs of the matched calls, deduplicated, ready for `computeMinimalScopes`. */
export function endpointRefsOf(parsed: ParsedIntent): EndpointRef[] {
  return [...new Set(parsed.endpoints.flatMap((c) => (c.endpoint ? [c.endpoint] : [])))];
}

// ---------------------------------------------------------------------------------------------------------------
// Collector: turns candidates into calls / unrecognised fragments

interface Candidate {
  readonly raw: string;
  readonly method?: HttpMethod;
  /** The input clearly makes a request here (curl, fetch, a Postman item...), so a non-Wati URL is worth showing. */
  readonly requestContext: boolean;
}

class Collector {
  readonly calls: ParsedCall[] = [];
  readonly unrecognised: string[] = [];
  private readonly callKeys = new Set<string>();
  private readonly fragKeys = new Set<string>();
  /** Candidates already added: adding one again changes nothing, so a dump repeating one URL costs one lookup each. */
  private readonly seen = new Set<string>();

  get found(): boolean {
    return this.calls.length > 0 || this.unrecognised.length > 0;
  }

  private addFragment(text: string): void {
    const t = text.length > MAX_FRAGMENT ? `${text.slice(0, MAX_FRAGMENT)}…` : text;
    if (this.fragKeys.has(t) || this.unrecognised.length >= MAX_UNRECOGNISED) return;
    this.fragKeys.add(t);
    this.unrecognised.push(t);
  }

  private addCall(call: ParsedCall): void {
    const key = `${call.status}|${call.method}|${call.endpoint ?? call.apiPath.toLowerCase()}`;
    if (this.callKeys.has(key) || this.calls.length >= MAX_CALLS) return;
    this.callKeys.add(key);
    this.calls.push(call);
  }

  add(c: Candidate): void {
    const raw = c.raw.trim();
    if (!raw) return;
    const seenKey = `${c.method ?? ''}|${c.requestContext ? 1 : 0}|${raw}`;
    if (this.seen.has(seenKey)) return;
    this.seen.add(seenKey);
    const split = splitWatiApiPath(raw);
    const fragment = c.method ? `${c.method} ${raw}` : raw;
    // A bare API root (`https://live-mt-server.wati.io/123/api/v1`, the "API endpoint URL") is not a call.
    if (!split || split.rest.length === 0) {
      if (c.requestContext) this.addFragment(fragment);
      return;
    }
    const base = { version: split.version, apiPath: split.apiPath, raw };
    const method = c.method ?? 'GET';
    const direct = matchEndpoint(method, raw);
    if (direct) {
      this.addCall({
        ...base,
        method,
        methodSource: c.method ? 'explicit' : 'default',
        status: 'matched',
        endpoint: direct.ref,
        label: direct.endpoint.label,
        ...(direct.tenantId !== undefined ? { tenantId: direct.tenantId } : {}),
      });
      return;
    }
    const byPath = matchEndpointsByPath(raw);
    const methods = HTTP_METHODS.filter((m) => byPath.some((b) => b.endpoint.method === m));
    const only = byPath[0];
    if (!c.method && methods.length === 1 && only) {
      // No method stated and the path is documented under exactly one: take it (a bare sendSessionMessage URL).
      this.addCall({
        ...base,
        method: only.endpoint.method,
        methodSource: 'inferred',
        status: 'matched',
        endpoint: only.ref,
        label: only.endpoint.label,
        ...(only.tenantId !== undefined ? { tenantId: only.tenantId } : {}),
      });
      return;
    }
    this.addCall({
      ...base,
      method,
      methodSource: c.method ? 'explicit' : 'default',
      status: methods.length > 0 ? 'method-mismatch' : 'unknown-path',
      ...(methods.length > 0 ? { knownMethods: methods } : {}),
    });
    this.addFragment(fragment);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// JSON: Postman v2/v2.1, HAR, OpenAPI, Insomnia-like exports

function urlFromPostman(url: unknown): string | undefined {
  if (typeof url === 'string') return url;
  if (!url || typeof url !== 'object') return undefined;
  const u = url as Record<string, unknown>;
  if (typeof u.raw === 'string' && u.raw.trim()) return u.raw;
  const join = (v: unknown, sep: string): string =>
    Array.isArray(v)
      ? v.map((x) => (typeof x === 'string' ? x : typeof x === 'object' && x && 'value' in x ? String((x as { value: unknown }).value) : '')).join(sep)
      : typeof v === 'string'
        ? v
        : '';
  const host = join(u.host, '.');
  const path = join(u.path, '/');
  if (!host && !path) return undefined;
  const protocol = typeof u.protocol === 'string' && u.protocol ? `${u.protocol}://` : '';
  return `${protocol}${host}/${path.replace(/^\/+/, '')}`;
}

function walkJson(root: unknown, out: Collector): void {
  let budget = MAX_JSON_NODES;
  const add = (url: unknown, method: unknown): void => {
    const raw = urlFromPostman(url);
    if (raw) out.add({ raw, method: typeof method === 'string' ? asMethod(method.trim()) : undefined, requestContext: true });
  };
  const visit = (node: unknown, depth: number): void => {
    if (budget-- <= 0 || depth > 64 || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const x of node) visit(x, depth + 1);
      return;
    }
    const o = node as Record<string, unknown>;
    // OpenAPI / Swagger: { paths: { "/api/ext/v3/contacts": { post: {...} } } }
    if ((typeof o.openapi === 'string' || typeof o.swagger === 'string') && o.paths && typeof o.paths === 'object') {
      for (const [path, ops] of Object.entries(o.paths as Record<string, unknown>)) {
        if (!ops || typeof ops !== 'object') continue;
        for (const m of Object.keys(ops)) if (asMethod(m)) add(path, m);
      }
      return;
    }
    if (typeof o.request === 'string') add(o.request, undefined);
    else if (o.request && typeof o.request === 'object' && 'url' in o.request) {
      const r = o.request as Record<string, unknown>;
      add(r.url, r.method);
    } else if ((typeof o.url === 'string' || (o.url && typeof o.url === 'object')) && !('request' in o)) {
      add(o.url, o.method);
    }
    for (const [k, v] of Object.entries(o)) {
      // response.originalRequest duplicates the request; event scripts are code, not requests.
      if (k === 'request' || k === 'response' || k === 'event' || k === 'url') continue;
      if (v && typeof v === 'object') visit(v, depth + 1);
    }
  };
  visit(root, 0);
}

// ---------------------------------------------------------------------------------------------------------------
// Text

/** Maximal runs that can hold a URL or a templated path (placeholders `{x}` `{{x}}` `${x}` kept whole). */
const TOKEN = /[^\s"'`()<>[\],;|\\]+/g;
// Bounded: an unbounded `[a-z0-9+.-]*` rescans a 200 kB base64 blob from every letter (quadratic).
const SCHEME = /[a-z][a-z0-9+.-]{0,31}:\/\//i;
const HTTP_SCHEME = /https?:\/\//i;
const WATI_MARKER = /(?:^|\/)api\/(?:v[12]|ext\/v3)(?:\/|$)/i;

/** `POST https://…`, `GET "/api/…"`: checked on the last word before the candidate (see `verbBefore`). */
const VERB_WORD = new RegExp(`(?:^|[\\s"'\`])(${VERBS.toUpperCase()})$`);
/** `method: 'POST'`, `"method": "POST"`, `method="post"`, `-Method Post`, `--method=POST`, `type: 'POST'`,
 * `Method = HttpMethod.Post`, `.method("PUT")`. */
// Was `\s*(?:[:=(]|\s)\s*`: two overlapping whitespace runs, quadratic on 10k spaces. Now one run, an optional
// separator, one run; the lookahead keeps "a separator or a space is required" (`methodget` is no method key).
const METHOD_KEY = new RegExp(`\\b(?:method|type)['"]?(?=[\\s:=(])\\s*(?:[:=(]\\s*)?['"\`]?(?:\\w+\\.)*(${VERBS})\\b`, 'gi');
/** Method constants passed positionally: Go `http.MethodPost`, C# `HttpMethod.Post`. */
const METHOD_CONST = new RegExp(`Method\\.?(${VERBS})\\b`, 'gi');
const METHOD_LITERAL = new RegExp(`['"\`](${VERBS})['"\`]`, 'gi');
const CALL_VERB = new RegExp(
  `(?:[.:>]|^|\\s)(${VERBS})(?:async|json|forobject|forentity|request)?\\s*(?:\\.new\\s*)?$`,
  'i',
);
const REQUEST_WORDS =
  /\b(?:curl|wget|invoke-restmethod|invoke-webrequest|fetch|axios|requests|httpx|urlopen|http\.(?:get|post|newrequest)|httpclient|resttemplate|webclient|got|ky|superagent|xh|http)\b/i;

function lastMatch(re: RegExp, text: string): string | undefined {
  let found: string | undefined;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    found = m[1];
    if (m[0].length === 0) re.lastIndex++;
  }
  return found;
}

function firstMatch(re: RegExp, text: string): string | undefined {
  re.lastIndex = 0;
  return re.exec(text)?.[1];
}

interface Level {
  /** Text between the group's opener and the URL, with nested closed groups blanked out. */
  readonly before: string;
  /** Text from the URL to the group's closer, nested groups included. */
  readonly after: string;
  /** Text on the opener's line just before the opener: the callee (`axios.post`). */
  readonly callee: string;
}

const OPEN = '({[';
const CLOSE = ')}]';

/**
 * The (at most two) bracket groups enclosing [start, end): for `fetch(new URL('/api/..', b), {method:'POST'})`
 * level 1 is `URL(...)`, level 2 is `fetch(...)`. A `{` that opens a block (after `)`, `=>` or a word) or a `;`
 * at depth 0 ends the search: a URL in a function body is not "enclosed" by the function.
 */
function enclosingGroups(text: string, start: number, end: number, scanLimit = SCAN_LIMIT): Level[] {
  const levels: Level[] = [];
  let back = start - 1;
  let fwd = end;
  const backLimit = Math.max(0, start - scanLimit);
  const fwdLimit = Math.min(text.length, end + scanLimit);
  let beforeAcc = '';
  for (let level = 0; level < 2; level++) {
    // Backward to the unmatched opener.
    let depth = 0;
    const chars: string[] = [];
    let opener = -1;
    for (; back >= backLimit; back--) {
      const ch = text[back] ?? '';
      if (CLOSE.includes(ch)) depth++;
      else if (OPEN.includes(ch)) {
        if (depth === 0) {
          opener = back;
          break;
        }
        depth--;
      } else if (ch === ';' && depth === 0) break;
      chars.push(depth === 0 ? ch : ' ');
    }
    if (opener < 0) break;
    if (text[opener] === '{') {
      // An object literal follows `(`, `,`, `:`, `=`, `[`, `{` or `return`; anything else opens a block.
      const prev = text.slice(Math.max(0, opener - 40), opener).trimEnd();
      if (!/(?:[(,:=[{]|\breturn)$/.test(prev) || /=>$/.test(prev)) break;
    }
    beforeAcc = chars.reverse().join('') + beforeAcc;
    // Forward to the matching closer.
    depth = 0;
    let closer = -1;
    const startFwd = fwd;
    for (; fwd < fwdLimit; fwd++) {
      const ch = text[fwd] ?? '';
      if (OPEN.includes(ch)) depth++;
      else if (CLOSE.includes(ch)) {
        if (depth === 0) {
          closer = fwd;
          break;
        }
        depth--;
      }
    }
    const after = text.slice(startFwd, closer < 0 ? fwdLimit : closer);
    // The callee is at most 80 characters before the opener, on its line (never a search back to the line start:
    // on a one-line HAR that was a scan of the whole input per URL).
    const callee = text.slice(Math.max(0, opener - 80), opener);
    levels.push({ before: beforeAcc, after, callee: callee.slice(callee.lastIndexOf('\n') + 1) });
    if (closer < 0) break;
    back = opener - 1;
    fwd = closer + 1;
    beforeAcc = '';
  }
  return levels;
}

/** curl's own rules: -X/--request wins; -G GET; -I HEAD; -T PUT; any data flag POST; else GET (default). */
function curlMethod(stmt: string): HttpMethod | undefined {
  const x = /(?:^|\s)(?:-[a-zA-Z]*X|--request)(?:=|\s*)['"]?([A-Za-z]+)/.exec(stmt);
  const fromX = asMethod(x?.[1]);
  if (fromX) return fromX;
  if (/(?:^|\s)(?:-G|--get)(?=\s|$)/.test(stmt)) return 'GET';
  if (/(?:^|\s)(?:-I|--head)(?=\s|$)/.test(stmt)) return 'HEAD';
  if (/(?:^|\s)(?:-T|--upload-file)(?=[\s=]|$)/.test(stmt)) return 'PUT';
  if (/(?:^|\s)(?:-d|--data(?:-raw|-binary|-urlencode|-ascii)?|--json|-F|--form(?:-string)?|--post-data|--post-file)(?=[\s='"@{$]|$)/.test(stmt)) {
    return 'POST';
  }
  return undefined;
}

function methodFromLevels(levels: readonly Level[]): HttpMethod | undefined {
  for (const l of levels) {
    const m =
      asMethod(CALL_VERB.exec(l.callee)?.[1]) ??
      asMethod(lastMatch(METHOD_KEY, l.before)) ??
      asMethod(firstMatch(METHOD_KEY, l.after)) ??
      asMethod(lastMatch(METHOD_CONST, l.before)) ??
      asMethod(lastMatch(METHOD_LITERAL, l.before));
    if (m) return m;
  }
  return undefined;
}

const CURL_WORD = /(?:^|[\s;&|(])curl(?:\.exe)?(?=\s)/i;

function lastCurlStart(text: string): number {
  const re = new RegExp(CURL_WORD.source, 'gi');
  let at = -1;
  for (let m = re.exec(text); m; m = re.exec(text)) at = m.index;
  return at;
}

/** The verb written just before the candidate (`POST https://…`, `GET '/api/…'`), read from the end, without a regex
 * that anchors at `$` (which the engine would retry from every position of the line). */
function verbBefore(lineBefore: string): HttpMethod | undefined {
  let end = lineBefore.length;
  const last = lineBefore[end - 1];
  if (last === '"' || last === "'" || last === '`') end--;
  let i = end;
  while (i > 0 && /\s/.test(lineBefore[i - 1] ?? '')) i--;
  if (i === end) return undefined; // `POST/api/...` is not a verb and a path
  return asMethod(VERB_WORD.exec(lineBefore.slice(Math.max(0, i - 12), i))?.[1]);
}

/** `tok` without trailing sentence punctuation; a loop, since `/[.,:;!?]+$/` is quadratic on a long run of dots. */
function trimTrailingPunctuation(tok: string): string {
  let end = tok.length;
  while (end > 0 && '.,:;!?'.includes(tok[end - 1] ?? '')) end--;
  return tok.slice(0, end);
}

interface TextCandidate extends Candidate {
  readonly line: number;
  readonly wati: boolean;
}

function scanText(input: string, out: Collector): void {
  // Join continuation lines: `\`+newline (sh), `^`+newline (cmd), ` ``+newline (PowerShell).
  // Long runs of spaces/tabs carry no meaning here: one space keeps a key, its verb and the URL inside the
  // CONTEXT_CHARS window however much padding the paste had.
  const text = input
    .replace(/\r\n?/g, '\n')
    .replace(/\\\n/g, ' ')
    .replace(/\^\n/g, ' ')
    .replace(/ `\n/g, '  ')
    .replace(/[^\S\n]{16,}/g, ' ');
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineOf = (pos: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  const found: TextCandidate[] = [];
  TOKEN.lastIndex = 0;
  let tokens = 0;
  for (let m = TOKEN.exec(text); m && tokens < MAX_TOKENS; m = TOKEN.exec(text)) {
    let tok = m[0];
    let start = m.index;
    // `://` first: the scheme pattern then runs on 35 characters, not on every letter of a long base64 blob.
    const sep = tok.indexOf('://');
    const around = sep >= 0 ? Math.max(0, sep - 32) : 0;
    const schemeIn = sep >= 0 ? tok.slice(around, sep + 3).search(SCHEME) : -1;
    const schemeAt = schemeIn >= 0 ? around + schemeIn : -1;
    const isUrl = schemeAt >= 0;
    if (isUrl) {
      if (tok.search(HTTP_SCHEME) !== schemeAt) continue; // ftp://, file://, chrome-extension://...
      tok = tok.slice(schemeAt);
      start += schemeAt;
    } else if (WATI_MARKER.test(tok)) {
      const eq = tok.lastIndexOf('=', tok.indexOf('/') >= 0 ? tok.indexOf('/') : tok.length);
      if (eq >= 0) {
        tok = tok.slice(eq + 1);
        start += eq + 1;
      }
    } else continue;
    tokens++;
    if (tok.length > MAX_URL_CHARS) tok = tok.slice(0, MAX_URL_CHARS);
    tok = trimTrailingPunctuation(tok);
    if (!tok) continue;
    const end = start + tok.length;
    // `"/api/ext/v3/contacts/" + id`: the id is concatenated outside the string: add a placeholder segment.
    if (tok.endsWith('/') && /^['"`]\s*[+.]\s*[\w$({]/.test(text.slice(end, end + 12))) tok += '{param}';

    const line = lineOf(start);
    // The candidate's line, clipped to CONTEXT_CHARS each side: every rule below reads only this window, so the
    // cost per candidate is bounded however long the line is (a one-line HAR used to be rescanned per URL).
    const context = tokens <= FULL_CONTEXT_CANDIDATES ? CONTEXT_CHARS : NARROW_CONTEXT_CHARS;
    const lineStart = Math.max(lineStarts[line] ?? 0, start - context);
    const lineEnd = Math.min((lineStarts[line + 1] ?? text.length + 1) - 1, end + context);
    const lineBefore = text.slice(lineStart, start);
    const lineAfter = text.slice(end, Math.max(end, lineEnd));
    const lineText = lineBefore + tok + lineAfter;

    let method: HttpMethod | undefined;
    let requestContext = REQUEST_WORDS.test(lineText);
    // A curl statement on this line that contains the token: its flags decide.
    const curlAt = lastCurlStart(lineBefore);
    if (curlAt >= 0) {
      const nextCurl = lineAfter.search(CURL_WORD);
      const stmt = lineBefore.slice(curlAt) + tok + (nextCurl >= 0 ? lineAfter.slice(0, nextCurl) : lineAfter);
      method = curlMethod(stmt);
      requestContext = true;
    } else {
      method = verbBefore(lineBefore);
      if (!method) {
        const levels = enclosingGroups(text, start, end, Math.min(SCAN_LIMIT, context));
        method = methodFromLevels(levels);
        if (!method && levels.length === 0) {
          method =
            asMethod(lastMatch(METHOD_KEY, lineBefore)) ??
            asMethod(firstMatch(METHOD_KEY, lineAfter)) ??
            asMethod(lastMatch(METHOD_CONST, lineBefore));
        }
      }
      if (method) requestContext = true;
    }
    found.push({ raw: tok, method, requestContext, line, wati: splitWatiApiPath(tok) !== undefined });
  }

  // A non-Wati URL sharing a line with a Wati path is the base of a concatenation, not a request of its own.
  const watiLines = new Set(found.filter((c) => c.wati).map((c) => c.line));
  for (const c of found) {
    if (!c.wati && watiLines.has(c.line)) continue;
    out.add(c);
  }
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * Extract the Wati API calls mentioned in free text. `endpoints` holds every Wati-shaped call (matched, or unknown
 * with a status), `unrecognised` the fragments that looked like requests but matched no endpoint row. The method is
 * GET unless the input states one; when it states none and the path is documented under one method only, that
 * method is used (`methodSource: 'inferred'`).
 */
export function parseIntentText(text: string): ParsedIntent {
  const out = new Collector();
  try {
    if (typeof text !== 'string' || text.trim() === '') return { endpoints: [], unrecognised: [] };
    // Refused, not cut: a parse of the first part would look like a complete answer.
    if (text.length > MAX_INPUT_CHARS) return { endpoints: [], unrecognised: [], tooLong: true };
    const src = text;
    const trimmed = src.trim();
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
      let json: unknown;
      try {
        json = JSON.parse(trimmed);
      } catch {
        json = undefined;
      }
      if (json !== undefined) {
        walkJson(json, out);
        if (out.found) return { endpoints: out.calls, unrecognised: out.unrecognised };
      }
    }
    scanText(src, out);
  } catch {
    // Heuristics must never break the UI: return whatever was collected so far.
  }
  return { endpoints: out.calls, unrecognised: out.unrecognised };
}
