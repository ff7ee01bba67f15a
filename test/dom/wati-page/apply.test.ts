import { afterEach, describe, expect, test } from 'vitest';
import { addDaysIso, applyChecked, applyExpiry, applySelect, applyText, chooseExpiryOption } from '@/lib/wati-page/apply';
import { readScopeForm } from '@/lib/wati-page/form';
import type { ExpiryControl, ScopeFormState } from '@/lib/wati-page/types';
import { fixSelectedOptions, loadFixture } from './fixture';

const NOW = new Date(2026, 10, 22, 9, 30); // 22 Nov 2026, local

/**
 * A tiny framework that behaves like React where it matters: state changes only through events, every render
 * writes the DOM from state, text inputs carry a value tracker (an own `value` property) so a plain
 * `el.value = x` is invisible to it, and custom controls re-render in a microtask (concurrent rendering).
 */
function mountFakeApp(opts: { refuse?: string } = {}) {
  // A fresh root per app, so listeners of an earlier test's app never see this one's events.
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  root.innerHTML = `
    <main><h1>API Tokens</h1>
    <div role="dialog" aria-modal="true">
      <label for="n">Token name</label><input id="n" type="text">
      <div class="scopes">
        <label class="wrap"><input type="checkbox" data-scope="contacts:read" style="opacity:0"><span>contacts:read</span></label>
        <label><input type="checkbox" data-scope="contacts:write"> contacts:write</label>
        <div class="row"><div role="checkbox" aria-checked="false" tabindex="0" data-scope="contactsv3:*" aria-label="contactsv3:*"></div></div>
        <div class="row"><button type="button" role="switch" aria-checked="false" data-scope="conversationsv3:write" aria-label="conversationsv3:write"></button></div>
        <label><input type="checkbox" data-scope="wati_integration:write" disabled> wati_integration:write</label>
      </div>
      <label for="exp">Expiry</label>
      <select id="exp"><option value="30">30 days</option><option value="90">90 days</option><option value="never">Never</option></select>
      <button type="button">Generate</button>
    </div></main>`;
  const state = {
    name: '',
    expiry: '30',
    scopes: { 'contacts:read': false, 'contacts:write': false, 'contactsv3:*': false, 'conversationsv3:write': false, 'wati_integration:write': false } as Record<string, boolean>,
    renders: 0,
  };
  const nameInput = root.querySelector<HTMLInputElement>('#n')!;
  const desc = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!;
  let tracked = '';
  Object.defineProperty(nameInput, 'value', {
    configurable: true,
    get() { return desc.get!.call(this); },
    set(v: string) { tracked = String(v); desc.set!.call(this, v); },
  });

  const render = () => {
    state.renders++;
    if (nameInput.value !== state.name) nameInput.value = state.name; // through the tracker, like React
    for (const el of root.querySelectorAll<HTMLElement>('[data-scope]')) {
      const on = state.scopes[el.dataset.scope!]!;
      if (el.localName === 'input') (el as HTMLInputElement).checked = on;
      else el.setAttribute('aria-checked', String(on));
    }
    root.querySelector<HTMLSelectElement>('#exp')!.value = state.expiry;
  };

  root.addEventListener('input', (e) => {
    const t = e.target as HTMLInputElement;
    if (t !== nameInput) return;
    if (t.value === tracked) return; // React: "no change" as far as the tracker knows
    tracked = t.value;
    state.name = t.value;
    render();
  });
  root.addEventListener('change', (e) => {
    const t = e.target as HTMLSelectElement;
    if (t.id !== 'exp') return;
    state.expiry = t.value;
    render();
  });
  root.addEventListener('click', (e) => {
    const t = e.target as HTMLElement;
    const scope = t.closest<HTMLElement>('[data-scope]')?.dataset.scope;
    if (!scope) return;
    if (scope === opts.refuse) {
      e.preventDefault(); // a controlled checkbox whose handler rejects the change
      queueMicrotask(render);
      return;
    }
    if (t.localName === 'input') {
      state.scopes[scope] = (t as HTMLInputElement).checked;
      render();
    } else {
      state.scopes[scope] = !state.scopes[scope];
      queueMicrotask(render); // concurrent rendering: the DOM catches up after the event
    }
  });
  render();
  return { state, nameInput, render };
}

function form(): ScopeFormState {
  const f = readScopeForm(document);
  expect(f).toBeDefined();
  return f!;
}

function scope(f: ScopeFormState, raw: string) {
  const s = f.scopes.find((x) => x.raw === raw);
  expect(s, raw).toBeDefined();
  return s!;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('applyText', () => {
  test('setting .value without events is not seen by the framework (and the next render undoes it)', () => {
    const app = mountFakeApp();
    app.nameInput.value = 'Zapier';
    expect(app.state.name).toBe('');
    app.state.name = app.state.name; // nothing changed in state…
    app.render(); // …so the next render writes the old value back
    expect(app.nameInput.value).toBe('');
  });

  test('setting .value and then dispatching input is still not seen (the value tracker)', () => {
    const app = mountFakeApp();
    app.nameInput.value = 'Zapier';
    app.nameInput.dispatchEvent(new Event('input', { bubbles: true }));
    expect(app.state.name).toBe('');
  });

  test('applyText is seen: native setter + input + change', () => {
    const app = mountFakeApp();
    const changes: string[] = [];
    document.addEventListener('change', (e) => changes.push((e.target as Element).id));
    const f = form();
    expect(f.name?.el).toBe(app.nameInput);
    const r = applyText(f.name!.el, 'Zapier production');
    expect(r).toEqual({ ok: true, value: 'Zapier production' });
    expect(app.state.name).toBe('Zapier production');
    expect(changes).toContain('n');
    expect(form().name?.value).toBe('Zapier production');
  });

  test('refuses read-only and disabled fields', () => {
    document.body.innerHTML = '<input id="a" readonly value="x"><input id="b" disabled value="y">';
    expect(applyText(document.querySelector<HTMLInputElement>('#a')!, 'z')).toMatchObject({ ok: false, reason: 'read-only', value: 'x' });
    expect(applyText(document.querySelector<HTMLInputElement>('#b')!, 'z')).toMatchObject({ ok: false, reason: 'disabled', value: 'y' });
  });
});

describe('applyChecked', () => {
  test.each([
    ['hidden native input behind its label', 'contacts:read', 'checkbox'],
    ['visible native checkbox', 'contacts:write', 'checkbox'],
    ['aria-checkbox (re-renders in a microtask)', 'contactsv3:*', 'aria-checkbox'],
    ['switch (re-renders in a microtask)', 'conversationsv3:write', 'switch'],
  ])('%s', async (_what, raw, kind) => {
    const app = mountFakeApp();
    const control = scope(form(), raw);
    expect(control.kind).toBe(kind);
    const on = await applyChecked(control, true);
    expect(on).toEqual({ ok: true, checked: true, clicks: 1 });
    expect(app.state.scopes[raw]).toBe(true);
    expect(scope(form(), raw).checked).toBe(true);
    // Already in the wanted state: no click.
    expect(await applyChecked(scope(form(), raw), true)).toEqual({ ok: true, checked: true, clicks: 0 });
    const off = await applyChecked(scope(form(), raw), false);
    expect(off.ok).toBe(true);
    expect(app.state.scopes[raw]).toBe(false);
  });

  test('setting aria-checked by hand is not seen, and the next render undoes it', async () => {
    const app = mountFakeApp();
    const control = scope(form(), 'contactsv3:*');
    control.el.setAttribute('aria-checked', 'true');
    expect(app.state.scopes['contactsv3:*']).toBe(false);
    app.render();
    expect(control.el.getAttribute('aria-checked')).toBe('false');
  });

  test('a label click that does nothing falls back to clicking the input', async () => {
    const app = mountFakeApp();
    const control = scope(form(), 'contacts:read');
    expect(control.el.localName).toBe('label');
    // e.g. an overlay eats the click; happy-dom ignores preventDefault() on a label's click, so stub it.
    control.el.click = () => {};
    const r = await applyChecked(control, true);
    expect(r).toEqual({ ok: true, checked: true, clicks: 2 });
    expect(app.state.scopes['contacts:read']).toBe(true);
  });

  test('a control whose framework refuses the change reports no-effect', async () => {
    const app = mountFakeApp({ refuse: 'contacts:write' });
    const r = await applyChecked(scope(form(), 'contacts:write'), true);
    expect(r.ok).toBe(false);
    expect(r.reason).toBe('no-effect');
    expect(r.checked).toBe(false);
    expect(app.state.scopes['contacts:write']).toBe(false);
  });

  test('a disabled control is not clicked', async () => {
    const app = mountFakeApp();
    let clicks = 0;
    document.addEventListener('click', () => clicks++);
    const r = await applyChecked(scope(form(), 'wati_integration:write'), true);
    expect(r).toMatchObject({ ok: false, reason: 'disabled', checked: false });
    expect(clicks).toBe(0);
    expect(app.state.scopes['wati_integration:write']).toBe(false);
  });

  test('accepts a bare element (native input, role=switch, label)', async () => {
    const app = mountFakeApp();
    expect(await applyChecked(document.querySelector<HTMLElement>('[data-scope="contacts:write"]')!, true)).toMatchObject({ ok: true });
    expect(await applyChecked(document.querySelector<HTMLElement>('[role="switch"]')!, true)).toMatchObject({ ok: true });
    expect(await applyChecked(document.querySelector<HTMLElement>('label.wrap')!, true)).toMatchObject({ ok: true });
    expect(app.state.scopes).toMatchObject({ 'contacts:write': true, 'conversationsv3:write': true, 'contacts:read': true });
  });

  test('select all (role=checkbox, mixed) in the aria fixture is a checkable target too', async () => {
    loadFixture('modal-aria-en.html');
    const f = form();
    let clicked = 0;
    f.selectAll!.el.addEventListener('click', () => {
      clicked++;
      f.selectAll!.el.setAttribute('aria-checked', 'true');
    });
    const r = await applyChecked(f.selectAll!, true);
    expect(r.ok).toBe(true);
    expect(clicked).toBe(1);
  });
});

describe('applySelect', () => {
  test('the framework sees the change', () => {
    const app = mountFakeApp();
    const select = document.querySelector<HTMLSelectElement>('#exp')!;
    expect(applySelect(select, '90')).toEqual({ ok: true, value: '90' });
    expect(app.state.expiry).toBe('90');
  });
  test('an option that does not exist', () => {
    mountFakeApp();
    const select = document.querySelector<HTMLSelectElement>('#exp')!;
    expect(applySelect(select, '365')).toMatchObject({ ok: false, reason: 'no-such-option', value: '30' });
  });
});

describe('chooseExpiryOption / addDaysIso', () => {
  const options = [
    { label: '30 days', value: '30', days: 30 },
    { label: '90 days', value: '90', days: 90 },
    { label: '1 year', value: '365', days: 365 },
    { label: 'Never', value: 'never', days: null },
  ];
  test.each([
    [1, '30'], [30, '30'], [31, '90'], [90, '90'], [200, '365'], [366, undefined], [null, 'never'],
  ] as const)('%s days → %s', (days, value) => {
    expect(chooseExpiryOption(options, days)?.value).toBe(value);
  });
  test('no never option', () => expect(chooseExpiryOption(options.slice(0, 3), null)).toBeUndefined());
  test('calendar days, across month and year ends', () => {
    expect(addDaysIso(NOW, 30)).toBe('2026-12-22');
    expect(addDaysIso(NOW, 40)).toBe('2027-01-01');
    expect(addDaysIso(new Date(2028, 1, 28), 1)).toBe('2028-02-29');
  });
});

describe('applyExpiry on each expiry control', () => {
  function expiryOf(file: string): ExpiryControl {
    loadFixture(file);
    const e = readScopeForm(document, { now: NOW })?.expiry;
    expect(e, file).toBeDefined();
    return e!;
  }

  test('date input: now + days, clamped to max; null clears an optional date', async () => {
    let e = expiryOf('inline-native-en.html');
    const changes: string[] = [];
    document.addEventListener('change', (ev) => changes.push((ev.target as HTMLInputElement).value));
    expect(await applyExpiry(e, 30, NOW)).toEqual({ ok: true, kind: 'date', value: '2026-12-22', days: 30, date: '2026-12-22' });
    expect((e.el as HTMLInputElement).value).toBe('2026-12-22');
    expect(changes).toEqual(['2026-12-22']);
    expect(await applyExpiry(e, 500, NOW)).toEqual({ ok: true, kind: 'date', value: '2027-11-22', days: 365, date: '2027-11-22', clamped: true });
    expect(await applyExpiry(e, null, NOW)).toEqual({ ok: true, kind: 'date', value: '', days: null });
    e = expiryOf('inline-native-en.html');
    (e.el as HTMLInputElement).required = true;
    expect(await applyExpiry(e, null, NOW)).toEqual({ ok: false, kind: 'date', reason: 'never-not-offered' });
  });

  test('select (en): the shortest option that lasts long enough; Never', async () => {
    const e = expiryOf('modal-aria-en.html');
    const select = e.el as HTMLSelectElement;
    expect(await applyExpiry(e, 45, NOW)).toEqual({ ok: true, kind: 'select', value: '90', days: 90, label: '90 days' });
    expect(select.value).toBe('90');
    expect(await applyExpiry(e, 100, NOW)).toMatchObject({ ok: true, value: '180', days: 180, label: '6 months' });
    expect(await applyExpiry(e, 400, NOW)).toEqual({ ok: false, kind: 'select', reason: 'no-matching-option' });
    expect(await applyExpiry(e, null, NOW)).toMatchObject({ ok: true, value: 'never', days: null });
    expect(select.value).toBe('never');
  });

  test('select (pt) and a select whose options have no values', async () => {
    const pt = expiryOf('ant-like-pt.html');
    expect(await applyExpiry(pt, 365, NOW)).toMatchObject({ ok: true, value: '1y', label: '1 ano', days: 365 });
    expect(await applyExpiry(pt, null, NOW)).toMatchObject({ ok: true, value: 'none', label: 'Sem validade' });
    const plain = expiryOf('dialog-element-en.html');
    expect(await applyExpiry(plain, 45, NOW)).toMatchObject({ ok: true, value: '60 days', days: 60 });
    expect((plain.el as HTMLSelectElement).value).toBe('60 days');
  });

  test('radio group (es): clicks the radio', async () => {
    const e = expiryOf('modal-switch-es.html');
    const r = await applyExpiry(e, 60, NOW);
    expect(r).toMatchObject({ ok: true, kind: 'radio-group', value: '90', days: 90, label: '90 días' });
    expect(document.querySelector<HTMLInputElement>('input[type="radio"][value="90"]')!.checked).toBe(true);
    expect(await applyExpiry(e, null, NOW)).toMatchObject({ ok: true, value: '0', days: null });
    expect(document.querySelector<HTMLInputElement>('input[type="radio"][value="0"]')!.checked).toBe(true);
  });

  test('text input with a DD/MM/YYYY placeholder (MUI-like date picker)', async () => {
    const e = expiryOf('mui-like-en.html');
    expect(await applyExpiry(e, 30, NOW)).toMatchObject({ ok: true, kind: 'text', value: '22/12/2026', date: '2026-12-22', days: 30 });
    expect((e.el as HTMLInputElement).value).toBe('22/12/2026');
    expect(await applyExpiry(e, null, NOW)).toMatchObject({ ok: true, value: '', days: null });
  });

  test('number input of days', async () => {
    const e = expiryOf('title-only-en.html');
    expect(await applyExpiry(e, 30, NOW)).toEqual({ ok: true, kind: 'text', value: '30', days: 30 });
    expect((e.el as HTMLInputElement).value).toBe('30');
  });

  test('a "No expiry" toggle next to a date input is used for null, and cleared for a date', async () => {
    document.body.innerHTML = `<form><label>Token name <input type="text"></label>
      <label><input type="checkbox"> contacts:read</label><label><input type="checkbox"> contacts:write</label>
      <label>Expiry date <input type="date"></label><label><input type="checkbox" id="never"> No expiry</label>
      <button>Generate</button></form>`;
    fixSelectedOptions(document);
    const e = readScopeForm(document)!.expiry!;
    expect(await applyExpiry(e, null, NOW)).toEqual({ ok: true, kind: 'date', value: '', days: null });
    expect(document.querySelector<HTMLInputElement>('#never')!.checked).toBe(true);
    const again = readScopeForm(document)!.expiry!;
    expect(await applyExpiry(again, 7, NOW)).toMatchObject({ ok: true, date: '2026-11-29' });
    expect(document.querySelector<HTMLInputElement>('#never')!.checked).toBe(false);
  });
});
