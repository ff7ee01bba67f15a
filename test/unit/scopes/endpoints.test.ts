import { describe, expect, it } from 'vitest';
import {
  endpointScopeOptions,
  getEndpoint,
  isWatiApiPath,
  listEndpoints,
  matchEndpoint,
  matchEndpointsByPath,
  splitWatiApiPath,
} from '@/lib/scopes/endpoints';

describe('endpoint table', () => {
  it('refs are "METHOD path" and resolve', () => {
    for (const e of listEndpoints()) {
      expect(e.ref).toBe(`${e.method} ${e.path}`);
      expect(getEndpoint(e.ref)).toBe(e);
    }
    expect(getEndpoint('GET /nope')).toBeUndefined();
  });

  it('unpublished rows expose their guess as the only option, or none', () => {
    expect(endpointScopeOptions(getEndpoint('GET /api/ext/v3/contacts')!)).toEqual(['contactsv3:read']);
    expect(endpointScopeOptions(getEndpoint('GET /{tenantId}/api/v1/getContacts')!)).toEqual(['contacts:read']);
    expect(endpointScopeOptions(getEndpoint('POST /{tenantId}/api/v1/addContact/{whatsappNumber}')!)).toEqual(['contacts:write']);
    expect(endpointScopeOptions(getEndpoint('GET /api/ext/v3/channels')!)).toEqual([]);
    expect(endpointScopeOptions(getEndpoint('POST /api/ext/v3/contacts')!)).toEqual(['api', 'contactsv3:write']);
  });
});

describe('matchEndpoint', () => {
  const cases: Array<[string, string, string | undefined]> = [
    ['POST', '/api/ext/v3/contacts', 'POST /api/ext/v3/contacts'],
    ['post', 'https://live-mt-server.wati.io/api/ext/v3/contacts', 'POST /api/ext/v3/contacts'],
    ['POST', 'https://example.com/api/ext/v3/contacts/', 'POST /api/ext/v3/contacts'],
    ['POST', '/api/ext/v3/contacts?x=1#frag', 'POST /api/ext/v3/contacts'],
    ['GET', '/api/ext/v3/contacts', 'GET /api/ext/v3/contacts'],
    ['DELETE', '/api/ext/v3/contacts', undefined],
    ['PUT', '/api/ext/v3/contacts/teams', 'PUT /api/ext/v3/contacts/teams'],
    ['PUT', '/api/ext/v3/contacts/447700900123', 'PUT /api/ext/v3/contacts/{target}'],
    ['GET', '/api/ext/v3/contacts/count', 'GET /api/ext/v3/contacts/count'],
    ['GET', '/api/ext/v3/contacts/abc', 'GET /api/ext/v3/contacts/{target}'],
    ['GET', '/api/ext/v3/contacts/a/b', undefined],
    ['PUT', '/api/ext/v3/conversations/447700900123/operator', 'PUT /api/ext/v3/conversations/{target}/operator'],
    ['PUT', '/api/ext/v3/conversations/{{target}}/status', 'PUT /api/ext/v3/conversations/{target}/status'],
    ['GET', '/api/ext/v3/broadcasts/overview', 'GET /api/ext/v3/broadcasts/overview'],
    ['GET', '/api/ext/v3/broadcasts/42', 'GET /api/ext/v3/broadcasts/{id}'],
    ['GET', '/api/ext/v3/broadcasts/42/recipients', 'GET /api/ext/v3/broadcasts/{id}/recipients'],
    ['GET', '/api/ext/v3/messagetemplates', 'GET /api/ext/v3/messageTemplates'],
    ['POST', '/api/ext/v3/conversations/messages/fileViaUrl', 'POST /api/ext/v3/conversations/messages/fileViaUrl'],
    ['GET', '/api/ext/v3/conversations/messages/file/m-1', 'GET /api/ext/v3/conversations/messages/file/{message_id}'],
    // v1/v2: tenant prefix optional, any host, query strings
    ['GET', 'https://live-mt-server.wati.io/123456/api/v1/getContacts', 'GET /{tenantId}/api/v1/getContacts'],
    ['GET', '/123456/api/v1/getContacts?pageSize=10&pageNumber=1', 'GET /{tenantId}/api/v1/getContacts'],
    ['GET', '/api/v1/getContacts', 'GET /{tenantId}/api/v1/getContacts'],
    ['GET', 'https://app-server.wati.io/api/v1/getMessageTemplates/', 'GET /{tenantId}/api/v1/getMessageTemplates'],
    ['POST', 'https://live-server-42.wati.io/9/api/v1/sendSessionMessage/447700900123?messageText=hi', 'POST /{tenantId}/api/v1/sendSessionMessage/{whatsappNumber}'],
    ['POST', '/{{tenantId}}/api/v1/sendSessionFile/{{phone}}', 'POST /{tenantId}/api/v1/sendSessionFile/{whatsappNumber}'],
    ['POST', '/1/api/v1/sendTemplateMessage?whatsappNumber=447700900123', 'POST /{tenantId}/api/v1/sendTemplateMessage'],
    ['POST', '/1/api/v2/sendTemplateMessages', 'POST /{tenantId}/api/v2/sendTemplateMessages'],
    ['POST', '/1/api/v1/sendTemplateMessages', 'POST /{tenantId}/api/v1/sendTemplateMessages'],
    ['POST', '/1//api//v1//getContacts//', undefined], // wrong method
    ['GET', '/1//api//v1//getContacts//', 'GET /{tenantId}/api/v1/getContacts'],
    // wrong version or shape
    ['POST', '/1/api/v2/sendSessionMessage/1', undefined],
    ['POST', '/api/v3/contacts', undefined],
    ['POST', '/api/v1/sendSessionMessage', undefined],
    ['GET', 'https://live-mt-server.wati.io/', undefined],
    ['GET', '', undefined],
  ];
  it.each(cases)('%s %s → %s', (method, path, ref) => {
    expect(matchEndpoint(method, path)?.ref).toBe(ref);
  });

  it('returns params and the tenant id', () => {
    const m = matchEndpoint('POST', 'https://live-mt-server.wati.io/302156/api/v1/sendSessionMessage/447700900123');
    expect(m?.params).toEqual({ whatsappNumber: '447700900123' });
    expect(m?.tenantId).toBe('302156');
    expect(matchEndpoint('POST', '/{{tenant}}/api/v1/sendSessionMessage/1')?.tenantId).toBeUndefined();
    expect(matchEndpoint('GET', 'https://live-mt-server.wati.io/api/v1/getContacts')?.tenantId).toBeUndefined();
    expect(matchEndpoint('PUT', '/api/ext/v3/conversations/%2B447700900123/status')?.params).toEqual({ target: '+447700900123' });
  });

  it('lists every method a path is documented with', () => {
    expect(matchEndpointsByPath('/api/ext/v3/contacts').map((m) => m.ref).sort()).toEqual([
      'GET /api/ext/v3/contacts',
      'POST /api/ext/v3/contacts',
    ]);
    expect(matchEndpointsByPath('/api/ext/v3/contacts/teams').map((m) => m.ref)).toEqual([
      'PUT /api/ext/v3/contacts/teams',
      'GET /api/ext/v3/contacts/{target}',
      'PUT /api/ext/v3/contacts/{target}',
    ]);
  });
});

describe('splitWatiApiPath', () => {
  it('finds the API part of URLs and templated paths', () => {
    expect(splitWatiApiPath('https://live-mt-server.wati.io/123/api/v1/getContacts?x=1')).toMatchObject({
      version: 'v1',
      prefix: ['123'],
      rest: ['getContacts'],
      apiPath: '/api/v1/getContacts',
    });
    expect(splitWatiApiPath('{{baseUrl}}/api/ext/v3/contacts/')?.apiPath).toBe('/api/ext/v3/contacts');
    expect(splitWatiApiPath('${BASE}/${tenantId}/API/V2/sendTemplateMessages')?.version).toBe('v2');
    expect(isWatiApiPath('https://app.wati.io/login')).toBe(false);
    expect(isWatiApiPath('/api/ext/v4/contacts')).toBe(false);
  });
});
