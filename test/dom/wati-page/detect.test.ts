import { afterEach, describe, expect, test, vi } from 'vitest';
import { looksLikeTokenPage, readTokenPage, readTokenPageKind } from '@/lib/wati-page/detect';
import { findTokenPageLink } from '@/lib/wati-page/nav';
import { loadFixture, loadHtml } from './fixture';

afterEach(() => {
  vi.restoreAllMocks();
  document.title = '';
  document.body.innerHTML = '';
});

describe('looksLikeTokenPage', () => {
  test.each([
    ['<h1>API Tokens</h1>', 'api-tokens'],
    ['<h2>API tokens (3)</h2>', 'api-tokens'],
    ['<div role="heading" aria-level="1">Tokens de API</div>', 'api-tokens'],
    ['<h1>Tokens da API</h1>', 'api-tokens'],
    ['<h1>API Docs</h1>', 'legacy-api-docs'],
    ['<main aria-label="API Tokens"><p>x</p></main>', 'api-tokens'],
    ['<nav><a aria-current="page" href="/t">API Tokens</a></nav>', 'api-tokens'],
  ])('%s → %s', (html, kind) => {
    loadHtml(html);
    expect(readTokenPageKind(document)).toBe(kind);
    expect(looksLikeTokenPage(document)).toBe(true);
  });

  test.each([
    ['API Tokens | WATI', 'api-tokens'],
    ['Wati - Tokens da API', 'api-tokens'],
    ['WATI', undefined],
    ['How to generate an API token in Wati – Wati Help Center', undefined],
  ])('title %s → %s', (title, kind) => {
    loadHtml('<p>x</p>');
    document.title = title;
    expect(readTokenPageKind(document)).toBe(kind);
  });

  test.each([
    '<h1>Team Inbox</h1><p>API Tokens are managed elsewhere</p>',
    '<h1>How to generate an API token</h1>',
    '<h1>Connectors</h1><a href="/api">API Tokens</a>',
    '<wati-token-guard><h1>API Tokens</h1></wati-token-guard>',
  ])('not the token page: %s', (html) => {
    loadHtml(html);
    expect(looksLikeTokenPage(document)).toBe(false);
  });

  test('every fixture of the token page is recognised in its language; the help article is not', () => {
    for (const f of ['inline-native-en.html', 'modal-aria-en.html', 'modal-switch-es.html', 'mui-like-en.html', 'ant-like-pt.html', 'title-only-en.html', 'dialog-element-en.html', 'unrecognisable-en.html', 'reveal-code-modal-en.html', 'reveal-readonly-input-es.html', 'reveal-textarea-pt.html']) {
      loadFixture(f);
      expect(looksLikeTokenPage(document), f).toBe(true);
    }
    loadFixture('help-article-en.html');
    expect(looksLikeTokenPage(document)).toBe(false);
  });

  test('is cheap on a busy 5,000-node page: no text walk, only headings are read', () => {
    // A busy inbox: 800 conversations, each ~7 elements and 5 text nodes, plus a few headings.
    const rows: string[] = [];
    for (let i = 0; i < 800; i++) {
      rows.push(`<li><div><img alt=""><span>Contact ${i}</span><span>+34 600 000 ${i}</span><p>Last message number ${i} with some text</p><time>10:${i % 60}</time></div></li>`);
    }
    loadHtml(`<header><h1>Team Inbox</h1></header><aside><h2>Chats</h2><ul>${rows.join('')}</ul></aside><main><h3>Contact 1</h3></main>`);
    expect(document.getElementsByTagName('*').length).toBeGreaterThan(5000);

    const text = document.createTextNode('x');
    let owner: object | null = Object.getPrototypeOf(text);
    while (owner && !Object.getOwnPropertyDescriptor(owner, 'nodeValue')) owner = Object.getPrototypeOf(owner);
    const desc = Object.getOwnPropertyDescriptor(owner!, 'nodeValue')!;
    let reads = 0;
    Object.defineProperty(owner!, 'nodeValue', { ...desc, get() { reads++; return desc.get!.call(this); } });
    const walker = vi.spyOn(document, 'createTreeWalker');
    const textContent = Object.getOwnPropertyDescriptor(Node.prototype, 'textContent');
    let textContentReads = 0;
    if (textContent?.get) {
      Object.defineProperty(Node.prototype, 'textContent', { ...textContent, get() { textContentReads++; return textContent.get!.call(this); } });
    }
    try {
      expect(looksLikeTokenPage(document)).toBe(false);
    } finally {
      Object.defineProperty(owner!, 'nodeValue', desc);
      if (textContent) Object.defineProperty(Node.prototype, 'textContent', textContent);
    }
    expect(walker).not.toHaveBeenCalled();
    expect(textContentReads).toBe(0);
    expect(reads).toBeGreaterThan(0); // the spy works: headings were read
    expect(reads).toBeLessThan(20); // the three headings' text, not the 4,000 text nodes of the chat list
  });
});

describe('readTokenPage', () => {
  test('reads the tenant id from the API endpoint shown on the page', () => {
    loadFixture('inline-native-en.html');
    const page = readTokenPage(document);
    expect(page.tenantId).toBe('10234');
    expect(page.apiEndpoint).toBe('https://live-mt-server.wati.io/10234');
    expect(page.kind).toBe('api-tokens');
    expect(page.heading?.localName).toBe('h1');
    expect(page.list).toHaveLength(3);
  });

  test('a v3 endpoint has no tenant id', () => {
    loadFixture('modal-aria-en.html');
    const page = readTokenPage(document);
    expect(page.apiEndpoint).toBe('https://live-mt-server.wati.io/api/ext/v3/contacts');
    expect(page.tenantId).toBeUndefined();
  });

  test('a link href-less text endpoint (es)', () => {
    loadFixture('modal-switch-es.html');
    expect(readTokenPage(document).tenantId).toBe('10234');
  });

  test('the page right after generating: reveal, no form', () => {
    loadFixture('reveal-code-modal-en.html');
    const page = readTokenPage(document);
    expect(page.isTokenPage).toBe(true);
    expect(page.form).toBeUndefined();
    expect(page.reveal?.near.warning).toBe(true);
  });

  test('the opener alone, before the form opens', () => {
    loadHtml('<main><h1>API Tokens</h1><button type="button">Generate new token</button><a href="https://support.wati.io/x">Learn how to generate a new token for your integration</a></main>');
    const page = readTokenPage(document);
    expect(page.openFormButton?.textContent).toBe('Generate new token');
    expect(page.form).toBeUndefined();
  });
});

describe('findTokenPageLink (nav)', () => {
  test('points at the Connectors menu when no direct link exists', () => {
    loadFixture('inline-native-en.html');
    const found = findTokenPageLink(document);
    expect(found?.el.textContent).toBe('Connectors');
    expect(found?.exact).toBe(false);
  });
  test('a direct "API Tokens" link is exact', () => {
    loadHtml('<nav><a href="/c">Connectors</a><a href="/t">API Tokens</a></nav>');
    expect(findTokenPageLink(document)?.exact).toBe(true);
  });
});
