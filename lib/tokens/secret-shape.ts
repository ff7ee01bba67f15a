/**
 * The one token-shape classifier. The show-once capture (`lib/wati-page/reveal.ts`, whole words on
 * Wati's page) and the redactor (every string the extension stores or exports, substring scanning)
 * both ask `classifyTokenShape`, so whatever the capture would take for a token, the redactor removes.
 * A leaf module: no imports, cheap enough for the content script.
 *
 *   jwt        `eyJ` + three base64url parts (the signature may be empty), at least 32 characters.
 *   opaque     at least 32 characters of base64url (`+` and `=` padding allowed), not a UUID, Shannon
 *              entropy ≥ 3.5 bits per character, and not made of words: a slug, camelCase identifier or
 *              `word-word-2026-11` name has the entropy of a key but reads as words (`isWordy`).
 *              Pure hex counts from 32 characters with entropy ≥ 2.5 (16 symbols cap it at 4).
 *              `wati_` / `wt_` + at least 19 random characters counts too.
 *   hash-like  pure hex of md5/sha1/sha256 length: the capture wants a copy button or the warning
 *              nearby; the redactor removes it like any other.
 *
 * Deliberately not caught: secrets shorter than 22 characters, base64 with `/` (the slash ends a
 * run, as in a URL path: each piece is judged alone), a key made only of lower-case letters or of
 * dictionary words, and anything that is split by spaces.
 */

export type TokenShape = 'jwt' | 'opaque' | 'hash-like';

/** No string shorter than this can hold a secret (the `wt_` + 19 rule); callers may skip it. */
export const MIN_SECRET_LENGTH = 22;
const MIN_OPAQUE = 32;
const MIN_JWT = 32;
const MIN_ENTROPY = 3.5;
const MIN_HEX_ENTROPY = 2.5;
const MIN_PREFIXED_ENTROPY = 3;

const JWT_RE = /^eyJ[A-Za-z0-9_-]{7,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const OPAQUE_RE = /^[A-Za-z0-9_+-]+={0,2}$/;
const PREFIXED_RE = /^(?:wati|wt)_([A-Za-z0-9_-]{19,})$/i;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX_RE = /^[0-9a-f]+$/i;
const SHORT_HEX_RE = /^[0-9a-f]{1,12}$/i;
/** Parts of a piece: a version (`v2`, a quarter `2026q4`), a (Capitalised) lower-case word, an upper-case run, a digit run. */
const PART_RE = /v\d+|\d{4}[QqHh]\d|[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+/g;

/** Shannon entropy of a string in bits per character. */
export function shannonEntropy(s: string): number {
  if (!s) return 0;
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/**
 * A lower-case name in short pieces (`2026q4-crm-crm-eu-west-1-2024-01`, `acme-prod-eu-1-sync`): at least four
 * pieces of at most 12 characters, no capitals, and at least two of them plain words (letters with a vowel).
 * Random base64url is half capitals, so it is almost never this; token names, hosts and slugs often are.
 */
function isSlug(s: string): boolean {
  const pieces = s.split(/[-_.]/);
  if (pieces.length < 4 || /[A-Z]/.test(s)) return false;
  if (!pieces.every((p) => p.length > 0 && p.length <= 12 && /^[a-z0-9]+$/.test(p))) return false;
  return pieces.filter((p) => /^[a-z]{2,}$/.test(p) && /[aeiouy]/.test(p)).length >= 2;
}

/**
 * Reads as words, not as a key: a slug (`whatsapp-crm-integration-production-2026-11`), a camelCase
 * identifier (`getContactsByPhoneNumber`), a name with a version (`api-v1beta2-sync`) or with UUID-like
 * hex groups. Split into parts (a Capitalised or lower-case word, an upper-case run, a digit run), a
 * string of words has long parts, few one-letter or vowel-less parts, few digit runs and mostly lower
 * case. Random base64url almost never does (measured on 3 million random strings: about 1 in 10,000
 * of 32 characters, 1 in 200,000 of 40, none of 64; those are the keys this lets through).
 */
function isWordy(s: string): boolean {
  if (isSlug(s)) return true;
  let junk = 0;
  let digitRuns = 0;
  let acronyms = 0;
  let letters = 0;
  let parts = 0;
  let upper = 0;
  for (const piece of s.split(/[-_+=]/)) {
    if (piece === '' || SHORT_HEX_RE.test(piece)) continue;
    let covered = 0;
    for (const m of piece.matchAll(PART_RE)) {
      const p = m[0];
      covered += p.length;
      if (p.charCodeAt(0) <= 57) {
        // Years, months, ports are free; random text has many single digits.
        if (p.length === 1) digitRuns++;
        continue;
      }
      if (p.charCodeAt(0) === 118 && p.length > 1 && p.charCodeAt(1) <= 57) continue; // v2
      letters += p.length;
      parts++;
      if (p.length === 1) {
        junk++;
        continue;
      }
      let caps = 0;
      for (let i = 0; i < p.length; i++) if (p.charCodeAt(i) <= 90) caps++;
      upper += caps;
      if (caps === p.length) {
        acronyms++;
        continue;
      }
      const low = p.toLowerCase();
      if (!/[aeiouy]/.test(low) || /[^aeiouy]{4}/.test(low)) junk++;
    }
    if (covered !== piece.length) return false;
  }
  return junk <= 2 && digitRuns <= 3 && acronyms <= 2 && letters >= 3.2 * parts && upper <= 0.3 * letters;
}

/** Classifies one candidate (no spaces, no punctuation around it). */
export function classifyTokenShape(word: string): TokenShape | undefined {
  if (word.length < MIN_SECRET_LENGTH) return undefined;
  if (word.startsWith('eyJ')) {
    // base64 of '{"': a JWT, or a fragment of one (a header shown as a sample), which is not a token.
    return word.length >= MIN_JWT && JWT_RE.test(word) ? 'jwt' : undefined;
  }
  const prefixed = PREFIXED_RE.exec(word);
  if (prefixed) {
    const rest = prefixed[1]!;
    if (!isWordy(rest) && shannonEntropy(rest) >= MIN_PREFIXED_ENTROPY) return 'opaque';
  }
  if (word.length < MIN_OPAQUE || !OPAQUE_RE.test(word) || UUID_RE.test(word)) return undefined;
  if (HEX_RE.test(word)) {
    if (!/\d/.test(word) || !/[a-f]/i.test(word) || shannonEntropy(word) < MIN_HEX_ENTROPY) return undefined;
    return word.length === 32 || word.length === 40 || word.length === 64 ? 'hash-like' : 'opaque';
  }
  if (isWordy(word) || shannonEntropy(word) < MIN_ENTROPY) return undefined;
  return 'opaque';
}

// ---------------------------------------------------------------------------------------------
// Substring scanning.

export interface SecretSpan {
  start: number;
  end: number;
  shape: TokenShape;
}

/** Invisible characters that can sit inside or after a pasted token (ZWSP, ZWNJ, ZWJ, WJ, BOM, soft hyphen). */
const INVISIBLE_RE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/;
const INVISIBLE_G = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const JWT_SCAN_RE = /eyJ[A-Za-z0-9_-]{7,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
const RUN_RE = /[A-Za-z0-9_+-]+={0,2}/g;
const QUICK_RE = /[A-Za-z0-9_+-]{22}/;

/**
 * Every token-shaped run inside arbitrary text: after `=`, `:`, `Bearer `, in URLs and query strings,
 * quoted, followed by `/`, punctuation or invisible characters (which are ignored, even inside the
 * token). Spans index `text`; they never overlap and come in order.
 */
export function findSecretSpans(text: string): SecretSpan[] {
  if (typeof text !== 'string' || text.length < MIN_SECRET_LENGTH) return [];
  let s = text;
  let map: number[] | undefined;
  if (INVISIBLE_RE.test(text)) {
    map = [];
    let out = '';
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (INVISIBLE_RE.test(c)) continue;
      out += c;
      map.push(i);
    }
    s = out;
  }
  if (!QUICK_RE.test(s)) return [];

  const found: SecretSpan[] = [];
  let masked = s;
  if (s.includes('eyJ')) {
    for (const m of s.matchAll(JWT_SCAN_RE)) {
      if (classifyTokenShape(m[0]) !== 'jwt') continue;
      found.push({ start: m.index, end: m.index + m[0].length, shape: 'jwt' });
    }
    if (found.length) {
      let out = '';
      let at = 0;
      for (const f of found) {
        out += s.slice(at, f.start) + ' '.repeat(f.end - f.start);
        at = f.end;
      }
      masked = out + s.slice(at);
    }
  }
  for (const m of masked.matchAll(RUN_RE)) {
    let run = m[0];
    if (run.length < MIN_SECRET_LENGTH) continue;
    let start = m.index;
    // A `+` at either end is a separator (a query string's space), not part of a key.
    const lead = /^\++/.exec(run)?.[0].length ?? 0;
    run = run.replace(/^\++|\++(?==*$)/g, '');
    start += lead;
    const shape = classifyTokenShape(run);
    if (shape) {
      found.push({ start, end: start + run.length, shape });
      continue;
    }
    if (!run.includes('+')) continue;
    let offset = 0;
    for (const piece of run.split('+')) {
      const ps = classifyTokenShape(piece);
      if (ps) found.push({ start: start + offset, end: start + offset + piece.length, shape: ps });
      offset += piece.length + 1;
    }
  }
  if (!found.length) return found;
  found.sort((a, b) => a.start - b.start);
  if (!map) return found;
  return found.map((f) => ({ start: map[f.start]!, end: map[f.end - 1]! + 1, shape: f.shape }));
}

export const REDACTED = '[redacted]';

/** `text` with every token-shaped run replaced by `[redacted]`. */
export function redactSecrets(text: string): string {
  return redactSpans(text, findSecretSpans(text));
}

/** `text` with the given spans (from findSecretSpans) replaced by `[redacted]`. */
export function redactSpans(text: string, spans: readonly SecretSpan[]): string {
  if (!spans.length) return text;
  let out = '';
  let at = 0;
  for (const sp of spans) {
    out += text.slice(at, sp.start) + REDACTED;
    at = sp.end;
  }
  return out + text.slice(at);
}

export function containsSecret(text: string): boolean {
  return findSecretSpans(text).length > 0;
}

// ---------------------------------------------------------------------------------------------
// Deep walks: iterative (no depth limit, no recursion to overflow), cycle-safe, keys included.

type Container = Record<string, unknown> | unknown[];
const isContainer = (v: unknown): v is Container => typeof v === 'object' && v !== null;

function setOwn(o: Record<string, unknown>, k: string, v: unknown) {
  // `__proto__` and friends become plain own properties, never a prototype change.
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

/**
 * A copy of `v` in which every string (values and keys) has its secrets redacted. Works at any depth;
 * a cycle becomes the string `[circular]`; a value shared by two parents is copied once.
 */
export function redactDeep(v: unknown): unknown {
  if (typeof v === 'string') return redactSecrets(v);
  if (!isContainer(v)) return v;
  interface Frame {
    src: Container;
    out: Container;
    keys: string[] | undefined;
    i: number;
  }
  const done = new Map<object, unknown>();
  const active = new Set<object>();
  const open = (src: Container): Frame => {
    active.add(src);
    const isArr = Array.isArray(src);
    return { src, out: isArr ? [] : {}, keys: isArr ? undefined : Object.keys(src), i: 0 };
  };
  const root = open(v);
  const stack: Frame[] = [root];
  while (stack.length) {
    const f = stack[stack.length - 1]!;
    const n = f.keys ? f.keys.length : (f.src as unknown[]).length;
    if (f.i >= n) {
      stack.pop();
      active.delete(f.src);
      done.set(f.src, f.out);
      continue;
    }
    const idx = f.i++;
    const key = f.keys ? f.keys[idx]! : idx;
    const child = (f.src as Record<string | number, unknown>)[key];
    let value: unknown;
    if (typeof child === 'string') value = redactSecrets(child);
    else if (!isContainer(child)) value = child;
    else if (active.has(child)) value = '[circular]';
    else if (done.has(child)) value = done.get(child);
    else {
      const cf = open(child);
      value = cf.out;
      stack.push(cf);
    }
    if (!f.keys) (f.out as unknown[]).push(value);
    else {
      const out = f.out as Record<string, unknown>;
      let k = redactSecrets(key as string);
      if (k !== key) for (let j = 2; Object.prototype.hasOwnProperty.call(out, k); j++) k = `${REDACTED}#${j}`;
      setOwn(out, k, value);
    }
  }
  return root.out;
}

export type PathPart = string | number;

/**
 * The paths of the strings (or keys: the path then ends at the object holding the key) in `v` that
 * hold a secret, at any depth, at most `max` of them. Never throws; cycles are walked once.
 */
export function findSecretPaths(v: unknown, max = 50): PathPart[][] {
  interface Node {
    value: unknown;
    key: PathPart | undefined;
    parent: Node | undefined;
  }
  const pathOf = (n: Node): PathPart[] => {
    const p: PathPart[] = [];
    for (let c: Node | undefined = n; c && c.key !== undefined; c = c.parent) p.push(c.key);
    return p.reverse();
  };
  const out: PathPart[][] = [];
  const seen = new Set<object>();
  const stack: Node[] = [{ value: v, key: undefined, parent: undefined }];
  while (stack.length && out.length < max) {
    const node = stack.pop()!;
    const value = node.value;
    if (typeof value === 'string') {
      if (containsSecret(value)) out.push(pathOf(node));
      continue;
    }
    if (!isContainer(value) || seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], key: i, parent: node });
    } else {
      const keys = Object.keys(value);
      let keyLeak = false;
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i]!;
        if (!keyLeak && containsSecret(k)) keyLeak = true;
        stack.push({ value: value[k], key: k, parent: node });
      }
      if (keyLeak) out.push(pathOf(node));
    }
  }
  return out.slice(0, max);
}

export function containsSecretDeep(v: unknown): boolean {
  return findSecretPaths(v, 1).length > 0;
}
