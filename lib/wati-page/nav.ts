import { readAccessibleName } from './accessible-name';
import { isOwnUi } from './dom';
import { WORDS, isTerm } from './vocabulary';

/**
 * Finds, by meaning, the navigation entry that leads to the API Tokens page: a link, menu item or
 * button named like the page ("API Tokens"), else the "API" entry of the Connectors menu, else
 * the Connectors menu itself (so the coach can point at it). Returns the best one, or undefined.
 */
export function findTokenPageLink(root: Document): { el: HTMLElement; exact: boolean } | undefined {
  const candidates = root.querySelectorAll<HTMLElement>('a[href], [role="menuitem"], [role="link"], button, [role="tab"], [role="treeitem"]');
  let api: HTMLElement | undefined;
  let connectors: HTMLElement | undefined;
  for (const el of candidates) {
    if (isOwnUi(el)) continue;
    const name = readAccessibleName(el);
    if (!name || name.length > 60) continue;
    if (isTerm(name, WORDS.pageTitle)) return { el, exact: true };
    if (!api && isTerm(name, WORDS.menu.api)) api = el;
    if (!connectors && isTerm(name, WORDS.menu.connectors)) connectors = el;
  }
  if (api) return { el: api, exact: false };
  if (connectors) return { el: connectors, exact: false };
  return undefined;
}
