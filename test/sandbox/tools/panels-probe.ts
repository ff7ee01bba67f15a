/**
 * Manual probe of the page-level panels (expiry banner, sync prompt) on the busy Team Inbox: seeds a token expiring
 * in 5 days, opens /teamInbox (live arrivals, a message every 150 ms) at each size, prints where the banner stands
 * and what measuring Wati's controls and placing cost (read from the overlay's isolated world, `__wtgLayoutStats`).
 *   npx wxt build -b chrome && node --experimental-strip-types test/sandbox/tools/panels-probe.ts [--quiet] [--window=5000]
 * Not part of the test suite.
 */
import type { Page } from 'puppeteer-core';
import { startSandbox } from '../server.ts';
import { launchChromium, waitFor } from '../../e2e/harness/browsers.ts';

const quiet = process.argv.includes('--quiet');
const windowMs = Number(process.argv.find((a) => a.startsWith('--window='))?.slice(9) ?? 5000);
const sizes = [
  [800, 600],
  [1024, 640],
  [1280, 720],
  [1920, 1080],
];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sandbox = await startSandbox();
const ext = await launchChromium(sandbox);
const API = 'const api = globalThis.browser ?? globalThis.chrome;';

interface Stats {
  measurements: number;
  measureMs: number;
  layoutMs: number;
  lastControls: number;
  placements: number;
  placeMs: number;
  maxPlaceMs: number;
}

/** Evaluates in the extension's isolated world of the page (where the overlay runs). */
async function inOverlay<T>(page: Page, expression: string): Promise<T | undefined> {
  const cdp = await page.createCDPSession();
  const contexts: Array<{ id: number; origin: string; auxData?: { type?: string } }> = [];
  cdp.on('Runtime.executionContextCreated', (e: { context: (typeof contexts)[number] }) => contexts.push(e.context));
  try {
    await cdp.send('Runtime.enable');
    for (const c of contexts.filter((c) => c.origin === ext.extOrigin && c.auxData?.type === 'isolated')) {
      const r = await cdp.send('Runtime.evaluate', { contextId: c.id, expression, returnByValue: true });
      if (r.result.value !== undefined && r.result.value !== null) return r.result.value as T;
    }
    return undefined;
  } finally {
    await cdp.send('Runtime.disable').catch(() => {});
    await cdp.detach().catch(() => {});
  }
}

try {
  sandbox.addToken({ tenantId: '10001', name: 'website-chat-prod', scopes: ['conversationsv3:write'], expiresAt: null });
  sandbox.addToken({ tenantId: '10001', name: 'billing-bot-prod', scopes: ['contacts:read'], expiresAt: new Date(Date.now() + 5 * 86400_000).toISOString() });
  const tokens = await ext.browser.newPage();
  await tokens.goto('https://app.wati.io/connectors/api-tokens?variant=inline-en', { waitUntil: 'load' });
  await waitFor(
    () => ext.evalInExtension<Array<{ name: string }>>(`async () => { ${API} return (await api.storage.local.get('inventory')).inventory?.records ?? []; }`),
    (rs) => rs.some((r) => r.name === 'billing-bot-prod'),
    20_000,
    'synced',
  );
  await tokens.close();

  const page = await ext.browser.newPage();
  await page.goto(`https://app.wati.io/teamInbox${quiet ? '?quiet=1' : ''}`, { waitUntil: 'load' });
  await page.waitForSelector('wati-token-guard >>> [data-testid="expiry-banner"]', { timeout: 20_000 });
  console.log(`elements on the page: ${await page.evaluate(() => document.getElementsByTagName('*').length)}${quiet ? ' (quiet)' : ' (a message every 150 ms)'}`);
  for (const [width, height] of sizes) {
    await page.setViewport({ width: width!, height: height! });
    await sleep(800);
    const s0 = (await inOverlay<Stats>(page, 'globalThis.__wtgLayoutStats && {...globalThis.__wtgLayoutStats}'))!;
    await sleep(windowMs);
    const s1 = (await inOverlay<Stats>(page, 'globalThis.__wtgLayoutStats && {...globalThis.__wtgLayoutStats}'))!;
    const box = await page.$eval('wati-token-guard >>> [data-testid="expiry-banner"]', (e) => {
      const r = e.getBoundingClientRect();
      return `${e.getAttribute('data-dock')} at ${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}x${Math.round(r.height)}`;
    });
    const secs = windowMs / 1000;
    const m = s1.measurements - s0.measurements;
    const p = s1.placements - s0.placements;
    // One scroll burst: how fast the overlay follows.
    const t0 = { ...s1 };
    await page.evaluate(async () => {
      for (let i = 0; i < 30; i++) {
        dispatchEvent(new Event('scroll'));
        await new Promise((r) => requestAnimationFrame(r));
      }
    });
    const s2 = (await inOverlay<Stats>(page, '({...globalThis.__wtgLayoutStats})'))!;
    const sm = s2.measurements - t0.measurements;
    console.log(
      `${width}x${height}: banner ${box}; idle ${(m / secs).toFixed(1)} measurements/s, ${m ? ((s1.measureMs - s0.measureMs) / m).toFixed(2) : '-'} ms each, of which ${m ? ((s1.layoutMs - s0.layoutMs) / m).toFixed(2) : '-'} ms bringing the page's layout up to date (${s1.lastControls} controls); ` +
        `${(p / secs).toFixed(1)} placements/s, ${p ? ((s1.placeMs - s0.placeMs) / p).toFixed(2) : '-'} ms each; ` +
        `30 frames of scrolling: ${sm} measurements ${sm ? ((s2.measureMs - t0.measureMs) / sm).toFixed(2) : '-'} ms each, ${s2.placements - t0.placements} placements ${s2.placements - t0.placements ? ((s2.placeMs - t0.placeMs) / (s2.placements - t0.placements)).toFixed(2) : '-'} ms each; max placement so far ${s2.maxPlaceMs.toFixed(2)} ms`,
    );
  }
  await page.close();
} finally {
  await ext.close();
  await sandbox.close();
}
