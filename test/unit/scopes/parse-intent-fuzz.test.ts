import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIntentText } from '@/lib/scopes/parse-intent';
import { INTENT_MAX_BYTES, intentSizeBytes } from '@/lib/coach/intent';

/**
 * Fuzz (security review, issue 10 finding 9): 1,000 generated pastes of the kinds users paste, and of the kinds
 * that used to make the parser quadratic. Asserts only that nothing throws and the result has its shape; the slowest
 * parse of an input under the coach's cap is printed for the report (no timing assertion: shared CI cores).
 */
const HOSTS = ['https://live-mt-server.wati.io/123456', 'https://app-server.wati.io', 'https://example.com', '', '//live-mt-server.wati.io'];
const PATHS = ['/api/v1/getContacts', '/api/ext/v3/contacts', '/api/v1/sendSessionMessage/{{phone}}', '/api/ext/v3/messageTemplates/send', '/api/v2/x', '/api/ext/v3', '/nope'];
const VERBS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'get', 'post', 'Head'];

const url = fc.tuple(fc.constantFrom(...HOSTS), fc.constantFrom(...PATHS), fc.constantFrom('', '?a=1', '#x', '.', ',')).map(([h, p, q]) => `${h}${p}${q}`);
const spaces = fc.integer({ min: 0, max: 20_000 }).map((n) => ' '.repeat(n));
const verb = fc.constantFrom(...VERBS);

const curl = fc
  .tuple(verb, url, spaces, fc.constantFrom('', ' -d \'{"a":1}\'', ' --json @x.json', ' -G', ' -I', ' \\\n  -H "Authorization: Bearer x"'))
  .map(([v, u, s, extra]) => `curl -X ${v}${s} "${u}"${extra}`);
const code = fc
  .tuple(verb, url, spaces, fc.constantFrom('fetch', 'axios.post', 'requests.get', 'http.NewRequest', 'Invoke-RestMethod -Uri', 'client.PostAsync'))
  .map(([v, u, s, fn]) => `const r = await ${fn}(\`${u}\`, { method:${s}'${v}', headers: { a: 'b' } });`);
const har = fc.array(fc.tuple(verb, url), { maxLength: 200 }).chain((entries) =>
  fc.boolean().map((truncate) => {
    const json = JSON.stringify({ log: { entries: entries.map(([m, u]) => ({ request: { method: m, url: u }, response: { content: { text: 'eyJ'.padEnd(300, 'A') } } })) } });
    return truncate ? json.slice(0, Math.max(1, json.length - 7)) : json;
  }),
);
const longLine = fc
  .tuple(fc.constantFrom('method ', '((((', '.....', 'aaaa', 'GET ', '/api/v1/x ', 'https://', '{"url":"', '\t', 'curl '), fc.integer({ min: 1, max: 60_000 }), url)
  .map(([unit, n, u]) => `${unit.repeat(Math.ceil(n / unit.length))}${u}${unit.repeat(Math.ceil(n / unit.length / 4))}`);
const unicode = fc.string({ unit: 'binary', maxLength: 2_000 });
const mixed = fc.array(fc.oneof(curl, code, url, spaces, unicode, fc.constantFrom('\n', '\r\n', '\\\n', '^\n', ' `\n', '{', '}', '(', ')', '"', "'", ';')), { maxLength: 40 }).map((xs) => xs.join(''));

const paste = fc.oneof(curl, code, har, longLine, unicode, mixed, spaces);

describe('parseIntentText: fuzz (finding 9)', () => {
  it('1,000 generated pastes: never throws, always a well-formed result', () => {
    let max = 0;
    let maxLen = 0;
    let runs = 0;
    fc.assert(
      fc.property(paste, (text) => {
        const t0 = performance.now();
        const r = parseIntentText(text);
        const ms = performance.now() - t0;
        runs++;
        if (intentSizeBytes(text) <= INTENT_MAX_BYTES && ms > max) {
          max = ms;
          maxLen = text.length;
        }
        expect(Array.isArray(r.endpoints)).toBe(true);
        expect(Array.isArray(r.unrecognised)).toBe(true);
        for (const c of r.endpoints) expect(c.apiPath.startsWith('/api/')).toBe(true);
      }),
      { numRuns: 1_000 },
    );
    console.log(`[parse-intent fuzz] ${runs} inputs; slowest under the ${INTENT_MAX_BYTES / 1024} KB cap: ${max.toFixed(1)} ms (${maxLen} chars)`);
  }, 120_000);
});
