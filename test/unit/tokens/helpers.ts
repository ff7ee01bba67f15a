import type { TokenRecord } from '@/lib/tokens/record';

export const T0 = Date.parse('2026-01-15T10:00:00.000Z');
export const DAY = 86_400_000;

export function makeRecord(over: Partial<TokenRecord> = {}): TokenRecord {
  return {
    id: 'tok-1',
    workspace: { tenantId: '123456', host: 'live-mt-server.wati.io' },
    name: 'crm-sync-prod-2026-01',
    scopes: ['contactsv3:write'],
    createdAt: '2026-01-15T10:00:00.000Z',
    expiresAt: null,
    source: 'captured',
    status: 'active',
    updatedAt: '2026-01-15T10:00:00.000Z',
    ...over,
  };
}

/** A compact unsigned JWT for tests (`alg: none`-style signature part of junk). */
export function makeJwt(payload: Record<string, unknown>, header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' }): string {
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${enc(header)}.${enc(payload)}.c2lnbmF0dXJlLW5vdC1jaGVja2Vk`;
}
