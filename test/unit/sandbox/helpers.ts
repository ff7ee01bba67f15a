// Test helpers: HTTPS requests to the sandbox on 127.0.0.1 with the right Host / SNI.
import https from 'node:https';
import type { Sandbox } from '../../sandbox/server.ts';

export interface Res {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: any;
}

export function request(
  sb: Sandbox,
  host: string,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<Res> {
  const body = opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: '127.0.0.1',
        port: sb.httpsPort,
        servername: host,
        path,
        method: opts.method ?? 'GET',
        rejectUnauthorized: false,
        agent: false,
        headers: { host, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...opts.headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => {
          let json: unknown = null;
          try {
            json = JSON.parse(text);
          } catch { /* not JSON */ }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

export const API = 'live-mt-server.wati.io';
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Decodes a JWT's parts without verifying. */
export function parts(token: string): { header: any; claims: any; signature: string } {
  const [h, c, s] = token.split('.');
  return {
    header: JSON.parse(Buffer.from(h!, 'base64url').toString('utf8')),
    claims: JSON.parse(Buffer.from(c!, 'base64url').toString('utf8')),
    signature: s!,
  };
}

/** A concrete path for a route's documented path (fills {tenantId} and {whatsappNumber}). */
export const concretePath = (docPath: string, tenantId: string) =>
  docPath.replace('{tenantId}', tenantId).replace('{whatsappNumber}', '919876543210');
