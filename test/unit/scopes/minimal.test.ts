import { describe, expect, it } from 'vitest';
import { computeMinimalScopes } from '@/lib/scopes/minimal';

const SEND_SESSION = 'POST /{tenantId}/api/v1/sendSessionMessage/{whatsappNumber}';
const SEND_FILE_V1 = 'POST /{tenantId}/api/v1/sendSessionFile/{whatsappNumber}';
const TEXT_V3 = 'POST /api/ext/v3/conversations/messages/text';
const FILE_V3 = 'POST /api/ext/v3/conversations/messages/file';
const SCHEDULE_V3 = 'POST /api/ext/v3/messageTemplates/schedule';
const SEND_TPL_V3 = 'POST /api/ext/v3/messageTemplates/send';
const ADD_CONTACT_V3 = 'POST /api/ext/v3/contacts';
const LIST_CONTACTS_V3 = 'GET /api/ext/v3/contacts';
const GET_TEMPLATES_V1 = 'GET /{tenantId}/api/v1/getMessageTemplates';
const GET_CONTACTS_V1 = 'GET /{tenantId}/api/v1/getContacts';
const CHANNELS_V3 = 'GET /api/ext/v3/channels';

const names = (r: ReturnType<typeof computeMinimalScopes>): string[] => r.scopes.map((s) => s.formName);

describe('computeMinimalScopes', () => {
  it('sendSessionMessage → conversations:write, not api or wati_integration:write', () => {
    const r = computeMinimalScopes([SEND_SESSION]);
    expect(r).toEqual({
      endpoints: [SEND_SESSION],
      scopes: [{ scope: 'conversations:write', formName: 'conversations:write', reasons: [SEND_SESSION], guess: false }],
      unpublished: [],
      uncoverable: [],
      noKnownScope: [],
    });
  });

  it('v3 text message → conversationsv3:write', () => {
    expect(names(computeMinimalScopes([TEXT_V3]))).toEqual(['conversationsv3:write']);
  });

  it('prefers two narrow scopes to one broad scope shared by both', () => {
    // Both accept wati_integration:write; narrow family scopes still win.
    expect(names(computeMinimalScopes([TEXT_V3, SCHEDULE_V3]))).toEqual(['conversationsv3:write', 'messagetemplatev3:write']);
    expect(names(computeMinimalScopes([SEND_SESSION, SCHEDULE_V3, GET_TEMPLATES_V1]))).toEqual([
      'messagetemplate:read',
      'conversations:write',
      'messagetemplatev3:write',
    ]);
  });

  it('lists every endpoint a scope serves, deduplicating input', () => {
    const r = computeMinimalScopes([TEXT_V3, FILE_V3, TEXT_V3]);
    expect(r.endpoints).toEqual([TEXT_V3, FILE_V3]);
    expect(r.scopes).toEqual([{ scope: 'conversationsv3:write', formName: 'conversationsv3:write', reasons: [TEXT_V3, FILE_V3], guess: false }]);
  });

  it('marks guesses for unpublished endpoints', () => {
    const r = computeMinimalScopes([LIST_CONTACTS_V3, ADD_CONTACT_V3]);
    expect(r.unpublished).toEqual([LIST_CONTACTS_V3]);
    expect(r.scopes.map((s) => [s.scope, s.guess, s.reasons])).toEqual([
      ['contactsv3:read', true, [LIST_CONTACTS_V3]],
      ['contactsv3:write', false, [ADD_CONTACT_V3]],
    ]);
    expect(computeMinimalScopes([GET_CONTACTS_V1]).scopes).toEqual([
      { scope: 'contacts:read', formName: 'contacts:read', reasons: [GET_CONTACTS_V1], guess: true },
    ]);
  });

  it('recommends nothing for endpoints without any known scope name', () => {
    const r = computeMinimalScopes([CHANNELS_V3, TEXT_V3]);
    expect(r.noKnownScope).toEqual([CHANNELS_V3]);
    expect(r.unpublished).toEqual([CHANNELS_V3]);
    expect(r.uncoverable).toEqual([]);
    expect(names(r)).toEqual(['conversationsv3:write']);
  });

  it('an empty intent needs nothing', () => {
    expect(computeMinimalScopes([])).toEqual({ endpoints: [], scopes: [], unpublished: [], uncoverable: [], noKnownScope: [] });
  });

  it('unknown endpoint refs are uncoverable', () => {
    expect(computeMinimalScopes(['GET /nowhere', TEXT_V3]).uncoverable).toEqual(['GET /nowhere']);
  });

  describe('with the scopes the form offers', () => {
    it('keeps the form spelling', () => {
      const r = computeMinimalScopes([GET_CONTACTS_V1, SEND_SESSION], {
        available: ['api', 'wati_contacts:read', 'wati_conversations:write', 'wati_integration:write'],
      });
      expect(r.scopes.map((s) => [s.scope, s.formName])).toEqual([
        ['contacts:read', 'wati_contacts:read'],
        ['conversations:write', 'wati_conversations:write'],
      ]);
    });

    it('falls back to the narrowest broader scope, never joined by redundant ones', () => {
      expect(names(computeMinimalScopes([TEXT_V3], { available: ['api', 'wati_integration:write'] }))).toEqual([
        'wati_integration:write',
      ]);
      expect(names(computeMinimalScopes([TEXT_V3], { available: ['api'] }))).toEqual(['api']);
      // FILE needs conversationsv3:write or api; with api forced for it, nothing else is added.
      expect(names(computeMinimalScopes([TEXT_V3, FILE_V3], { available: ['api', 'wati_integration:write'] }))).toEqual(['api']);
      // A wildcard parent is narrower than the integration scope.
      expect(names(computeMinimalScopes([TEXT_V3, FILE_V3], { available: ['api', 'wati_integration:write', 'conversationsv3:*'] }))).toEqual([
        'conversationsv3:*',
      ]);
    });

    it('uses a parent wildcard for a guessed child missing from the form', () => {
      const r = computeMinimalScopes([LIST_CONTACTS_V3], { available: ['contactsv3:*', 'contactsv3:write', 'api'] });
      expect(r.scopes).toEqual([{ scope: 'contactsv3:*', formName: 'contactsv3:*', reasons: [LIST_CONTACTS_V3], guess: true }]);
      const onlyApi = computeMinimalScopes([LIST_CONTACTS_V3], { available: ['api'] });
      expect(onlyApi.scopes).toEqual([{ scope: 'api', formName: 'api', reasons: [LIST_CONTACTS_V3], guess: false }]);
    });

    it('reports endpoints the form cannot satisfy', () => {
      const r = computeMinimalScopes([SEND_TPL_V3, TEXT_V3, GET_CONTACTS_V1], { available: ['conversationsv3:write'] });
      expect(r.uncoverable).toEqual([SEND_TPL_V3, GET_CONTACTS_V1]);
      expect(names(r)).toEqual(['conversationsv3:write']);
      expect(computeMinimalScopes([TEXT_V3], { available: [] }).uncoverable).toEqual([TEXT_V3]);
    });

    it('never recommends a scope the catalog does not know', () => {
      const r = computeMinimalScopes([SEND_TPL_V3], { available: ['messagetemplatev3:*', 'api'] });
      expect(names(r)).toEqual(['api']);
    });

    it('api covers an endpoint whose published list is incomplete', () => {
      expect(names(computeMinimalScopes([SEND_TPL_V3, SEND_FILE_V1], { available: ['API'] }))).toEqual(['API']);
    });
  });
});
