import { afterEach, describe, expect, test } from 'vitest';
import { readTokenList } from '@/lib/wati-page/list';
import type { TokenListRow } from '@/lib/wati-page/types';
import { label, loadFixture, loadHtml } from './fixture';

type Plain = Omit<TokenListRow, 'el' | 'revokeButton'> & { revoke?: string };

function plain(rows: TokenListRow[] | undefined): Plain[] | undefined {
  return rows?.map(({ el: _el, revokeButton, ...rest }) => (revokeButton ? { ...rest, revoke: label(revokeButton) } : rest));
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('readTokenList', () => {
  test('<table> with <th> headers (en), buttons inside cells ignored for the name', () => {
    loadFixture('inline-native-en.html');
    expect(plain(readTokenList(document))).toEqual([
      { name: 'Zapier prod', scopes: ['contacts:read', 'conversations:write'], createdAt: '2026-05-01', expiresAt: '2026-11-22', status: 'active', revoke: 'Revoke' },
      { name: 'Old CRM', scopes: ['api'], createdAt: '2026-01-03', expiresAt: null, status: 'revoked' },
      { name: 'Sheets sync', scopes: ['wati_integration:read'], createdAt: '2025-11-22', expiresAt: '2026-02-24', status: 'expired' },
    ]);
  });

  test('cards in role=list/listitem (en-US dates)', () => {
    loadFixture('modal-aria-en.html');
    expect(plain(readTokenList(document))).toEqual([
      { name: 'Make.com', scopes: ['contactsv3:*', 'conversationsv3:write'], createdAt: '2026-11-02', expiresAt: '2027-02-03', status: 'active', revoke: 'Revoke token Make.com' },
      { name: 'HubSpot bridge', scopes: ['api'], createdAt: '2025-10-12', expiresAt: null, status: 'expired' },
    ]);
    expect(readTokenList(document)![0]!.revokeButton?.getAttribute('aria-label')).toBe('Revoke token Make.com');
  });

  test('div-based role=table (es, dd/mm/yyyy, "Sin caducidad")', () => {
    loadFixture('modal-switch-es.html');
    expect(plain(readTokenList(document))).toEqual([
      { name: 'n8n pruebas', scopes: ['wati_contacts:read', 'wati_messagetemplate:read'], createdAt: '2026-03-05', expiresAt: '2026-11-22', status: 'active', revoke: 'Revocar' },
      { name: 'Integración antigua', scopes: ['wati_integration:write'], createdAt: '2026-02-01', expiresAt: null, status: 'revoked' },
    ]);
  });

  test('repeated sibling blocks with <dl> pairs, a dash for no expiry, last used, delete as revoke', () => {
    loadFixture('mui-like-en.html');
    const rows = readTokenList(document);
    expect(plain(rows)).toEqual([
      { name: 'Zapier', scopes: ['messagetemplatev2:write'], createdAt: '2026-11-01', expiresAt: null, lastUsedAt: null, revoke: 'Delete token' },
      { name: 'Google Sheets', scopes: ['contacts:read', 'contacts:write'], createdAt: '2026-06-15', expiresAt: '2026-12-15', lastUsedAt: '2026-11-20', revoke: 'Delete token' },
    ]);
    expect(rows![0]!.revokeButton?.getAttribute('aria-label')).toBe('Delete token');
  });

  test('ul/li cards with "Label: value" text (pt, dd/mm/yyyy, "Nunca")', () => {
    loadFixture('ant-like-pt.html');
    expect(plain(readTokenList(document))).toEqual([
      { name: 'Integração CRM', scopes: ['wati_integration:read', 'wati_contacts:write'], createdAt: '2026-10-22', expiresAt: '2026-11-22', status: 'active', revoke: 'Revogar' },
      { name: 'Planilhas', scopes: ['api'], createdAt: '2026-01-03', expiresAt: null, status: 'revoked' },
    ]);
  });

  test('row elements are the rows / cards themselves', () => {
    loadFixture('modal-switch-es.html');
    for (const r of readTokenList(document)!) expect(r.el.getAttribute('role')).toBe('row');
    loadFixture('ant-like-pt.html');
    for (const r of readTokenList(document)!) expect(r.el.localName).toBe('li');
  });

  test('columns in any order, unknown columns ignored; an empty-state row is skipped', () => {
    loadHtml(`<html lang="en-US"><body><table>
      <tr><th>Status</th><th>Last used</th><th>Expiry date</th><th>Token name</th><th>Owner</th></tr>
      <tr><td>Active</td><td>11/20/2026</td><td>12/01/2026</td><td>Zap</td><td>ana@example.com</td></tr>
      <tr><td colspan="5">Showing 1 of 1</td></tr></table></body></html>`);
    expect(plain(readTokenList(document))).toEqual([{ name: 'Zap', expiresAt: '2026-12-01', lastUsedAt: '2026-11-20', status: 'active' }]);
  });

  test('a column that proves dd/mm wins over an en-US page language', () => {
    loadHtml(`<html lang="en-US"><body><table><thead><tr><th>Name</th><th>Created</th><th>Expires</th></tr></thead>
      <tbody><tr><td>A</td><td>03/04/2026</td><td>22/11/2026</td></tr></tbody></table></body></html>`);
    expect(readTokenList(document)?.[0]).toMatchObject({ createdAt: '2026-04-03', expiresAt: '2026-11-22' });
  });

  test('a table with headers but no rows is an empty list', () => {
    loadHtml('<table><thead><tr><th>Name</th><th>Scopes</th><th>Created</th></tr></thead><tbody></tbody></table>');
    expect(readTokenList(document)).toEqual([]);
  });

  test('tables that are not token lists are ignored', () => {
    loadHtml(`<table><tr><th>Contact</th><th>Phone</th></tr><tr><td>Ana</td><td>+34 600</td></tr></table>
      <table><tr><th>Name</th><th>Phone</th></tr><tr><td>Ana</td><td>+34 600</td></tr></table>`);
    expect(readTokenList(document)).toBeUndefined();
  });

  test('no list at all', () => {
    loadFixture('help-article-en.html');
    expect(readTokenList(document)).toBeUndefined();
    loadFixture('title-only-en.html');
    expect(readTokenList(document)).toBeUndefined();
  });
});
