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
import { button, choosePreset, click, clickUi, waitStep } from '../e2e/harness/flows.ts';
import { ui } from '../e2e/harness/selectors.ts';

const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const sandbox = await startSandbox({
  port: Number(process.env.SANDBOX_PORT ?? 8443),
  proxyPort: Number(process.env.SANDBOX_PROXY_PORT ?? 8444),
});
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
fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(outDir, { recursive: true });
const shots: string[] = [];
const shot = async (page: Page, name: string) => {
  await new Promise((r) => setTimeout(r, 500)); // let the overlay settle (throttled observer, animation frames)
  const file = path.join(outDir, `${String(shots.length + 1).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file });
  shots.push(file);
};

let failed = false;
try {
  const page = await ext.browser.newPage();
  await page.goto('https://app.wati.io/teamInbox?quiet=1');
  await shot(page, 'team-inbox-nothing-injected');
  await click(page, '::-p-aria([name="API Tokens"][role="link"])').catch(() => page.goto('https://app.wati.io/connectors/api-tokens'));
  await page.waitForSelector(ui('coach'), { timeout: 20_000 });
  await shot(page, 'api-tokens-coach');
  await click(page, button('Generate new token'));
  await waitStep(page, 'name');
  await shot(page, 'coach-name-step');
  await clickUi(page, 'name-suggest');
  await waitStep(page, 'scopes');
  await click(page, '::-p-aria([name="Select all"])');
  await choosePreset(page, 'send-templates-v3');
  await shot(page, 'scope-check-select-all-flagged');
  await clickUi(page, 'apply-recommended');
  await waitStep(page, 'expiry');
  await shot(page, 'recommended-scopes-applied');
  await clickUi(page, 'expiry-fill');
  await waitStep(page, 'review');
  await shot(page, 'review');
  await clickUi(page, 'review-confirm');
  await click(page, button('Generate'));
  await page.waitForSelector(ui('capture-panel'), { timeout: 20_000 });
  await clickUi(page, 'capture-copy');
  await shot(page, 'capture-copied-countdown');
  await clickUi(page, 'capture-confirm');
  await shot(page, 'stored');
  const popup = await ext.openExtensionPage('/popup.html');
  await popup.setViewport({ width: 460, height: 600 });
  await popup.waitForSelector('[data-testid="token-row"]', { timeout: 10_000 });
  await shot(popup, 'popup-inventory');
} catch (e) {
  failed = true;
  console.error('The walk through the sandbox stopped early:', e instanceof Error ? e.message : e);
} finally {
  await ext.close();
  await sandbox.close();
}
console.log(`\nSaved ${shots.length} screenshots of the sandbox with Wati Token Guard:`);
for (const f of shots) console.log(`  ${f}`);
process.exit(failed ? 1 : 0);
