import { describe, expect, it } from 'vitest';
import { checkScopes } from '@/lib/scopes/check';
import { computeMinimalScopes } from '@/lib/scopes/minimal';

const TEXT_V3 = 'POST /api/ext/v3/conversations/messages/text';
const FILE_V3 = 'POST /api/ext/v3/conversations/messages/file';
const ADD_CONTACT_V3 = 'POST /api/ext/v3/contacts';
const LIST_CONTACTS_V3 = 'GET /api/ext/v3/contacts';
const SEND_SESSION = 'POST /{tenantId}/api/v1/sendSessionMessage/{whatsappNumber}';
const CHANNELS_V3 = 'GET /api/ext/v3/channels';

const FORM = [
  'api',
  'wati_integration:read',
  'wati_integration:write',
  'wati_contacts:read',
  'wati_contacts:write',
  'wati_conversations:write',
  'contactsv3:*',
  'contactsv3:read',
  'contactsv3:write',
  'conversationsv3:*',
  'conversationsv3:write',
  'messagetemplatev3:write',
];

const brief = (fs: ReturnType<typeof checkScopes>): string[] => fs.map((f) => `${f.kind} ${f.scope}`);

describe('checkScopes without an intent', () => {
  it('reports high-risk and unknown scopes only', () => {
    const fs = checkScopes({
      selected: ['contacts:read', 'api', 'wati_integration:write', 'contactsv3:*', 'broadcasts:read'],
      available: FORM,
      recommended: undefined,
      selectAllUsed: true,
    });
    expect(brief(fs)).toEqual([
      'high-risk select-all',
      'high-risk api',
      'high-risk contactsv3:*',
      'high-risk wati_integration:write',
      'unknown broadcasts:read',
    ]);
    expect(fs[1]?.reason).toBe('api grants full access to every endpoint');
    expect(fs[2]?.reason).toMatch(/every contactsv3 permission/);
    expect(fs[4]?.reason).toMatch(/not in the catalog/);
  });

  it('an unknown wildcard is both unknown and high-risk', () => {
    expect(brief(checkScopes({ selected: ['webhooks:*'], available: [], recommended: undefined }))).toEqual([
      'high-risk webhooks:*',
      'unknown webhooks:*',
    ]);
  });

  it('nothing to say about a narrow known selection', () => {
    expect(checkScopes({ selected: ['wati_contacts:read'], available: FORM, recommended: undefined })).toEqual([]);
  });
});

describe('checkScopes with an intent', () => {
  const rec = computeMinimalScopes([TEXT_V3, ADD_CONTACT_V3], { available: FORM });

  it('the recommended set is clean', () => {
    expect(checkScopes({ selected: ['conversationsv3:write', 'contactsv3:write'], available: FORM, recommended: rec })).toEqual([]);
  });

  it('reports what is missing, naming the call that would 403', () => {
    const fs = checkScopes({ selected: ['conversationsv3:write'], available: FORM, recommended: rec });
    expect(fs).toEqual([
      {
        kind: 'missing',
        scope: 'contactsv3:write',
        reason: 'POST /api/ext/v3/contacts would fail with 403 without it',
        endpoints: [ADD_CONTACT_V3],
      },
    ]);
  });

  it('reports excess scopes with the endpoints that do not need them', () => {
    const fs = checkScopes({
      selected: ['conversationsv3:write', 'contactsv3:write', 'wati_contacts:read', 'messagetemplatev3:write'],
      available: FORM,
      recommended: rec,
    });
    expect(brief(fs)).toEqual(['excess messagetemplatev3:write', 'excess wati_contacts:read']);
    expect(fs[1]?.reason).toBe('Not needed by: Send a text message (v3), Add a contact (v3)');
  });

  it('suggests the narrower scope when a broader one does the job', () => {
    const fs = checkScopes({ selected: ['api'], available: FORM, recommended: rec });
    expect(fs.map((f) => [f.kind, f.scope, f.reason])).toEqual([
      ['high-risk', 'api', 'api grants full access to every endpoint'],
      [
        'excess',
        'api',
        'Broader than needed: conversationsv3:write, contactsv3:write are enough for Send a text message (v3), Add a contact (v3)',
      ],
    ]);
    const wild = checkScopes({ selected: ['conversationsv3:*', 'contactsv3:write'], available: FORM, recommended: rec });
    expect(wild.map((f) => [f.kind, f.scope, f.reason])).toEqual([
      ['high-risk', 'conversationsv3:*', 'conversationsv3:* grants every conversationsv3 permission, including any Wati adds later'],
      ['excess', 'conversationsv3:*', 'Broader than needed: conversationsv3:write is enough for Send a text message (v3)'],
    ]);
  });

  it('flags a broader scope selected next to the recommended one as redundant', () => {
    const fs = checkScopes({ selected: ['conversationsv3:write', 'contactsv3:write', 'wati_integration:write'], available: FORM, recommended: rec });
    expect(fs.map((f) => [f.kind, f.scope, f.reason])).toEqual([
      ['high-risk', 'wati_integration:write', expect.stringMatching(/broad write access/)],
      ['excess', 'wati_integration:write', 'Not needed: conversationsv3:write already covers Send a text message (v3)'],
    ]);
  });

  it('uses the form spelling for missing scopes and groups endpoints', () => {
    const r = computeMinimalScopes([SEND_SESSION], { available: FORM });
    const fs = checkScopes({ selected: [], available: FORM, recommended: r });
    expect(fs).toEqual([
      {
        kind: 'missing',
        scope: 'wati_conversations:write',
        reason: 'POST /{tenantId}/api/v1/sendSessionMessage/{whatsappNumber} would fail with 403 without it',
        endpoints: [SEND_SESSION],
      },
    ]);
    const two = checkScopes({ selected: [], available: FORM, recommended: computeMinimalScopes([TEXT_V3, FILE_V3]) });
    expect(two).toHaveLength(1);
    expect(two[0]?.endpoints).toEqual([TEXT_V3, FILE_V3]);
  });

  it('hedges for guessed endpoints', () => {
    const r = computeMinimalScopes([LIST_CONTACTS_V3], { available: FORM });
    expect(checkScopes({ selected: [], available: FORM, recommended: r })[0]?.reason).toBe(
      'GET /api/ext/v3/contacts would likely fail with 403 without it (Wati does not publish its scope; this is a best guess)',
    );
    expect(checkScopes({ selected: ['contactsv3:read', 'contactsv3:write'], available: FORM, recommended: r })[0]?.reason).toMatch(
      /^Not needed by: List contacts \(v3\) \(Wati does not publish/,
    );
  });

  it('does not report endpoints the recommendation already explains', () => {
    const r = computeMinimalScopes([CHANNELS_V3, 'POST /api/ext/v3/messageTemplates/send'], { available: ['contacts:read'] });
    expect(r.uncoverable).toEqual(['POST /api/ext/v3/messageTemplates/send']);
    expect(checkScopes({ selected: [], available: ['contacts:read'], recommended: r })).toEqual([]);
  });

  it('accepts an equally narrow alternative the form spells differently', () => {
    expect(checkScopes({ selected: ['CONVERSATIONSV3:WRITE', 'wati_contactsv3:write'], available: FORM, recommended: rec })).toEqual([]);
  });

  it('is deterministic whatever the selection order', () => {
    const a = checkScopes({ selected: ['api', 'x:y', 'contactsv3:*', 'wati_contacts:read'], available: FORM, recommended: rec, selectAllUsed: true });
    const b = checkScopes({ selected: ['wati_contacts:read', 'contactsv3:*', 'x:y', 'api'], available: FORM, recommended: rec, selectAllUsed: true });
    expect(a).toEqual(b);
    expect(brief(a)).toEqual([
      'high-risk select-all',
      'high-risk api',
      'high-risk contactsv3:*',
      'unknown x:y',
      'excess api',
      'excess contactsv3:*',
      'excess wati_contacts:read',
      'excess x:y',
    ]);
    const c = checkScopes({ selected: ['x:y', 'wati_contacts:read'], available: FORM, recommended: rec });
    expect(brief(c)).toEqual([
      'missing contactsv3:write',
      'missing conversationsv3:write',
      'unknown x:y',
      'excess wati_contacts:read',
      'excess x:y',
    ]);
  });
});
