import { describe, expect, it } from 'vitest';
import { stripCredentials } from '@/lib/tokens/strip-credentials';
import { parseIntentText, endpointRefsOf } from '@/lib/scopes';

const JWT = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ0ZW5hbnRfaWQiOiIxMDAwMSIsInNjb3BlIjoiY29udGFjdHM6cmVhZCJ9.c2lnbmF0dXJlLXRoYXQtaXMtbG9uZy1lbm91Z2gtMTIzNDU2';

describe('credentials are taken out of a pasted intent before it is read', () => {
  it.each([
    [`curl -H "Authorization: Bearer ${JWT}" https://live-mt-server.wati.io/10001/api/v1/getContacts`, JWT],
    [`curl -H 'Cookie: session=abc123def456; wati_sid=zz9' https://live-mt-server.wati.io/api/ext/v3/contacts`, 'abc123def456'],
    [`{"name":"Authorization","value":"Bearer ${JWT}"}`, JWT],
    [`fetch(url, { headers: { authorization: 'Basic dXNlcjpwYXNzd29yZA==' } })`, 'dXNlcjpwYXNzd29yZA'],
    [`x-api-key: k3y-Th4t-1s-L0ng-3nough-t0-m4tter-99`, 'k3y-Th4t'],
    [`https://live-mt-server.wati.io/10001/api/v1/rotateToken?token=${JWT}`, JWT],
    [`$client->post($url, ['password' => 'hunter2hunter2'])`, 'hunter2'],
  ])('%s', (text, secret) => {
    const out = stripCredentials(text);
    expect(out.text).not.toContain(secret);
    expect(out.stripped).toBeGreaterThan(0);
  });

  it('keeps placeholders, and every call the parser reads', () => {
    const text = `curl -X POST -H "Authorization: Bearer $WATI_TOKEN" https://live-mt-server.wati.io/api/ext/v3/conversations/messages/text
await fetch(\`\${base}/api/v1/getMessageTemplates\`, { headers: { Authorization: \`Bearer \${process.env.WATI_TOKEN}\` } })
curl -H "Authorization: Bearer ${JWT}" https://live-mt-server.wati.io/10001/api/v1/getContacts`;
    const out = stripCredentials(text);
    expect(out.text).toContain('$WATI_TOKEN');
    expect(out.text).not.toContain(JWT);
    const before = endpointRefsOf(parseIntentText(text)).sort();
    const after = endpointRefsOf(parseIntentText(out.text)).sort();
    expect(after).toEqual(before);
    expect(after.length).toBeGreaterThanOrEqual(2);
  });

  it('leaves text without credentials alone', () => {
    const text = 'POST https://live-mt-server.wati.io/api/ext/v3/contacts\nGET /api/v1/getContacts?pageSize=100';
    expect(stripCredentials(text)).toEqual({ text, stripped: 0 });
  });
});
