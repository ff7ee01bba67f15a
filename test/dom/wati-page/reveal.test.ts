import { afterEach, describe, expect, test } from 'vitest';
import { findRevealedToken } from '@/lib/wati-page/reveal';
import { readTokenPage } from '@/lib/wati-page/detect';
import { label, loadFixture, loadHtml } from './fixture';

const JWT_NEW =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJqdGkiOiJuZXciLCJ0ZW5hbnRfaWQiOiIxMDIzNCIsInNjb3BlcyI6WyJjb250YWN0czpyZWFkIl0sImV4cCI6MTc5NTIzNjAwMH0.7WQohkf1MPB0mxx2fF602rG5d9t5e3qNBNgN_GqwQH0';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('findRevealedToken: each presentation', () => {
  test('JWT in <code> inside a modal, with copy, warning and Done', () => {
    loadFixture('reveal-code-modal-en.html');
    const r = findRevealedToken(document)!;
    expect(r.token).toBe(JWT_NEW);
    expect(r.shape).toBe('jwt');
    expect(r.el.localName).toBe('code');
    expect(r.isModal).toBe(true);
    expect(r.container.getAttribute('role')).toBe('dialog');
    expect(label(r.copyButton)).toBe('Copy');
    expect(r.closeButtons.map(label)).toEqual(['Done']);
    expect(r.warning?.localName).toBe('p');
    expect(r.near).toEqual({ copy: true, warning: true });
  });

  test('opaque token in a read-only input (es), icon-only copy and close buttons', () => {
    loadFixture('reveal-readonly-input-es.html');
    const r = findRevealedToken(document)!;
    expect(r.token).toBe('Km9V_EtM7Hbanqu1dFpeZFuDw35vhQlN4DJy8HpP');
    expect(r.shape).toBe('opaque');
    expect(r.el.localName).toBe('input');
    expect(r.isModal).toBe(true);
    expect(r.copyButton?.getAttribute('aria-label')).toBe('Copiar');
    expect(r.closeButtons.map(label)).toEqual(['✕', 'Listo']);
    expect(r.warning?.getAttribute('role')).toBe('alert');
    expect(r.near).toEqual({ copy: true, warning: true });
  });

  test('opaque token in a textarea in an inline panel (pt)', () => {
    loadFixture('reveal-textarea-pt.html');
    const r = findRevealedToken(document)!;
    expect(r.token).toBe('wt_Yt1-IhXTIcE_UrYL3yAmTl1xO-dU1qP4YVzA');
    expect(r.el.localName).toBe('textarea');
    expect(r.isModal).toBe(false);
    expect(r.container.localName).toBe('section');
    expect(label(r.copyButton)).toBe('Copiar');
    expect(r.closeButtons.map(label)).toEqual(['Concluído']);
    expect(r.near).toEqual({ copy: true, warning: true });
  });

  test('plain text in a div next to a copy button (title only), no warning', () => {
    loadFixture('reveal-div-copy-en.html');
    const r = findRevealedToken(document)!;
    expect(r.token).toBe('gsk4KYrPKCVtqbEYXFflIqi2DSHbB9LN');
    expect(r.el.localName).toBe('span');
    expect(r.copyButton?.getAttribute('title')).toBe('Copy to clipboard');
    expect(r.closeButtons.map(label)).toEqual(['Close']);
    expect(r.near).toEqual({ copy: true, warning: false });
  });

  test('a token rendered in highlighted spans inside <pre> is joined up', () => {
    loadHtml(`<div role="dialog"><p>This token will only be shown once.</p><pre><span>Km9V_EtM7Hbanqu1</span><span>dFpeZFuDw35vhQlN4DJy8HpP</span></pre></div>`);
    expect(findRevealedToken(document)?.token).toBe('Km9V_EtM7Hbanqu1dFpeZFuDw35vhQlN4DJy8HpP');
  });

  test('the legacy API Docs bearer token is a token: near copy, no warning', () => {
    loadFixture('legacy-api-docs-en.html');
    const r = findRevealedToken(document)!;
    expect(r.shape).toBe('jwt');
    expect(r.token.startsWith('eyJhbGciOiJIUzI1NiIs')).toBe(true);
    expect(r.near).toEqual({ copy: true, warning: false });
    const page = readTokenPage(document);
    expect(page.kind).toBe('legacy-api-docs');
    expect(page.tenantId).toBe('10234');
    expect(page.apiEndpoint).toBe('https://live-server-10234.wati.io/10234');
    expect(page.reveal?.token).toBe(r.token);
  });

  test('the token next to the warning wins over another token-shaped string on the page', () => {
    loadHtml(`<main><p>Build gsk4KYrPKCVtqbEYXFflIqi2DSHbB9LN</p></main>
      <div role="dialog"><p>You won't be able to see it again.</p><code>Km9V_EtM7Hbanqu1dFpeZFuDw35vhQlN4DJy8HpP</code></div>`);
    expect(findRevealedToken(document)?.token).toBe('Km9V_EtM7Hbanqu1dFpeZFuDw35vhQlN4DJy8HpP');
  });

  test('a hash-length hex string counts only next to copy or the warning', () => {
    loadHtml('<footer>Build a94a8fe5ccb19ba61c4c0873d391e987982fbbd3</footer>');
    expect(findRevealedToken(document)).toBeUndefined();
    loadHtml('<div><span>a94a8fe5ccb19ba61c4c0873d391e987982fbbd3</span><button>Copy</button></div>');
    expect(findRevealedToken(document)?.token).toBe('a94a8fe5ccb19ba61c4c0873d391e987982fbbd3');
  });
});

describe('findRevealedToken: not a token', () => {
  test('short codes, URLs, UUIDs, data URIs, CSS, scripts, hidden inputs, attributes, our own UI', () => {
    loadFixture('reveal-negative-en.html');
    expect(findRevealedToken(document)).toBeUndefined();
  });

  test('a help article with `Authorization: Bearer <token>` and a truncated sample', () => {
    loadFixture('help-article-en.html');
    expect(findRevealedToken(document)).toBeUndefined();
  });

  test('forms and lists without a revealed token', () => {
    for (const f of ['inline-native-en.html', 'modal-aria-en.html', 'modal-switch-es.html', 'mui-like-en.html', 'ant-like-pt.html', 'title-only-en.html', 'dialog-element-en.html', 'unrecognisable-en.html']) {
      loadFixture(f);
      expect(findRevealedToken(document), f).toBeUndefined();
    }
  });

  test('a token in a hidden (closed) panel is not shown', () => {
    loadHtml(`<div hidden><code>Km9V_EtM7Hbanqu1dFpeZFuDw35vhQlN4DJy8HpP</code><button>Copy</button></div>`);
    expect(findRevealedToken(document)).toBeUndefined();
  });
});
