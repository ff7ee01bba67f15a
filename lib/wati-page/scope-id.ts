/**
 * Recognises Wati scope identifiers in text, as the page writes them.
 *
 * Deliberately tiny and independent of lib/scopes (which owns meaning, catalog and normalisation):
 * this only answers "is there something shaped like a scope here, and what exactly does the page call it".
 *
 * Shape: `family:action`, lower case, e.g. `contacts:read`, `wati_contacts:read`, `contactsv3:*`,
 * `messagetemplatev2:write`, `wati_integration:write`. The bare `api` scope has no colon and is only
 * accepted by `readBareApiScope` when a caller already knows it is looking at a scope control's label.
 */

// Lower case only: "Status:Active" or "Name:Foo" in a card are not scopes. URL schemes are excluded below.
const SCOPE_RE = /(?<![\w:/.-])([a-z][a-z0-9_]*(?:[.-][a-z0-9_]+)*):(\*|[a-z][a-z0-9_]*(?:[.-][a-z0-9_]+)*)(?![\w:/*])/g;

const NOT_SCOPE_FAMILIES = new Set([
  'http', 'https', 'mailto', 'tel', 'data', 'javascript', 'blob', 'file', 'ftp', 'about', 'chrome', 'urn', 'ws', 'wss',
  'www', 'sms', 'whatsapp', 'intent', 'moz-extension', 'chrome-extension', 'note', 'tip', 'warning', 'e.g', 'eg', 'ie',
]);

/** Every scope identifier in the text, in order, as written (`wati_contacts:read` stays prefixed). */
export function findScopeIds(text: string | null | undefined): string[] {
  if (!text || !text.includes(':')) return [];
  const out: string[] = [];
  for (const m of text.matchAll(SCOPE_RE)) {
    const family = m[1]!;
    if (NOT_SCOPE_FAMILIES.has(family)) continue;
    if (!out.includes(m[0])) out.push(m[0]);
  }
  return out;
}

/** The first scope identifier in the text, or undefined. */
export function findScopeId(text: string | null | undefined): string | undefined {
  return findScopeIds(text)[0];
}

/** True when the whole text is exactly one scope identifier (ignoring surrounding whitespace). */
export function isScopeId(text: string | null | undefined): boolean {
  if (!text) return false;
  const t = text.trim();
  const ids = findScopeIds(t);
  return ids.length === 1 && ids[0] === t;
}

/** Words that, right after "API", make it a page or feature name rather than the scope. */
const NOT_THE_API_SCOPE = new Set(['token', 'tokens', 'docs', 'doc', 'documentation', 'key', 'keys', 'endpoint', 'url', 'reference']);

/**
 * The bare full-access scope `api` (or `wati_api`) when a control's label starts with it as a word:
 * "api", "API", "api — full access", "api Full access to every endpoint". Callers only ask this about labels of
 * controls in the Scope section. "API Tokens", "API key", "API docs" are not the scope.
 * Returns it lower-cased (`api` / `wati_api`).
 */
export function readBareApiScope(label: string | null | undefined): string | undefined {
  if (!label) return undefined;
  const m = /^\s*((?:wati_)?api)(?![\w:])/i.exec(label);
  if (!m) return undefined;
  const next = /^[\s\u2013\u2014(:,.\-–—]*([\p{L}]+)/u.exec(label.slice(m[0].length))?.[1]?.toLowerCase();
  if (next && NOT_THE_API_SCOPE.has(next)) return undefined;
  return m[1]!.toLowerCase(); // the scope is `api` whatever the page's capitalisation
}
