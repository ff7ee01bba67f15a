/**
 * Small DOM helpers shared by the adapter. Pure reads; no layout reads (no getBoundingClientRect,
 * getComputedStyle, innerText, offsetParent): the adapter runs on a busy page inside mutation callbacks.
 *
 * Elements are tested by `localName`, not `instanceof`, so nodes from another realm (an iframe, a parsed
 * document, a content-script world) are handled the same way.
 */

/** Our own overlay's host element. Anything inside it is never read as Wati's page. */
export const OWN_UI_TAG = 'wati-token-guard';

export type Root = Document | Element | DocumentFragment;

export function isElement(node: unknown): node is HTMLElement {
  return !!node && typeof node === 'object' && (node as Node).nodeType === 1;
}

export function isTag<K extends keyof HTMLElementTagNameMap>(el: Element | null | undefined, tag: K): el is HTMLElementTagNameMap[K] {
  return !!el && el.localName === tag;
}

export function isInput(el: Element | null | undefined): el is HTMLInputElement {
  return isTag(el, 'input');
}

export function inputType(el: HTMLInputElement): string {
  return (el.getAttribute('type') ?? 'text').toLowerCase();
}

const TEXT_TYPES = new Set(['text', '', 'search', 'email', 'url', 'tel']);
export function isTextInput(el: Element | null | undefined): el is HTMLInputElement {
  return isInput(el) && TEXT_TYPES.has(inputType(el));
}

export function isOwnUi(el: Element): boolean {
  return el.closest(OWN_UI_TAG) !== null;
}

/** The document an element / root belongs to. */
export function docOf(root: Root): Document {
  return (root as Document).nodeType === 9 ? (root as Document) : (root as Node).ownerDocument!;
}

/** `hidden`, an inline `display:none`, `<template>` or a closed `<dialog>` on the element itself. */
export function isHiddenSelf(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  if (el.localName === 'template') return true;
  if (el.localName === 'dialog' && !el.hasAttribute('open')) return true;
  const style = (el as HTMLElement).style as CSSStyleDeclaration | undefined;
  if (style && (style.display === 'none' || style.visibility === 'hidden')) return true;
  return false;
}

/** True when some ancestor (not the element itself) hides it by markup. Cheap: attribute checks only. */
export function hasHiddenAncestor(el: Element, stopAt?: Element | null): boolean {
  for (let a = el.parentElement; a && a !== stopAt; a = a.parentElement) {
    if (isHiddenSelf(a)) return true;
  }
  return false;
}

/** True when the element or an ancestor hides it by markup (attribute / inline style only). */
export function isHiddenByMarkup(el: Element): boolean {
  return isHiddenSelf(el) || hasHiddenAncestor(el);
}

const SKIP_TEXT_TAGS = new Set(['script', 'style', 'noscript', 'template', 'select', 'option', 'datalist', 'svg', 'textarea', OWN_UI_TAG]);

/**
 * The visible-by-markup text of a subtree, whitespace-collapsed, cut at `max` characters.
 * Skips script/style/select options, `hidden`, `aria-hidden="true"`, inline display:none, and our own UI.
 */
export function readText(node: Node, max = 400): string {
  const parts: string[] = [];
  let len = 0;
  const walk = (n: Node): boolean => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        const t = c.nodeValue ?? '';
        if (t) {
          parts.push(t);
          len += t.length;
          if (len >= max * 2) return false;
        }
      } else if (c.nodeType === 1) {
        const e = c as Element;
        if (SKIP_TEXT_TAGS.has(e.localName)) continue;
        if (e.getAttribute('aria-hidden') === 'true' || isHiddenSelf(e)) continue;
        if (e.localName === 'input') {
          const type = inputType(e as HTMLInputElement);
          if (type === 'button' || type === 'submit' || type === 'reset') parts.push(` ${(e as HTMLInputElement).value} `);
          continue;
        }
        // Block boundaries become spaces so "Scopes" + "contacts:read" do not glue together.
        parts.push(' ');
        if (!walk(e)) return false;
        parts.push(' ');
      }
    }
    return true;
  };
  walk(node);
  const text = parts.join('').replace(/\s+/g, ' ').trim();
  return text.length > max ? text.slice(0, max) : text;
}

/** Nearest common ancestor of elements (inclusive). */
export function commonAncestor(els: readonly Element[]): Element | undefined {
  const first = els[0];
  if (!first) return undefined;
  let anc: Element | null = first;
  for (const el of els.slice(1)) {
    while (anc && !anc.contains(el)) anc = anc.parentElement;
    if (!anc) return undefined;
  }
  return anc ?? undefined;
}

const DIALOG_SELECTOR = 'dialog[open], [role="dialog"], [role="alertdialog"], [aria-modal="true"]';

/** The open dialog / modal that contains the element, if any. */
export function closestDialog(el: Element): HTMLElement | undefined {
  for (let a: Element | null = el; a; a = a.parentElement) {
    if (a.matches(DIALOG_SELECTOR) && !isHiddenSelf(a)) return a as HTMLElement;
  }
  return undefined;
}

/** Open dialogs in a root, outermost first. */
export function openDialogs(root: Root): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(DIALOG_SELECTOR)].filter((d) => !isHiddenByMarkup(d) && !isOwnUi(d));
}

/** Document-order comparison for sort(). */
export function byDocumentOrder(a: Node, b: Node): number {
  if (a === b) return 0;
  return a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1;
}

/** `el` follows `ref` in document order. */
export function follows(el: Node, ref: Node): boolean {
  return (ref.compareDocumentPosition(el) & 4) !== 0;
}

const BUTTON_SELECTOR = 'button, [role="button"], input[type="submit"], input[type="button"], a[href], [role="link"], [role="menuitem"]';

/** Clickable things that act like buttons or links, in document order, outside our own UI. */
export function queryButtons(root: Root): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(BUTTON_SELECTOR)].filter((b) => !isOwnUi(b));
}

export function isDisabled(el: Element): boolean {
  if (el.hasAttribute('disabled')) return true;
  if (el.getAttribute('aria-disabled') === 'true') return true;
  const fs = el.closest('fieldset[disabled]');
  return fs !== null;
}
