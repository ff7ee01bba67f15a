import { describe, expect, it } from 'vitest';
import { getEndpoint } from '@/lib/scopes/endpoints';
import { computeMinimalScopes } from '@/lib/scopes/minimal';
import { getIntentPreset, INTENT_PRESET_IDS, listIntentPresets } from '@/lib/scopes/presets';

describe('intent presets', () => {
  it('keeps the stable ids and English labels', () => {
    expect(listIntentPresets().map((p) => [p.id, p.label])).toEqual([
      ['send-templates-v3', 'Send template messages (v3)'],
      ['reply-conversations-v3', 'Reply in conversations (v3)'],
      ['sync-contacts-read-v3', 'Sync contacts, read-only (v3)'],
      ['sync-contacts-rw-v3', 'Sync contacts, read/write (v3)'],
      ['read-templates-v1', 'Read templates (v1)'],
      ['send-session-v1', 'Send session messages (v1)'],
      ['sync-contacts-read-v1', 'Sync contacts, read-only (v1)'],
      ['send-templates-v2', 'Send template messages (v2)'],
    ]);
    expect(INTENT_PRESET_IDS).toHaveLength(8);
    expect(getIntentPreset('nope')).toBeUndefined();
  });

  it('only lists endpoints of its own API version', () => {
    for (const p of listIntentPresets()) {
      const version = /\((v\d)\)$/.exec(p.label)?.[1];
      for (const ref of p.endpoints) expect(getEndpoint(ref)?.version).toBe(version);
    }
  });

  it.each<[string, string[], boolean]>([
    ['send-templates-v3', ['messagetemplatev3:write'], false],
    ['reply-conversations-v3', ['conversationsv3:write'], false],
    ['sync-contacts-read-v3', ['contactsv3:read'], true],
    ['sync-contacts-rw-v3', ['contactsv3:read', 'contactsv3:write'], true],
    ['read-templates-v1', ['messagetemplate:read'], false],
    ['send-session-v1', ['conversations:write'], false],
    ['sync-contacts-read-v1', ['contacts:read'], true],
    ['send-templates-v2', ['messagetemplatev2:write'], false],
  ])('%s recommends %j', (id, scopes, anyGuess) => {
    const rec = computeMinimalScopes(getIntentPreset(id)!.endpoints);
    expect(rec.scopes.map((s) => s.scope)).toEqual(scopes);
    expect(rec.scopes.some((s) => s.guess)).toBe(anyGuess);
    expect(rec.uncoverable).toEqual([]);
  });
});
