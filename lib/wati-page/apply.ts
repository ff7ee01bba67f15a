/**
 * DOM writes that the page's framework notices.
 *
 * - Checkboxes, switches, radios: a real `click()`. Every framework (React, Vue, Angular, plain listeners)
 *   listens to clicks; toggling `.checked` or `aria-checked` by hand changes nothing in their state and is
 *   undone at the next render.
 * - Text fields and selects: the value is set through the prototype's native setter, then bubbling `input` and
 *   `change` events are dispatched. React keeps a "value tracker" on each input instance (an own `value`
 *   property); assigning `el.value = x` updates that tracker too, so React sees no change and ignores the event.
 *   Going through the prototype setter bypasses it.
 *
 * State written by a framework in a re-render may arrive after a microtask (React 18+ concurrent roots, Vue's
 * nextTick), so the checkable writes are async: they click, let the page settle, then read back.
 * No highlighting here: the overlay does that.
 */
import { readCheckedState } from './form';
import { inputType, isDisabled, isInput } from './dom';
import type { ExpiryControl, ExpiryKind, ExpiryOption, ScopeControl } from './types';

export interface ApplyOptions {
  /** Waits for the page to re-render after a click. Default: a macrotask (after React/Vue microtask flushes). */
  settle?: () => Promise<void>;
}

const defaultSettle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Anything with a clickable element and, optionally, the native checkbox holding its state. */
export type CheckableTarget = ScopeControl | { el: HTMLElement; input?: HTMLInputElement } | HTMLElement;

export interface ApplyCheckedResult {
  ok: boolean;
  /** The state read back after the write. */
  checked: boolean;
  clicks: number;
  reason?: 'disabled' | 'detached' | 'no-effect';
}

function resolveCheckable(target: CheckableTarget): { el: HTMLElement; stateEl: HTMLElement; input?: HTMLInputElement } {
  const el = (target as { el?: HTMLElement }).el ?? (target as HTMLElement);
  let input = (target as { input?: HTMLInputElement }).input;
  if (isInput(el)) return { el, stateEl: el, input: el };
  const role = el.getAttribute('role');
  if (role === 'checkbox' || role === 'switch' || role === 'radio' || role === 'menuitemcheckbox') {
    input ??= el.querySelector<HTMLInputElement>('input[type="checkbox"], input[type="radio"]') ?? undefined;
    return { el, stateEl: el, input };
  }
  // A label (or wrapper) around a visually hidden native input.
  if (!input) {
    const control = el.localName === 'label' ? (el as HTMLLabelElement).control : null;
    input = (isInput(control) ? control : el.querySelector<HTMLInputElement>('input[type="checkbox"], input[type="radio"]')) ?? undefined;
  }
  return input ? { el, stateEl: input, input } : { el, stateEl: el };
}

/**
 * Sets a checkbox / switch / radio to `checked` by clicking it when its state differs (for a visually hidden
 * native input: its label, then the input itself if the label click had no effect), then reads it back.
 */
export async function applyChecked(target: CheckableTarget, checked: boolean, options: ApplyOptions = {}): Promise<ApplyCheckedResult> {
  const settle = options.settle ?? defaultSettle;
  const { el, stateEl, input } = resolveCheckable(target);
  const read = () => readCheckedState(stateEl, input).checked;
  if (!el.isConnected) return { ok: false, checked: read(), clicks: 0, reason: 'detached' };
  if (read() === checked) return { ok: true, checked, clicks: 0 };
  if (isDisabled(stateEl) || isDisabled(el) || (input && input.disabled)) return { ok: false, checked: !checked, clicks: 0, reason: 'disabled' };

  let clicks = 1;
  el.click();
  if (isInput(stateEl)) {
    // A native input toggles synchronously. If the label click did nothing (a framework that swallows label
    // clicks), click the input itself.
    if (read() !== checked && input && input !== el && input.isConnected) {
      clicks++;
      input.click();
    }
    await settle(); // let a controlled input's re-render confirm (or revert) the change
  } else {
    // A custom control changes when its framework re-renders.
    await settle();
    if (read() !== checked && input && input !== el && input.isConnected && !isDisabled(input)) {
      clicks++;
      input.click();
      await settle();
    }
  }
  const now = stateEl.isConnected ? read() : !checked;
  return now === checked ? { ok: true, checked: now, clicks } : { ok: false, checked: now, clicks, reason: 'no-effect' };
}

function nativeSetter(el: Element, prop: 'value' | 'checked'): ((v: unknown) => void) | undefined {
  // Start above the instance: React defines its tracker as an own property of the element.
  for (let proto = Object.getPrototypeOf(el); proto; proto = Object.getPrototypeOf(proto)) {
    const desc = Object.getOwnPropertyDescriptor(proto, prop);
    if (desc?.set) return desc.set as (v: unknown) => void;
  }
  return undefined;
}

function fire(el: Element, type: string): void {
  const win = el.ownerDocument.defaultView;
  const EventCtor = (win?.Event ?? Event) as typeof Event;
  el.dispatchEvent(new EventCtor(type, { bubbles: true, cancelable: type !== 'change' }));
}

export interface ApplyValueResult {
  ok: boolean;
  /** The value read back. */
  value: string;
  reason?: 'disabled' | 'read-only' | 'detached' | 'no-such-option' | 'not-applied';
}

/** Types a value into a text input or textarea the way a framework notices (native setter + input + change). */
export function applyText(input: HTMLInputElement | HTMLTextAreaElement, value: string): ApplyValueResult {
  if (!input.isConnected) return { ok: false, value: input.value, reason: 'detached' };
  if (input.disabled || isDisabled(input)) return { ok: false, value: input.value, reason: 'disabled' };
  if (input.readOnly) return { ok: false, value: input.value, reason: 'read-only' };
  const setter = nativeSetter(input, 'value');
  if (setter) setter.call(input, value);
  else input.value = value;
  fire(input, 'input');
  fire(input, 'change');
  return input.value === value ? { ok: true, value } : { ok: false, value: input.value, reason: 'not-applied' };
}

/** Chooses an option of a native select by value, the way a framework notices. */
export function applySelect(select: HTMLSelectElement, value: string): ApplyValueResult {
  if (!select.isConnected) return { ok: false, value: select.value, reason: 'detached' };
  if (select.disabled || isDisabled(select)) return { ok: false, value: select.value, reason: 'disabled' };
  if (![...select.options].some((o) => o.value === value)) return { ok: false, value: select.value, reason: 'no-such-option' };
  const setter = nativeSetter(select, 'value');
  if (setter) setter.call(select, value);
  else select.value = value;
  fire(select, 'input');
  fire(select, 'change');
  return select.value === value ? { ok: true, value } : { ok: false, value: select.value, reason: 'not-applied' };
}

// ---------------------------------------------------------------------------------------------------------
// Expiry

/**
 * The option to pick for a wanted lifetime: `null` → the "never" option; a number → the shortest option that
 * lasts at least that long. Undefined when there is none.
 */
export function chooseExpiryOption(options: readonly ExpiryOption[], days: number | null): ExpiryOption | undefined {
  if (days === null) return options.find((o) => o.days === null);
  return options
    .filter((o): o is ExpiryOption & { days: number } => o.days !== null && o.days >= days)
    .sort((a, b) => a.days - b.days)[0];
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Local calendar date `days` after `now`, as yyyy-mm-dd. */
export function addDaysIso(now: Date, days: number): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function daysBetween(now: Date, iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())) / 86_400_000);
}

function formatForPlaceholder(iso: string, placeholder: string): string {
  const [y, m, d] = iso.split('-') as [string, string, string];
  const p = placeholder.toLowerCase();
  const sep = /[/.-]/.exec(p.replace(/^[^dmy]*/, ''))?.[0] ?? '/';
  if (/^\s*d{1,2}\W+m{1,2}\W+y{2,4}/.test(p)) return [d, m, y].join(sep);
  if (/^\s*m{1,2}\W+d{1,2}\W+y{2,4}/.test(p)) return [m, d, y].join(sep);
  return iso;
}

export type ApplyExpiryResult =
  | { ok: true; kind: ExpiryKind; value: string; days: number | null; date?: string; label?: string; clamped?: boolean }
  | {
      ok: false;
      kind: ExpiryKind;
      reason: 'never-not-offered' | 'no-matching-option' | 'disabled' | 'not-applied' | 'unsupported' | 'detached';
    };

/**
 * Sets the expiry: a date input gets now + days (clamped to its min/max); a select or radio group gets the
 * option chosen by `chooseExpiryOption`; `days === null` picks "Never", ticks a "No expiry" toggle, or clears
 * an optional date. Returns what it set, or why it could not.
 */
export async function applyExpiry(expiry: ExpiryControl, days: number | null, now: Date, options: ApplyOptions = {}): Promise<ApplyExpiryResult> {
  const kind = expiry.kind;
  const fail = (reason: Extract<ApplyExpiryResult, { ok: false }>['reason']): ApplyExpiryResult => ({ ok: false, kind, reason });

  if (kind === 'select') {
    const opt = chooseExpiryOption(expiry.options ?? [], days);
    if (!opt) return fail(days === null ? 'never-not-offered' : 'no-matching-option');
    const r = applySelect(expiry.el as HTMLSelectElement, opt.value);
    if (!r.ok) return fail(r.reason === 'disabled' ? 'disabled' : r.reason === 'detached' ? 'detached' : 'not-applied');
    return { ok: true, kind, value: opt.value, days: opt.days, label: opt.label };
  }

  if (kind === 'radio-group') {
    const opt = chooseExpiryOption(expiry.options ?? [], days);
    if (!opt?.el) return fail(days === null ? 'never-not-offered' : 'no-matching-option');
    const r = await applyChecked(opt.el, true, options);
    if (!r.ok) return fail(r.reason === 'disabled' ? 'disabled' : r.reason === 'detached' ? 'detached' : 'not-applied');
    return { ok: true, kind, value: opt.value, days: opt.days, label: opt.label };
  }

  const input = expiry.el;
  if (!isInput(input)) return fail('unsupported');

  if (days === null) {
    if (expiry.neverToggle) {
      const r = await applyChecked(expiry.neverToggle, true, options);
      return r.ok ? { ok: true, kind, value: '', days: null } : fail(r.reason === 'disabled' ? 'disabled' : 'not-applied');
    }
    if (input.required) return fail('never-not-offered');
    const r = applyText(input, '');
    return r.ok ? { ok: true, kind, value: '', days: null } : fail(r.reason === 'disabled' ? 'disabled' : 'not-applied');
  }

  if (expiry.neverToggle?.checked) {
    const r = await applyChecked(expiry.neverToggle, false, options);
    if (!r.ok) return fail(r.reason === 'disabled' ? 'disabled' : 'not-applied');
  }
  if (!input.isConnected) return fail('detached');

  const type = inputType(input);
  if (kind === 'text' && type === 'number') {
    const r = applyText(input, String(days));
    return r.ok ? { ok: true, kind, value: r.value, days } : fail(r.reason === 'disabled' ? 'disabled' : 'not-applied');
  }

  let date = addDaysIso(now, days);
  let clamped = false;
  const min = input.getAttribute('min')?.slice(0, 10);
  const max = input.getAttribute('max')?.slice(0, 10);
  if (max && /^\d{4}-\d{2}-\d{2}$/.test(max) && date > max) {
    date = max;
    clamped = true;
  }
  if (min && /^\d{4}-\d{2}-\d{2}$/.test(min) && date < min) {
    date = min;
    clamped = true;
  }
  let value = date;
  if (type === 'datetime-local') value = `${date}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
  else if (kind === 'text') value = formatForPlaceholder(date, input.getAttribute('placeholder') ?? '');
  const r = applyText(input, value);
  if (!r.ok) return fail(r.reason === 'disabled' ? 'disabled' : r.reason === 'detached' ? 'detached' : 'not-applied');
  const result: ApplyExpiryResult = { ok: true, kind, value, days: daysBetween(now, date), date };
  if (clamped) result.clamped = true;
  return result;
}
