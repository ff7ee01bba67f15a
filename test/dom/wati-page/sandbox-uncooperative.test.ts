/**
 * The adapter against the sandbox's "uncooperative" token pages: renderings where typing or ticking changes a
 * PROPERTY of a native control and nothing in the DOM moves (native-pt: plain uncontrolled HTML; trap-es: an
 * uncontrolled form in a focus-trapping modal; drawer-en: React 19 controlled components in a side drawer, from the
 * real bundle the sandbox server serves). Uncontrolled typing is modelled with the native value setter and no event.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fakeSandboxServer, NEW_TOKEN, type Json } from './fake-sandbox-server';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { readAccessibleName } from '@/lib/wati-page/accessible-name';
import { applyChecked, applyExpiry, applyText } from '@/lib/wati-page/apply';
import { looksLikeTokenPage, readTokenPage } from '@/lib/wati-page/detect';
import { readScopeForm } from '@/lib/wati-page/form';
import { findRevealedToken } from '@/lib/wati-page/reveal';
import type { ScopeFormState } from '@/lib/wati-page/types';

const ROOT = process.cwd();
const ASSETS = join(ROOT, 'test/sandbox/app/assets');
const TOKENS_PAGE = join(ASSETS, 'pages/tokens/index.js');
const CATALOG = join(ASSETS, 'catalog.js');
const REACT_SRC = join(ROOT, 'test/sandbox/react/drawer.jsx');
const available = existsSync(join(ASSETS, 'pages/tokens/native-pt.js')) && existsSync(CATALOG);

const fakeServer = fakeSandboxServer;

async function flush(times = 8): Promise<void> {
  for (let i = 0; i < times; i++) await new Promise((r) => setTimeout(r, 0));
}

/** Waits for the page code to render (a loaded 2-core machine can take seconds to evaluate React). */
async function until<T>(read: () => T | undefined | null | false, what: string, waitMs = 5_000): Promise<T> {
  const end = Date.now() + waitMs;
  while (Date.now() < end) {
    const v = read();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** What a user's typing into an uncontrolled field does: the native setter, no event. */
function typeSilently(el: HTMLInputElement, value: string): void {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(el, value);
}

const prefixed = (id: string) => (id === 'api' || id.startsWith('wati_') ? id : `wati_${id}`);

let bundleUrl: string | undefined;
let bundleFile: string | undefined;

describe.skipIf(!available)('uncooperative sandbox token pages', () => {
  let cleanup: (() => void) | undefined;
  let server: ReturnType<typeof fakeServer>;

  beforeAll(async () => {
    if (!existsSync(REACT_SRC)) return;
    // The same bundle the sandbox server serves as /assets/react/drawer.js.
    const { reactBundle } = (await import(/* @vite-ignore */ join(ROOT, 'test/sandbox/react-bundle.ts'))) as { reactBundle: (n: string) => Promise<string> };
    const dir = join(ROOT, '.sandbox/test-bundles');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `drawer-${process.pid}.mjs`);
    writeFileSync(file, await reactBundle('drawer'));
    bundleFile = file;
    bundleUrl = pathToFileURL(file).href;
  }, 30_000);
  afterAll(() => {
    if (bundleFile) rmSync(bundleFile, { force: true });
  });

  beforeEach(() => {
    server = fakeServer();
    vi.stubGlobal('fetch', server.fetch);
    document.head.innerHTML = '';
    document.body.innerHTML = '';
  });
  afterEach(() => {
    cleanup?.();
    cleanup = undefined;
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
    document.body.removeAttribute('style');
  });

  async function mount(variant: string, lang: string) {
    const { renderTokens } = (await import(/* @vite-ignore */ TOKENS_PAGE)) as { renderTokens: (el: Element, ctx: unknown) => () => void };
    document.documentElement.lang = lang;
    const root = document.createElement('div');
    const main = document.createElement('main');
    root.append(main);
    document.body.replaceChildren(root);
    cleanup = renderTokens(main, {
      variant, locale: lang.slice(0, 2), tenantId: '10234', apiEndpoint: 'https://live-mt-server.wati.io/10234', config: {}, quiet: true,
      href: (r: string) => `/10234${r}`, navigate: () => {}, reactBundle: bundleUrl,
    });
  }

  async function catalogIds(): Promise<string[]> {
    const { SCOPES } = (await import(/* @vite-ignore */ CATALOG)) as { SCOPES: Array<{ id: string }> };
    return SCOPES.map((s) => s.id);
  }

  async function openForm(): Promise<ScopeFormState> {
    const page = await until(() => { const p = readTokenPage(document); return p.openFormButton && p.list?.length ? p : undefined; }, 'the list and the open button');
    page.openFormButton!.click();
    return until(() => readScopeForm(document, { now: new Date() }), 'the form');
  }

  // ------------------------------------------------------------------------------------------------------------
  describe('native-pt', () => {
    test('page, list, form (radio-group expiry), silent typing and ticking, FormData submit, reveal', async () => {
      await mount('native-pt', 'pt-BR');
      await flush();
      expect(looksLikeTokenPage(document)).toBe(true);
      let page = await until(() => { const p = readTokenPage(document); return p.list?.length ? p : undefined; }, 'list');
      expect(page.kind).toBe('api-tokens');
      expect(page.tenantId).toBe('10234');
      expect(page.list?.map((r) => [r.name, r.status, r.scopes, r.createdAt, r.expiresAt])).toEqual([
        ['Zapier prod', 'active', ['contacts:read'], '2026-05-01', '2027-05-01'],
        ['Old CRM', 'revoked', ['api'], '2025-01-03', null],
      ]);
      expect(readAccessibleName(page.list![0]!.revokeButton!)).toBe('Revogar Zapier prod');
      expect(readAccessibleName(page.openFormButton!)).toBe('Gerar novo token');

      const form = await openForm();
      expect(form.isModal).toBe(false);
      expect(form.scopes.map((s) => s.raw).sort()).toEqual((await catalogIds()).sort());
      expect(form.scopes.every((s) => !s.checked && s.kind === 'checkbox')).toBe(true);
      expect(readAccessibleName(form.name!.el)).toBe('Nome do token');
      expect(readAccessibleName(form.generate!)).toBe('Gerar');
      expect(readAccessibleName(form.selectAll!.el)).toBe('Selecionar todos');
      expect(form.expiry).toMatchObject({ kind: 'radio-group', days: null, value: 'never' });
      expect(form.expiry!.options!.map((o) => [o.label, o.value, o.days])).toEqual([
        ['Nunca', 'never', null], ['30 dias', '30', 30], ['90 dias', '90', 90], ['180 dias', '180', 180], ['1 ano', '365', 365],
      ]);

      // Uncontrolled: nothing in the DOM moves while the user types or ticks.
      const before = document.body.innerHTML;
      const observed: MutationRecord[] = [];
      const mo = new MutationObserver((r) => observed.push(...r));
      mo.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      typeSilently(form.name!.el, 'Zapier production');
      form.scopes.find((s) => s.raw === 'contacts:read')!.input!.checked = true; // property only, no event
      form.scopes.find((s) => s.raw === 'messagetemplate:read')!.el.click(); // a real click: still no listener
      (form.expiry!.options!.find((o) => o.days === 90)!.el as HTMLInputElement).click();
      await flush();
      mo.disconnect();
      expect(observed).toEqual([]);
      expect(document.body.innerHTML).toBe(before);

      const again = readScopeForm(document, { now: new Date() })!;
      expect(again.name?.value).toBe('Zapier production');
      expect(again.scopes.filter((s) => s.checked).map((s) => s.raw).sort()).toEqual(['contacts:read', 'messagetemplate:read']);
      expect(again.expiry).toMatchObject({ kind: 'radio-group', days: 90, value: '90' });

      // The adapter's own writes work on it too.
      expect((await applyExpiry(again.expiry!, 30, new Date())).ok).toBe(true);
      expect(readScopeForm(document)!.expiry?.days).toBe(30);

      again.generate!.click();
      await until(() => server.created.length === 1, 'the POST');
      expect(server.created[0]).toMatchObject({ tenantId: '10234', name: 'Zapier production' });
      expect((server.created[0]!.scopes as string[]).sort()).toEqual(['contacts:read', 'messagetemplate:read']);
      const exp = Date.parse(server.created[0]!.expiresAt as string);
      expect(Math.round((exp - Date.now()) / 86_400_000)).toBe(30);

      const reveal = await until(() => findRevealedToken(document), 'the reveal');
      expect(reveal.token).toBe(NEW_TOKEN);
      expect(reveal.el.localName).toBe('input');
      expect(reveal.near).toEqual({ copy: true, warning: true });
      expect(readAccessibleName(reveal.copyButton!)).toBe('Copiar');
      expect(reveal.closeButtons.map((b) => readAccessibleName(b))).toContain('Concluir');
      page = readTokenPage(document);
      expect(page.reveal?.token).toBe(NEW_TOKEN);
    });

    test('select all sets the properties only; validation errors are alerts; nothing is sent', async () => {
      await mount('native-pt', 'pt-BR');
      const form = await openForm();
      const attrs = () => form.scopes.map((s) => s.input!.hasAttribute('checked'));
      (form.selectAll!.el as HTMLInputElement).click();
      expect(readScopeForm(document)!.scopes.every((s) => s.checked)).toBe(true);
      expect(attrs().every((a) => !a)).toBe(true);
      (form.selectAll!.el as HTMLInputElement).click();
      expect(readScopeForm(document)!.scopes.some((s) => s.checked)).toBe(false);
      form.generate!.click();
      await flush();
      const alerts = [...document.querySelectorAll('[role="alert"]:not([hidden])')].map((a) => a.textContent);
      expect(alerts).toEqual(['Informe um nome para o token.', 'Selecione pelo menos um escopo.']);
      expect(server.created).toHaveLength(0);
    });
  });

  // ------------------------------------------------------------------------------------------------------------
  describe('trap-es', () => {
    test('modal form, prefixed scopes, date expiry, silent typing, FormData submit, reveal in a second modal', async () => {
      await mount('trap-es', 'es');
      const form = await openForm();
      expect(form.isModal).toBe(true);
      expect(form.region?.getAttribute('aria-modal')).toBe('true');
      expect(form.scopes.map((s) => s.raw).sort()).toEqual((await catalogIds()).map(prefixed).sort());
      expect(form.scopes.every((s) => !s.checked)).toBe(true);
      expect(readAccessibleName(form.name!.el)).toBe('Nombre del token');
      expect(readAccessibleName(form.generate!)).toBe('Generar token');
      expect(readAccessibleName(form.selectAll!.el)).toBe('Seleccionar todo');
      expect(form.expiry).toMatchObject({ kind: 'date', value: '' });
      expect(form.expiry!.label).toContain('Fecha de caducidad');

      typeSilently(form.name!.el, 'Zapier producción');
      form.scopes.find((s) => s.raw === 'wati_contacts:read')!.input!.checked = true;
      form.scopes.find((s) => s.raw === 'wati_messagetemplate:read')!.input!.checked = true;
      const now = new Date();
      expect((await applyExpiry(form.expiry!, 90, now)).ok).toBe(true);

      const again = readScopeForm(document, { now })!;
      expect(again.name?.value).toBe('Zapier producción');
      expect(again.scopes.filter((s) => s.checked).map((s) => s.raw).sort()).toEqual(['wati_contacts:read', 'wati_messagetemplate:read']);
      expect(again.expiry?.days).toBe(90);

      again.generate!.click();
      await until(() => server.created.length === 1, 'the POST');
      expect(server.created[0]).toMatchObject({ name: 'Zapier producción' });
      expect((server.created[0]!.scopes as string[]).sort()).toEqual(['wati_contacts:read', 'wati_messagetemplate:read']);
      expect(server.created[0]!.expiresAt).toMatch(/T23:59:59\.000Z$/);

      const reveal = await until(() => findRevealedToken(document), 'the reveal');
      expect(reveal.token).toBe(NEW_TOKEN);
      expect(reveal.el.localName).toBe('textarea');
      expect(reveal.isModal).toBe(true);
      expect(reveal.near).toEqual({ copy: true, warning: true });
      expect(readAccessibleName(reveal.copyButton!)).toBe('Copiar');
      expect(reveal.closeButtons.map((b) => readAccessibleName(b))).toContain('Cerrar');
    });

    test('aria-hides every other child of <body>, including ones added later; pulls focus back; restores on close', async () => {
      await mount('trap-es', 'es');
      const early = document.createElement('div');
      document.body.append(early);
      const form = await openForm();
      const page = document.body.firstElementChild!;
      expect(page.getAttribute('aria-hidden')).toBe('true');
      expect(early.getAttribute('aria-hidden')).toBe('true');
      const portal = form.region!.closest('[role="presentation"]')!;
      expect(portal.parentElement).toBe(document.body);
      expect(portal.hasAttribute('aria-hidden')).toBe(false);

      const host = document.createElement('wati-token-guard');
      const button = document.createElement('button');
      host.append(button);
      document.body.append(host); // an extension's UI, appended after opening
      await flush(2);
      expect(host.getAttribute('aria-hidden')).toBe('true');

      form.name!.el.focus();
      button.focus(); // focus lands outside the dialog
      await flush(2);
      expect(document.activeElement).toBe(form.name!.el);

      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      await flush(2);
      expect(readScopeForm(document)).toBeUndefined();
      expect(page.hasAttribute('aria-hidden')).toBe(false);
      expect(early.hasAttribute('aria-hidden')).toBe(false);
      expect(host.hasAttribute('aria-hidden')).toBe(false);
    });
  });

  // ------------------------------------------------------------------------------------------------------------
  describe.skipIf(!existsSync(REACT_SRC))('drawer-en (React 19 bundle)', () => {
    test('drawer form, select expiry, React-controlled fields, "Create token", reveal in <code>', async () => {
      await mount('drawer-en', 'en');
      const page = await until(() => { const p = readTokenPage(document); return p.list?.length ? p : undefined; }, 'list');
      expect(page.kind).toBe('api-tokens');
      expect(page.tenantId).toBe('10234');
      expect(page.list?.map((r) => [r.name, r.status, r.expiresAt])).toEqual([['Zapier prod', 'active', '2027-05-01'], ['Old CRM', 'revoked', null]]);
      expect(readAccessibleName(page.openFormButton!)).toBe('New token');

      const form = await openForm();
      const drawer = form.region!;
      expect(drawer.getAttribute('role')).toBe('dialog');
      expect(drawer.getAttribute('aria-modal')).toBe('false');
      expect(form.scopes.map((s) => s.raw).sort()).toEqual((await catalogIds()).sort());
      expect(readAccessibleName(form.name!.el)).toBe('Token name');
      expect(readAccessibleName(form.generate!)).toBe('Create token');
      expect(readAccessibleName(form.selectAll!.el)).toBe('Select all');
      expect(form.expiry).toMatchObject({ kind: 'select', value: '30', days: 30 });
      expect(form.expiry!.options!.map((o) => o.days)).toEqual([null, 30, 90, 180, 365]);

      // A value written without an event is in the DOM (the adapter reads it) but React never saw it:
      typeSilently(form.name!.el, 'Silent');
      expect(readScopeForm(document)!.name?.value).toBe('Silent');
      form.generate!.click();
      await until(() => document.querySelector('[role="alert"]'), 'the validation alerts');
      expect([...document.querySelectorAll('[role="alert"]')].map((a) => a.textContent)).toEqual(['Token name is required.', 'Select at least one scope.']);
      expect(server.created).toHaveLength(0);

      // The adapter's writes (native setter + events, real clicks) reach React's state.
      const f = readScopeForm(document, { now: new Date() })!;
      expect(applyText(f.name!.el, 'HubSpot sync').ok).toBe(true);
      for (const raw of ['contacts:read', 'messagetemplate:read']) {
        expect(await applyChecked(f.scopes.find((s) => s.raw === raw)!, true), raw).toMatchObject({ ok: true, checked: true });
      }
      expect((await applyExpiry(f.expiry!, 90, new Date())).ok).toBe(true);
      await flush();
      const again = readScopeForm(document, { now: new Date() })!;
      expect(again.name?.value).toBe('HubSpot sync');
      expect(again.scopes.filter((s) => s.checked).map((s) => s.raw).sort()).toEqual(['contacts:read', 'messagetemplate:read']);
      expect(again.expiry?.days).toBe(90);

      again.generate!.click();
      await until(() => server.created.length === 1, 'the POST');
      expect(server.created[0]).toMatchObject({ name: 'HubSpot sync', scopes: ['contacts:read', 'messagetemplate:read'] });
      const reveal = await until(() => findRevealedToken(document), 'the reveal');
      expect(reveal.token).toBe(NEW_TOKEN);
      expect(reveal.el.localName).toBe('code');
      expect(reveal.near).toEqual({ copy: true, warning: true });
      expect(readAccessibleName(reveal.copyButton!)).toBe('Copy');
      expect(reveal.closeButtons.map((b) => readAccessibleName(b))).toContain('Done');
    });
  });
});
