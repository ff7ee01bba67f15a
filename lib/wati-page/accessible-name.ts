/**
 * A small accessible-name computation, good enough for labels of form controls and buttons.
 *
 * Follows the order of the W3C accname algorithm without its corner cases:
 *   aria-labelledby → aria-label → native label (`<label for>`, wrapping `<label>`), button value / img alt
 *   → text content (for roles that take their name from content) → title → placeholder.
 * Hidden nodes (`hidden`, `aria-hidden="true"`, inline display:none) are skipped, except an element that
 * aria-labelledby points at directly (as the spec says). No layout reads, no getComputedStyle.
 */
import { inputType, readText } from './dom';

const NAME_FROM_CONTENT_ROLES = new Set([
  'button', 'checkbox', 'switch', 'radio', 'link', 'menuitem', 'menuitemcheckbox', 'menuitemradio', 'option', 'tab',
  'treeitem', 'heading', 'cell', 'gridcell', 'columnheader', 'rowheader', 'tooltip', 'term', 'row',
]);

const NAME_FROM_CONTENT_TAGS = new Set([
  'button', 'a', 'label', 'legend', 'summary', 'caption', 'th', 'td', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'option', 'code', 'strong', 'b', 'span', 'li', 'p', 'figcaption',
]);

export interface AccessibleNameOptions {
  /** Maximum characters returned (default 200). */
  max?: number;
  /** Also take the name from content for elements whose role normally would not (a plain div). */
  fromContent?: boolean;
}

function byId(el: Element, id: string): Element | null {
  const root = el.getRootNode() as Document | ShadowRoot;
  return typeof root.getElementById === 'function' ? root.getElementById(id) : el.ownerDocument.getElementById(id);
}

function cssString(value: string): string {
  return value.replace(/["\\]/g, '\\$&');
}

function clean(text: string | null | undefined, max: number): string {
  const t = (text ?? '').replace(/\s+/g, ' ').trim();
  return t.length > max ? t.slice(0, max) : t;
}

/** The `<label>` elements of a native control (explicit `for` and wrapping). */
export function readLabels(el: Element): HTMLLabelElement[] {
  const out: HTMLLabelElement[] = [];
  const id = el.getAttribute('id');
  if (id) {
    const root = el.getRootNode() as Document | ShadowRoot;
    if (typeof root.querySelectorAll === 'function') {
      for (const l of root.querySelectorAll<HTMLLabelElement>(`label[for="${cssString(id)}"]`)) out.push(l);
    }
  }
  const wrapping = el.parentElement?.closest('label');
  if (wrapping && !out.includes(wrapping as HTMLLabelElement)) out.push(wrapping as HTMLLabelElement);
  return out;
}

function isNativeControl(el: Element): boolean {
  return el.localName === 'input' || el.localName === 'select' || el.localName === 'textarea';
}

/** The accessible name of an element (see module comment). Empty string when it has none. */
export function readAccessibleName(el: Element, options: AccessibleNameOptions = {}): string {
  const max = options.max ?? 200;

  const labelledby = el.getAttribute('aria-labelledby');
  if (labelledby) {
    const parts: string[] = [];
    for (const id of labelledby.split(/\s+/)) {
      if (!id) continue;
      const ref = byId(el, id);
      if (!ref) continue;
      parts.push(ref.getAttribute('aria-label')?.trim() || readText(ref, max));
    }
    const joined = clean(parts.join(' '), max);
    if (joined) return joined;
  }

  const ariaLabel = clean(el.getAttribute('aria-label'), max);
  if (ariaLabel) return ariaLabel;

  if (isNativeControl(el)) {
    if (el.localName === 'input') {
      const type = inputType(el as HTMLInputElement);
      if (type === 'button' || type === 'submit' || type === 'reset') {
        const v = clean((el as HTMLInputElement).value, max);
        if (v) return v;
      }
      if (type === 'image') {
        const alt = clean(el.getAttribute('alt'), max);
        if (alt) return alt;
      }
    }
    const labelText = clean(
      readLabels(el)
        .map((l) => readText(l, max))
        .join(' '),
      max,
    );
    if (labelText) return labelText;
  } else if (options.fromContent || allowsNameFromContent(el)) {
    const text = readText(el, max);
    if (text) return text;
  }

  const title = clean(el.getAttribute('title'), max);
  if (title) return title;

  const placeholder = clean(el.getAttribute('placeholder') ?? el.getAttribute('aria-placeholder'), max);
  if (placeholder) return placeholder;

  // An icon-only control often names itself through an <svg><title> or an <img alt>.
  const img = el.querySelector('img[alt], svg title');
  if (img) return clean(img.getAttribute('alt') ?? img.textContent, max);
  return '';
}

function allowsNameFromContent(el: Element): boolean {
  const role = el.getAttribute('role');
  if (role) return NAME_FROM_CONTENT_ROLES.has(role);
  return NAME_FROM_CONTENT_TAGS.has(el.localName);
}

/** All the ways a native control can be described, joined: accessible name + placeholder + title. */
export function readDescriptiveText(el: Element, max = 200): string {
  const parts = [readAccessibleName(el, { max })];
  for (const attr of ['placeholder', 'title', 'aria-placeholder']) {
    const v = el.getAttribute(attr);
    if (v && !parts.includes(v)) parts.push(v);
  }
  return clean(parts.join(' '), max * 2);
}
