/**
 * Reads the list of existing tokens, whatever its columns and markup:
 *   - a `<table>` with `<th>` headers,
 *   - an ARIA `role=table|grid` with `columnheader`s (div-based tables),
 *   - cards (`role=list/listitem`, `ul/li`, or repeated sibling blocks) holding label/value pairs.
 * Columns and labels are mapped through the vocabulary (name, scopes, created, expiry, status, last used);
 * dates are parsed to ISO `yyyy-mm-dd`; "Never" / "Nunca" / "—" in an expiry cell is null (no expiry).
 */
import { readAccessibleName } from './accessible-name';
import { docOf, isHiddenByMarkup, isOwnUi, queryButtons, readText, type Root } from './dom';
import { findScopeIds, readBareApiScope } from './scope-id';
import type { TokenListRow, TokenStatus } from './types';
import {
  containsTerm, isTerm, numericDateOrderFor, parseDisplayDate, startsWithTerm, WORDS, type ListColumn,
} from './vocabulary';

const COLUMNS: readonly ListColumn[] = ['name', 'scopes', 'created', 'expiry', 'status', 'lastUsed'];
const DETAIL_COLUMNS: readonly ListColumn[] = ['scopes', 'created', 'expiry', 'status', 'lastUsed'];

/** Which column a header / label text names, exact match first, then contained words. */
export function readColumn(text: string): ListColumn | undefined {
  for (const c of COLUMNS) if (isTerm(text, WORDS.listHeaders[c])) return c;
  // Longer phrases first ("Expiry date" before "Name"), skipping the over-general "Token".
  for (const c of ['expiry', 'created', 'lastUsed', 'scopes', 'status', 'name'] as const) {
    const terms = WORDS.listHeaders[c].filter((t) => t.toLowerCase() !== 'token');
    if (containsTerm(text, terms)) return c;
  }
  return undefined;
}

export function readStatus(text: string | undefined): TokenStatus | undefined {
  if (!text) return undefined;
  for (const s of ['revoked', 'expired', 'active'] as const) if (containsTerm(text, WORDS.status[s])) return s;
  return undefined;
}

function isDashOnly(text: string): boolean {
  return /^[\s\-–—−]*$/.test(text) && text.trim().length > 0;
}

/** Scope identifiers in a cell: `family:action` words, plus a bare `api` item in a comma/space separated list. */
export function readScopesCell(text: string): string[] {
  const ids = findScopeIds(text);
  for (const part of text.split(/[\s,;|•·]+/)) {
    const bare = readBareApiScope(part);
    if (bare && part.trim().toLowerCase() === bare && !ids.includes(bare)) ids.push(bare);
  }
  return ids;
}

interface Cells {
  name?: string;
  scopes?: string;
  created?: string;
  expiry?: string;
  status?: string;
  lastUsed?: string;
}

function toRow(el: HTMLElement, cells: Cells, order: 'dmy' | 'mdy'): TokenListRow | undefined {
  const name = (cells.name ?? '').trim();
  if (!name) return undefined;
  const row: TokenListRow = { name, el };
  if (cells.scopes !== undefined) row.scopes = readScopesCell(cells.scopes);
  if (cells.created !== undefined) {
    const d = parseDisplayDate(cells.created, order);
    if (d) row.createdAt = d;
  }
  if (cells.expiry !== undefined) {
    const d = parseDisplayDate(cells.expiry, order);
    if (d) row.expiresAt = d;
    else if (containsTerm(cells.expiry, WORDS.never) || isDashOnly(cells.expiry)) row.expiresAt = null;
  }
  if (cells.lastUsed !== undefined) {
    const d = parseDisplayDate(cells.lastUsed, order);
    if (d) row.lastUsedAt = d;
    else if (containsTerm(cells.lastUsed, WORDS.never) || isDashOnly(cells.lastUsed)) row.lastUsedAt = null;
  }
  const status = readStatus(cells.status) ?? readStatusBadge(el);
  if (status) row.status = status;
  const revoke = findRevokeButton(el);
  if (revoke) row.revokeButton = revoke;
  return row;
}

function readStatusBadge(el: Element): TokenStatus | undefined {
  for (const b of el.querySelectorAll('span, small, strong, em, mark, [role="status"], div, td, [role="cell"]')) {
    if (b.children.length > 1) continue;
    const text = readText(b, 40);
    if (!text || text.length > 30) continue;
    for (const s of ['revoked', 'expired', 'active'] as const) if (isTerm(text, WORDS.status[s])) return s;
  }
  return undefined;
}

function findRevokeButton(el: Element): HTMLElement | undefined {
  const buttons = queryButtons(el).filter((b) => !isHiddenByMarkup(b));
  return (
    buttons.find((b) => containsTerm(readAccessibleName(b), WORDS.revoke)) ??
    buttons.find((b) => containsTerm(readAccessibleName(b), WORDS.delete))
  );
}

/** The cell text without the text of buttons inside it ("My token  Copy" → "My token"). */
function cellText(cell: Element): string {
  const buttons = queryButtons(cell);
  if (buttons.length === 0) return readText(cell, 300);
  const clone = cell.cloneNode(true) as Element;
  for (const b of queryButtons(clone)) b.remove();
  return readText(clone, 300);
}

/** Numeric date order for a set of date texts: a part > 12 proves the order; else the document language decides. */
function inferOrder(texts: readonly (string | undefined)[], fallback: 'dmy' | 'mdy'): 'dmy' | 'mdy' {
  for (const t of texts) {
    const m = t && /(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}/.exec(t);
    if (!m) continue;
    if (Number(m[1]) > 12) return 'dmy';
    if (Number(m[2]) > 12) return 'mdy';
  }
  return fallback;
}

function orderFor(root: Root): 'dmy' | 'mdy' {
  const doc = docOf(root);
  const el = (root as Element).nodeType === 1 ? (root as Element).closest('[lang]') : null;
  return numericDateOrderFor(el?.getAttribute('lang') ?? doc.documentElement?.getAttribute('lang'));
}

function finish(rows: Array<{ el: HTMLElement; cells: Cells }>, fallback: 'dmy' | 'mdy'): TokenListRow[] {
  const order = inferOrder(
    rows.flatMap((r) => [r.cells.created, r.cells.expiry, r.cells.lastUsed]),
    fallback,
  );
  return rows.map((r) => toRow(r.el, r.cells, order)).filter((r): r is TokenListRow => !!r);
}

function mapHeaders(headers: readonly Element[]): Map<number, ListColumn> {
  const map = new Map<number, ListColumn>();
  headers.forEach((h, i) => {
    const col = readColumn(readAccessibleName(h, { fromContent: true }) || readText(h, 80));
    if (col && ![...map.values()].includes(col)) map.set(i, col);
  });
  return map;
}

function isTokenListHeader(map: Map<number, ListColumn>): boolean {
  const cols = [...map.values()];
  return cols.includes('name') && DETAIL_COLUMNS.some((c) => cols.includes(c)) && (cols.includes('scopes') || cols.includes('expiry') || cols.includes('created'));
}

// ---------------------------------------------------------------------------------------------------------
// <table>

function readHtmlTables(root: Root): Array<{ el: HTMLElement; cells: Cells }[]> {
  const lists: Array<{ el: HTMLElement; cells: Cells }[]> = [];
  for (const table of root.querySelectorAll<HTMLTableElement>('table')) {
    if (isOwnUi(table) || isHiddenByMarkup(table)) continue;
    const headerRow = table.querySelector('thead tr') ?? [...table.querySelectorAll('tr')].find((tr) => tr.querySelector('th'));
    if (!headerRow) continue;
    const headers = [...headerRow.children].filter((c) => c.localName === 'th' || c.localName === 'td');
    const map = mapHeaders(headers);
    if (!isTokenListHeader(map)) continue;
    const rows: Array<{ el: HTMLElement; cells: Cells }> = [];
    for (const tr of table.querySelectorAll<HTMLTableRowElement>('tr')) {
      if (tr === headerRow || tr.closest('thead')) continue;
      const tds = [...tr.children].filter((c) => c.localName === 'td' || c.localName === 'th');
      if (tds.length < 2) continue; // "No tokens yet" spanning all columns
      rows.push({ el: tr, cells: cellsFromIndexed(tds, map) });
    }
    lists.push(rows);
  }
  return lists;
}

function cellsFromIndexed(cells: readonly Element[], map: Map<number, ListColumn>): Cells {
  const out: Cells = {};
  let idx = 0;
  for (const cell of cells) {
    const span = Math.max(1, Number(cell.getAttribute('colspan') ?? cell.getAttribute('aria-colspan') ?? 1) || 1);
    const col = map.get(idx);
    if (col) out[col] = col === 'name' ? cellText(cell) : readText(cell, 500);
    idx += span;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// role=table / grid

function readAriaTables(root: Root): Array<{ el: HTMLElement; cells: Cells }[]> {
  const lists: Array<{ el: HTMLElement; cells: Cells }[]> = [];
  for (const table of root.querySelectorAll<HTMLElement>('[role="table"], [role="grid"], [role="treegrid"]')) {
    if (table.localName === 'table' || isOwnUi(table) || isHiddenByMarkup(table)) continue;
    const headers = [...table.querySelectorAll('[role="columnheader"]')].filter((h) => h.closest('[role="table"], [role="grid"], [role="treegrid"]') === table);
    const map = mapHeaders(headers);
    if (!isTokenListHeader(map)) continue;
    const rows: Array<{ el: HTMLElement; cells: Cells }> = [];
    for (const row of table.querySelectorAll<HTMLElement>('[role="row"]')) {
      if (row.closest('[role="table"], [role="grid"], [role="treegrid"]') !== table) continue;
      if (row.querySelector('[role="columnheader"]')) continue;
      const cells = [...row.querySelectorAll('[role="cell"], [role="gridcell"], [role="rowheader"]')].filter((c) => c.closest('[role="row"]') === row);
      if (cells.length < 2) continue;
      rows.push({ el: row, cells: cellsFromIndexed(cells, map) });
    }
    lists.push(rows);
  }
  return lists;
}

// ---------------------------------------------------------------------------------------------------------
// Cards

interface LabelHit {
  el: HTMLElement;
  column: ListColumn;
  /** Value written in the same element: "Expires: 22 Nov 2026". */
  inline?: string;
}

const LABEL_CANDIDATES = 'dt, th, label, span, small, strong, b, em, p, div, li, h4, h5, h6, [role="term"]';

const DATE_COLUMNS: readonly ListColumn[] = ['created', 'expiry', 'lastUsed'];

/**
 * Label/value pairs in a card, in the shapes seen in the wild:
 *   `<dt>Expires</dt><dd>…</dd>`, `<span>Expires</span><span>…</span>` (exact label, value next to it),
 *   `<div>Expires: 22 Nov 2026</div>` (label and value in one element, with a colon),
 *   `<span>Created 2 Nov 2026</span>` (a date column's word followed by a date),
 *   `<span>Never expires</span>` / `<span>No expiry</span>` (an expiry that is "never"),
 *   `<div aria-label="Scopes">…chips…</div>` (the label only in aria-label).
 */
function findLabels(scope: Element): LabelHit[] {
  const hits: LabelHit[] = [];
  for (const el of scope.querySelectorAll<HTMLElement>(LABEL_CANDIDATES)) {
    if (el.children.length > 2 || isOwnUi(el)) continue;
    const text = readText(el, 120);
    const aria = el.getAttribute('aria-label');
    if (aria && text && !el.closest('button, [role="button"]')) {
      const column = isTerm(aria, allLabelTerms()) ? readColumn(aria) : undefined;
      if (column) {
        hits.push({ el, column, inline: text });
        continue;
      }
    }
    if (!text || text.length > 100) continue;
    if (isTerm(text, allLabelTerms()) && el.children.length === 0) {
      const column = readColumn(text);
      if (column) hits.push({ el, column });
      continue;
    }
    // "Label: value" in one element
    const colon = text.indexOf(':');
    if (colon > 0 && colon < 40) {
      const head = text.slice(0, colon);
      const column = isTerm(head, allLabelTerms()) ? readColumn(head) : undefined;
      if (column && !startsWithTerm(text.slice(colon + 1), allLabelTerms())) {
        hits.push({ el, column, inline: text.slice(colon + 1).trim() });
        continue;
      }
    }
    if (text.length > 60) continue;
    // "Created 2 Nov 2026" / "Expires 22/11/2026"
    const lead = startsWithTerm(text, allLabelTerms());
    const column = lead ? readColumn(lead) : undefined;
    if (column && DATE_COLUMNS.includes(column) && parseDisplayDate(text)) {
      hits.push({ el, column, inline: text });
      continue;
    }
    // "Never expires" / "No expiry" / "Sin caducidad"
    // (a bare "Never" says nothing about which column it is)
    if (containsTerm(text, WORDS.never)) {
      if (containsTerm(text, WORDS.listHeaders.lastUsed)) hits.push({ el, column: 'lastUsed', inline: text });
      else if (containsTerm(text, WORDS.listHeaders.expiry) || containsTerm(text, WORDS.expiry)) hits.push({ el, column: 'expiry', inline: text });
    }
  }
  // An element and its child both matching "Expires: x": keep the innermost.
  return hits.filter((h) => !hits.some((o) => o !== h && o.column === h.column && h.el.contains(o.el)));
}

let labelTermsCache: string[] | undefined;
function allLabelTerms(): string[] {
  labelTermsCache ??= COLUMNS.flatMap((c) => [...WORDS.listHeaders[c]]);
  return labelTermsCache;
}

function valueOf(hit: LabelHit): string {
  if (hit.inline !== undefined) return hit.inline;
  const el = hit.el;
  if (el.localName === 'dt') {
    for (let s = el.nextElementSibling; s; s = s.nextElementSibling) if (s.localName === 'dd') return readText(s, 500);
  }
  const labelled = el.getAttribute('id') ? el.ownerDocument.querySelector(`[aria-labelledby~="${el.id.replace(/["\\]/g, '\\$&')}"]`) : null;
  if (labelled) return readText(labelled, 500);
  const next = el.nextElementSibling;
  if (next) return readText(next, 500);
  const parent = el.parentElement;
  if (!parent) return '';
  const all = readText(parent, 600);
  const own = readText(el, 120);
  const at = all.indexOf(own);
  return (at >= 0 ? all.slice(at + own.length) : all).replace(/^[\s:]+/, '').trim();
}

function cardName(card: HTMLElement, labels: readonly LabelHit[]): string {
  const named = labels.find((l) => l.column === 'name');
  if (named) return valueOf(named);
  const heading = card.querySelector<HTMLElement>('h1, h2, h3, h4, h5, h6, [role="heading"], strong, b');
  if (heading && !labels.some((l) => l.el === heading || l.el.contains(heading) || heading.contains(l.el))) {
    const t = readText(heading, 120);
    if (t) return t;
  }
  // The first short text not belonging to a label, value or button.
  const doc = card.ownerDocument;
  const walker = doc.createTreeWalker(card, 4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = (n.nodeValue ?? '').trim();
    const p = n.parentElement;
    if (!t || !p || p.closest('button, [role="button"], a')) continue;
    if (labels.some((l) => l.el.contains(p) || (l.el.nextElementSibling?.contains(p) ?? false))) continue;
    if (readStatus(t) && isTerm(t, [...WORDS.status.active, ...WORDS.status.revoked, ...WORDS.status.expired])) continue;
    return t;
  }
  return '';
}

function readCards(root: Root): Array<{ el: HTMLElement; cells: Cells }[]> {
  const scope = (root as Document).nodeType === 9 ? (root as Document).body ?? (root as Document).documentElement : (root as Element);
  if (!scope) return [];
  const labels = findLabels(scope as Element).filter((l) => l.column !== 'name' && !l.el.closest('table, [role="table"], [role="grid"]'));
  const lists: Array<{ el: HTMLElement; cells: Cells }[]> = [];
  const usedParents = new Set<Element>();
  for (const label of labels) {
    if ([...usedParents].some((p) => p.contains(label.el))) continue;
    // Climb to the card: the ancestor whose parent holds several siblings with the same label, or a list item.
    for (let a: HTMLElement | null = label.el.parentElement; a && a.parentElement; a = a.parentElement) {
      const parent: HTMLElement = a.parentElement;
      if (parent.localName === 'body') break;
      const isItem = a.localName === 'li' || a.getAttribute('role') === 'listitem' || a.localName === 'article';
      const siblings = [...parent.children].filter((s) => labels.some((l) => l.column === label.column && s.contains(l.el))) as HTMLElement[];
      const ownCount = labels.filter((l) => l.column === label.column && a!.contains(l.el)).length;
      if (ownCount > 1) break;
      if (siblings.length >= 2 || (isItem && siblings.length >= 1)) {
        usedParents.add(parent);
        const rows = siblings.map((card) => {
          const cardLabels = findLabels(card);
          const cells: Cells = {};
          for (const l of cardLabels) if (cells[l.column] === undefined) cells[l.column] = valueOf(l);
          cells.name = cardName(card, cardLabels);
          if (cells.status === undefined) {
            const badge = readStatusBadge(card);
            if (badge) cells.status = badge;
          }
          return { el: card, cells };
        });
        lists.push(rows);
        break;
      }
    }
  }
  return lists;
}

/**
 * The token list on the page as plain rows, or undefined when there is none. An empty list (headers but no
 * rows) is `[]`. When several lists qualify, the longest one wins.
 */
export function readTokenList(root: Root): TokenListRow[] | undefined {
  const order = orderFor(root);
  const lists = [...readHtmlTables(root), ...readAriaTables(root)];
  if (lists.length === 0) lists.push(...readCards(root));
  if (lists.length === 0) return undefined;
  const rows = lists.map((l) => finish(l, order)).sort((a, b) => b.length - a.length);
  return rows[0];
}
