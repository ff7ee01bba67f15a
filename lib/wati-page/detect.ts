/**
 * Is this the API Tokens page, and what is on it?
 *
 * `looksLikeTokenPage` is the cheap gate, called from a throttled observer on the busy inbox: it reads the
 * document title, at most a few dozen headings (h1–h3, role=heading), the main landmark's label and the
 * current navigation item. No layout reads, no walk over the document's text.
 * `readTokenPage` is the full read, only worth running once the gate says yes (or the user asked).
 */
import { readAccessibleName } from './accessible-name';
import { docOf, isHiddenByMarkup, isOwnUi, OWN_UI_TAG, queryButtons, readText, type Root } from './dom';
import { isOpenerName, readScopeForm, type ReadOptions } from './form';
import { readTokenList } from './list';
import { findRevealedToken } from './reveal';
import type { TokenPage, TokenPageKind } from './types';
import { isApiHostUrl, readTenantIdFromApiUrl } from './url';
import { containsTerm, isTerm, startsWithTerm, WORDS } from './vocabulary';

const MAX_HEADINGS = 40;

/**
 * Which page a heading / title segment names. The text must BE the page title or start with it ("API Tokens",
 * "API Tokens (3)"), so a help article "How to generate an API token" is not the token page.
 */
function kindOf(text: string | null | undefined): TokenPageKind | undefined {
  if (!text) return undefined;
  if (isTerm(text, WORDS.pageTitle) || startsWithTerm(text, WORDS.pageTitle)) return 'api-tokens';
  if (isTerm(text, WORDS.legacyPageTitle) || startsWithTerm(text, WORDS.legacyPageTitle)) return 'legacy-api-docs';
  return undefined;
}

/** A document title is "API Tokens | WATI" or "Wati - Tokens da API": look at each segment. */
function kindOfTitle(title: string | null | undefined): TokenPageKind | undefined {
  if (!title) return undefined;
  let legacy: TokenPageKind | undefined;
  for (const segment of title.split(/\s[|·–—\-:»/]\s|\s*[|·»]\s*/)) {
    const kind = kindOf(segment);
    if (kind === 'api-tokens') return kind;
    legacy ??= kind;
  }
  return legacy;
}

function readHeading(root: Root): { kind: TokenPageKind; el?: HTMLElement } | undefined {
  const doc = docOf(root);
  // Our own UI lives in a shadow root, which document queries never enter: only check when a host exists.
  const ownUiPresent = doc.getElementsByTagName(OWN_UI_TAG).length > 0;
  let legacy: { kind: TokenPageKind; el?: HTMLElement } | undefined;
  // Cheapest signals first (the busy inbox pays for every check): the current navigation item.
  for (const el of root.querySelectorAll<HTMLElement>('[aria-current="page"]')) {
    const kind = kindOf(readText(el, 80));
    if (kind === 'api-tokens') return { kind };
  }
  // Then headings. getElementsByTagName is far cheaper than one combined selector on a large DOM.
  let seen = 0;
  const consider = (h: HTMLElement) => {
    if (seen++ >= MAX_HEADINGS || (ownUiPresent && isOwnUi(h))) return undefined;
    const kind = kindOf(readText(h, 80));
    if (kind && !legacy) legacy = { kind, el: h };
    return kind === 'api-tokens' ? { kind, el: h } : undefined;
  };
  const scope = root as Document | Element;
  for (const tag of ['h1', 'h2', 'h3'] as const) {
    const list = scope.getElementsByTagName ? scope.getElementsByTagName(tag) : root.querySelectorAll(tag);
    for (let i = 0; i < list.length && seen < MAX_HEADINGS; i++) {
      const hit = consider(list[i] as HTMLElement);
      if (hit) return hit;
    }
  }
  if (seen < MAX_HEADINGS) {
    for (const h of root.querySelectorAll<HTMLElement>('[role="heading"]')) {
      const hit = consider(h);
      if (hit) return hit;
      if (seen >= MAX_HEADINGS) break;
    }
  }
  if (legacy) return legacy;
  // The main landmark's label.
  for (const el of root.querySelectorAll<HTMLElement>('main[aria-label], [role="main"][aria-label]')) {
    const text = el.getAttribute('aria-label');
    const kind = isTerm(text, WORDS.pageTitle) ? 'api-tokens' : isTerm(text, WORDS.legacyPageTitle) ? 'legacy-api-docs' : undefined;
    if (kind) return { kind };
  }
  for (const el of root.querySelectorAll<HTMLElement>('[aria-current="page"]')) {
    if (isTerm(readText(el, 80), WORDS.legacyPageTitle)) return { kind: 'legacy-api-docs' };
  }
  return undefined;
}

/** What the page's title/headings say it is, or undefined. Cheap (see module comment). */
export function readTokenPageKind(doc: Document): TokenPageKind | undefined {
  const byTitle = kindOfTitle(doc.title); // nearly free: try it first
  if (byTitle === 'api-tokens') return byTitle;
  const byHeading = readHeading(doc);
  if (byHeading?.kind === 'api-tokens') return 'api-tokens';
  return byHeading?.kind ?? byTitle;
}

/** Cheap: does the title / a heading say "API Tokens" (any supported language) or the legacy "API Docs"? */
export function looksLikeTokenPage(doc: Document): boolean {
  return readTokenPageKind(doc) !== undefined;
}

const API_URL_RE = /(?:https:\/\/)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.wati\.io(?:\/[^\s"'<>`]*)?/gi;

/** The API endpoint URL the page shows (an input value, a link, or text), preferring one with a tenant id. */
export function readApiEndpoint(root: Root): { url: string; tenantId?: string } | undefined {
  const texts: string[] = [];
  for (const f of root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')) {
    if (f.value && f.value.includes('wati.io') && !isOwnUi(f)) texts.push(f.value);
  }
  const doc = docOf(root);
  const walker = doc.createTreeWalker(root, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n.nodeValue;
    if (t && t.includes('wati.io') && !n.parentElement?.closest('script, style, wati-token-guard')) texts.push(t);
  }
  let fallback: { url: string } | undefined;
  for (const t of texts) {
    for (const m of t.matchAll(API_URL_RE)) {
      const url = (m[0].startsWith('https://') ? m[0] : `https://${m[0]}`).replace(/[.,;:)\]]+$/, '');
      if (!isApiHostUrl(url)) continue;
      const tenantId = readTenantIdFromApiUrl(url);
      if (tenantId) return { url, tenantId };
      fallback ??= { url };
    }
  }
  return fallback;
}

function readOpenFormButton(root: Root, exclude: { generate?: HTMLElement; region?: HTMLElement }): HTMLElement | undefined {
  let best: { el: HTMLElement; score: number } | undefined;
  for (const b of queryButtons(root)) {
    if (b === exclude.generate || isHiddenByMarkup(b)) continue;
    const name = readAccessibleName(b);
    // A button label, not a sentence in a help link ("Learn how to create an API token").
    if (name.length > 40 || !containsTerm(name, WORDS.openForm)) continue;
    const score =
      (isOpenerName(name) ? 4 : 0) + (exclude.region && !exclude.region.contains(b) ? 2 : 0) + (b.localName === 'a' ? 0 : 1);
    if (!best || score > best.score) best = { el: b, score };
  }
  return best?.el;
}

/**
 * Everything the adapter can read on the token page. Never throws on pages it does not understand: unknown
 * parts are simply absent. `isTokenPage` is true when the heading/title says so or a scope form is present.
 */
export function readTokenPage(root: Root, options: ReadOptions = {}): TokenPage {
  const doc = docOf(root);
  const heading = readHeading(root);
  const kind = heading?.kind ?? (root === doc ? readTokenPageKind(doc) : undefined);
  const form = readScopeForm(root, options);
  const page: TokenPage = { isTokenPage: !!kind || !!form };
  if (kind) page.kind = kind;
  if (heading?.el) page.heading = heading.el;
  if (form) page.form = form;
  const opener = readOpenFormButton(root, { generate: form?.generate, region: form?.region });
  if (opener) page.openFormButton = opener;
  const list = readTokenList(root);
  if (list) page.list = list;
  const reveal = findRevealedToken(root);
  if (reveal) page.reveal = reveal;
  const endpoint = readApiEndpoint(root);
  if (endpoint) {
    page.apiEndpoint = endpoint.url;
    if (endpoint.tenantId) page.tenantId = endpoint.tenantId;
  }
  return page;
}

export { readScopeForm };
