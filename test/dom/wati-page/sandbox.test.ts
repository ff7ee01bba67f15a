/**
 * The adapter against the sandbox's token pages (test/sandbox/app, written independently of this adapter):
 * different markup, styling and frameworks-in-miniature. Skipped when the sandbox is not there.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fakeSandboxServer, NEW_TOKEN, type Json } from './fake-sandbox-server';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { applyChecked, applyExpiry, applyText } from '@/lib/wati-page/apply';
import { looksLikeTokenPage, readTokenPage } from '@/lib/wati-page/detect';
import { readScopeForm } from '@/lib/wati-page/form';
import { findRevealedToken } from '@/lib/wati-page/reveal';
import type { ScopeFormState } from '@/lib/wati-page/types';

const ASSETS = join(process.cwd(), 'test/sandbox/app/assets');
const TOKENS_PAGE = join(ASSETS, 'pages/tokens/index.js');
const CATALOG = join(ASSETS, 'catalog.js');
const API_DOCS = join(ASSETS, 'pages/api-docs.js');
const INBOX = join(ASSETS, 'pages/inbox.js');
const I18N = join(ASSETS, 'i18n.js');
const available = existsSync(TOKENS_PAGE) && existsSync(CATALOG);

const fakeServer = fakeSandboxServer;

async function flush(times = 5): Promise<void> {
  for (let i = 0; i < times; i++) await new Promise((r) => setTimeout(r, 0));
}

interface Variant {
  variant: string;
  locale: 'en' | 'es';
  scopeName: (id: string) => string;
}

const variants: Variant[] = [
  { variant: 'inline-en', locale: 'en', scopeName: (id) => id },
  { variant: 'modal-en', locale: 'en', scopeName: (id) => id },
  { variant: 'modal-es', locale: 'es', scopeName: (id) => (id === 'api' || id.startsWith('wati_') ? id : `wati_${id}`) },
];

describe.skipIf(!available)('sandbox token pages', () => {
  let cleanup: (() => void) | undefined;
  let server: ReturnType<typeof fakeServer>;

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
    vi.useRealTimers();
    document.body.innerHTML = '';
  });

  async function mount(variant: string, locale: 'en' | 'es') {
    const { renderTokens } = (await import(/* @vite-ignore */ TOKENS_PAGE)) as { renderTokens: (el: Element, ctx: unknown) => () => void };
    document.documentElement.lang = locale;
    const main = document.createElement('main');
    document.body.replaceChildren(main);
    cleanup = renderTokens(main, {
      variant, locale, tenantId: '10234', apiEndpoint: 'https://live-mt-server.wati.io/10234', config: {}, quiet: true,
      href: (r: string) => `/10234${r}`, navigate: () => {},
    });
  }

  async function catalogIds(): Promise<string[]> {
    const { SCOPES } = (await import(/* @vite-ignore */ CATALOG)) as { SCOPES: Array<{ id: string }> };
    return SCOPES.map((s) => s.id);
  }

  test.each(variants)('$variant: detect, open, fill, generate, capture', async ({ variant, locale, scopeName }) => {
    await mount(variant, locale);
    await flush();
    expect(looksLikeTokenPage(document)).toBe(true);
    let page = readTokenPage(document);
    expect(page.tenantId).toBe('10234');
    expect(page.form).toBeUndefined();
    expect(page.list?.map((r) => r.name)).toEqual(['Zapier prod', 'Old CRM']);
    expect(page.list?.map((r) => r.status)).toEqual(['active', 'revoked']);
    expect(page.list?.map((r) => [r.scopes, r.createdAt, r.expiresAt])).toEqual([
      [[scopeName('contacts:read')], '2026-05-01', '2027-05-01'],
      [['api'], '2025-01-03', null],
    ]);
    expect(page.list?.[0]?.revokeButton).toBeDefined();
    expect(page.openFormButton).toBeDefined();

    page.openFormButton!.click();
    await flush();
    const form: ScopeFormState = readScopeForm(document, { now: new Date() })!;
    expect(form).toBeDefined();
    // Same scopes as the catalog (the page may group them by family, so compare as sets).
    expect(form.scopes.map((s) => s.raw).sort()).toEqual((await catalogIds()).map(scopeName).sort());
    expect(form.scopes.every((s) => !s.checked)).toBe(true);
    expect(form.name).toBeDefined();
    expect(form.expiry).toBeDefined();
    expect(form.generate).toBeDefined();
    expect(form.selectAll).toBeDefined();
    expect(form.isModal).toBe(variant !== 'inline-en');

    expect(applyText(form.name!.el, 'Zapier production').ok).toBe(true);
    for (const raw of [scopeName('contacts:read'), scopeName('messagetemplate:read')]) {
      const control = form.scopes.find((s) => s.raw === raw)!;
      expect(await applyChecked(control, true), raw).toMatchObject({ ok: true, checked: true });
    }
    const exp = await applyExpiry(form.expiry!, 90, new Date());
    expect(exp.ok).toBe(true);

    const again = readScopeForm(document, { now: new Date() })!;
    expect(again.name?.value).toBe('Zapier production');
    expect(again.scopes.filter((s) => s.checked).map((s) => s.raw).sort()).toEqual([scopeName('contacts:read'), scopeName('messagetemplate:read')].sort());
    expect(again.expiry?.days).toBe(90);

    again.generate!.click();
    await flush(10);
    expect(server.created).toHaveLength(1);
    expect(server.created[0]).toMatchObject({ name: 'Zapier production' });
    expect((server.created[0]!.scopes as string[]).sort()).toEqual([scopeName('contacts:read'), scopeName('messagetemplate:read')].sort());
    expect(server.created[0]!.expiresAt).not.toBeNull();

    const reveal = findRevealedToken(document);
    expect(reveal?.token).toBe(NEW_TOKEN);
    expect(reveal?.near).toEqual({ copy: true, warning: true });
    expect(reveal?.closeButtons.length).toBeGreaterThan(0);
    page = readTokenPage(document);
    expect(page.reveal?.token).toBe(NEW_TOKEN);
  });

  test('slow-en: nothing to read at first, then the heading, then the form after a delay', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await mount('slow-en', 'en');
    expect(readScopeForm(document)).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1600);
    expect(looksLikeTokenPage(document)).toBe(true);
    expect(readTokenPage(document).openFormButton).toBeUndefined(); // hidden until the list arrives
    await vi.advanceTimersByTimeAsync(1600);
    const page = readTokenPage(document);
    expect(page.openFormButton).toBeDefined();
    page.openFormButton!.click();
    await vi.advanceTimersByTimeAsync(100);
    expect(readScopeForm(document)).toBeUndefined(); // "Loading form…"
    await vi.advanceTimersByTimeAsync(1100);
    expect(readScopeForm(document)?.scopes.length).toBe((await catalogIds()).length);
  });

  test('unrecognisable: the page is recognised, its canvas-drawn form is not', async () => {
    const proto = HTMLCanvasElement.prototype as unknown as { getContext: unknown };
    const original = proto.getContext;
    // happy-dom has no 2D canvas; the variant only needs a drawing surface that does nothing.
    proto.getContext = () => new Proxy({}, { get: (_t, k) => (k === 'measureText' ? () => ({ width: 10 }) : () => {}), set: () => true });
    try {
      await mount('unrecognisable', 'en');
      await flush();
      expect(looksLikeTokenPage(document)).toBe(true);
      const page = readTokenPage(document);
      expect(page.openFormButton).toBeDefined();
      page.openFormButton!.click();
      await flush();
      expect(readScopeForm(document)).toBeUndefined();
      expect(readTokenPage(document).isTokenPage).toBe(true);
    } finally {
      proto.getContext = original;
    }
  });

  test.skipIf(!existsSync(API_DOCS) || !existsSync(I18N))('legacy API Docs: the bearer token is a token, next to copy, without the warning', async () => {
    const { renderApiDocs } = (await import(/* @vite-ignore */ API_DOCS)) as { renderApiDocs: (el: Element, ctx: unknown) => () => void };
    const { STRINGS } = (await import(/* @vite-ignore */ I18N)) as { STRINGS: Record<string, unknown> };
    const main = document.createElement('main');
    document.body.replaceChildren(main);
    cleanup = renderApiDocs(main, { t: STRINGS.en, tenantId: '10234', apiEndpoint: 'https://live-mt-server.wati.io/10234', href: (r: string) => r });
    await flush();
    const page = readTokenPage(document);
    expect(page.kind).toBe('legacy-api-docs');
    expect(page.tenantId).toBe('10234');
    expect(page.reveal?.token).toBe(NEW_TOKEN);
    expect(page.reveal?.el.localName).toBe('textarea');
    expect(page.reveal?.near.copy).toBe(true);
  });

  test.skipIf(!existsSync(INBOX) || !existsSync(I18N))('the inbox is not the token page and has no form or token', async () => {
    const { renderInbox } = (await import(/* @vite-ignore */ INBOX)) as { renderInbox: (el: Element, ctx: unknown) => (() => void) | undefined };
    const { STRINGS } = (await import(/* @vite-ignore */ I18N)) as { STRINGS: Record<string, unknown> };
    const main = document.createElement('main');
    document.body.replaceChildren(main);
    cleanup = renderInbox(main, { t: STRINGS.en, tenantId: '10234', apiEndpoint: 'https://live-mt-server.wati.io/10234', href: (r: string) => r, quiet: true, config: {} }) ?? undefined;
    await flush();
    expect(looksLikeTokenPage(document)).toBe(false);
    const page = readTokenPage(document);
    expect(page.isTokenPage).toBe(false);
    expect(page.form).toBeUndefined();
    expect(page.reveal).toBeUndefined();
  });
});
