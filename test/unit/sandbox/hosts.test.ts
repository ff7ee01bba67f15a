// Host routing, workspace resolution, static files, the SPA fallback, the CONNECT proxy.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import tls from 'node:tls';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyHost, resolveWorkspace, SCOPE_CATALOG, startSandbox, VARIANTS } from '../../sandbox/server.ts';
import type { Sandbox } from '../../sandbox/server.ts';
import { request } from './helpers.ts';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ variant: 'modal-en' });
});
afterAll(async () => {
  await sb.close();
});

const configOf = (html: string) => JSON.parse(/<script type="application\/json" id="__sandbox_config">(.*?)<\/script>/s.exec(html)![1]!);

describe('workspaces', () => {
  it.each([
    ['live.wati.io', '/10234/teamInbox', { tenantId: '10234', basePath: '/10234' }],
    ['live.wati.io', '/10234', { tenantId: '10234', basePath: '/10234' }],
    ['live.wati.io', '/acme/connectors/api-tokens', { tenantId: '10001', basePath: '/acme' }],
    ['live.wati.io', '/teamInbox', { tenantId: '10001', basePath: '' }],
    ['live-7.wati.io', '/teamInbox', { tenantId: '30007', basePath: '' }],
    ['live-1234.wati.io', '/', { tenantId: '31234', basePath: '' }],
    ['app.wati.io', '/10234/teamInbox', { tenantId: '10001', basePath: '' }],
    ['acme.wati.io', '/', { tenantId: '10001', basePath: '' }],
  ])('%s%s', (host, p, expected) => {
    expect(resolveWorkspace(host, p)).toEqual(expected);
  });

  it('classifies hosts', () => {
    expect(classifyHost('live-mt-server.wati.io')).toBe('api');
    expect(classifyHost('support.wati.io')).toBe('help');
    expect(classifyHost('docs.wati.io')).toBe('help');
    expect(classifyHost('example.com')).toBe('example');
    expect(classifyHost('LIVE.WATI.IO:443')).toBe('dashboard');
    expect(classifyHost('evilwati.io')).toBe('unknown');
    expect(classifyHost('wati.io.example.org')).toBe('unknown');
  });
});

describe('serving', () => {
  it('serves the SPA for any dashboard path, with the tenant and the server variant injected', async () => {
    const a = await request(sb, 'live.wati.io', '/10234/connectors/api-tokens?variant=modal-es');
    expect(a.status).toBe(200);
    expect(a.headers['content-type']).toMatch(/text\/html/);
    expect(configOf(a.text)).toMatchObject({ tenantId: '10234', basePath: '/10234', variant: 'modal-en', variants: [...VARIANTS] });
    const b = await request(sb, 'live-7.wati.io', '/some/deep/unknown/route');
    expect(configOf(b.text)).toMatchObject({ tenantId: '30007', basePath: '' });
    sb.setVariant('slow-en');
    expect(configOf((await request(sb, 'app.wati.io', '/')).text).variant).toBe('slow-en');
    expect(() => sb.setVariant('nope' as never)).toThrow();
    sb.setVariant('modal-en');
  });

  it('serves static assets, and 404s missing ones instead of the SPA', async () => {
    const js = await request(sb, 'app.wati.io', '/assets/main.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect((await request(sb, 'app.wati.io', '/assets/nope.js')).status).toBe(404);
    // no way out of the assets folder
    expect((await request(sb, 'app.wati.io', '/assets/..%2f..%2fserver.ts')).status).toBe(404);
    expect((await request(sb, 'app.wati.io', '/assets/../../server.ts')).text).not.toMatch(/startSandbox/);
  });

  it('serves the help article and the example.com page', async () => {
    const help = await request(sb, 'support.wati.io', '/en/articles/1234-api-tokens');
    expect(help.text).toMatch(/How to generate an API token/);
    expect(help.text).toMatch(/API Tokens/);
    expect(help.text).toMatch(/Generate new token/);
    expect((await request(sb, 'docs.wati.io', '/')).text).toMatch(/How to generate an API token/);
    const ex = await request(sb, 'example.com', '/');
    expect(ex.text).toMatch(/Example Domain/);
    expect(ex.text).toMatch(/API Tokens/);
    expect(ex.text).not.toMatch(/__sandbox_config/);
    expect((await request(sb, 'unknown.test', '/')).status).toBe(404);
  });

  it('tunnels CONNECT through the proxy to the HTTPS server, whatever the host', async () => {
    const socket = await new Promise<import('node:net').Socket>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: sb.proxyPort, method: 'CONNECT', path: 'live.wati.io:443' });
      req.on('connect', (res, sock) => (res.statusCode === 200 ? resolve(sock) : reject(new Error(String(res.statusCode)))));
      req.on('error', reject);
      req.end();
    });
    const body = await new Promise<string>((resolve, reject) => {
      const t = tls.connect({ socket, servername: 'live.wati.io', rejectUnauthorized: false }, () => {
        t.write('GET /10234/teamInbox HTTP/1.1\r\nHost: live.wati.io\r\nConnection: close\r\n\r\n');
      });
      let data = '';
      t.on('data', (c: Buffer) => (data += c.toString()));
      t.on('end', () => resolve(data));
      t.on('error', reject);
    });
    expect(body).toMatch(/^HTTP\/1\.1 200/);
    expect(body).toMatch(/"tenantId":"10234"/);
  });

  it('uses a certificate valid for the sandbox names', async () => {
    const cert = await new Promise<tls.PeerCertificate>((resolve, reject) => {
      const s = tls.connect({ host: '127.0.0.1', port: sb.httpsPort, servername: 'app.wati.io', rejectUnauthorized: false }, () => {
        resolve(s.getPeerCertificate());
        s.end();
      });
      s.on('error', reject);
    });
    for (const n of ['DNS:app.wati.io', 'DNS:*.wati.io', 'DNS:example.com', 'IP Address:127.0.0.1']) expect(cert.subjectaltname).toContain(n);
  });
});

describe('the browser app', () => {
  it("keeps the app's scope catalog in step with the server's", async () => {
    const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../sandbox/app/assets/catalog.js');
    expect(fs.existsSync(file)).toBe(true);
    const mod = await import(/* @vite-ignore */ pathToFileURL(file).href);
    expect(mod.SCOPES.map((s: { id: string }) => s.id)).toEqual([...SCOPE_CATALOG]);
    expect(mod.prefixed('contacts:read')).toBe('wati_contacts:read');
    expect(mod.prefixed('wati_integration:read')).toBe('wati_integration:read');
    expect(mod.prefixed('api')).toBe('api');
  });
});
