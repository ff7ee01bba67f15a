import puppeteer from 'puppeteer-core';
import { startSandbox } from '../server.ts';
const sb = await startSandbox();
const p = sb.httpsPort;
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, acceptInsecureCerts: true, defaultViewport: { width: 1400, height: 900 },
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    `--host-resolver-rules=MAP *.wati.io 127.0.0.1:${p},MAP app.wati.io 127.0.0.1:${p},MAP example.com 127.0.0.1:${p}`] });
const page = await browser.newPage();
page.on('pageerror', (e) => console.log('pageerror', e));
page.on('console', (m) => console.log('console', m.type(), m.text()));
await page.goto('https://live.wati.io/10234/connectors/api-tokens?variant=modal-es&quiet=1');
await new Promise((r) => setTimeout(r, 500));
await page.locator('::-p-aria([name="Generar nuevo token"][role="button"])').click();
await new Promise((r) => setTimeout(r, 500));

for (const sel of ['::-p-aria(Nombre del token)', '::-p-aria([name="Token name"])', '::-p-aria([name="Token name"][role="textbox"])', '::-p-aria([name="contacts:read"][role="checkbox"])', '::-p-aria(Expiry date \\(optional\\))', '::-p-aria([name="Expiry date (optional)"])']) {
  console.log(sel, !!(await page.$(sel)));
}
const snap = await page.accessibility.snapshot({ interestingOnly: true });
const walk = (n: any, d = 0): void => { if (['textbox','checkbox','button','Date'].includes(n.role) || /date/i.test(n.role)) console.log(n.role, JSON.stringify(n.name)); (n.children ?? []).forEach((c: any) => walk(c, d + 1)); };
walk(snap);
await browser.close(); await sb.close();
