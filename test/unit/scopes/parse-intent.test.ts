import { describe, expect, it } from 'vitest';
import { endpointRefsOf, parseIntentText } from '@/lib/scopes/parse-intent';

const refs = (text: string): string[] => parseIntentText(text).endpoints.map((c) => `${c.method} ${c.endpoint ?? `?${c.apiPath}`}`);

describe('parseIntentText: URLs and paths', () => {
  it('reads bare URLs and paths, GET by default', () => {
    const r = parseIntentText('https://live-mt-server.wati.io/123/api/v1/getContacts');
    expect(r.unrecognised).toEqual([]);
    expect(r.endpoints).toEqual([
      {
        method: 'GET',
        methodSource: 'default',
        version: 'v1',
        apiPath: '/api/v1/getContacts',
        raw: 'https://live-mt-server.wati.io/123/api/v1/getContacts',
        status: 'matched',
        endpoint: 'GET /{tenantId}/api/v1/getContacts',
        label: 'List contacts (v1)',
        tenantId: '123',
      },
    ]);
    expect(refs('/api/ext/v3/contacts?pageSize=10')).toEqual(['GET GET /api/ext/v3/contacts']);
    expect(refs('see live-mt-server.wati.io/77/api/v1/getMessageTemplates.')).toEqual([
      'GET GET /{tenantId}/api/v1/getMessageTemplates',
    ]);
  });

  it('infers the method when none is stated and the path has only one', () => {
    const [call] = parseIntentText('https://live-mt-server.wati.io/123/api/v1/sendSessionMessage/447700900123').endpoints;
    expect(call).toMatchObject({
      method: 'POST',
      methodSource: 'inferred',
      endpoint: 'POST /{tenantId}/api/v1/sendSessionMessage/{whatsappNumber}',
    });
  });

  it('reads "METHOD path" lines, several per text, deduplicated', () => {
    const text = [
      'POST /api/ext/v3/conversations/messages/text',
      'PUT /api/ext/v3/conversations/{target}/operator',
      'POST /api/ext/v3/conversations/messages/text',
      'GET https://live-mt-server.wati.io/api/ext/v3/contacts/count',
    ].join('\n');
    expect(refs(text)).toEqual([
      'POST POST /api/ext/v3/conversations/messages/text',
      'PUT PUT /api/ext/v3/conversations/{target}/operator',
      'GET GET /api/ext/v3/contacts/count',
    ]);
  });

  it('reports Wati-shaped paths it does not know, and wrong methods', () => {
    const r = parseIntentText('POST /api/ext/v3/webhooks\nDELETE /api/ext/v3/contacts\nGET /123/api/v1/getSomething');
    expect(r.endpoints.map((c) => [c.status, c.method, c.apiPath, c.knownMethods])).toEqual([
      ['unknown-path', 'POST', '/api/ext/v3/webhooks', undefined],
      ['method-mismatch', 'DELETE', '/api/ext/v3/contacts', ['GET', 'POST']],
      ['unknown-path', 'GET', '/api/v1/getSomething', undefined],
    ]);
    expect(r.unrecognised).toEqual([
      'POST /api/ext/v3/webhooks',
      'DELETE /api/ext/v3/contacts',
      'GET /123/api/v1/getSomething',
    ]);
  });

  it('does not treat the bare API endpoint URL as a call', () => {
    expect(parseIntentText('API endpoint URL: https://live-mt-server.wati.io/302156/api/v1')).toEqual({ endpoints: [], unrecognised: [] });
    expect(parseIntentText('curl https://live-mt-server.wati.io/302156/api/v1/').unrecognised).toEqual([
      'https://live-mt-server.wati.io/302156/api/v1/',
    ]);
  });

  it('ignores prose links that are not requests, shows non-Wati requests as unrecognised', () => {
    expect(parseIntentText('Docs: https://docs.wati.io/reference and https://support.wati.io/x')).toEqual({
      endpoints: [],
      unrecognised: [],
    });
    expect(parseIntentText('curl https://api.example.com/v1/things').unrecognised).toEqual(['https://api.example.com/v1/things']);
  });
});

describe('parseIntentText: curl', () => {
  it.each([
    ['curl -X POST https://live-mt-server.wati.io/api/ext/v3/contacts', 'POST'],
    ['curl -XPOST "https://live-mt-server.wati.io/api/ext/v3/contacts"', 'POST'],
    ["curl --request POST --url 'https://live-mt-server.wati.io/api/ext/v3/contacts'", 'POST'],
    ['curl --request=POST https://live-mt-server.wati.io/api/ext/v3/contacts', 'POST'],
    ['curl -sS -X "POST" https://live-mt-server.wati.io/api/ext/v3/contacts -H "Authorization: Bearer x"', 'POST'],
    ['curl https://live-mt-server.wati.io/api/ext/v3/contacts -d \'{"name":"a"}\'', 'POST'],
    ['curl --data-raw \'{"a":1}\' https://live-mt-server.wati.io/api/ext/v3/contacts', 'POST'],
    ['curl --json \'{"a":1}\' https://live-mt-server.wati.io/api/ext/v3/contacts', 'POST'],
    ['curl https://live-mt-server.wati.io/api/ext/v3/contacts', 'GET'],
    ['curl -G -d pageSize=5 https://live-mt-server.wati.io/api/ext/v3/contacts', 'GET'],
    ['curl.exe -X PUT https://live-mt-server.wati.io/api/ext/v3/contacts/teams', 'PUT'],
  ])('%s → %s', (text, method) => {
    const [call] = parseIntentText(text).endpoints;
    expect(call?.method).toBe(method);
    expect(call?.status).toBe('matched');
  });

  it('joins backslash-continued multi-line commands', () => {
    const text = `curl --request PUT \\
  --url 'https://live-mt-server.wati.io/api/ext/v3/conversations/447700900123/operator' \\
  --header 'Authorization: Bearer eyJhbGciOi...' \\
  --header 'content-type: application/json' \\
  --data '{"assignee":"a@b.c"}'`;
    expect(refs(text)).toEqual(['PUT PUT /api/ext/v3/conversations/{target}/operator']);
  });

  it('joins Windows caret continuations and PowerShell backticks', () => {
    expect(refs('curl -X POST ^\n "https://live-mt-server.wati.io/1/api/v2/sendTemplateMessages"')).toEqual([
      'POST POST /{tenantId}/api/v2/sendTemplateMessages',
    ]);
    expect(refs('Invoke-RestMethod `\n -Uri "https://live-mt-server.wati.io/api/ext/v3/contacts" `\n -Method Post')).toEqual([
      'POST POST /api/ext/v3/contacts',
    ]);
  });

  it('keeps curl flags to their own command', () => {
    const text =
      'curl -X POST https://live-mt-server.wati.io/api/ext/v3/contacts && curl https://live-mt-server.wati.io/api/ext/v3/contacts/count';
    expect(refs(text)).toEqual(['POST POST /api/ext/v3/contacts', 'GET GET /api/ext/v3/contacts/count']);
  });

  it('applies the method to a curl with an unknown path', () => {
    expect(parseIntentText('curl -X PATCH https://live-mt-server.wati.io/api/ext/v3/contacts/1').unrecognised).toEqual([
      'PATCH https://live-mt-server.wati.io/api/ext/v3/contacts/1',
    ]);
  });
});

describe('parseIntentText: code', () => {
  it('fetch with options on the same or following lines', () => {
    expect(refs('await fetch("https://live-mt-server.wati.io/api/ext/v3/contacts", { method: "POST" })')).toEqual([
      'POST POST /api/ext/v3/contacts',
    ]);
    const multi = `
const res = await fetch(\`\${BASE_URL}/api/ext/v3/conversations/messages/text\`, {
  method: 'POST',
  headers: { Authorization: \`Bearer \${token}\` },
  body: JSON.stringify({ target, text }),
});
const list = await fetch(\`\${BASE_URL}/api/ext/v3/contacts?pageSize=100\`);
`;
    expect(refs(multi)).toEqual(['POST POST /api/ext/v3/conversations/messages/text', 'GET GET /api/ext/v3/contacts']);
  });

  it('fetch wrapped in new URL(), method one level up', () => {
    expect(refs("fetch(new URL('/api/ext/v3/contacts', base), { method: 'POST', body })")).toEqual([
      'POST POST /api/ext/v3/contacts',
    ]);
  });

  it('axios: verb methods and config objects', () => {
    expect(refs('await axios.post(`${base}/api/ext/v3/messageTemplates/send`, payload, { headers })')).toEqual([
      'POST POST /api/ext/v3/messageTemplates/send',
    ]);
    const cfg = `
axios({
  method: 'put',
  url: \`\${base}/api/ext/v3/conversations/\${id}/status\`,
  data: { status: 'solved' },
})`;
    expect(refs(cfg)).toEqual(['PUT PUT /api/ext/v3/conversations/{target}/status']);
  });

  it('python requests, f-strings and concatenation', () => {
    const py = `
import requests
r = requests.post(f"{BASE}/{TENANT}/api/v1/sendSessionMessage/{phone}", params={"messageText": "hi"}, headers=h)
t = requests.get(BASE + "/api/v1/getMessageTemplates", headers=h)
c = requests.request("POST", BASE + "/api/v1/addContact/" + phone, json=body)
`;
    expect(refs(py)).toEqual([
      'POST POST /{tenantId}/api/v1/sendSessionMessage/{whatsappNumber}',
      'GET GET /{tenantId}/api/v1/getMessageTemplates',
      'POST POST /{tenantId}/api/v1/addContact/{whatsappNumber}',
    ]);
  });

  it('Go net/http', () => {
    const go = `
resp, err := http.Post(baseURL+"/api/ext/v3/contacts", "application/json", body)
req, _ := http.NewRequest("PUT", baseURL+"/api/ext/v3/contacts/"+id, body)
req2, _ := http.NewRequest(http.MethodPut, baseURL+"/api/ext/v3/contacts/teams", body)
r3, _ := http.Get(fmt.Sprintf("%s/api/ext/v3/conversations/%s/messages", baseURL, id))
`;
    expect(refs(go)).toEqual([
      'POST POST /api/ext/v3/contacts',
      'PUT PUT /api/ext/v3/contacts/{target}',
      'PUT PUT /api/ext/v3/contacts/teams',
      'GET GET /api/ext/v3/conversations/{target}/messages',
    ]);
  });

  it('Ruby, PHP, C#, PowerShell, wget, httpie', () => {
    expect(refs('req = Net::HTTP::Post.new(URI("https://live-mt-server.wati.io/api/ext/v3/contacts"))')).toEqual([
      'POST POST /api/ext/v3/contacts',
    ]);
    expect(refs("$client->request('PUT', '/api/ext/v3/contacts/teams', ['json' => $body]);")).toEqual([
      'PUT PUT /api/ext/v3/contacts/teams',
    ]);
    expect(refs("$client->post('/api/ext/v3/conversations/messages/file', $opts);")).toEqual([
      'POST POST /api/ext/v3/conversations/messages/file',
    ]);
    expect(refs('var req = new HttpRequestMessage(HttpMethod.Put, $"{baseUrl}/api/ext/v3/conversations/{id}/operator");')).toEqual([
      'PUT PUT /api/ext/v3/conversations/{target}/operator',
    ]);
    expect(refs('await client.PostAsync($"{baseUrl}/api/ext/v3/messageTemplates/schedule", content);')).toEqual([
      'POST POST /api/ext/v3/messageTemplates/schedule',
    ]);
    expect(refs('Invoke-RestMethod -Method Post -Uri "https://live-mt-server.wati.io/api/ext/v3/chatbots/start"')).toEqual([
      'POST POST /api/ext/v3/chatbots/start',
    ]);
    expect(refs('wget --method=PUT https://live-mt-server.wati.io/api/ext/v3/contacts/1')).toEqual([
      'PUT PUT /api/ext/v3/contacts/{target}',
    ]);
    expect(refs('http POST https://live-mt-server.wati.io/api/ext/v3/contacts name=x')).toEqual([
      'POST POST /api/ext/v3/contacts',
    ]);
  });

  it('template placeholders: ${tenantId}, {{baseUrl}}, :param', () => {
    expect(refs('POST {{baseUrl}}/{{tenantId}}/api/v1/sendSessionFile/{{phone}}')).toEqual([
      'POST POST /{tenantId}/api/v1/sendSessionFile/{whatsappNumber}',
    ]);
    expect(refs('const u = `https://live-mt-server.wati.io/${tenantId}/api/v1/getMessages/${phone}`;')).toEqual([
      'GET GET /{tenantId}/api/v1/getMessages/{whatsappNumber}',
    ]);
    expect(refs('PUT /api/ext/v3/conversations/:target/operator')).toEqual([
      'PUT PUT /api/ext/v3/conversations/{target}/operator',
    ]);
  });

  it('does not carry one call\'s method to the next', () => {
    const text = `
fetch(u1, {
  method: 'POST'
})
fetch('/api/ext/v3/contacts')
`;
    expect(refs(text)).toEqual(['GET GET /api/ext/v3/contacts']);
    const fn = `
function list() {
  const a = await axios.post(other, {});
  return fetch('/api/ext/v3/conversations');
}`;
    expect(refs(fn)).toEqual(['GET GET /api/ext/v3/conversations']);
  });

  it('suppresses a base URL concatenated with a Wati path', () => {
    const r = parseIntentText('requests.get("https://live-mt-server.wati.io/" + tenant + "/api/v1/getContacts")');
    expect(r.unrecognised).toEqual([]);
    expect(endpointRefsOf(r)).toEqual(['GET /{tenantId}/api/v1/getContacts']);
  });
});

describe('parseIntentText: JSON', () => {
  const postman = {
    info: { name: 'Wati', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    item: [
      {
        name: 'Contacts',
        item: [
          { name: 'List', request: { method: 'GET', url: { raw: '{{baseUrl}}/api/ext/v3/contacts', host: ['{{baseUrl}}'], path: ['api', 'ext', 'v3', 'contacts'] } } },
          {
            name: 'Nested',
            item: [{ name: 'Add', request: { method: 'POST', url: { host: ['{{baseUrl}}'], path: ['api', 'ext', 'v3', 'contacts'] } } }],
          },
        ],
      },
      { name: 'Send', request: { method: 'POST', url: '{{baseUrl}}/{{tenantId}}/api/v1/sendSessionMessage/:phone' }, response: [{ originalRequest: { method: 'GET', url: 'https://x/api/v1/getContacts' } }] },
      { name: 'As string', request: 'https://live-mt-server.wati.io/1/api/v1/getMessageTemplates' },
      { name: 'Elsewhere', request: { method: 'GET', url: 'https://hooks.example.com/notify' } },
      { name: 'Unknown', request: { method: 'DELETE', url: '{{baseUrl}}/api/ext/v3/webhooks/1' } },
    ],
  };

  it('walks Postman v2.1 collections with folders', () => {
    const r = parseIntentText(JSON.stringify(postman, null, 2));
    expect(refs(JSON.stringify(postman))).toEqual([
      'GET GET /api/ext/v3/contacts',
      'POST POST /api/ext/v3/contacts',
      'POST POST /{tenantId}/api/v1/sendSessionMessage/{whatsappNumber}',
      'GET GET /{tenantId}/api/v1/getMessageTemplates',
      'DELETE ?/api/ext/v3/webhooks/1',
    ]);
    expect(r.unrecognised).toEqual(['GET https://hooks.example.com/notify', 'DELETE {{baseUrl}}/api/ext/v3/webhooks/1']);
  });

  it('reads HAR entries and OpenAPI paths', () => {
    const har = { log: { entries: [{ request: { method: 'POST', url: 'https://live-mt-server.wati.io/api/ext/v3/messageTemplates/schedule' }, response: {} }] } };
    expect(refs(JSON.stringify(har))).toEqual(['POST POST /api/ext/v3/messageTemplates/schedule']);
    const oas = { openapi: '3.0.0', paths: { '/api/ext/v3/contacts': { get: {}, post: {}, parameters: [] } } };
    expect(refs(JSON.stringify(oas))).toEqual(['GET GET /api/ext/v3/contacts', 'POST POST /api/ext/v3/contacts']);
  });

  it('falls back to text scanning for other JSON', () => {
    expect(refs('["https://live-mt-server.wati.io/api/ext/v3/channels"]')).toEqual(['GET GET /api/ext/v3/channels']);
    expect(refs('{ not json https://live-mt-server.wati.io/api/ext/v3/channels')).toEqual(['GET GET /api/ext/v3/channels']);
  });
});

describe('parseIntentText: junk', () => {
  it.each(['', '   ', 'hello world', '{}', '[]', 'null', '{"a":', '(((((', ')))', '{{{{', 'curl', 'curl -X', 'https://', '/api/', '/api/ext/v3'])(
    '%j → empty',
    (text) => {
      expect(parseIntentText(text)).toEqual({ endpoints: [], unrecognised: [] });
    },
  );

  it('never throws on non-strings', () => {
    expect(parseIntentText(undefined as unknown as string)).toEqual({ endpoints: [], unrecognised: [] });
    expect(parseIntentText(42 as unknown as string)).toEqual({ endpoints: [], unrecognised: [] });
  });

  it('copes with huge input quickly', () => {
    const noise = 'lorem ipsum (dolor) {sit} [amet] "q" \'r\' `s` ; '.repeat(15_000); // ~700 kB, under the 1 MB cap
    const text = `${noise}\ncurl -X POST https://live-mt-server.wati.io/api/ext/v3/contacts\n${'((((('.repeat(20_000)}`;
    const t0 = performance.now();
    const r = parseIntentText(text);
    expect(performance.now() - t0).toBeLessThan(3_000);
    expect(r.endpoints.map((c) => c.endpoint)).toEqual(['POST /api/ext/v3/contacts']);

    const many = Array.from({ length: 20_000 }, (_, i) => `GET /api/ext/v3/x${i}`).join('\n');
    const m = parseIntentText(many);
    expect(m.endpoints.length).toBeLessThanOrEqual(500);
    expect(m.unrecognised.length).toBeLessThanOrEqual(200);
    // Beyond the 1 MB cap the rest is ignored, not an error.
    expect(parseIntentText(`${'x '.repeat(600_000)}POST /api/ext/v3/contacts`).endpoints).toEqual([]);
  });

  it('cuts long fragments', () => {
    const r = parseIntentText(`curl https://example.com/${'a'.repeat(1000)}`);
    expect(r.unrecognised[0]?.length).toBeLessThanOrEqual(301);
  });
});
