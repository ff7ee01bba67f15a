import puppeteer from 'puppeteer-core';
import { startSandbox } from '../server.ts';
const sb = await startSandbox();
const p = sb.httpsPort;
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, acceptInsecureCerts: true, defaultViewport: { width: 1400, height: 900 },
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    `--host-resolver-rules=MAP *.wati.io 127.0.0.1:${p},MAP app.wati.io 127.0.0.1:${p},MAP example.com 127.0.0.1:${p}`] });
const page = await browser.newPage();
await page.goto('https://live.wati.io/10234/connectors/api-tokens?variant=modal-es');
await page.locator('::-p-aria([name="Generar nuevo token"][role="button"])').click();
await page.locator('::-p-aria([name="Nombre del token"][role="textbox"])').fill('ES');
await page.focus('[role=switch]');
await page.keyboard.press('Enter');
console.log(await page.$$eval('[role=switch][aria-checked=true]', (e) => e.length));
await page.locator('::-p-text(wati_contactsv3:write)').click();
console.log(await page.$$eval('[role=switch][aria-checked=true]', (e) => e.length));
await page.locator('::-p-aria([name="wati_contacts:read"][role="switch"])').click();
console.log(await page.$$eval('[role=switch][aria-checked=true]', (e) => e.length));
await browser.close(); await sb.close();
