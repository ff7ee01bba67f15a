import { describe, expect, it } from 'vitest';
import { checkTokenName, slugify, suggestTokenName } from '@/lib/tokens/naming';

describe('suggestTokenName', () => {
  it('is integration-environment-YYYY-MM in the user’s time zone', () => {
    const now = Date.parse('2026-11-30T23:30:00Z');
    expect(suggestTokenName({ integration: 'CRM Sync', environment: 'Production', now, timeZone: 'UTC' })).toBe('crm-sync-prod-2026-11');
    // Already December in Tokyo.
    expect(suggestTokenName({ integration: 'CRM Sync', environment: 'prod', now, timeZone: 'Asia/Tokyo' })).toBe('crm-sync-prod-2026-12');
    expect(suggestTokenName({ now, timeZone: 'UTC' })).toBe('integration-2026-11');
    expect(suggestTokenName({ integration: 'Integração Açaí', environment: 'Homologação', now, timeZone: 'UTC' })).toBe('integracao-acai-staging-2026-11');
  });

  it('slugify folds accents and separators', () => {
    expect(slugify('  Señal / Bot__v2 ')).toBe('senal-bot-v2');
  });
});

describe('checkTokenName', () => {
  const codes = (name: string, existing: string[] = []) => checkTokenName(name, existing).map((w) => w.code);
  it('warns about empty, generic (EN/ES/PT), duplicate and too-long names', () => {
    expect(codes('   ')).toEqual(['empty']);
    for (const g of ['test', 'Token', 'API', 'my token', 'New Token', 'key', 'prueba', 'Prueba 2', 'teste', 'Meu token', 'Nuevo token', 'chave', 'token_1', 'TESTE-3']) {
      expect(codes(g), g).toEqual(['generic']);
    }
    expect(codes('crm-sync-prod', ['CRM-Sync-Prod'])).toEqual(['duplicate']);
    expect(codes('a'.repeat(65))).toEqual(['too-long']);
    expect(codes('crm-sync-prod-2026-11', ['erp'])).toEqual([]);
  });
});
