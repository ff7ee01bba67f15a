import { describe, expect, test } from 'vitest';
import { findScopeId, findScopeIds, isScopeId, readBareApiScope } from '@/lib/wati-page/scope-id';

describe('findScopeIds', () => {
  test.each([
    ['contacts:read', ['contacts:read']],
    ['wati_contacts:read', ['wati_contacts:read']],
    ['contactsv3:*', ['contactsv3:*']],
    ['messagetemplatev2:write', ['messagetemplatev2:write']],
    ['wati_integration:write — broad write', ['wati_integration:write']],
    ['contactsv3:* (includes contactsv3:write)', ['contactsv3:*', 'contactsv3:write']],
    ['contacts:read, conversations:write', ['contacts:read', 'conversations:write']],
    ['Scopes: contacts:read', ['contacts:read']],
  ])('%s', (text, ids) => expect(findScopeIds(text)).toEqual(ids));

  test.each([
    'https://live-mt-server.wati.io/10234',
    'mailto:someone@example.com',
    'at 10:00',
    'Status:Active',
    'Name: My token',
    'Note: read carefully',
    'live-mt-server.wati.io:443',
    'Authorization: Bearer <token>',
    '',
  ])('none in %s', (text) => expect(findScopeIds(text)).toEqual([]));

  test('findScopeId / isScopeId', () => {
    expect(findScopeId('Read contacts (contacts:read)')).toBe('contacts:read');
    expect(isScopeId(' contacts:read ')).toBe(true);
    expect(isScopeId('contacts:read and more')).toBe(false);
  });
});

describe('readBareApiScope', () => {
  test.each([
    ['api', 'api'], ['API', 'api'], ['api — full access', 'api'], ['api (all endpoints)', 'api'],
    ['api Full access to every endpoint', 'api'], ['wati_api', 'wati_api'],
  ])('%s → %s', (label, expected) => expect(readBareApiScope(label)).toBe(expected));
  test.each(['API Tokens', 'API key', 'API Docs', 'apiary', 'api:read', 'rapid', 'Use the api', ''])('not %s', (label) =>
    expect(readBareApiScope(label)).toBeUndefined(),
  );
});
