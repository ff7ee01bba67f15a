/**
 * The mock Wati API (https://live-mt-server.wati.io): a handful of v1/v2/v3 endpoints with Wati's auth semantics.
 * Each endpoint lists the scopes it accepts; a token needs any one of them. The legacy token skips the scope check.
 */
import crypto from 'node:crypto';
import type { TokenStore } from './store.ts';

export const API_HOST = 'live-mt-server.wati.io';

export interface ApiRoute {
  method: 'GET' | 'POST';
  /** documentation form of the path */
  path: string;
  pattern: RegExp;
  /** v1/v2 paths carry the tenant id as their first segment (capture group 1) */
  tenantInPath: boolean;
  acceptedScopes: readonly string[];
  respond(ctx: { match: RegExpExecArray; body: unknown; tenantId: string; query: URLSearchParams }): unknown;
}

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const now = () => new Date().toISOString();
const bodyField = (body: unknown, key: string): unknown =>
  typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[key] : undefined;

const sampleContacts = (tenantId: string) =>
  ['Ana Souza', 'Rahul Mehta', 'Li Wei', 'Fatima Al-Sayed', 'John Carter'].map((name, i) => ({
    id: `${tenantId}-c${i + 1}`,
    wAid: `9198765432${10 + i}`,
    firstName: name.split(' ')[0],
    fullName: name,
    phone: `9198765432${10 + i}`,
    source: null,
    contactStatus: 'VALID',
    photo: null,
    created: '2026-03-0' + (i + 1) + 'T10:00:00Z',
    customParams: [{ name: 'city', value: ['Mumbai', 'São Paulo', 'Dubai', 'Shenzhen', 'Austin'][i] }],
    optedIn: true,
  }));

const sampleTemplates = () =>
  ['order_confirmation', 'shipping_update', 'appointment_reminder'].map((elementName, i) => ({
    id: `tpl-${i + 1}`,
    elementName,
    category: 'UTILITY',
    status: 'APPROVED',
    language: { key: 'en', value: 'English', text: 'English' },
    body: `Hello {{1}}, this is your ${elementName.replace(/_/g, ' ')}.`,
  }));

export const API_ROUTES: readonly ApiRoute[] = [
  {
    method: 'POST',
    path: '/api/ext/v3/contacts',
    pattern: /^\/api\/ext\/v3\/contacts\/?$/,
    tenantInPath: false,
    acceptedScopes: ['api', 'contactsv3:write', 'contactsv3:*'],
    respond: ({ body }) => ({
      contact: {
        id: crypto.randomUUID(),
        wa_id: bodyField(body, 'whatsapp_number') ?? bodyField(body, 'phone') ?? null,
        name: bodyField(body, 'name') ?? null,
        created: now(),
        custom_params: bodyField(body, 'custom_params') ?? [],
      },
    }),
  },
  {
    method: 'GET',
    path: '/api/ext/v3/contacts',
    pattern: /^\/api\/ext\/v3\/contacts\/?$/,
    tenantInPath: false,
    acceptedScopes: ['api', 'contactsv3:read', 'contactsv3:*', 'wati_integration:read'],
    respond: ({ tenantId, query }) => ({
      contact_list: sampleContacts(tenantId),
      page_number: Number(query.get('page_number') ?? 1),
      page_size: Number(query.get('page_size') ?? 20),
      total: 5,
    }),
  },
  {
    method: 'POST',
    path: '/api/ext/v3/conversations/messages/text',
    pattern: /^\/api\/ext\/v3\/conversations\/messages\/text\/?$/,
    tenantInPath: false,
    acceptedScopes: ['api', 'conversationsv3:write', 'conversationsv3:*', 'wati_integration:write'],
    respond: ({ body }) => ({
      message_id: crypto.randomUUID(),
      target: bodyField(body, 'target') ?? null,
      text: bodyField(body, 'text') ?? null,
      status: 'SENT',
      created: now(),
    }),
  },
  {
    method: 'POST',
    path: '/api/ext/v3/messageTemplates/send',
    pattern: /^\/api\/ext\/v3\/messageTemplates\/send\/?$/,
    tenantInPath: false,
    acceptedScopes: ['api', 'messagetemplatev3:write', 'wati_integration:write'],
    respond: ({ body }) => ({
      broadcast_id: crypto.randomUUID(),
      template_name: bodyField(body, 'template_name') ?? null,
      recipients_queued: Array.isArray(bodyField(body, 'recipients')) ? (bodyField(body, 'recipients') as unknown[]).length : 1,
      status: 'QUEUED',
    }),
  },
  {
    method: 'GET',
    path: '/{tenantId}/api/v1/getMessageTemplates',
    pattern: /^\/([^/]+)\/api\/v1\/getMessageTemplates\/?$/,
    tenantInPath: true,
    acceptedScopes: ['api', 'messagetemplate:read', 'wati_integration:read'],
    respond: () => ({
      result: 'success',
      messageTemplates: sampleTemplates(),
      link: { prevPage: null, nextPage: null },
    }),
  },
  {
    method: 'GET',
    path: '/{tenantId}/api/v1/getContacts',
    pattern: /^\/([^/]+)\/api\/v1\/getContacts\/?$/,
    tenantInPath: true,
    acceptedScopes: ['api', 'contacts:read', 'wati_integration:read'],
    respond: ({ tenantId }) => ({
      result: 'success',
      contact_list: sampleContacts(tenantId),
      link: { prevPage: null, nextPage: null },
    }),
  },
  {
    method: 'POST',
    path: '/{tenantId}/api/v1/sendSessionMessage/{whatsappNumber}',
    pattern: /^\/([^/]+)\/api\/v1\/sendSessionMessage\/([^/]+)\/?$/,
    tenantInPath: true,
    acceptedScopes: ['api', 'conversations:write', 'wati_integration:write'],
    respond: ({ match, query }) => ({
      result: true,
      info: 'Message sent',
      message: {
        whatsappMessageId: `wamid.${crypto.randomBytes(12).toString('hex')}`,
        waId: decodeURIComponent(match[2]!),
        text: query.get('messageText'),
        type: 'text',
        created: now(),
      },
    }),
  },
  {
    method: 'POST',
    path: '/{tenantId}/api/v2/sendTemplateMessages',
    pattern: /^\/([^/]+)\/api\/v2\/sendTemplateMessages\/?$/,
    tenantInPath: true,
    acceptedScopes: ['api', 'messagetemplatev2:write'],
    respond: ({ body }) => ({
      result: true,
      errors: { error: false, invalidWhatsappNumbers: [], invalidCustomParameters: [] },
      receivers: Array.isArray(bodyField(body, 'receivers')) ? bodyField(body, 'receivers') : [],
      template_name: bodyField(body, 'template_name') ?? null,
    }),
  },
];

export const CORS_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS',
  'access-control-allow-headers': 'Authorization, Content-Type, Accept',
  'access-control-max-age': '600',
};

const json = (status: number, payload: unknown, extra: Record<string, string> = {}): ApiResponse => ({
  status,
  headers: { ...CORS_HEADERS, 'content-type': 'application/json; charset=utf-8', ...extra },
  body: JSON.stringify(payload),
});

/** Handles one request to the API host. */
export function handleApi(
  store: TokenStore,
  req: { method: string; url: string; authorization: string | undefined; body: string },
): ApiResponse {
  const url = new URL(req.url, `https://${API_HOST}`);
  if (req.method === 'OPTIONS') return { status: 204, headers: { ...CORS_HEADERS }, body: '' };

  let route: ApiRoute | undefined;
  let m: RegExpExecArray | null = null;
  for (const r of API_ROUTES) {
    m = r.method === req.method ? r.pattern.exec(url.pathname) : null;
    if (m) {
      route = r;
      break;
    }
  }
  if (!route || !m) {
    // rotateToken (documented by Wati): blocks the named token, answers 200, hands back nothing new.
    const rotate = /^\/([^/]+)\/api\/v1\/rotateToken\/?$/.exec(url.pathname);
    if (rotate && req.method === 'POST') return rotateToken(store, rotate[1]!, req.authorization, url.searchParams);
    return json(404, { message: 'Not Found' });
  }
  const pathTenant = route.tenantInPath ? decodeURIComponent(m[1]!) : null;
  const auth = store.authenticate(req.authorization, pathTenant);
  if (!auth.ok) return json(401, { message: auth.message }, { 'www-authenticate': 'Bearer error="invalid_token"' });
  if (auth.kind === 'token' && !auth.scopes.some((s) => route.acceptedScopes.includes(s))) {
    return json(403, { message: 'Forbidden: missing scope', acceptedScopes: [...route.acceptedScopes] });
  }
  let body: unknown = null;
  if (req.body) {
    try {
      body = JSON.parse(req.body);
    } catch {
      return json(400, { message: 'Request body is not valid JSON' });
    }
  }
  return json(200, route.respond({ match: m, body, tenantId: auth.tenantId, query: url.searchParams }));
}

function rotateToken(store: TokenStore, tenantId: string, authorization: string | undefined, query: URLSearchParams): ApiResponse {
  const auth = store.authenticate(authorization, tenantId);
  if (!auth.ok) return json(401, { message: auth.message });
  const target = query.get('token');
  const record = target ? store.list(tenantId).find((t) => t.token === target) : undefined;
  if (record) store.revoke(record.id);
  return json(200, { result: true, info: record ? 'Token blocked' : 'Token not found' });
}
