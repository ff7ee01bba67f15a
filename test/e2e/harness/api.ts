import https from 'node:https';
import type { Sandbox } from '../../sandbox/server.ts';

/** Calls the sandbox's mock Wati API host (live-mt-server.wati.io) the way an integration would. */
export function callApi(sandbox: Sandbox, method: string, path: string, token?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: '127.0.0.1',
        port: sandbox.httpsPort,
        servername: 'live-mt-server.wati.io',
        method,
        path,
        rejectUnauthorized: false, // the sandbox's self-signed certificate
        headers: {
          host: 'live-mt-server.wati.io',
          'content-type': 'application/json',
          'x-test-own-call': '1', // lets the leak sweep skip the test's own request carrying the token
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(method === 'GET' ? undefined : JSON.stringify({ text: 'hello', whatsappNumber: '15551234567' }));
  });
}
