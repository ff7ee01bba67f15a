/**
 * `npm run sandbox`: runs the sandbox on fixed ports until killed.
 * Env: SANDBOX_PORT (default 8443), SANDBOX_PROXY_PORT (default 8444), SANDBOX_VARIANT (default inline-en),
 * SANDBOX_QUIET=1 to stop the one-line-per-request log.
 */
import { isVariant, startSandbox, VARIANTS } from './server.ts';

const port = Number(process.env.SANDBOX_PORT ?? 8443);
const proxyPort = Number(process.env.SANDBOX_PROXY_PORT ?? 8444);
const variantEnv = process.env.SANDBOX_VARIANT;
if (variantEnv !== undefined && !isVariant(variantEnv)) {
  console.error(`SANDBOX_VARIANT must be one of: ${VARIANTS.join(', ')}`);
  process.exit(2);
}

const sandbox = await startSandbox({
  port,
  proxyPort,
  variant: variantEnv,
  log: process.env.SANDBOX_QUIET === '1' ? false : true,
});
const p = sandbox.httpsPort;
const rules = `MAP *.wati.io 127.0.0.1:${p},MAP app.wati.io 127.0.0.1:${p},MAP example.com 127.0.0.1:${p}`;
console.log(`Wati sandbox running (variant ${sandbox.variant()})
  HTTPS server   https://127.0.0.1:${p}   self-signed cert for *.wati.io, app.wati.io, example.com, localhost
  CONNECT proxy  http://127.0.0.1:${sandbox.proxyPort}    tunnels every host to the HTTPS server

Chromium:
  chromium --ignore-certificate-errors --host-resolver-rules="${rules}" https://live.wati.io/10234/teamInbox
Firefox: use a PAC (network.proxy.type=2) sending *.wati.io and example.com to PROXY 127.0.0.1:${sandbox.proxyPort}
curl:
  curl -k --connect-to ::127.0.0.1:${p} https://live-mt-server.wati.io/api/ext/v3/contacts

Dashboard  https://live.wati.io/10234/connectors/api-tokens?variant=modal-en   (variants: ${VARIANTS.join(', ')})
           https://live-7.wati.io/  (tenant 30007)   https://app.wati.io/  (tenant 10001)
API        https://live-mt-server.wati.io     Help  https://support.wati.io/     Non-Wati  https://example.com/
Ctrl-C to stop.`);

const stop = () => {
  sandbox.close().then(() => process.exit(0), () => process.exit(1));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
