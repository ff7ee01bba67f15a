/**
 * The sandbox: a local imitation of Wati's dashboard (https://*.wati.io), its API host
 * (https://live-mt-server.wati.io), its help centre, and a non-Wati page (https://example.com), all served by one
 * HTTPS server on 127.0.0.1, plus an HTTP CONNECT proxy that tunnels every connection to it (for Firefox's PAC).
 * See README.md beside this file.
 */
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { API_HOST, handleApi } from './api.ts';
import { isKnownScope, normaliseScopes } from './catalog.ts';
import { ensureCerts } from './certs.ts';
import { reactBundle, reactBundleExists } from './react-bundle.ts';
import { createTokenStore, legacyToken, metadata } from './store.ts';
import type { SandboxToken } from './store.ts';

export type { SandboxToken } from './store.ts';
export { API_ROUTES } from './api.ts';
export { SCOPE_CATALOG } from './catalog.ts';

export type VariantName = 'inline-en' | 'modal-en' | 'modal-es' | 'slow-en' | 'unrecognisable' | 'native-pt' | 'drawer-en' | 'trap-es';
export const VARIANTS: readonly VariantName[] = ['inline-en', 'modal-en', 'modal-es', 'slow-en', 'unrecognisable', 'native-pt', 'drawer-en', 'trap-es'];
export const DEFAULT_VARIANT: VariantName = 'inline-en';

export interface SandboxRequest {
  time: number;
  method: string;
  /** Host header without the port, lower-case */
  host: string;
  /** path including the query string */
  path: string;
  /** lower-case names; repeated headers joined with ", " */
  headers: Record<string, string>;
  body: string;
}

export interface Sandbox {
  httpsPort: number;
  proxyPort: number;
  requests(): SandboxRequest[];
  clearRequests(): void;
  tokens(tenantId?: string): SandboxToken[];
  setVariant(v: VariantName): void;
  /** the server's current default variant */
  variant(): VariantName;
  addToken(t: { tenantId: string; name: string; scopes: string[]; expiresAt: string | null; createdAt?: string }): SandboxToken;
  revokeToken(id: string): void;
  /** Removes a token from the list (deleted in Wati); the API then answers 401 for it. */
  deleteToken(id: string): void;
  /** the legacy bearer token the API Docs page shows for a tenant (deterministic) */
  legacyToken(tenantId: string): string;
  reset(): void;
  close(): Promise<void>;
}

export interface SandboxOptions {
  variant?: VariantName;
  port?: number;
  proxyPort?: number;
  /** print one line per request (method, host, path without query, status); never headers or bodies */
  log?: boolean | ((line: string) => void);
}

const APP_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'app');
const ASSETS_DIR = path.join(APP_DIR, 'assets');
const MAX_BODY = 1024 * 1024;

export const isVariant = (v: unknown): v is VariantName => typeof v === 'string' && (VARIANTS as readonly string[]).includes(v);

// ---------------------------------------------------------------------------------------------------------------
// Hosts and workspaces

export type HostKind = 'api' | 'help' | 'example' | 'dashboard' | 'unknown';

export function classifyHost(host: string): HostKind {
  const h = host.toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
  if (h === API_HOST) return 'api';
  if (h === 'support.wati.io' || h === 'docs.wati.io') return 'help';
  if (h === 'example.com' || h === 'www.example.com') return 'example';
  if (h === 'wati.io' || h.endsWith('.wati.io') || h === 'localhost' || h === '127.0.0.1') return 'dashboard';
  return 'unknown';
}

/** First path segments that are routes (or server paths), never a workspace id or vanity name. */
const ROUTE_SEGMENTS = new Set(['teamInbox', 'broadcast', 'contacts', 'automation', 'connectors', 'api-docs', 'settings', 'assets', '__sandbox', 'favicon.ico']);

export interface Workspace {
  tenantId: string;
  /** path prefix before the app's routes: '/10234' on live.wati.io/10234/..., else '' */
  basePath: string;
}

/**
 * live.wati.io/<digits>/... → that tenant; live.wati.io/<vanity>/... → 10001 under that prefix;
 * live-<n>.wati.io → "3" + n padded to 4 digits; anything else (app.wati.io, vanity hosts) → 10001.
 */
export function resolveWorkspace(host: string, pathname: string): Workspace {
  const h = host.toLowerCase().replace(/:\d+$/, '');
  if (h === 'live.wati.io') {
    const seg = pathname.split('/')[1] ?? '';
    if (/^\d+$/.test(seg)) return { tenantId: seg, basePath: `/${seg}` };
    if (/^[a-z][a-z0-9-]*$/i.test(seg) && !ROUTE_SEGMENTS.has(seg)) return { tenantId: '10001', basePath: `/${seg}` };
    return { tenantId: '10001', basePath: '' };
  }
  const live = /^live-(\d+)\.wati\.io$/.exec(h);
  if (live) return { tenantId: `3${live[1]!.padStart(4, '0')}`, basePath: '' };
  return { tenantId: '10001', basePath: '' };
}

// ---------------------------------------------------------------------------------------------------------------

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
};

interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

const jsonReply = (status: number, payload: unknown): Reply => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  body: JSON.stringify(payload),
});

function staticFile(file: string, base = ASSETS_DIR): Reply {
  const resolved = path.resolve(base, file);
  if (!resolved.startsWith(base + path.sep) || !fs.existsSync(resolved) || !fs.statSync(resolved).isFile()) {
    return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not found' };
  }
  return {
    status: 200,
    headers: { 'content-type': CONTENT_TYPES[path.extname(resolved)] ?? 'application/octet-stream', 'cache-control': 'no-store' },
    body: fs.readFileSync(resolved),
  };
}

/** /assets/react/<name>.js: a React page bundled at first use (see react-bundle.ts). */
async function reactAsset(file: string): Promise<Reply> {
  const name = /^([a-z][a-z0-9-]*)\.js$/.exec(file)?.[1];
  if (!name || !reactBundleExists(name)) return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not found' };
  try {
    const code = await reactBundle(name);
    return { status: 200, headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }, body: code };
  } catch (e) {
    return { status: 500, headers: { 'content-type': 'text/plain' }, body: `Could not bundle ${name}: ${e instanceof Error ? e.message : String(e)}` };
  }
}

function htmlPage(file: string, replacements: Record<string, string> = {}): Reply {
  let html = fs.readFileSync(path.join(APP_DIR, file), 'utf8');
  for (const [k, v] of Object.entries(replacements)) html = html.split(k).join(v);
  return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }, body: html };
}

function headersOf(req: http.IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const { key, cert } = ensureCerts();
  // Warm the React bundle (drawer-en) in the background: cached per process, so the first page load rarely waits.
  reactBundle('drawer').catch(() => { /* a request for it reports the error */ });
  const store = createTokenStore();
  let recorded: SandboxRequest[] = [];
  let currentVariant: VariantName = opts.variant ?? DEFAULT_VARIANT;
  const log = opts.log === true ? (l: string) => console.log(l) : typeof opts.log === 'function' ? opts.log : null;

  function issue(t: { tenantId: string; name: string; scopes: string[]; expiresAt: string | null; createdAt?: string }): SandboxToken {
    return store.create(t);
  }

  // --- /__sandbox/* control endpoints (any dashboard host) ---
  function control(method: string, url: URL, body: string): Reply {
    const p = url.pathname;
    if (p === '/__sandbox/api/tokens' && method === 'GET') {
      const tenantId = url.searchParams.get('tenantId') ?? undefined;
      return jsonReply(200, { tokens: store.list(tenantId).map(metadata) });
    }
    if (p === '/__sandbox/api/tokens' && method === 'POST') {
      let input: Record<string, unknown>;
      try {
        const parsed: unknown = JSON.parse(body);
        if (typeof parsed !== 'object' || parsed === null) throw new Error();
        input = parsed as Record<string, unknown>;
      } catch {
        return jsonReply(400, { message: 'Body must be a JSON object' });
      }
      const { tenantId, name, scopes, expiresAt } = input;
      if (typeof tenantId !== 'string' || !/^[A-Za-z0-9_-]+$/.test(tenantId)) return jsonReply(400, { message: 'tenantId is required' });
      if (typeof name !== 'string' || name.trim() === '') return jsonReply(400, { message: 'Token name is required' });
      if (!Array.isArray(scopes) || scopes.length === 0 || !scopes.every((s) => typeof s === 'string')) {
        return jsonReply(400, { message: 'Select at least one scope' });
      }
      const unknown = (scopes as string[]).filter((s) => !isKnownScope(s));
      if (unknown.length) return jsonReply(400, { message: `Unknown scope: ${unknown.join(', ')}` });
      if (expiresAt !== null && expiresAt !== undefined && (typeof expiresAt !== 'string' || Number.isNaN(Date.parse(expiresAt)))) {
        return jsonReply(400, { message: 'expiresAt must be an ISO date or null' });
      }
      const t = issue({ tenantId, name: name.trim(), scopes: normaliseScopes(scopes as string[]), expiresAt: (expiresAt as string | null | undefined) ?? null });
      return jsonReply(201, t);
    }
    const revoke = /^\/__sandbox\/api\/tokens\/([^/]+)\/revoke$/.exec(p);
    if (revoke && method === 'POST') {
      const id = decodeURIComponent(revoke[1]!);
      if (!store.revoke(id)) return jsonReply(404, { message: 'Token not found' });
      return jsonReply(200, metadata(store.get(id)!));
    }
    if (p === '/__sandbox/api/legacy-token' && method === 'GET') {
      const tenantId = url.searchParams.get('tenantId');
      if (!tenantId) return jsonReply(400, { message: 'tenantId is required' });
      return jsonReply(200, { tenantId, apiEndpoint: `https://${API_HOST}/${tenantId}`, token: legacyToken(tenantId) });
    }
    if (p === '/__sandbox/variant') {
      if (method === 'POST') {
        let v: unknown;
        try {
          v = (JSON.parse(body) as { variant?: unknown }).variant;
        } catch { /* fall through */ }
        if (!isVariant(v)) return jsonReply(400, { message: `variant must be one of ${VARIANTS.join(', ')}` });
        currentVariant = v;
      }
      return jsonReply(200, { variant: currentVariant, variants: VARIANTS });
    }
    return jsonReply(404, { message: 'Unknown sandbox endpoint' });
  }

  function dashboard(method: string, host: string, url: URL, body: string): Reply | Promise<Reply> {
    if (url.pathname.startsWith('/__sandbox/')) return control(method, url, body);
    if (url.pathname.startsWith('/assets/react/')) return reactAsset(url.pathname.slice('/assets/react/'.length));
    if (url.pathname.startsWith('/assets/')) return staticFile(decodeURIComponent(url.pathname.slice('/assets/'.length)));
    if (url.pathname === '/favicon.ico') return staticFile('favicon.svg');
    if (method !== 'GET' && method !== 'HEAD') return { status: 405, headers: { 'content-type': 'text/plain' }, body: 'Method Not Allowed' };
    const ws = resolveWorkspace(host, url.pathname);
    const config = { variant: currentVariant, variants: VARIANTS, tenantId: ws.tenantId, basePath: ws.basePath, apiHost: `https://${API_HOST}` };
    // JSON inside a <script type="application/json">: only "<" needs escaping
    return htmlPage('index.html', { '{{SANDBOX_CONFIG}}': JSON.stringify(config).replace(/</g, '\\u003c') });
  }

  function route(method: string, host: string, rawUrl: string, authorization: string | undefined, body: string): Reply | Promise<Reply> {
    const url = new URL(rawUrl, `https://${host || 'localhost'}`);
    switch (classifyHost(host)) {
      case 'api': {
        const r = handleApi(store, { method, url: rawUrl, authorization, body });
        return { status: r.status, headers: r.headers, body: r.body };
      }
      case 'help':
        if (url.pathname.startsWith('/assets/')) return staticFile(decodeURIComponent(url.pathname.slice('/assets/'.length)));
        return htmlPage('help.html');
      case 'example':
        if (url.pathname.startsWith('/assets/')) return staticFile(decodeURIComponent(url.pathname.slice('/assets/'.length)));
        return htmlPage('example.html');
      case 'dashboard':
        return dashboard(method, host, url, body);
      default:
        return { status: 404, headers: { 'content-type': 'text/plain' }, body: `The sandbox does not serve ${host}` };
    }
  }

  const server = https.createServer({ key, cert }, (req, res) => {
    const host = String(req.headers.host ?? '').toLowerCase().replace(/:\d+$/, '');
    const method = req.method ?? 'GET';
    const rawUrl = req.url ?? '/';
    readBody(req)
      .then(async (body) => {
        recorded.push({ time: Date.now(), method, host, path: rawUrl, headers: headersOf(req), body });
        const reply = await route(method, host, rawUrl, req.headers.authorization, body);
        res.writeHead(reply.status, reply.headers);
        res.end(method === 'HEAD' ? undefined : reply.body);
        log?.(`${method} ${host} ${rawUrl.split('?')[0]} ${reply.status}`);
      })
      .catch((err: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('Internal sandbox error');
        log?.(`${method} ${host} ${rawUrl.split('?')[0]} 500 ${err instanceof Error ? err.message : String(err)}`);
      });
  });
  // Browsers keep connections alive; close() destroys them.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const httpsPort = (server.address() as AddressInfo).port;

  // --- CONNECT proxy: tunnels every CONNECT to the HTTPS server, whatever host it names ---
  const sockets = new Set<net.Socket>();
  const track = (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  };
  const proxy = http.createServer((req, res) => {
    // A plain-HTTP request sent through the proxy (absolute URI): send the browser to https.
    try {
      const u = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
      res.writeHead(301, { location: `https://${u.host}${u.pathname}${u.search}` });
    } catch {
      res.writeHead(400);
    }
    res.end();
  });
  proxy.on('connection', track);
  proxy.on('connect', (_req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const upstream = net.connect(httpsPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    track(upstream);
    const destroy = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', destroy);
    upstream.on('error', destroy);
    client.on('close', destroy);
    upstream.on('close', destroy);
  });
  await new Promise<void>((resolve, reject) => {
    proxy.once('error', reject);
    proxy.listen(opts.proxyPort ?? 0, '127.0.0.1', () => resolve());
  });
  const proxyPort = (proxy.address() as AddressInfo).port;

  return {
    httpsPort,
    proxyPort,
    requests: () => recorded.map((r) => ({ ...r, headers: { ...r.headers } })),
    clearRequests: () => void (recorded = []),
    tokens: (tenantId) => store.list(tenantId),
    setVariant(v) {
      if (!isVariant(v)) throw new Error(`unknown variant ${String(v)}; expected one of ${VARIANTS.join(', ')}`);
      currentVariant = v;
    },
    variant: () => currentVariant,
    addToken: (t) => issue(t),
    revokeToken(id) {
      if (!store.revoke(id)) throw new Error(`no token with id ${id}`);
    },
    deleteToken(id) {
      if (!store.remove(id)) throw new Error(`no token with id ${id}`);
    },
    legacyToken,
    reset() {
      store.clear();
      recorded = [];
      currentVariant = DEFAULT_VARIANT;
    },
    async close() {
      for (const s of sockets) s.destroy();
      server.closeAllConnections();
      proxy.closeAllConnections();
      await Promise.all([
        new Promise<void>((r) => server.close(() => r())),
        new Promise<void>((r) => proxy.close(() => r())),
      ]);
    },
  };
}
