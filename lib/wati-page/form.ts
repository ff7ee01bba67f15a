/**
 * Finds the "generate a token" form by meaning: a group of checkbox-like controls whose labels hold scope
 * identifiers, the name field next to them, an expiry control near an expiry label, a generate button.
 * Never by class names or ids. Returns undefined (never throws) when the page has no such form.
 */
import { readAccessibleName, readDescriptiveText, readLabels } from './accessible-name';
import {
  closestDialog, commonAncestor, follows, hasHiddenAncestor, inputType, isDisabled, isHiddenByMarkup, isHiddenSelf,
  isInput, isOwnUi, isTextInput, queryButtons, readText, type Root,
} from './dom';
import { findScopeId, findScopeIds, readBareApiScope } from './scope-id';
import type { ExpiryControl, ExpiryOption, ScopeControl, ScopeControlKind, ScopeFormState } from './types';
import { containsTerm, isTerm, parseDisplayDate, parseDurationDays, WORDS } from './vocabulary';

export interface ReadOptions {
  /** Used to express a date choice as days from now (`expiry.days`). Reads are time-free without it. */
  now?: Date;
}

const CHECKABLE_SELECTOR = 'input[type="checkbox"], [role="checkbox"], [role="switch"]';
const MAX_SAME_ROW_LEVELS = 4;

// ---------------------------------------------------------------------------------------------------------
// Checkable controls

export interface Checkable {
  /** What to click. */
  el: HTMLElement;
  /** The element whose state is read: a role=checkbox/switch element or the native input. */
  stateEl: HTMLElement;
  input?: HTMLInputElement;
  kind: ScopeControlKind;
  label: string;
}

function isRoleCheckable(el: Element): boolean {
  const role = el.getAttribute('role');
  return role === 'checkbox' || role === 'switch';
}

function kindOf(el: Element): ScopeControlKind {
  const role = el.getAttribute('role');
  if (role === 'switch') return 'switch';
  if (isInput(el)) return 'checkbox';
  return 'aria-checkbox';
}

/** Hidden by markup in a way that a visible label does not compensate for. */
function isUnrendered(el: Element): boolean {
  const host = el.parentElement?.closest('label, [role="checkbox"], [role="switch"]');
  return host ? isHiddenByMarkup(host) : hasHiddenAncestor(el);
}

function looksVisuallyHidden(el: HTMLElement): boolean {
  if (isHiddenSelf(el)) return true;
  const s = el.style;
  return s.opacity === '0' || s.width === '0px' || s.height === '0px' || s.clip === 'rect(0px, 0px, 0px, 0px)';
}

/** Every checkbox-like control in a root, de-duplicated (a native input inside a role=checkbox counts once). */
export function readCheckables(root: Root): Checkable[] {
  const out: Checkable[] = [];
  for (const el of root.querySelectorAll<HTMLElement>(CHECKABLE_SELECTOR)) {
    if (isOwnUi(el) || isUnrendered(el)) continue;
    if (isInput(el) && !isRoleCheckable(el)) {
      // A native input inside a custom role=checkbox/switch is that control's state mirror: skip it here.
      if (el.parentElement?.closest('[role="checkbox"], [role="switch"]')) continue;
      const labels = readLabels(el);
      const clickable = looksVisuallyHidden(el) && labels[0] ? labels[0] : el;
      out.push({ el: clickable, stateEl: el, input: el, kind: kindOf(el), label: '' });
      continue;
    }
    const inner = isInput(el) ? el : el.querySelector<HTMLInputElement>('input[type="checkbox"]') ?? undefined;
    out.push({ el, stateEl: el, input: inner, kind: kindOf(el), label: '' });
  }
  for (const c of out) c.label = readCheckableLabel(c, out);
  return out;
}

/** Checked / mixed state of a checkbox-like control. */
export function readCheckedState(stateEl: Element, input?: HTMLInputElement): { checked: boolean; mixed: boolean } {
  if (isInput(stateEl)) return { checked: stateEl.checked, mixed: stateEl.indeterminate };
  const aria = stateEl.getAttribute('aria-checked');
  if (aria === 'true') return { checked: true, mixed: false };
  if (aria === 'mixed') return { checked: false, mixed: true };
  if (aria === 'false') return { checked: false, mixed: false };
  // No aria-checked: fall back to a native mirror, then aria-pressed (toggle buttons given role=switch).
  if (input) return { checked: input.checked, mixed: input.indeterminate };
  return { checked: stateEl.getAttribute('aria-pressed') === 'true', mixed: false };
}

function isScopeish(text: string): boolean {
  return !!findScopeId(text) || !!readBareApiScope(text);
}

function readCheckableLabel(c: Checkable, all: readonly Checkable[]): string {
  const own = readAccessibleName(c.stateEl);
  if (isScopeish(own)) return own;
  if (c.el !== c.stateEl) {
    const viaClickable = readAccessibleName(c.el, { fromContent: true });
    if (isScopeish(viaClickable)) return viaClickable;
  }
  // "Nearby text in the same row": climb while the ancestor holds only this control. A row that names several
  // scopes (a token list row with a bulk-select checkbox) is not a scope control's label.
  let firstText = '';
  let a = c.el.parentElement;
  for (let level = 0; a && level < MAX_SAME_ROW_LEVELS; level++, a = a.parentElement) {
    const anc = a;
    if (all.some((o) => o !== c && anc.contains(o.el))) break;
    const text = [anc.getAttribute('aria-label'), readText(anc, 200), anc.getAttribute('title')].filter(Boolean).join(' ').trim();
    if (!text) continue;
    if (findScopeIds(text).length === 1 || (!findScopeId(text) && readBareApiScope(text))) return text;
    if (findScopeIds(text).length > 1) break;
    firstText ||= text;
  }
  return own || firstText;
}

// ---------------------------------------------------------------------------------------------------------
// Scope controls and grouping

interface ScopeEntry extends Checkable {
  raw: string;
  bare: boolean;
}

function toScopeControl(e: ScopeEntry): ScopeControl {
  const state = readCheckedState(e.stateEl, e.input);
  const control: ScopeControl = { raw: e.raw, checked: state.checked, el: e.el, kind: e.kind, label: e.label };
  if (e.input) control.input = e.input;
  if (isDisabled(e.stateEl) || (e.input && isDisabled(e.input))) control.disabled = true;
  return control;
}

/** Where a name field may be searched for: the dialog or `<form>` holding the control, else nowhere in particular. */
function boundaryOf(el: Element): Element | null {
  return closestDialog(el) ?? el.closest('form');
}

/** Controls are grouped by dialog, form, or table (so a token list's checkboxes never join the form's). */
function clusterKey(el: Element): Element | null {
  return boundaryOf(el) ?? el.closest('table, [role="table"], [role="grid"]');
}

/** A bare `api` control belongs to the scope section when a nearby ancestor also holds a real scope and no text field. */
function isInScopeSection(api: Element, real: readonly ScopeEntry[]): boolean {
  let a = api.parentElement;
  for (let level = 0; a && level < 5; level++, a = a.parentElement) {
    const anc = a;
    if (real.some((r) => anc.contains(r.el))) {
      return ![...anc.querySelectorAll('input')].some((i) => isTextInput(i));
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------
// Name field

function isSearchLike(input: HTMLInputElement, text: string): boolean {
  return inputType(input) === 'search' || input.getAttribute('role') === 'searchbox' || containsTerm(text, WORDS.search);
}

/** Label-ish text just before an element (previous siblings of it and of a few ancestors), for unassociated labels. */
export function readNearbyLabel(el: Element, levels = 3): string {
  let node: Element | null = el;
  for (let level = 0; node && level <= levels; level++, node = node.parentElement) {
    for (let s = node.previousElementSibling; s; s = s.previousElementSibling) {
      if (s.querySelector('input, select, textarea, [role="checkbox"], [role="switch"], [role="radio"]')) break;
      const t = readText(s, 80);
      if (t) return t;
    }
  }
  return '';
}

interface NameCandidate {
  el: HTMLInputElement;
  byVocabulary: boolean;
}

function nameCandidates(scope: Element): NameCandidate[] {
  const out: NameCandidate[] = [];
  for (const input of scope.querySelectorAll('input')) {
    if (!isTextInput(input) || isOwnUi(input) || isUnrendered(input) || isHiddenSelf(input)) continue;
    if (input.readOnly) continue; // a read-only field shows a token or an endpoint, it is not the name
    const text = readDescriptiveText(input);
    if (isSearchLike(input, text)) continue;
    const all = `${text} ${readNearbyLabel(input)}`;
    if (containsTerm(all, WORDS.expiry)) continue;
    out.push({ el: input, byVocabulary: containsTerm(all, WORDS.nameField) });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Expiry

function isoToday(now: Date): number {
  return Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
}

function daysUntil(date: string, now: Date): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return undefined;
  const target = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Math.round((target - isoToday(now)) / 86_400_000);
}

interface ExpiryCandidate {
  control: ExpiryControl;
  labelled: boolean;
  rank: number;
}

function controlLabel(el: Element): string {
  const own = readAccessibleName(el);
  const legend = el.closest('fieldset')?.querySelector('legend');
  const legendText = legend ? readText(legend, 80) : '';
  return [own, legendText, own ? '' : readNearbyLabel(el)].filter(Boolean).join(' ');
}

function readSelectExpiry(select: HTMLSelectElement, now?: Date): ExpiryCandidate | undefined {
  const label = controlLabel(select);
  const options: ExpiryOption[] = [];
  for (const o of select.options) {
    const text = (o.textContent ?? '').replace(/\s+/g, ' ').trim();
    let days = parseDurationDays(text); // null = never, undefined = not a duration
    if (days === undefined && o.value) days = parseDurationDays(o.value);
    if (days === undefined) continue;
    options.push({ label: text, value: o.value, days });
  }
  const labelled = containsTerm(label, WORDS.expiry);
  if (!labelled && options.length < 2) return undefined;
  const current = options.find((o) => o.value === select.value);
  const control: ExpiryControl = { el: select, kind: 'select', value: select.value, options, label };
  if (current) control.days = current.days;
  else {
    const asDate = parseDisplayDate(select.value);
    if (asDate) {
      control.date = asDate;
      if (now) control.days = daysUntil(asDate, now);
    }
  }
  return { control, labelled, rank: 2 };
}

function readRadioExpiry(group: HTMLElement, radios: HTMLElement[]): ExpiryCandidate | undefined {
  const label = [readAccessibleName(group), group.localName === 'fieldset' ? readText(group.querySelector('legend') ?? group, 80) : '', readNearbyLabel(group)]
    .filter(Boolean)
    .join(' ');
  const options: ExpiryOption[] = [];
  let current: ExpiryOption | undefined;
  for (const r of radios) {
    const text = readAccessibleName(r) || readText(r.parentElement ?? r, 60);
    const days = parseDurationDays(text);
    if (days === undefined) continue;
    const value = isInput(r) ? r.value || text : r.getAttribute('data-value') ?? text;
    const opt: ExpiryOption = { label: text, value, days, el: (isInput(r) && looksVisuallyHidden(r) && readLabels(r)[0]) || r };
    options.push(opt);
    if (readCheckedState(r, isInput(r) ? r : undefined).checked) current = opt;
  }
  const labelled = containsTerm(label, WORDS.expiry);
  if (!labelled && options.length < 2) return undefined;
  const control: ExpiryControl = { el: group, kind: 'radio-group', value: current?.value ?? '', options, label };
  if (current) control.days = current.days;
  return { control, labelled, rank: 3 };
}

function radioGroups(region: Element): Array<{ group: HTMLElement; radios: HTMLElement[] }> {
  const groups: Array<{ group: HTMLElement; radios: HTMLElement[] }> = [];
  for (const rg of region.querySelectorAll<HTMLElement>('[role="radiogroup"]')) {
    if (isOwnUi(rg) || isHiddenByMarkup(rg)) continue;
    const radios = [...rg.querySelectorAll<HTMLElement>('[role="radio"], input[type="radio"]')].filter(
      (r) => !(isInput(r) && r.parentElement?.closest('[role="radio"]')),
    );
    if (radios.length) groups.push({ group: rg, radios });
  }
  const byName = new Map<string, HTMLInputElement[]>();
  for (const r of region.querySelectorAll<HTMLInputElement>('input[type="radio"]')) {
    if (isOwnUi(r) || r.closest('[role="radiogroup"]') || isUnrendered(r)) continue;
    const key = r.name || `#${byName.size}`;
    byName.set(key, [...(byName.get(key) ?? []), r]);
  }
  for (const radios of byName.values()) {
    const group = (radios[0]!.closest('fieldset') as HTMLElement | null) ?? (commonAncestor(radios) as HTMLElement | undefined);
    if (group) groups.push({ group, radios });
  }
  return groups;
}

function readExpiry(region: Element, nameEl: HTMLInputElement | undefined, now?: Date): ExpiryControl | undefined {
  const candidates: ExpiryCandidate[] = [];
  for (const input of region.querySelectorAll<HTMLInputElement>('input')) {
    if (input === nameEl || isOwnUi(input) || isUnrendered(input)) continue;
    const type = inputType(input);
    if (type === 'date' || type === 'datetime-local') {
      const label = controlLabel(input);
      const value = input.value;
      const control: ExpiryControl = { el: input, kind: 'date', value, label };
      if (value) {
        control.date = value.slice(0, 10);
        if (now) control.days = daysUntil(control.date, now);
      }
      candidates.push({ control, labelled: containsTerm(label, WORDS.expiry), rank: 1 });
    } else if ((isTextInput(input) || type === 'number') && !input.readOnly) {
      const label = `${readDescriptiveText(input)} ${readNearbyLabel(input)}`;
      if (!containsTerm(label, WORDS.expiry)) continue;
      const value = input.value;
      const control: ExpiryControl = { el: input, kind: 'text', value, label };
      const date = parseDisplayDate(value, input.getAttribute('placeholder')?.toLowerCase().startsWith('mm') ? 'mdy' : 'dmy');
      if (date) {
        control.date = date;
        if (now) control.days = daysUntil(date, now);
      } else {
        const days = type === 'number' && value ? Number(value) : parseDurationDays(value);
        if (days !== undefined && !Number.isNaN(days)) control.days = days;
      }
      candidates.push({ control, labelled: true, rank: 4 });
    }
  }
  for (const select of region.querySelectorAll('select')) {
    if (isOwnUi(select) || isUnrendered(select)) continue;
    const c = readSelectExpiry(select, now);
    if (c) candidates.push(c);
  }
  for (const { group, radios } of radioGroups(region)) {
    const c = readRadioExpiry(group, radios);
    if (c) candidates.push(c);
  }
  candidates.sort((a, b) => Number(b.labelled) - Number(a.labelled) || a.rank - b.rank);
  return candidates[0]?.control;
}

// ---------------------------------------------------------------------------------------------------------
// Buttons

function isOpenerName(name: string): boolean {
  return containsTerm(name, WORDS.openForm) && /\b(new|nuevo|novo|nueva|nova|add|agregar|anadir|adicionar)\b/.test(normaliseLoose(name));
}

function normaliseLoose(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

function readGenerateButton(region: Element, container: Element, lastScope: Element | undefined): HTMLElement | undefined {
  let best: { el: HTMLElement; score: number } | undefined;
  for (const b of queryButtons(region)) {
    if (b.localName === 'a' && !b.getAttribute('role')) continue; // navigation links are not the submit
    if (isHiddenByMarkup(b)) continue;
    const name = readAccessibleName(b);
    if (!containsTerm(name, WORDS.generate)) continue;
    let score = 0;
    const type = b.getAttribute('type');
    if ((type === 'submit' || (b.localName === 'button' && !type)) && b.closest('form')) score += 4;
    if (!isOpenerName(name)) score += 3;
    if (container.contains(b)) score += 2;
    if (lastScope && follows(b, lastScope)) score += 1;
    if (!best || score >= best.score) best = { el: b, score };
  }
  return best?.el;
}

// ---------------------------------------------------------------------------------------------------------
// The form

function widen(el: HTMLElement, levels: number): HTMLElement {
  let cur = el;
  for (let i = 0; i < levels; i++) {
    const p = cur.parentElement;
    if (!p || p.localName === 'body' || p.localName === 'html' || p.localName === 'main' || p.getAttribute('role') === 'main') break;
    cur = p;
  }
  return cur;
}

function buildForm(entries: ScopeEntry[], boundary: Element | null, all: Checkable[], now?: Date): ScopeFormState | undefined {
  const scopeEls = entries.map((e) => e.el);
  const ca = commonAncestor(scopeEls) as HTMLElement | undefined;
  if (!ca) return undefined;

  // Climb from the scope group towards the boundary until a field labelled as a name appears.
  let container: HTMLElement = ca;
  let name: HTMLInputElement | undefined;
  let onlyInput: { level: HTMLElement; el: HTMLInputElement } | undefined;
  for (let a: HTMLElement | null = ca, level = 0; a; a = a.parentElement, level++) {
    const candidates = nameCandidates(a);
    const byVocab = candidates.find((c) => c.byVocabulary);
    if (byVocab) {
      name = byVocab.el;
      container = a;
      break;
    }
    if (!onlyInput && candidates.length === 1 && (boundary !== null || level <= 3)) onlyInput = { level: a, el: candidates[0]!.el };
    if (a === boundary || a.localName === 'body') break;
  }
  if (!name && onlyInput) {
    name = onlyInput.el;
    container = onlyInput.level;
  }

  const dialog = closestDialog(container);
  const region: HTMLElement = dialog ?? (container.closest('form') as HTMLElement | null) ?? widen(container, 2);

  const scopes = entries.map(toScopeControl);
  const form: ScopeFormState = { container, isModal: !!dialog, region, scopes };
  if (name) form.name = { el: name, value: name.value };

  // Select all: a checkable labelled so, else a button.
  const selectAll = all.find((c) => region.contains(c.el) && !findScopeId(c.label) && (isTerm(c.label, WORDS.selectAll) || containsTerm(c.label, WORDS.selectAll)));
  if (selectAll) {
    const s = readCheckedState(selectAll.stateEl, selectAll.input);
    form.selectAll = { el: selectAll.el, checked: s.checked, kind: selectAll.kind };
    if (s.mixed) form.selectAll.mixed = true;
    if (selectAll.input) form.selectAll.input = selectAll.input;
  } else {
    const btn = queryButtons(region).find((b) => isTerm(readAccessibleName(b), WORDS.selectAll));
    if (btn) {
      // A toggle button says its state with aria-pressed; a plain button is "checked" when every scope is.
      const pressed = btn.getAttribute('aria-pressed');
      form.selectAll = { el: btn, checked: pressed !== null ? pressed === 'true' : scopes.every((s) => s.checked), kind: 'button' };
      if (pressed === 'mixed') form.selectAll.mixed = true;
    }
  }

  const expiry = readExpiry(region, name, now);
  if (expiry) {
    const never = all.find((c) => region.contains(c.el) && !findScopeId(c.label) && containsTerm(c.label, WORDS.never));
    if (never) {
      expiry.neverToggle = { el: never.el, checked: readCheckedState(never.stateEl, never.input).checked };
      if (never.input) expiry.neverToggle.input = never.input;
      if (expiry.neverToggle.checked && expiry.days === undefined) expiry.days = null;
    }
    form.expiry = expiry;
  }

  const generate = readGenerateButton(region, container, scopeEls[scopeEls.length - 1]);
  if (generate) form.generate = generate;
  return form;
}

function isTableLike(el: Element): boolean {
  return el.localName === 'table' || el.getAttribute('role') === 'table' || el.getAttribute('role') === 'grid';
}

function scoreForm(f: ScopeFormState): number {
  return (f.isModal ? 8 : 0) + (f.name ? 4 : 0) + (f.generate ? 2 : 0) + (f.expiry ? 1 : 0) + f.scopes.length / 1000;
}

/**
 * The token-generation form in `root`, or undefined. When several groups of scope controls exist (an open
 * dialog over an inline form), the one in an open dialog wins, then the one with a name field.
 */
export function readScopeForm(root: Root, options: ReadOptions = {}): ScopeFormState | undefined {
  const all = readCheckables(root);
  if (all.length < 2) return undefined;

  const clusters = new Map<Element | null, { real: ScopeEntry[]; bare: ScopeEntry[] }>();
  for (const c of all) {
    const id = findScopeId(c.label);
    const bare = id ? undefined : readBareApiScope(c.label);
    if (!id && !bare) continue;
    const key = clusterKey(c.el);
    const cluster = clusters.get(key) ?? { real: [], bare: [] };
    clusters.set(key, cluster);
    (id ? cluster.real : cluster.bare).push({ ...c, raw: (id ?? bare)!, bare: !id });
  }

  let best: ScopeFormState | undefined;
  for (const [key, { real, bare }] of clusters) {
    if (real.length === 0) continue;
    const bareInSection = bare.filter((b) => isInScopeSection(b.el, real));
    const entries = [...real, ...bareInSection].sort((a, b) => (a.el === b.el ? 0 : follows(a.el, b.el) ? 1 : -1));
    if (entries.length < 2) continue;
    // A help article's task list (all disabled) is not a form.
    if (entries.every((e) => isDisabled(e.stateEl) || (e.input !== undefined && e.input.disabled))) continue;
    const tableKey = key !== null && isTableLike(key);
    const form = buildForm(entries, tableKey ? null : key, all, options.now);
    // A group inside a table that has neither a name field nor a generate button is a list, not a form.
    if (form && tableKey && !form.name && !form.generate) continue;
    if (form && (!best || scoreForm(form) > scoreForm(best))) best = form;
  }
  return best;
}

export { isOpenerName };

/** The block holding the scope controls (a fieldset or group when there is one): what the coach outlines. */
export function scopeGroupOf(form: ScopeFormState): HTMLElement {
  const controls = form.scopes.map((c) => c.el);
  const group = controls[0]?.closest<HTMLElement>('fieldset, [role="group"], [role="radiogroup"]');
  if (group && controls.every((c) => group.contains(c))) return group;
  return (commonAncestor(controls) as HTMLElement | undefined) ?? form.container;
}
