import { describe, expect, it } from 'vitest';
import { SCOPE_CATALOG_DATA } from '@/lib/scopes/catalog-data';
import { ENDPOINT_DATA } from '@/lib/scopes/endpoints-data';
import { INTENT_PRESETS } from '@/lib/scopes/presets';
import { validateScopeData } from '@/lib/scopes/validate';

// The data is validated here, once, instead of on every call in the extension.
describe('scope data', () => {
  it('catalog, endpoint table and presets are valid and consistent', () => {
    expect(validateScopeData()).toEqual([]);
  });

  it('lists every scope name Wati material mentions, and flags the unseen ones', () => {
    const ids = SCOPE_CATALOG_DATA.map((e) => e.id).sort();
    expect(ids).toEqual(
      [
        'api',
        'wati_integration:read',
        'wati_integration:write',
        'contacts:read',
        'contacts:write',
        'messagetemplate:read',
        'messagetemplate:write',
        'conversations:read',
        'conversations:write',
        'messagetemplatev2:write',
        'contactsv3:*',
        'contactsv3:read',
        'contactsv3:write',
        'conversationsv3:*',
        'conversationsv3:read',
        'conversationsv3:write',
        'messagetemplatev3:read',
        'messagetemplatev3:write',
      ].sort(),
    );
    const unseen = SCOPE_CATALOG_DATA.filter((e) => !e.seenInDocs).map((e) => e.id).sort();
    expect(unseen).toEqual(
      ['contactsv3:read', 'conversationsv3:read', 'messagetemplatev3:read', 'conversations:read', 'messagetemplate:write'].sort(),
    );
  });

  it('has the 13 published rows of the reference table', () => {
    expect(ENDPOINT_DATA.filter((e) => e.published)).toHaveLength(13);
  });

  it('rejects broken data', () => {
    const dupe = [...SCOPE_CATALOG_DATA, SCOPE_CATALOG_DATA[0]];
    expect(validateScopeData(dupe).join('\n')).toMatch(/duplicate scope id api/);
    const prefixed = [{ ...SCOPE_CATALOG_DATA[3], id: 'wati_contacts:read' }];
    expect(validateScopeData(prefixed).join('\n')).toMatch(/not canonical/);
    const unseenWithoutInferred = [{ ...SCOPE_CATALOG_DATA[3], seenInDocs: false }];
    expect(validateScopeData(unseenWithoutInferred).join('\n')).toMatch(/inferred/);

    const badScope = [{ ...ENDPOINT_DATA[0], accepted: ['api', 'contacts:delete'] }];
    expect(validateScopeData(SCOPE_CATALOG_DATA, badScope).join('\n')).toMatch(/contacts:delete is not in the catalog/);
    const wrongVersion = [{ ...ENDPOINT_DATA[0], accepted: ['api', 'contacts:write'] }];
    expect(validateScopeData(SCOPE_CATALOG_DATA, wrongVersion).join('\n')).toMatch(/v1 scope on a v3 endpoint/);
    const unpublishedWithList = [{ ...ENDPOINT_DATA[0], published: false }];
    expect(validateScopeData(SCOPE_CATALOG_DATA, unpublishedWithList).join('\n')).toMatch(/unpublished with accepted/);
    const ambiguous = [ENDPOINT_DATA[0], { ...ENDPOINT_DATA[0], label: 'Other' }];
    expect(validateScopeData(SCOPE_CATALOG_DATA, ambiguous).join('\n')).toMatch(/duplicate endpoint/);
    const badPath = [{ ...ENDPOINT_DATA[0], path: '/api/v9/x' }];
    expect(validateScopeData(SCOPE_CATALOG_DATA, badPath).length).toBeGreaterThan(0);

    const badPreset = [...INTENT_PRESETS, { id: 'made-up', endpoints: ['GET /nowhere'] }];
    const problems = validateScopeData(SCOPE_CATALOG_DATA, ENDPOINT_DATA, badPreset).join('\n');
    expect(problems).toMatch(/made-up: id not declared/);
    expect(problems).toMatch(/unknown endpoint GET \/nowhere/);
  });
});
