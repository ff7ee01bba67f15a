import { vi } from 'vitest';

/** What the sandbox's page code reveals after "Generate" (test-only HS256 JWT). */
export const NEW_TOKEN =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJqdGkiOiJuZXciLCJ0ZW5hbnRfaWQiOiIxMDIzNCIsInNjb3BlcyI6WyJjb250YWN0czpyZWFkIl0sImV4cCI6MTc5NTIzNjAwMH0.7WQohkf1MPB0mxx2fF602rG5d9t5e3qNBNgN_GqwQH0';

export type Json = Record<string, unknown>;

/**
 * A `fetch` standing in for the sandbox server's control endpoints, so the sandbox's own page code runs in
 * happy-dom: two listed tokens, POST creates one and reveals NEW_TOKEN, the legacy API Docs token.
 */
export function fakeSandboxServer() {
  const tokens: Json[] = [
    { id: 't1', name: 'Zapier prod', scopes: ['contacts:read'], createdAt: '2026-05-01T10:00:00.000Z', expiresAt: '2027-05-01T10:00:00.000Z', status: 'active' },
    { id: 't2', name: 'Old CRM', scopes: ['api'], createdAt: '2025-01-03T10:00:00.000Z', expiresAt: null, status: 'revoked' },
  ];
  const created: Json[] = [];
  const respond = (status: number, data: unknown) => ({ ok: status < 400, status, json: async () => data });
  const fetch = vi.fn(async (url: string, init?: { method?: string; body?: string }) => {
    if (url.startsWith('/__sandbox/api/legacy-token')) return respond(200, { token: NEW_TOKEN });
    if (url.startsWith('/__sandbox/api/tokens') && (init?.method ?? 'GET') === 'GET') return respond(200, { tokens: [...tokens] });
    if (url === '/__sandbox/api/tokens' && init?.method === 'POST') {
      const body = JSON.parse(init.body ?? '{}') as Json;
      created.push(body);
      const t = { ...body, id: `n${created.length}`, createdAt: new Date().toISOString(), status: 'active' };
      tokens.unshift(t);
      return respond(201, { ...t, token: NEW_TOKEN });
    }
    return respond(404, { message: 'not found' });
  });
  return { fetch, created };
}
