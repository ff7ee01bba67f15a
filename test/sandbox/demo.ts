/**
 * `npm start`: the built extension in Chromium on the sandbox.
 * - With a display: opens a real browser window on the sandbox's API Tokens page and waits.
 * - Without one (CI, SSH): walks through the sandbox headless, saves screenshots, prints where.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { startSandbox } from './server.ts';
import { launchChromium } from '../e2e/harness/browsers.ts';

const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const port = Number(process.env.SANDBOX_PORT ?? 8443);
const sandbox = await startSandbox({ port, proxyPort: Number(process.env.SANDBOX_PROXY_PORT ?? 8444) });
const ext = await launchChromium(sandbox, { headless });
console.log(`Sandbox: https://app.wati.io (mapped to 127.0.0.1:${sandbox.httpsPort} inside the launched browser)`);

if (!headless) {
  const page = await ext.browser.newPage();
  await page.goto('https://app.wati.io/connectors/api-tokens');
  console.log('A Chromium window with Wati Token Guard is open on the sandbox. Close it (or press Ctrl+C) to stop.');
  await new Promise<void>((resolve) => {
    ext.browser.on('disconnected', () => resolve());
    process.on('SIGINT', () => resolve());
  });
  await sandbox.close();
  process.exit(0);
}

const outDir = path.resolve('.sandbox/screenshots');
fs.mkdirSync(outDir, { recursive: true });
const shots: string[] = [];
const shot = async (page: Page, name: string) => {
  const file = path.join(outDir, `${String(shots.length + 1).padStart(2, '0')}-${name}.png`);
  await new Promise((r) => setTimeout(r, 400)); // let the overlay settle (throttled observer)
  await page.screenshot({ path: file });
  shots.push(file);
};
const clickText = async (page: Page, text: string) => {
  await page.locator(`::-p-text(${text})`).setTimeout(10_000).click();
};
const overlay = (id: string) => `wati-token-guard >>> [data-testid="${id}"]`;

try {
  const page = await ext.browser.newPage();
  await page.goto('https://app.wati.io/teamInbox?quiet=1');
  await shot(page, 'team-inbox');
  await clickText(page, 'API Tokens').catch(() => page.goto('https://app.wati.io/connectors/api-tokens'));
  await page.waitForSelector(overlay('coach'), { timeout: 15_000 });
  await shot(page, 'api-tokens-with-coach');
  await clickText(page, 'Generate new token');
  await shot(page, 'generate-form');
  const steps = [
    ['name-suggest', 'name'],
    ['expiry-fill', 'expiry'],
  ] as const;
  for (const [testid, name] of steps) {
    const el = await page.$(overlay(testid));
    if (el) {
      await el.click();
      await shot(page, `coach-${name}`);
    }
  }
} finally {
  await ext.close();
  await sandbox.close();
}
console.log(`\nSaved ${shots.length} screenshots of the sandbox with Wati Token Guard:`);
for (const f of shots) console.log(`  ${f}`);
