import puppeteer from 'puppeteer-core';
import { startSandbox } from '../server.ts';
const sb = await startSandbox();
const p = sb.httpsPort;
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, acceptInsecureCerts: true, defaultViewport: { width: 1400, height: 900 },
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    `--host-resolver-rules=MAP *.wati.io 127.0.0.1:${p},MAP app.wati.io 127.0.0.1:${p},MAP example.com 127.0.0.1:${p}`] });
const ctx = browser.defaultBrowserContext();
await ctx.overridePermissions('https://live.wati.io', ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
const page = await browser.newPage();
page.on('pageerror', (e) => console.log('pageerror', e));
// modal-en: React-like tracker
await page.goto('https://live.wati.io/10234/connectors/api-tokens?variant=modal-en');
await page.locator('::-p-aria([name="Generate new token"][role="button"])').click();
await page.locator('::-p-aria([name="Token name"][role="textbox"])').wait();
const r1 = await page.evaluate(() => {
  const el = document.querySelector('[role=dialog] input[type=text]') as HTMLInputElement;
  el.value = 'silent'; el.dispatchEvent(new Event('input', { bubbles: true }));
  return 1;
});
await page.locator('::-p-aria([name="Generate"][role="button"])').click();
console.log('modal-en naive set → errors:', await page.$$eval('[role=alert]:not([hidden])', (e) => e.map((x) => x.textContent)));
await page.evaluate(() => {
  const el = document.querySelector('[role=dialog] input[type=text]') as HTMLInputElement;
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(el, 'native');
  el.dispatchEvent(new Event('input', { bubbles: true }));
});
// Space toggles a custom checkbox
await page.focus('[role=checkbox][aria-labelledby]');
await page.locator('::-p-aria([name="api"][role="checkbox"])').click(); // click on
await page.keyboard.press('Space'); // focus is on api box → off
await page.keyboard.press('Space'); // on again
console.log('api aria-checked after click+2xSpace:', await page.$eval('::-p-aria([name="api"][role="checkbox"])', (e) => e.getAttribute('aria-checked')));
console.log('select all state:', await page.$eval('::-p-aria([name="Select all"][role="checkbox"])', (e) => e.getAttribute('aria-checked')));
console.log('body pointer-events:', await page.evaluate(() => document.body.style.pointerEvents), 'root aria-hidden:', await page.evaluate(() => document.getElementById('root')!.getAttribute('aria-hidden')));
// Escape closes
await page.keyboard.press('Escape');
console.log('dialog after Escape:', await page.$('[role=dialog]') !== null, 'pe:', await page.evaluate(() => document.body.style.pointerEvents));
// pointerdown outside closes
await page.locator('::-p-aria([name="Generate new token"][role="button"])').click();
await page.locator('::-p-aria([name="Token name"][role="textbox"])').wait();
await page.mouse.click(50, 450);
await new Promise((r) => setTimeout(r, 100));
console.log('dialog after outside click:', await page.$('[role=dialog]') !== null);
// full generate with native value → check token name
await page.locator('::-p-aria([name="Generate new token"][role="button"])').click();
await page.locator('::-p-aria([name="Token name"][role="textbox"])').fill('Filled');
await page.locator('::-p-aria([name="contactsv3:*"][role="checkbox"])').click();
await page.locator('::-p-aria([name="Generate"][role="button"])').click();
await page.locator('::-p-aria([name="Copy"][role="button"])').click();
await page.locator('::-p-text(Copied!)').wait();
const clip = await page.evaluate(() => navigator.clipboard.readText());
console.log('clipboard is token:', clip === sb.tokens('10234').at(-1)!.token ? 'yes' : clip.slice(0, 20));
await page.locator('::-p-aria([name="Done"][role="button"])').click();
// revoke via UI
await page.locator('::-p-aria([name="Revoke"][role="button"])').click();
await page.locator('::-p-text(Revoked)').wait();
console.log('statuses:', sb.tokens('10234').map((t) => t.status));

// inline-en: silent .value / .checked not seen
await page.goto('https://live.wati.io/10234/connectors/api-tokens?variant=inline-en');
await page.locator('::-p-aria([name="Generate new token"][role="button"])').click();
await page.evaluate(() => {
  (document.querySelector('main input[type=text]') as HTMLInputElement).value = 'silent';
  (document.querySelector('main form input[type=checkbox]:not(:first-child)') as HTMLInputElement);
  const boxes = document.querySelectorAll('main form input[type=checkbox]');
  (boxes[3] as HTMLInputElement).checked = true;
});
await page.locator('::-p-aria([name="Generate"][role="button"])').click();
console.log('inline-en silent → errors:', await page.$$eval('[role=alert]:not([hidden])', (e) => e.map((x) => x.textContent)), 'box after re-render:', await page.$$eval('main form input[type=checkbox]', (b) => (b[3] as HTMLInputElement).checked));
// set+dispatch works in inline-en (vanilla listeners)
await page.evaluate(() => { const el = document.querySelector('main input[type=text]') as HTMLInputElement; el.value = 'dispatch'; el.dispatchEvent(new Event('input', { bubbles: true })); });
await page.locator('::-p-aria([name="Select all"][role="checkbox"])').click();
await page.locator('::-p-aria([name="Generate"][role="button"])').click();
await page.locator('::-p-aria([name="Done"][role="button"])').click();
console.log('inline-en select all token scopes:', sb.tokens('10234').at(-1)!.scopes.length, sb.tokens('10234').at(-1)!.name);

// modal-es: switch via keyboard Enter; label click
await page.goto('https://live.wati.io/10234/connectors/api-tokens?variant=modal-es');
await page.locator('::-p-aria([name="Generar nuevo token"][role="button"])').click();
await page.locator('::-p-aria([name="Nombre del token"][role="textbox"])').fill('ES');
await page.focus('[role=switch]');
await page.keyboard.press('Enter');
await page.locator('::-p-text(wati_contactsv3:write)').click();
console.log('es switches on:', await page.$$eval('[role=switch][aria-checked=true]', (e) => e.map((x) => document.getElementById(x.getAttribute('aria-labelledby')!)!.textContent)));
await page.locator('::-p-aria([name="Generar"][role="button"])').click();
await page.locator('::-p-aria([name="Token de API"])').wait();
console.log('es textarea has token:', await page.$eval('::-p-aria([name="Token de API"])', (e) => (e as HTMLTextAreaElement).value.startsWith('eyJ')));
await page.locator('::-p-aria([name="Cerrar"][role="button"])').click();
console.log('es last token', sb.tokens('10234').at(-1)!.scopes);
await page.locator('::-p-aria([name="Revocar token ES"][role="button"])').click();
await page.locator('::-p-text(Revocado)').wait();
console.log('es revoked', sb.tokens('10234').at(-1)!.status);

// SPA navigation: no reloads; ids/classes look generated
await page.goto('https://live.wati.io/10234/teamInbox?variant=modal-en&quiet=1');
await page.evaluate(() => { (window as any).__marker = 1; });
await page.locator('::-p-text(Broadcast)').click();
await page.locator('::-p-text(Connectors)').click();
await page.locator('::-p-aria([name="API Tokens"][role="link"])').click();
await page.goBack();
await page.goBack();
await page.goForward();
console.log('spa no reload:', await page.evaluate(() => (window as any).__marker), await page.evaluate(() => location.pathname), await page.evaluate(() => document.querySelector('h1')?.textContent));
await page.close();
await browser.close(); await sb.close();
