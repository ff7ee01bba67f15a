/**
 * Finds a token the page shows (once, after "Generate") by its SHAPE, wherever it is shown: a `<code>`,
 * a read-only input or textarea (`.value`), a plain text block next to a copy button.
 *
 * The shape test is `classifyTokenShape` (lib/tokens/secret-shape.ts), the one the redactor uses too: a
 * JWT (`eyJ` + three base64url parts), a long high-entropy base64url string that is not made of words, not
 * a UUID, or a bare hex string of hash length (32/40/64), which counts only next to a copy button or the
 * show-once warning.
 *
 * Words are taken whole (split on whitespace, trimmed of quotes and brackets), so URLs, data: URIs, JSON keys
 * and CSS never yield a token; attributes are never read; `<script>`, `<style>`, hidden inputs and our own
 * `<wati-token-guard>` UI are skipped. One pass over the text nodes: cheap enough per throttled mutation batch.
 */
import { classifyTokenShape, type TokenShape } from '../tokens/secret-shape';
import { readAccessibleName } from './accessible-name';
import { closestDialog, inputType, isHiddenByMarkup, isOwnUi, OWN_UI_TAG, queryButtons, readText, type Root } from './dom';
import type { RevealState } from './types';
import { containsTerm, WORDS } from './vocabulary';

// The one classifier, shared with the redactor (lib/tokens/secret-shape.ts): what the capture takes for a token, the redactor removes.
export { classifyTokenShape, shannonEntropy, type TokenShape } from '../tokens/secret-shape';

const MIN_OPAQUE = 32;
const NEAR_LEVELS = 5;
const QUICK_RE = /[A-Za-z0-9_-]{32}/;

const TRIM_RE = /^["'`(<[{]+|["'`)>\]},;:.]+$/g;

/** Token-shaped words in a piece of text. */
export function findTokenWords(text: string): Array<{ token: string; shape: TokenShape }> {
  const out: Array<{ token: string; shape: TokenShape }> = [];
  if (text.length < MIN_OPAQUE || !QUICK_RE.test(text)) return out;
  for (const raw of text.split(/\s+/)) {
    if (raw.length < MIN_OPAQUE) continue;
    const word = raw.replace(TRIM_RE, '');
    const shape = classifyTokenShape(word);
    if (shape && !out.some((o) => o.token === word)) out.push({ token: word, shape });
  }
  return out;
}

interface Candidate {
  token: string;
  shape: TokenShape;
  el: HTMLElement;
}

const SKIP_PARENTS = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'title', OWN_UI_TAG]);

function collectCandidates(root: Root): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  const push = (el: HTMLElement, text: string) => {
    for (const { token, shape } of findTokenWords(text)) {
      if (seen.has(token)) continue;
      seen.add(token);
      out.push({ token, shape, el });
    }
  };

  // Values of form fields (a read-only input or textarea showing the token).
  for (const f of root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')) {
    if (f.localName === 'input') {
      const type = inputType(f as HTMLInputElement);
      if (type === 'hidden' || type === 'checkbox' || type === 'radio' || type === 'submit' || type === 'button') continue;
    }
    const value = f.value;
    if (!value || value.length < MIN_OPAQUE || isOwnUi(f)) continue;
    push(f, value);
  }

  // Whole <code>/<pre> blocks first (a token split into highlighted spans joins up again), then text nodes.
  for (const c of root.querySelectorAll<HTMLElement>('code, pre, kbd, samp')) {
    if (c.parentElement?.closest('code, pre')) continue;
    const text = c.textContent ?? '';
    if (text.length >= MIN_OPAQUE && !isOwnUi(c)) push(c, text);
  }

  const doc = (root as Document).nodeType === 9 ? (root as Document) : (root as Node).ownerDocument!;
  const walker = doc.createTreeWalker(root, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n.nodeValue;
    if (!t || t.length < MIN_OPAQUE) continue;
    const parent = n.parentElement;
    if (!parent || SKIP_PARENTS.has(parent.localName) || parent.closest(`script, style, noscript, template, ${OWN_UI_TAG}`)) continue;
    push(parent, t);
  }
  return out.filter((c) => !isHiddenByMarkup(c.el));
}

function buttonNamed(scope: Element, terms: readonly string[], exclude?: Element): HTMLElement | undefined {
  return queryButtons(scope).find((b) => b !== exclude && containsTerm(readAccessibleName(b), terms));
}

/** The deepest element under `from` whose text holds a show-once warning fragment. */
function deepestWithWarning(from: Element): HTMLElement {
  let cur = from as HTMLElement;
  for (;;) {
    let next: HTMLElement | undefined;
    for (const child of cur.children) {
      if (containsTerm(readText(child, 1000), WORDS.showOnceWarning)) {
        next = child as HTMLElement;
        break;
      }
    }
    if (!next) return cur;
    cur = next;
  }
}

interface Context {
  dialog?: HTMLElement;
  copy?: HTMLElement;
  copyLevel?: HTMLElement;
  warning?: HTMLElement;
  warningLevel?: HTMLElement;
}

function readContext(el: HTMLElement): Context {
  const ctx: Context = {};
  const dialog = closestDialog(el);
  if (dialog) ctx.dialog = dialog;
  let a: HTMLElement | null = el.parentElement;
  for (let level = 0; a && (level < NEAR_LEVELS || (dialog && dialog.contains(a))); level++, a = a.parentElement) {
    if (!ctx.copy) {
      const copy = buttonNamed(a, WORDS.copy);
      if (copy) {
        ctx.copy = copy;
        ctx.copyLevel = a;
      }
    }
    if (!ctx.warning && containsTerm(readText(a, 4000), WORDS.showOnceWarning)) {
      ctx.warning = deepestWithWarning(a);
      ctx.warningLevel = a;
    }
    if (ctx.copy && ctx.warning) break;
    if (a === dialog || a.localName === 'body' || a.localName === 'main') break;
  }
  return ctx;
}

function score(c: Candidate, ctx: Context): number {
  return (ctx.warning ? 4 : 0) + (ctx.copy ? 4 : 0) + (ctx.dialog ? 1 : 0) + (c.shape === 'jwt' ? 2 : 0) +
    (c.el.localName === 'input' || c.el.localName === 'textarea' || c.el.localName === 'code' || c.el.localName === 'pre' ? 1 : 0);
}

function outermost(a: HTMLElement | undefined, b: HTMLElement | undefined): HTMLElement | undefined {
  if (!a) return b;
  if (!b) return a;
  return a.contains(b) ? a : b.contains(a) ? b : a;
}

function widen(el: HTMLElement, levels: number): HTMLElement {
  let cur = el;
  for (let i = 0; i < levels; i++) {
    const p = cur.parentElement;
    if (!p || p.localName === 'body' || p.localName === 'main') break;
    cur = p;
  }
  return cur;
}

/**
 * The token shown on the page, or undefined. When several token-shaped strings exist, prefers one next to the
 * show-once warning and/or a copy button, then one in a dialog, then a JWT. `near` tells callers what
 * surrounds it (the legacy API Docs bearer token has a copy button but no warning).
 */
export function findRevealedToken(root: Root): RevealState | undefined {
  let best: { c: Candidate; ctx: Context; score: number } | undefined;
  for (const c of collectCandidates(root)) {
    const ctx = readContext(c.el);
    if (c.shape === 'hash-like' && !ctx.copy && !ctx.warning) continue;
    const s = score(c, ctx);
    if (!best || s > best.score) best = { c, ctx, score: s };
  }
  if (!best) return undefined;
  const { c, ctx } = best;
  const isClose = (b: HTMLElement) => {
    if (b === ctx.copy) return false;
    const name = readAccessibleName(b);
    return containsTerm(name, WORDS.close) || /^[×✕✖xX]$/.test(name.trim());
  };
  let container = ctx.dialog ?? outermost(ctx.copyLevel, ctx.warningLevel) ?? widen(c.el, 2);
  let closeButtons = queryButtons(container).filter(isClose);
  // A panel's "Done" often sits one or two levels above the token row.
  let probe = container;
  for (let i = 0; !ctx.dialog && closeButtons.length === 0 && i < 2; i++) {
    const wider = widen(probe, 1);
    if (wider === probe) break;
    probe = wider;
    const found = queryButtons(wider).filter(isClose);
    if (found.length) {
      container = wider;
      closeButtons = found;
    }
  }
  const state: RevealState = {
    token: c.token,
    shape: c.shape === 'jwt' ? 'jwt' : 'opaque',
    el: c.el,
    container,
    isModal: !!ctx.dialog,
    closeButtons,
    near: { copy: !!ctx.copy, warning: !!ctx.warning },
  };
  if (ctx.copy) state.copyButton = ctx.copy;
  if (ctx.warning) state.warning = ctx.warning;
  return state;
}
