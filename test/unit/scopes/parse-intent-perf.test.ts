import { describe, expect, it } from 'vitest';
import { parseIntentText } from '@/lib/scopes/parse-intent';

/**
 * Pathological inputs from the security review (issue 10, finding 9). The assertions are on the result only:
 * timings are printed for the report, never asserted (shared CI cores make thresholds flaky).
 */
function timed<T>(label: string, fn: () => T): T {
  const t0 = performance.now();
  const r = fn();
  console.log(`[parse-intent perf] ${label}: ${(performance.now() - t0).toFixed(1)} ms`);
  return r;
}

const URL_V3 = 'https://live-mt-server.wati.io/123456/api/ext/v3/contacts';

/** A HAR export on one line (as some tools copy it), truncated so it is not valid JSON: the text scan reads it. */
function oneLineHar(targetChars: number): string {
  const entries: string[] = [];
  let size = 0;
  for (let i = 0; size < targetChars; i++) {
    const e = JSON.stringify({
      startedDateTime: '2026-01-01T00:00:00.000Z',
      request: { method: i % 2 ? 'POST' : 'GET', url: i % 2 ? URL_V3 : `https://live-mt-server.wati.io/123456/api/v1/getContacts?pageSize=${i}`, headers: [{ name: 'Accept', value: 'application/json' }] },
      response: { status: 200, content: { mimeType: 'application/json', text: `eyJ${'QUJD'.repeat(60)}${i}` } },
    });
    entries.push(e);
    size += e.length + 1;
  }
  return `{"log":{"version":"1.2","entries":[${entries.join(',')}`; // cut off: not valid JSON
}

describe('parseIntentText: pathological inputs (finding 9)', () => {
  it('10k-space runs after a method key, a verb, a curl flag and between URLs', () => {
    const spaces = ' '.repeat(10_000);
    const text = [
      `method${spaces}x ${URL_V3}`, // no verb after the key: GET by default
      `fetch("${URL_V3}", { method:${spaces}"POST" })`, // the key and its verb, far apart
      `-Method${spaces}Put ${URL_V3}`,
      `${spaces}${URL_V3}${spaces}${URL_V3}${spaces}`,
    ].join('\n');
    const r = timed('10k spaces', () => parseIntentText(text));
    expect(r.endpoints.map((c) => `${c.method} ${c.status}`)).toEqual(['GET matched', 'POST matched', 'PUT method-mismatch']);
    expect(timed('10k spaces after `method`, alone', () => parseIntentText(`method${spaces}x ${URL_V3}`)).endpoints.map((c) => c.endpoint)).toEqual([
      'GET /api/ext/v3/contacts',
    ]);
  });

  it('a 0.4 MB one-line HAR', () => {
    const har = oneLineHar(400_000);
    expect(har.includes('\n')).toBe(false);
    const r = timed(`one-line HAR (${(har.length / 1024).toFixed(0)} KB)`, () => parseIntentText(har));
    expect(r.endpoints.map((c) => `${c.method} ${c.endpoint}`).sort()).toEqual(['GET GET /{tenantId}/api/v1/getContacts', 'POST POST /api/ext/v3/contacts']);
  });

  it('a long token with no scheme (a base64 body) and a long punctuation run', () => {
    const blob = 'A'.repeat(200_000);
    const dots = `/api/ext/v3/contacts${'.'.repeat(50_000)}x`;
    const r = timed('200k-letter token + 50k dots', () => parseIntentText(`${blob} ${dots}\nPOST ${URL_V3}`));
    expect(r.endpoints.some((c) => c.method === 'POST' && c.endpoint === 'POST /api/ext/v3/contacts')).toBe(true);
  });
});
