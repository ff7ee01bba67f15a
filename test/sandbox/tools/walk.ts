/**
 * Manual check of the sandbox in a real browser: walks every variant like a user (menu → API Tokens → form →
 * generate → reveal → done → list), checks the inbox and API Docs, and writes screenshots to /tmp/sandbox-shots/.
 *   node --experimental-strip-types test/sandbox/tools/walk.ts [--firefox] [--headful]
 * Not part of the test suite.
 */
import fs from 'node:fs';
import puppeteer from 'puppeteer-core';
import type { Browser, Page } from 'puppeteer-core';
import { startSandbox, VARIANTS } from '../server.ts';
import type { VariantName } from '../server.ts';

const OUT = '/tmp/sandbox-shots';
const firefox = process.argv.includes('--firefox');
fs.mkdirSync(OUT, { recursive: true });
const sb = await startSandbox();
const p = sb.httpsPort;

let browser: Browser;
if (firefox) {
  const pac = `function FindProxyForURL(url, host) {
    if (host === 'wati.io' || dnsDomainIs(host, '.wati.io') || host === 'example.com') return 'PROXY 127.0.0.1:${sb.proxyPort}';
    return 'DIRECT'; }`;
  browser = await puppeteer.launch({
    browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: !process.argv.includes('--headful'), acceptInsecureCerts: true,
    extraPrefsFirefox: { 'network.proxy.type': 2, 'network.proxy.autoconfig_url': 'data:text/plain,' + encodeURIComponent(pac) },
  });
} else {
  browser = await puppeteer.launch({
    executablePath: '/usr/bin/chromium', headless: !process.argv.includes('--headful'), acceptInsecureCerts: true,
    defaultViewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      `--host-resolver-rules=MAP *.wati.io 127.0.0.1:${p},MAP app.wati.io 127.0.0.1:${p},MAP example.com 127.0.0.1:${p}`],
  });
}
const tag = firefox ? 'ff-' : '';
const shot = (page: Page, name: string) => page.screenshot({ path: `${OUT}/${tag}${name}.png` });
const log = (...a: unknown[]) => console.log(...a);
const errors: string[] = [];

function watch(page: Page) {
  page.on('pageerror', (e) => errors.push(`pageerror: ${e instanceof Error ? e.message : String(e)}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
}

async function walk(variant: VariantName) {
  const page = await browser.newPage();
  if (firefox) await page.setViewport({ width: 1400, height: 900 });
  watch(page);
  const es = variant === 'modal-es';
  const T = es
    ? { connectors: 'Conectores', tokens: 'Tokens de API', open: 'Generar nuevo token', name: 'Nombre del token', gen: 'Generar', done: 'Cerrar', copy: 'Copiar' }
    : { connectors: 'Connectors', tokens: 'API Tokens', open: 'Generate new token', name: 'Token name', gen: 'Generate', done: 'Done', copy: 'Copy' };
  await page.goto(`https://live.wati.io/10234/teamInbox?variant=${variant}&quiet=1`);
  await page.locator(`::-p-text(${T.connectors})`).click();
  await page.locator(`::-p-aria([name="${T.tokens}"][role="link"])`).click();
  const t0 = Date.now();
  if (variant === 'slow-en') {
    await new Promise((r) => setTimeout(r, 300));
    await shot(page, `${variant}-loading`);
  }
  await page.locator(`::-p-aria([name="${T.tokens}"][role="heading"])`).setTimeout(10_000).wait();
  const tHeading = Date.now() - t0;
  await page.locator(`::-p-aria([name="${T.open}"][role="button"])`).setTimeout(10_000).click();
  if (variant === 'unrecognisable') {
    await page.waitForSelector('main input[type="text"]');
    await shot(page, `${variant}-form`);
    // drive it "like a human who can see": the only text input, then the 4th and 5th tiles, then the green arrow
    await page.type('main input[type="text"]', 'Human made');
    await page.evaluate(() => {
      const tiles = [...document.querySelectorAll('main [data-on]')].filter((x) => x.querySelector('canvas') && x.children.length === 2);
      (tiles[3] as HTMLElement).click();
      (tiles[4] as HTMLElement).click();
    });
    await shot(page, `${variant}-filled`);
    const before = sb.tokens('10234').length;
    await page.evaluate(() => {
      // the green arrow (the last arrow-ish path on the page)
      const paths = [...document.querySelectorAll('main svg path[d="m12 5 7 7-7 7"]')];
      (paths.at(-1)?.closest('div') as HTMLElement | null)?.click();
    });
    await new Promise((r) => setTimeout(r, 800));
    await shot(page, `${variant}-reveal`);
    const after = sb.tokens('10234');
    log(variant, { heading: `${tHeading}ms`, created: after.length - before, scopes: after.at(-1)?.scopes });
    await page.close();
    return;
  }

  // validation: submit empty
  await page.locator(`::-p-aria([name="${T.name}"][role="textbox"])`).setTimeout(10_000).wait();
  await page.locator(`::-p-aria([name="${T.gen}"][role="button"])`).click();
  await page.locator('[role="alert"]:not([hidden])').wait();
  const validation = await page.$$eval('[role="alert"]:not([hidden])', (els) => els.map((e) => e.textContent?.trim()).filter(Boolean));
  await shot(page, `${variant}-validation`);

  await page.locator(`::-p-aria([name="${T.name}"][role="textbox"])`).fill(`${variant} token`);
  const role = variant === 'modal-es' ? 'switch' : 'checkbox';
  const sc = (x: string) => (es ? `wati_${x}` : x);
  await page.locator(`::-p-aria([name="${sc('contacts:read')}"][role="${role}"])`).click();
  await page.locator(`::-p-aria([name="${sc('messagetemplate:read')}"][role="${role}"])`).click();
  // Select all twice: on, then off again
  if (es) {
    await page.locator('::-p-aria([name="Seleccionar todo"][role="button"])').click();
    await page.locator('::-p-aria([name="Seleccionar todo"][role="button"])').click();
  } else {
    await page.locator('::-p-aria([name="Select all"][role="checkbox"])').click();
    await page.locator('::-p-aria([name="Select all"][role="checkbox"])').click();
    // re-tick the two (Select all cleared them)
    await page.locator(`::-p-aria([name="contacts:read"][role="checkbox"])`).click();
    await page.locator(`::-p-aria([name="messagetemplate:read"][role="checkbox"])`).click();
  }
  if (es) {
    await page.locator(`::-p-aria([name="wati_contacts:read"][role="switch"])`).click();
    await page.locator(`::-p-aria([name="wati_messagetemplate:read"][role="switch"])`).click();
  }
  // expiry
  if (variant === 'inline-en' || variant === 'slow-en') {
    // the <input type=date> labelled "Expiry date (optional)" (in Firefox the <label> has that name too)
    const date = (await page.evaluateHandle(() => {
      const label = [...document.querySelectorAll('label')].find((l) => l.textContent === 'Expiry date (optional)') as HTMLLabelElement;
      return document.getElementById(label.htmlFor);
    })).asElement() as import('puppeteer-core').ElementHandle<HTMLInputElement>;
    await date.focus();
    await page.keyboard.type('12312030'); // en-US mm/dd/yyyy in both browsers' default locale
  } else {
    const sel = await page.locator(`::-p-aria([name="${es ? "Caducidad" : "Expiry duration"}"][role="combobox"])`).waitHandle();
    await sel.select('90');
  }
  await shot(page, `${variant}-filled`);
  const meaningful = await page.evaluate(() => ({
    ids: [...document.querySelectorAll('[id]')].map((e) => e.id).filter((x) => !/^(:r[0-9a-z]+:|radix-:r[0-9a-z]+:|el-id-\d+-\d+|root|__sandbox_config)$/.test(x)),
    classes: [...new Set([...document.querySelectorAll('[class]')].flatMap((e) => [...e.classList]))]
      .filter((c) => !/^(css-[0-9a-z]+|sc-[A-Za-z]{6}|[A-Za-z]{6}|_[0-9a-z]{5}_\d+|x[0-9a-z]+)$/.test(c)),
  }));
  if (meaningful.ids.length || meaningful.classes.length) errors.push(`${variant}: meaningful ids/classes ${JSON.stringify(meaningful)}`);
  await page.locator(`::-p-aria([name="${T.gen}"][role="button"])`).click();
  await page.locator(`::-p-aria([name="${T.copy}"][role="button"])`).setTimeout(10_000).wait();
  const token = await page.evaluate(() => {
    const el = document.querySelector('input[readonly], textarea[readonly], [role="dialog"] code') as HTMLInputElement | HTMLElement | null;
    return el ? ('value' in el ? (el as HTMLInputElement).value : el.textContent) : null;
  });
  await shot(page, `${variant}-reveal`);
  await page.locator(`::-p-aria([name="${T.done}"][role="button"])`).click();
  await page.waitForFunction((tok) => !document.body.innerHTML.includes(tok as string), {}, token);
  await page.locator(`::-p-text(${variant} token)`).wait();
  const stored = sb.tokens('10234').find((t) => t.name === `${variant} token`);
  await shot(page, `${variant}-list`);
  log(variant, { heading: `${tHeading}ms`, validation, tokenMatches: stored?.token === token, scopes: stored?.scopes, expiresAt: stored?.expiresAt });
  await page.close();
}

// Inbox (live), API Docs via More, help + example pages
{
  const page = await browser.newPage();
  if (firefox) await page.setViewport({ width: 1400, height: 900 });
  watch(page);
  await page.goto('https://live.wati.io/10234/teamInbox');
  await page.locator('::-p-text(Type a message)').wait().catch(() => {});
  const count = () => page.evaluate(() => ({ nodes: document.querySelectorAll('*').length, msgs: document.querySelector('[role="log"]')?.childElementCount }));
  const a = await count();
  const firstPreview = () => page.evaluate(() => document.querySelector('[role="listbox"] > li')?.textContent?.replace(/\s+/g, ' ').trim());
  const p1 = await firstPreview();
  await new Promise((r) => setTimeout(r, 1200));
  const b = await count();
  const p2 = await firstPreview();
  log('inbox', a, b, p1 !== p2 ? 'changing' : 'STATIC');
  await shot(page, 'inbox');
  await page.goto('https://live-7.wati.io/teamInbox?quiet=1');
  await page.locator('::-p-aria([name="More"][role="button"])').click();
  await page.locator('::-p-aria([name="API Docs"][role="menuitem"])').click();
  await page.waitForFunction(() => /^eyJ/.test((document.querySelector('textarea') as HTMLTextAreaElement | null)?.value ?? ''));
  log('api-docs', await page.evaluate(() => ({ url: location.href, ep: (document.querySelector('main input') as HTMLInputElement).value })));
  await shot(page, 'api-docs');
  await page.goto('https://live-7.wati.io/nowhere');
  await shot(page, 'placeholder');
  await page.goto('https://support.wati.io/en/articles/api-tokens');
  await shot(page, 'help');
  await page.goto('https://example.com/');
  await shot(page, 'example');
  await page.close();
}
for (const v of VARIANTS) await walk(v);
if (errors.length) log('ERRORS', errors);
await browser.close();
await sb.close();
