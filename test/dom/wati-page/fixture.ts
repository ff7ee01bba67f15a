import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// happy-dom gives modules an http: import.meta.url; vitest also provides the file path.
const here: string =
  (import.meta as { dirname?: string }).dirname ??
  (import.meta.url.startsWith('file:') ? dirname(fileURLToPath(import.meta.url)) : join(process.cwd(), 'test/dom/wati-page'));
export const FIXTURES = join(here, '../fixtures/wati-page');

/** Loads an HTML fixture into the test's global document (scripts are not run). */
export function loadFixture(name: string): Document {
  const html = readFileSync(join(FIXTURES, name), 'utf8');
  loadHtml(html);
  return document;
}

export function loadHtml(html: string): Document {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const lang = parsed.documentElement.getAttribute('lang');
  if (lang) document.documentElement.setAttribute('lang', lang);
  else document.documentElement.removeAttribute('lang');
  document.head.innerHTML = parsed.head.innerHTML;
  document.body.innerHTML = parsed.body.innerHTML;
  fixSelectedOptions(document);
  return document;
}

/**
 * Works around a happy-dom 21 bug: after parsing, a <select> whose `selected` option is not the second one
 * reports the wrong selectedIndex (off by one). Browsers honour the attribute; make happy-dom do the same.
 */
export function fixSelectedOptions(root: ParentNode): void {
  for (const select of root.querySelectorAll('select')) {
    const i = [...select.options].findIndex((o) => o.hasAttribute('selected'));
    if (i >= 0) select.selectedIndex = i;
  }
}

export function text(el: Element | undefined | null): string {
  return (el?.textContent ?? (el as HTMLInputElement | null)?.value ?? '').replace(/\s+/g, ' ').trim();
}

/** Button-ish label: text, else aria-label, else value. */
export function label(el: Element | undefined | null): string {
  if (!el) return '';
  return text(el) || el.getAttribute('aria-label') || (el as HTMLInputElement).value || el.getAttribute('title') || '';
}
