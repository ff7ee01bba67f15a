/**
 * Manual check of the sandbox in a real browser: walks every variant like a user (menu → API Tokens → form →
 * generate → reveal → done → list), checks the inbox and API Docs, and writes screenshots to /tmp/sandbox-shots/.
 *   node --experimental-strip-types test/sandbox/tools/walk.ts [--firefox] [--headful] [--only native-pt,trap-es]
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

interface Texts { connectors: string; tokens: string; open: string; name: string; gen: string; done: string; copy: string; selectAll: string }
const EN: Texts = { connectors: 'Connectors', tokens: 'API Tokens', open: 'Generate new token', name: 'Token name', gen: 'Generate', done: 'Done', copy: 'Copy', selectAll: 'Select all' };
const TEXTS: Record<string, Texts> = {
  en: EN,
  'modal-es': { connectors: 'Conectores', tokens: 'Tokens de API', open: 'Generar nuevo token', name: 'Nombre del token', gen: 'Generar', done: 'Cerrar', copy: 'Copiar', selectAll: 'Seleccionar todo' },
  'native-pt': { connectors: 'Conectores', tokens: 'Tokens de API', open: 'Gerar novo token', name: 'Nome do token', gen: 'Gerar', done: 'Concluir', copy: 'Copiar', selectAll: 'Selecionar todos' },
  'trap-es': { connectors: 'Conectores', tokens: 'Tokens de API', open: 'Generar nuevo token', name: 'Nombre del token', gen: 'Generar token', done: 'Cerrar', copy: 'Copiar', selectAll: 'Seleccionar todo' },
  'drawer-en': { ...EN, open: 'New token', gen: 'Create token' },
};
/** Extra screenshots at the small and the common laptop viewport, then back to the walk's own size. */
async function shotSizes(page: Page, name: string) {
  for (const [w, hgt] of [[800, 600], [1280, 720]] as const) {
    await page.setViewport({ width: w, height: hgt });
    await new Promise((r) => setTimeout(r, 150));
    await shot(page, `${name}-${w}`);
  }
  await page.setViewport({ width: 1400, height: 900 });
}

async function walk(variant: VariantName) {
  const page = await browser.newPage();
  if (firefox) await page.setViewport({ width: 1400, height: 900 });
  watch(page);
  const es = variant === 'modal-es' || variant === 'trap-es';
  const T = TEXTS[variant] ?? TEXTS.en!;
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
  const extra: Record<string, unknown> = {};
  if (variant === 'trap-es') {
    // an element appended to <body> after opening is aria-hidden too; focus moved to it is pulled back
    await page.locator(`::-p-aria([name="${T.name}"][role="textbox"])`).setTimeout(10_000).wait();
    await new Promise((r) => setTimeout(r, 100));
    extra.trap = await page.evaluate(async () => {
      const el = document.createElement('div');
      const b = document.createElement('button');
      b.textContent = 'outside';
      el.append(b);
      document.body.append(el);
      await new Promise((r) => setTimeout(r, 50));
      const hidden = el.getAttribute('aria-hidden');
      b.focus();
      const pulledBack = document.activeElement !== b && !!document.activeElement?.closest('[role="dialog"]');
      el.remove();
      return { appendedHidden: hidden, pulledBack, rootHidden: document.getElementById('root')?.getAttribute('aria-hidden') };
    });
  }
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

  // uncontrolled pages: count DOM mutations inside <main> while typing and ticking (expected: none)
  const uncontrolled = variant === 'native-pt' || variant === 'trap-es';
  if (uncontrolled) {
    await page.evaluate(() => {
      const w = window as unknown as { __mut: number };
      w.__mut = 0;
      new MutationObserver((r) => { w.__mut += r.length; }).observe(document.querySelector('form')!, { subtree: true, childList: true, attributes: true, characterData: true });
    });
  }
  await page.locator(`::-p-aria([name="${T.name}"][role="textbox"])`).fill(`${variant} token`);
  const role = variant === 'modal-es' ? 'switch' : 'checkbox';
  const sc = (x: string) => (es ? `wati_${x}` : x);
  await page.locator(`::-p-aria([name="${sc('contacts:read')}"][role="${role}"])`).click();
  await page.locator(`::-p-aria([name="${sc('messagetemplate:read')}"][role="${role}"])`).click();
  if (uncontrolled) extra.mutationsWhileTyping = await page.evaluate(() => (window as unknown as { __mut: number }).__mut);
  // Select all twice: on, then off again
  if (variant === 'modal-es') {
    await page.locator(`::-p-aria([name="${T.selectAll}"][role="button"])`).click();
    await page.locator(`::-p-aria([name="${T.selectAll}"][role="button"])`).click();
    await page.locator(`::-p-aria([name="wati_contacts:read"][role="switch"])`).click();
    await page.locator(`::-p-aria([name="wati_messagetemplate:read"][role="switch"])`).click();
  } else {
    await page.locator(`::-p-aria([name="${T.selectAll}"][role="checkbox"])`).click();
    await page.locator(`::-p-aria([name="${T.selectAll}"][role="checkbox"])`).click();
    // re-tick the two (Select all cleared them)
    await page.locator(`::-p-aria([name="${sc('contacts:read')}"][role="checkbox"])`).click();
    await page.locator(`::-p-aria([name="${sc('messagetemplate:read')}"][role="checkbox"])`).click();
  }
  // expiry
  if (variant === 'inline-en' || variant === 'slow-en' || variant === 'trap-es') {
    // the <input type=date> (in Firefox the <label> has its name too)
    const labelText = variant === 'trap-es' ? 'Fecha de caducidad (opcional)' : 'Expiry date (optional)';
    const date = (await page.evaluateHandle((t) => {
      const label = [...document.querySelectorAll('label')].find((l) => l.textContent === t) as HTMLLabelElement;
      return document.getElementById(label.htmlFor);
    }, labelText)).asElement() as import('puppeteer-core').ElementHandle<HTMLInputElement>;
    await date.focus();
    await page.keyboard.type('12312030'); // en-US mm/dd/yyyy in both browsers' default locale
  } else if (variant === 'native-pt') {
    await page.locator('::-p-aria([name="90 dias"][role="radio"])').click();
  } else if (variant === 'drawer-en') {
    const sel = await page.locator('::-p-aria([name="Expires in"][role="combobox"])').waitHandle();
    await sel.select('90');
  } else {
    const sel = await page.locator(`::-p-aria([name="${es ? "Caducidad" : "Expiry duration"}"][role="combobox"])`).waitHandle();
    await sel.select('90');
  }
  await shot(page, `${variant}-filled`);
  await shotSizes(page, `${variant}-filled`);
  const meaningful = await page.evaluate(() => ({
    ids: [...document.querySelectorAll('[id]')].map((e) => e.id).filter((x) => !/^(:r[0-9a-z]+:|«r[0-9a-z]+»|_r_[0-9a-z]+_|radix-:r[0-9a-z]+:|el-id-\d+-\d+|mui-\d+|root|__sandbox_config)$/.test(x)),
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
  await shotSizes(page, `${variant}-reveal`);
  await page.locator(`::-p-aria([name="${T.done}"][role="button"])`).click();
  await page.waitForFunction((tok) => !document.body.innerHTML.includes(tok as string), {}, token);
  await page.locator(`::-p-text(${variant} token)`).wait();
  const stored = sb.tokens('10234').find((t) => t.name === `${variant} token`);
  await shot(page, `${variant}-list`);
  log(variant, { heading: `${tHeading}ms`, validation, tokenMatches: stored?.token === token, scopes: stored?.scopes, expiresAt: stored?.expiresAt, ...extra });
  await page.close();
}

// Inbox (live), API Docs via More, help + example pages
if (!process.argv.includes('--only')) {
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
// `--only v1,v2` walks just those variants (and skips the inbox / API Docs / help pages)
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1]!.split(',') : null;
for (const v of VARIANTS) if (!only || only.includes(v)) await walk(v);
if (errors.length) log('ERRORS', errors);
await browser.close();
await sb.close();
