/**
 * How fast the coach follows the user: from a keystroke in Wati's name field to the coach's name step
 * changing state (emptying the field makes it current, typing a character makes it done). Measured in the
 * page: the key's `keydown` timestamp, and a MutationObserver on the overlay's (open) shadow root that
 * notes when the step's `data-state` changes, then the next frame (the change painted).
 * Chromium; on a form that re-renders on input (`inline-en`) and on the uncooperative renderings
 * (native controls that change no attribute) when the sandbox has them.
 * Prints median / min / max; asserts no timings.
 *
 * Env: BENCH_COACH_ROUNDS (default 15 keystrokes of each kind).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startSandbox, VARIANTS, type Sandbox } from '../sandbox/server.ts';
import { launchChromium, waitFor, type ExtBrowser } from '../e2e/harness/browsers.ts';
import { VARIANT_TEXT, button, click, openTokenPage, typeInto, waitStep } from '../e2e/harness/flows.ts';
import { median, printSummary, round, saveSection, sleep } from './lib.ts';

const ROUNDS = Number(process.env.BENCH_COACH_ROUNDS ?? 15);
const CANDIDATES = ['inline-en', 'native-pt', 'drawer-en', 'trap-es'] as const;

interface Probe {
  lastKey: number;
  changes: Array<{ state: string; at: number; painted?: number; key: number }>;
}

/** Runs in the page (main world): watches the name step inside the overlay's shadow root. */
function installProbe() {
  const probe: Probe = { lastKey: 0, changes: [] };
  (window as unknown as { __wtgProbe: Probe }).__wtgProbe = probe;
  addEventListener('keydown', (e) => (probe.lastKey = e.timeStamp), { capture: true });
  const root = document.querySelector('wati-token-guard')!.shadowRoot!;
  let last = root.querySelector('[data-step="name"]')?.getAttribute('data-state') ?? '';
  new MutationObserver(() => {
    const state = root.querySelector('[data-step="name"]')?.getAttribute('data-state') ?? '';
    if (state === last) return;
    last = state;
    const change: Probe['changes'][number] = { state, at: performance.now(), key: probe.lastKey };
    probe.changes.push(change);
    requestAnimationFrame(() => setTimeout(() => (change.painted = performance.now()), 0));
  }).observe(root, { subtree: true, attributes: true, attributeFilter: ['data-state'], childList: true });
}

async function measure(page: Page, field: string): Promise<{ react: number[]; painted: number[] }> {
  await page.evaluate(installProbe);
  const count = () => page.evaluate(() => (window as unknown as { __wtgProbe: Probe }).__wtgProbe.changes.length);
  await click(page, field);
  for (let i = 0; i < ROUNDS; i++) {
    // Empty the field: the name step becomes current again.
    let n = await count();
    await page.keyboard.down('Control');
    await page.keyboard.press('a');
    await page.keyboard.up('Control');
    await page.keyboard.press('Backspace');
    await waitFor(count, (c) => c > n, 5_000, 'step change after clearing');
    await sleep(300);
    // One character: the name step is done.
    n = await count();
    await page.keyboard.type('x');
    await waitFor(count, (c) => c > n, 5_000, 'step change after typing');
    await sleep(300);
  }
  const changes = await page.evaluate(() => (window as unknown as { __wtgProbe: Probe }).__wtgProbe.changes);
  return {
    react: changes.map((c) => c.at - c.key),
    painted: changes.filter((c) => c.painted).map((c) => c.painted! - c.key),
  };
}

describe('coach reaction to the user (Chromium)', () => {
  let sandbox: Sandbox;
  let ext: ExtBrowser;
  beforeAll(async () => {
    sandbox = await startSandbox();
    ext = await launchChromium(sandbox);
  });
  afterAll(async () => {
    await ext?.close();
    await sandbox?.close();
    printSummary();
  });

  it('from a keystroke in the name field to the coach step changing', async () => {
    const variants = CANDIDATES.filter((v) => (VARIANTS as readonly string[]).includes(v) && v in VARIANT_TEXT) as Array<keyof typeof VARIANT_TEXT>;
    const lines = ['coach reaction, keystroke in the name field -> name step changes (Chromium)'];
    const data: Record<string, unknown> = {};
    for (const variant of variants) {
      const v = VARIANT_TEXT[variant];
      const page = await openTokenPage((u) => ext.browser.newPage().then(async (p) => (await p.goto(u, { waitUntil: 'load' }), p)), variant);
      await waitStep(page, 'open-form');
      await click(page, button(v.open));
      await waitStep(page, 'name');
      const field = `::-p-aria([name="${v.name}"][role="textbox"])`;
      await typeInto(page, field, 'warm-up');
      const m = await measure(page, field);
      expect(m.react.length).toBeGreaterThanOrEqual(ROUNDS * 2);
      const s = (xs: number[]) => `median ${round(median(xs), 1)} ms (min ${round(Math.min(...xs), 1)}, max ${round(Math.max(...xs), 1)}, n=${xs.length})`;
      lines.push(`  ${variant}: step changed ${s(m.react)}; painted ${s(m.painted)}`);
      data[variant] = { reactMedianMs: round(median(m.react), 1), paintedMedianMs: round(median(m.painted), 1), n: m.react.length };
      await page.close();
    }
    console.log(lines.join('\n'));
    saveSection('coach', { lines, ...data });
  });
});
