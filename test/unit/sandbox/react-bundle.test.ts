// The React pages (drawer-en) are bundled by the server at start: served with 200 and a JS content type, built once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../sandbox/server.ts';
import type { Sandbox } from '../../sandbox/server.ts';
import { reactBundle } from '../../sandbox/react-bundle.ts';
import { request } from './helpers.ts';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ variant: 'drawer-en' });
});
afterAll(async () => {
  await sb.close();
});

describe('React bundle', () => {
  it('serves /assets/react/drawer.js as a production ES module', async () => {
    const t0 = Date.now();
    const r = await request(sb, 'live.wati.io', '/assets/react/drawer.js');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/javascript/);
    expect(r.text).toMatch(/export\s*\{[^}]*\bmount\b/);
    expect(r.text.length).toBeGreaterThan(50_000); // React and react-dom are inside
    expect(r.text).not.toMatch(/\bprocess\.env\b/);
    expect(r.text).not.toMatch(/^import /m); // self-contained: the browser resolves no bare specifiers
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('is built once per process and served the same again', async () => {
    expect(reactBundle('drawer')).toBe(reactBundle('drawer'));
    const a = await request(sb, 'live.wati.io', '/assets/react/drawer.js');
    const b = await request(sb, 'app.wati.io', '/assets/react/drawer.js');
    expect(b.text).toBe(a.text);
  });

  it('answers 404 for an unknown or malformed bundle name', async () => {
    expect((await request(sb, 'live.wati.io', '/assets/react/nope.js')).status).toBe(404);
    expect((await request(sb, 'live.wati.io', '/assets/react/..%2Fserver.js')).status).toBe(404);
  });
});
