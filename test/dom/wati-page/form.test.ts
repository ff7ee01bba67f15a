import { afterEach, describe, expect, test } from 'vitest';
import { readScopeForm } from '@/lib/wati-page/form';
import { looksLikeTokenPage, readTokenPage } from '@/lib/wati-page/detect';
import type { ScopeFormState } from '@/lib/wati-page/types';
import { label, loadFixture, loadHtml } from './fixture';

const NOW = new Date(2026, 10, 22, 12, 0); // 22 Nov 2026, local time

interface Expected {
  scopes: Array<[raw: string, checked: boolean]>;
  kind: 'checkbox' | 'aria-checkbox' | 'switch';
  isModal: boolean;
  name: { value: string; label?: string };
  selectAll?: { checked: boolean; mixed?: boolean };
  expiry?: { kind: string; value: string; days?: number | null; date?: string; optionDays?: Array<number | null> };
  generate: string;
  opener?: string;
}

const cases: Record<string, Expected> = {
  'inline-native-en.html': {
    scopes: [['contacts:read', true], ['contacts:write', false], ['messagetemplate:read', false], ['conversations:write', true], ['contactsv3:*', false], ['wati_integration:write', false]],
    kind: 'checkbox',
    isModal: false,
    name: { value: '' },
    selectAll: { checked: false },
    expiry: { kind: 'date', value: '2026-12-31', date: '2026-12-31', days: 39 },
    generate: 'Generate',
    opener: 'Generate new token',
  },
  'modal-aria-en.html': {
    scopes: [['contactsv3:*', true], ['contactsv3:write', false], ['conversationsv3:write', true], ['messagetemplatev3:write', false], ['wati_integration:write', false]],
    kind: 'aria-checkbox',
    isModal: true,
    name: { value: 'CRM sync' },
    selectAll: { checked: false, mixed: true },
    expiry: { kind: 'select', value: '90', days: 90, optionDays: [30, 90, 180, 365, null] },
    generate: 'Generate token',
    opener: 'Generate new token',
  },
  'modal-switch-es.html': {
    scopes: [['wati_contacts:read', true], ['wati_contacts:write', false], ['wati_messagetemplate:read', true], ['wati_integration:read', false]],
    kind: 'switch',
    isModal: true,
    name: { value: '' },
    selectAll: { checked: false },
    expiry: { kind: 'radio-group', value: '365', days: 365, optionDays: [30, 90, 365, null] },
    generate: 'Generar',
    opener: 'Generar nuevo token',
  },
  'mui-like-en.html': {
    scopes: [['messagetemplatev2:write', true], ['contacts:read', false], ['contacts:write', false], ['messagetemplate:read', false]],
    kind: 'checkbox',
    isModal: true,
    name: { value: 'My integration' },
    selectAll: { checked: false },
    expiry: { kind: 'text', value: '' },
    generate: 'Create',
    opener: 'Create API token',
  },
  'ant-like-pt.html': {
    scopes: [['wati_integration:read', true], ['wati_integration:write', false], ['wati_contacts:read', false], ['wati_conversations:write', false]],
    kind: 'checkbox',
    isModal: true,
    name: { value: '' },
    selectAll: { checked: false },
    expiry: { kind: 'select', value: '6m', days: 180, optionDays: [30, 90, 180, 365, null] },
    generate: 'Gerar',
    opener: 'Gerar novo token',
  },
  'title-only-en.html': {
    scopes: [['contacts:read', false], ['conversationsv3:write', true], ['messagetemplatev3:write', false], ['api', true]],
    kind: 'switch',
    isModal: false,
    name: { value: 'billing-bot' },
    expiry: { kind: 'text', value: '90', days: 90 },
    generate: 'Generate',
  },
  'dialog-element-en.html': {
    scopes: [['api', false], ['contacts:read', true], ['messagetemplate:read', false], ['conversations:write', true]],
    kind: 'checkbox',
    isModal: true,
    name: { value: '' },
    expiry: { kind: 'select', value: '30 days', days: 30, optionDays: [7, 30, 60, 90, null] },
    generate: 'Create token',
    opener: 'Create new token',
  },
};

function mustRead(): ScopeFormState {
  const form = readScopeForm(document, { now: NOW });
  expect(form).toBeDefined();
  return form!;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe.each(Object.entries(cases))('readScopeForm on %s', (file, want) => {
  test('finds the scopes, their states and kinds', () => {
    loadFixture(file);
    const form = mustRead();
    expect(form.scopes.map((s) => [s.raw, s.checked])).toEqual(want.scopes);
    for (const s of form.scopes) {
      expect(s.kind).toBe(want.kind);
      expect(form.container.contains(s.el) || !!form.region?.contains(s.el)).toBe(true);
    }
  });

  test('modal or inline, name field, select all', () => {
    loadFixture(file);
    const form = mustRead();
    expect(form.isModal).toBe(want.isModal);
    expect(form.name?.value).toBe(want.name.value);
    expect(form.name?.el.localName).toBe('input');
    expect(form.container.contains(form.name!.el)).toBe(true);
    if (want.selectAll) {
      expect(form.selectAll).toBeDefined();
      expect(form.selectAll!.checked).toBe(want.selectAll.checked);
      expect(!!form.selectAll!.mixed).toBe(!!want.selectAll.mixed);
      expect(form.scopes.some((s) => s.el === form.selectAll!.el)).toBe(false);
    } else {
      expect(form.selectAll).toBeUndefined();
    }
  });

  test('expiry and generate button', () => {
    loadFixture(file);
    const form = mustRead();
    if (want.expiry) {
      expect(form.expiry).toBeDefined();
      expect(form.expiry!.kind).toBe(want.expiry.kind);
      expect(form.expiry!.value).toBe(want.expiry.value);
      if ('days' in want.expiry) expect(form.expiry!.days).toBe(want.expiry.days);
      if (want.expiry.date) expect(form.expiry!.date).toBe(want.expiry.date);
      if (want.expiry.optionDays) expect(form.expiry!.options?.map((o) => o.days)).toEqual(want.expiry.optionDays);
    }
    expect(label(form.generate)).toBe(want.generate);
  });

  test('readTokenPage puts it together; the opener is not the generate button', () => {
    loadFixture(file);
    const page = readTokenPage(document, { now: NOW });
    expect(page.isTokenPage).toBe(true);
    expect(page.form?.scopes.length).toBe(want.scopes.length);
    if (want.opener) expect(label(page.openFormButton)).toBe(want.opener);
    expect(page.openFormButton).not.toBe(page.form?.generate);
    expect(looksLikeTokenPage(document)).toBe(true);
  });
});

describe('readScopeForm: details', () => {
  test('hidden native inputs are clicked through their label; the state comes from the input', () => {
    loadFixture('mui-like-en.html');
    const form = mustRead();
    const first = form.scopes[0]!;
    expect(first.el.localName).toBe('label');
    expect(first.input?.checked).toBe(true);
  });

  test('a disabled scope is reported as such', () => {
    loadFixture('modal-aria-en.html');
    const form = mustRead();
    expect(form.scopes.find((s) => s.raw === 'wati_integration:write')?.disabled).toBe(true);
    expect(form.scopes.find((s) => s.raw === 'contactsv3:*')?.disabled).toBeUndefined();
  });

  test('expiry options keep labels and values; placeholder and "Custom" are left out', () => {
    loadFixture('modal-aria-en.html');
    const form = mustRead();
    expect(form.expiry?.options).toEqual([
      { label: '30 days', value: '30', days: 30 },
      { label: '90 days', value: '90', days: 90 },
      { label: '6 months', value: '180', days: 180 },
      { label: '1 year', value: '365', days: 365 },
      { label: 'Never', value: 'never', days: null },
    ]);
  });

  test('an open dialog wins over an inline form behind it; a closed <dialog> is ignored', () => {
    loadFixture('dialog-element-en.html');
    const form = mustRead();
    expect(form.container.closest('dialog')?.hasAttribute('open')).toBe(true);
    expect(form.scopes.every((s) => s.el.closest('dialog[open]'))).toBe(true);
  });

  test('the inline form behind is still readable on its own', () => {
    loadFixture('dialog-element-en.html');
    document.querySelector('dialog[open]')!.remove();
    const form = mustRead();
    expect(form.isModal).toBe(false);
    expect(form.scopes.map((s) => s.raw)).toEqual(['contacts:read', 'contacts:write']);
    expect(form.name?.value).toBe('legacy bot');
  });

  test('expiry date without `now` has no days', () => {
    loadFixture('inline-native-en.html');
    expect(readScopeForm(document)?.expiry?.days).toBeUndefined();
  });

  test('a "No expiry" toggle next to a date input is reported', () => {
    loadHtml(`<main><h1>API Tokens</h1><form>
      <label>Token name <input type="text"></label>
      <label><input type="checkbox"> contacts:read</label><label><input type="checkbox"> contacts:write</label>
      <label>Expiry date <input type="date"></label><label><input type="checkbox" checked> No expiry</label>
      <button>Generate</button></form></main>`);
    const form = mustRead();
    expect(form.scopes).toHaveLength(2);
    expect(form.expiry?.kind).toBe('date');
    expect(form.expiry?.neverToggle?.checked).toBe(true);
    expect(form.expiry?.days).toBeNull();
  });

  test('a token list with per-row checkboxes is not a form', () => {
    loadHtml(`<main><h1>API Tokens</h1><table>
      <thead><tr><th></th><th>Name</th><th>Scopes</th></tr></thead>
      <tbody><tr><td><input type="checkbox"></td><td>A</td><td>contacts:read</td></tr>
      <tr><td><input type="checkbox"></td><td>B</td><td>contacts:write</td></tr>
      <tr><td><input type="checkbox"></td><td>C</td><td>contacts:read, contacts:write</td></tr></tbody></table></main>`);
    expect(readScopeForm(document)).toBeUndefined();
  });

  test('one scope control is not a group', () => {
    loadHtml(`<form><label>Name <input></label><label><input type="checkbox"> contacts:read</label><label><input type="checkbox"> Remember me</label></form>`);
    expect(readScopeForm(document)).toBeUndefined();
  });

  test('works on an Element root', () => {
    loadFixture('modal-switch-es.html');
    const dialog = document.querySelector<HTMLElement>('[role="dialog"]')!;
    expect(readScopeForm(dialog)?.scopes).toHaveLength(4);
  });

  test('controls inside our own <wati-token-guard> are ignored', () => {
    loadHtml(`<wati-token-guard><label><input type="checkbox"> contacts:read</label><label><input type="checkbox"> contacts:write</label><input type="text" aria-label="Token name"></wati-token-guard>`);
    expect(readScopeForm(document)).toBeUndefined();
  });
});

describe('pages without a form', () => {
  test('an unrecognisable token page: no form, but the heading says API Tokens', () => {
    loadFixture('unrecognisable-en.html');
    expect(readScopeForm(document)).toBeUndefined();
    expect(looksLikeTokenPage(document)).toBe(true);
    const page = readTokenPage(document);
    expect(page.isTokenPage).toBe(true);
    expect(page.form).toBeUndefined();
    expect(page.reveal).toBeUndefined();
  });

  test("a help article's prose, task list and code samples are not a form", () => {
    loadFixture('help-article-en.html');
    expect(readScopeForm(document)).toBeUndefined();
    expect(looksLikeTokenPage(document)).toBe(false);
    const page = readTokenPage(document);
    expect(page.isTokenPage).toBe(false);
    expect(page.reveal).toBeUndefined();
    expect(page.tenantId).toBeUndefined();
  });

  test('an empty document', () => {
    loadHtml('<p>hello</p>');
    expect(readScopeForm(document)).toBeUndefined();
    expect(readTokenPage(document)).toEqual({ isTokenPage: false });
  });

  test('a slow page: nothing at first, the form once it renders', async () => {
    loadHtml('<main><h1>API Tokens</h1><div id="slot"><div role="progressbar"></div></div></main>');
    expect(looksLikeTokenPage(document)).toBe(true);
    expect(readScopeForm(document)).toBeUndefined();
    await new Promise((r) => setTimeout(r, 20));
    document.getElementById('slot')!.innerHTML = `<div role="dialog" aria-modal="true">
      <label>Token name <input type="text"></label>
      <label><input type="checkbox"> contacts:read</label><label><input type="checkbox"> messagetemplate:read</label>
      <button>Generate</button></div>`;
    const form = readScopeForm(document);
    expect(form?.scopes.map((s) => s.raw)).toEqual(['contacts:read', 'messagetemplate:read']);
    expect(form?.isModal).toBe(true);
  });
});
