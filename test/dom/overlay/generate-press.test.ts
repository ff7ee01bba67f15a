import { afterEach, describe, expect, it } from 'vitest';
import { isGeneratePress, snapshotForm } from '@/lib/overlay/features/coach/controller';
import { readScopeForm } from '@/lib/wati-page/form';
import { loadFixture } from '../wati-page/fixture';

function press(type: string, init: KeyboardEventInit = {}): Event {
  return type === 'keydown' ? new KeyboardEvent(type, { bubbles: true, ...init }) : new Event(type, { bubbles: true });
}

/** Dispatches `e` on `target` and returns what a capture listener on the window decided. */
function decide(target: Element, e: Event): boolean {
  const form = readScopeForm(document);
  let verdict = false;
  const listener = (ev: Event) => (verdict = isGeneratePress(ev, ev.composedPath(), form));
  addEventListener(e.type, listener, { capture: true });
  target.dispatchEvent(e);
  removeEventListener(e.type, listener, { capture: true });
  return verdict;
}

describe('the moment the user presses Generate', () => {
  afterEach(() => (document.body.innerHTML = ''));

  it('is a click on the form\'s Generate button, a submit of the form, or Enter in one of its fields', () => {
    loadFixture('inline-native-en.html');
    const form = readScopeForm(document)!;
    expect(decide(form.generate!, press('click'))).toBe(true);
    const formEl = form.generate!.closest('form');
    if (formEl) expect(decide(formEl, press('submit'))).toBe(true);
    expect(decide(form.name!.el, press('keydown', { key: 'Enter' }))).toBe(true);
  });

  it('is not a click elsewhere, another key, or Enter outside the form', () => {
    loadFixture('inline-native-en.html');
    const form = readScopeForm(document)!;
    expect(decide(form.scopes[0]!.el, press('click'))).toBe(false);
    expect(decide(form.name!.el, press('keydown', { key: 'a' }))).toBe(false);
    const outside = document.createElement('input');
    document.body.append(outside);
    expect(decide(outside, press('keydown', { key: 'Enter' }))).toBe(false);
    expect(isGeneratePress(press('click'), [], undefined)).toBe(false);
  });

  it('files what the user typed and ticked, read from properties (a native form changes no attribute)', () => {
    loadFixture('inline-native-en.html');
    const before = readScopeForm(document)!;
    before.name!.el.value = 'crm-sync-prod';
    for (const s of before.scopes) {
      const box = s.input ?? (s.el as HTMLInputElement);
      box.checked = s.raw === 'contacts:read';
    }
    const snap = snapshotForm(readScopeForm(document)!);
    expect(snap.name).toBe('crm-sync-prod');
    expect(snap.scopes).toEqual(['contacts:read']);
  });
});
