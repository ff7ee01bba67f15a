/**
 * A self-signed certificate for the sandbox, made once with the openssl CLI into <repo>/.sandbox/certs/
 * (gitignored). Safe against several processes starting at once: each generates into its own temp folder
 * and renames it into place atomically; losers discard theirs.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CERT_DIR = path.join(REPO_ROOT, '.sandbox', 'certs');
const SAN = 'DNS:app.wati.io,DNS:*.wati.io,DNS:wati.io,DNS:example.com,DNS:www.example.com,DNS:localhost,IP:127.0.0.1';

export interface CertPair {
  key: Buffer;
  cert: Buffer;
}

function usable(dir: string): CertPair | null {
  try {
    const key = fs.readFileSync(path.join(dir, 'key.pem'));
    const cert = fs.readFileSync(path.join(dir, 'cert.pem'));
    const x509 = new crypto.X509Certificate(cert);
    const names = x509.subjectAltName ?? '';
    const valid = new Date(x509.validTo).getTime() > Date.now() + 24 * 3600_000;
    if (!valid || !names.includes('DNS:example.com') || !names.includes('DNS:*.wati.io')) return null;
    if (!x509.checkPrivateKey(crypto.createPrivateKey(key))) return null;
    return { key, cert };
  } catch {
    return null;
  }
}

export function ensureCerts(): CertPair {
  const existing = usable(CERT_DIR);
  if (existing) return existing;
  fs.mkdirSync(path.dirname(CERT_DIR), { recursive: true });
  const tmp = fs.mkdtempSync(path.join(path.dirname(CERT_DIR), 'certs.tmp-'));
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '3650', '-subj', '/CN=app.wati.io',
        '-addext', `subjectAltName=${SAN}`, '-keyout', path.join(tmp, 'key.pem'), '-out', path.join(tmp, 'cert.pem')],
      { stdio: 'ignore' },
    );
    const meanwhile = usable(CERT_DIR); // another process may have finished first
    if (meanwhile) return meanwhile;
    if (fs.existsSync(CERT_DIR)) {
      // stale or incomplete: move it aside (another process may do the same; ignore its races)
      try {
        fs.renameSync(CERT_DIR, `${CERT_DIR}.old-${process.pid}-${Date.now()}`);
      } catch { /* someone else moved it */ }
    }
    try {
      fs.renameSync(tmp, CERT_DIR);
    } catch { /* another process won the race: use theirs */ }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
    for (const f of fs.readdirSync(path.dirname(CERT_DIR))) {
      if (f.startsWith('certs.old-')) fs.rmSync(path.join(path.dirname(CERT_DIR), f), { recursive: true, force: true });
    }
  }
  const made = usable(CERT_DIR);
  if (!made) throw new Error(`could not create a usable certificate in ${CERT_DIR}`);
  return made;
}
