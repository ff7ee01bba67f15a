import { describe, expect, it } from 'vitest';
import {
  comparePrivilege,
  isHighRisk,
  isKnownScope,
  lookupScope,
  normaliseScope,
  normaliseScopes,
  privilegeRank,
  privilegeTier,
  scopeCovers,
} from '@/lib/scopes/catalog';

describe('normaliseScope', () => {
  it.each([
    ['contacts:read', 'contacts:read'],
    ['wati_contacts:read', 'contacts:read'],
    ['  WATI_Contacts:Read ', 'contacts:read'],
    ['Contacts : Read', 'contacts:read'],
    ['wati_contactsv3:*', 'contactsv3:*'],
    ['wati_integration:write', 'wati_integration:write'],
    ['WATI_INTEGRATION:READ', 'wati_integration:read'],
    // Decision: the bare spelling of the integration scope lands on the same canonical id.
    ['integration:write', 'wati_integration:write'],
    ['wati_api', 'api'],
    ['API', 'api'],
    ['', ''],
    ['wati_', ''],
  ])('%j → %j', (raw, canon) => {
    expect(normaliseScope(raw)).toBe(canon);
  });

  it('dedupes after normalisation, keeping the first position', () => {
    expect(normaliseScopes(['wati_contacts:read', 'api', 'contacts:read', ' ', 'API'])).toEqual(['contacts:read', 'api']);
  });
});

describe('lookupScope / isKnownScope', () => {
  it('finds scopes in any spelling', () => {
    expect(lookupScope('wati_contacts:read')?.id).toBe('contacts:read');
    expect(lookupScope('wati_integration:read')?.family).toBe('integration');
    expect(lookupScope('contactsv3:*')?.access).toBe('wildcard');
    expect(lookupScope('api')).toMatchObject({ family: 'all', apiVersion: 'any', access: 'full' });
    expect(lookupScope('contactsv3:read')?.seenInDocs).toBe(false);
  });

  it('carries unknown scopes as unknown', () => {
    for (const s of ['contacts:delete', 'broadcasts:read', 'webhooks:*', 'messagetemplatev3:*', '*', 'wati_wati_contacts:read']) {
      expect(lookupScope(s)).toBeUndefined();
      expect(isKnownScope(s)).toBe(false);
      expect(privilegeTier(s)).toBe('unknown');
    }
  });
});

describe('isHighRisk', () => {
  it.each(['api', 'wati_api', 'wati_integration:read', 'wati_integration:write', 'integration:write', 'contactsv3:*', 'conversationsv3:*', 'webhooks:*', '*'])(
    '%s is high risk',
    (s) => expect(isHighRisk(s)).toBe(true),
  );
  it.each(['contacts:read', 'wati_contacts:write', 'conversationsv3:write', 'messagetemplatev2:write', 'contacts:delete'])(
    '%s is not high risk',
    (s) => expect(isHighRisk(s)).toBe(false),
  );
});

describe('scopeCovers', () => {
  it.each([
    ['contacts:read', 'contacts:read', true],
    ['wati_contacts:read', 'contacts:read', true],
    ['contacts:read', 'wati_contacts:read', true],
    ['api', 'contacts:read', true],
    ['api', 'wati_integration:write', true],
    ['api', 'something:unknown', true],
    ['contactsv3:*', 'contactsv3:read', true],
    ['contactsv3:*', 'contactsv3:write', true],
    ['wati_contactsv3:*', 'contactsv3:write', true],
    ['contactsv3:*', 'contactsv3:delete', true], // structural: unknown children of a known parent
    ['conversationsv3:*', 'conversationsv3:write', true],
    // Not assumed:
    ['contactsv3:*', 'contacts:read', false],
    ['contactsv3:*', 'conversationsv3:write', false],
    ['contactsv3:write', 'contactsv3:read', false],
    ['contacts:write', 'contacts:read', false],
    ['wati_integration:write', 'wati_integration:read', false],
    ['wati_integration:write', 'conversationsv3:write', false],
    ['wati_integration:read', 'messagetemplate:read', false],
    ['contactsv3:read', 'contactsv3:*', false],
    ['contactsv3:write', 'api', false],
    ['*', 'contacts:read', false],
    ['', 'contacts:read', false],
  ])('%s covers %s: %s', (g, r, expected) => {
    expect(scopeCovers(g, r)).toBe(expected);
  });
});

describe('privilege ordering', () => {
  it('read < write < wildcard < integration-broad < unknown < full', () => {
    const ordered = ['contacts:read', 'contactsv3:write', 'contactsv3:*', 'wati_integration:read', 'wati_integration:write', 'made:up', 'api'];
    for (let i = 1; i < ordered.length; i++) {
      expect(privilegeRank(ordered[i - 1]!)).toBeLessThan(privilegeRank(ordered[i]!));
    }
    expect([...ordered].reverse().sort(comparePrivilege)).toEqual(ordered);
  });

  it('tiers by catalog entry, whatever the spelling', () => {
    expect(privilegeTier('wati_contacts:read')).toBe('read');
    expect(privilegeTier('messagetemplatev2:write')).toBe('write');
    expect(privilegeTier('conversationsv3:*')).toBe('wildcard');
    expect(privilegeTier('integration:read')).toBe('integration-broad');
    expect(privilegeTier('api')).toBe('full');
    expect(privilegeRank('contacts:read')).toBe(privilegeRank('conversationsv3:read'));
  });
});
