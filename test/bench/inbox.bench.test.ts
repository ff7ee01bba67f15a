/**
 * What the always-on sentry (content-scripts/wati.js) costs a busy Team Inbox, and how much code it is.
 *
 * Chromium with the extension vs the same Chromium (same flags) without it, in the same run: each round
 * opens the sandbox's busy inbox (thousands of nodes, a new message every ~150 ms) in a fresh page, lets it
 * settle, then reads the renderer main thread's ScriptDuration / TaskDuration (CDP Performance.getMetrics)
 * over a fixed window. Rounds alternate which browser goes first. Prints medians and with/without ratios.
 * Asserts no timings: only that samples were taken, that the overlay was NOT injected on the inbox, and that
 * the sentry did run there (its isolated world exists, and it still reacts to a client-side navigation).
 *
 * Env: BENCH_ROUNDS (default 5), BENCH_WINDOW_MS (default 4000), BENCH_SETTLE_MS (default 1000; e.g. 21000 to
 * measure after the sentry stops looking for the token page, LOOK_FOR_MS = 20 s), BENCH_PROFILE=1 (also take a CPU profile of a
 * with-extension inbox page and print where the extension's time goes).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startSandbox, type Sandbox } from '../sandbox/server.ts';
import { launchChromium, OUT_DIR, waitFor, type ExtBrowser } from '../e2e/harness/browsers.ts';
import { HOST } from '../e2e/harness/setup.ts';
import { median, patchSection, printSummary, round, saveSection, sleep } from './lib.ts';

const INBOX = 'https://app.wati.io/teamInbox';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 1000);
const WINDOW_MS = Number(process.env.BENCH_WINDOW_MS ?? 4000);
const PROFILE = process.env.BENCH_PROFILE === '1';
const SENTRY_JS = path.join(OUT_DIR.chrome, 'content-scripts/wati.js');
const OVERLAY_JS = path.join(OUT_DIR.chrome, 'content-scripts/overlay.js');

type Variant = 'with' | 'without';

interface Sample {
  variant: Variant;
  round: number;
  /** main-thread script time, ms per second of wall time */
  scriptMsPerS: number;
  taskMsPerS: number;
  /** messages that arrived in the open chat during the window */
  messages: number;
  seconds: number;
  overlayInjected: boolean;
  /** with: the extension's isolated worlds in the page (the sentry's content script) */
  extensionWorlds?: number;
}

interface ExecutionContext {
  id: number;
  origin: string;
  name: string;
  auxData?: { type?: string; frameId?: string; isDefault?: boolean };
}

/** The in-page clock of the last message (minutes); the sandbox advances it by one per message. */
const readClock = (page: Page) =>
  page.evaluate(() => {
    const meta = document.querySelector('[role="log"]')?.lastElementChild?.querySelector('p + span');
    const m = /(\d\d):(\d\d)/.exec(meta?.textContent ?? '');
    return m ? Number(m[1]) * 60 + Number(m[2]) : -1;
  });

const hasOverlay = (page: Page) => page.evaluate((host) => document.querySelector(host) !== null, HOST);

/**
 * The extension's isolated worlds in the page's frames, through a separate CDP session (Runtime.enable
 * replays every existing execution context); each is confirmed by asking it for its extension id.
 * Done after the measurement window, so it costs the window nothing.
 */
async function extensionWorlds(page: Page, extOrigin: string): Promise<ExecutionContext[]> {
  const cdp = await page.createCDPSession();
  const contexts: ExecutionContext[] = [];
  cdp.on('Runtime.executionContextCreated', (e: { context: ExecutionContext }) => contexts.push(e.context));
  try {
    await cdp.send('Runtime.enable');
    const ours: ExecutionContext[] = [];
    for (const c of contexts.filter((c) => c.origin === extOrigin && c.auxData?.type === 'isolated')) {
      const r = await cdp.send('Runtime.evaluate', { contextId: c.id, expression: 'chrome.runtime.id', returnByValue: true });
      if (extOrigin === `chrome-extension://${r.result.value}`) ours.push(c);
    }
    await cdp.send('Runtime.disable');
    return ours;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

async function openInbox(ext: ExtBrowser): Promise<Page> {
  const page = await ext.browser.newPage();
  await page.goto(INBOX, { waitUntil: 'load' });
  await page.waitForSelector('[role="log"] > :last-child p + span');
  return page;
}

async function measure(ext: ExtBrowser, variant: Variant, roundNo: number): Promise<Sample> {
  const page = await openInbox(ext);
  try {
    await sleep(SETTLE_MS);
    const m0 = await page.metrics();
    const c0 = await readClock(page);
    await sleep(WINDOW_MS);
    const c1 = await readClock(page);
    const m1 = await page.metrics();
    const seconds = m1.Timestamp! - m0.Timestamp!;
    const sample: Sample = {
      variant,
      round: roundNo,
      scriptMsPerS: ((m1.ScriptDuration! - m0.ScriptDuration!) * 1000) / seconds,
      taskMsPerS: ((m1.TaskDuration! - m0.TaskDuration!) * 1000) / seconds,
      messages: c0 < 0 || c1 < 0 ? -1 : (c1 - c0 + 1440) % 1440,
      seconds,
      overlayInjected: await hasOverlay(page),
    };
    if (variant === 'with') sample.extensionWorlds = (await extensionWorlds(page, ext.extOrigin)).length;
    return sample;
  } finally {
    await page.close();
  }
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

/** CPU profile of one with-extension inbox window: the extension's share, by function (inclusive). */
async function profileExtension(ext: ExtBrowser): Promise<string[]> {
  const page = await openInbox(ext);
  const cdp = await page.createCDPSession();
  try {
    await sleep(SETTLE_MS);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await sleep(WINDOW_MS);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
      profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };
    };
    const seconds = (profile.endTime - profile.startTime) / 1e6;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const isExt = (n: ProfileNode) => n.callFrame.url.startsWith(ext.extOrigin);
    const label = (n: ProfileNode) =>
      `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(ext.extOrigin, '')}:${n.callFrame.lineNumber + 1}:${n.callFrame.columnNumber + 1}`;
    let total = 0;
    let idle = 0;
    let extTotal = 0;
    const inclusive = new Map<string, number>();
    const extLeaf = new Map<string, number>(); // what the extension's stacks spend their time in (incl. DOM natives)
    profile.samples.forEach((id, i) => {
      const dt = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000; // ms
      const leaf = byId.get(id)!;
      total += dt;
      if (leaf.callFrame.functionName === '(idle)') idle += dt;
      const onStack = new Set<string>();
      for (let n: ProfileNode | undefined = leaf; n; n = byId.get(parent.get(n.id) ?? -1)) if (isExt(n)) onStack.add(label(n));
      if (onStack.size === 0) return;
      extTotal += dt;
      for (const f of onStack) inclusive.set(f, (inclusive.get(f) ?? 0) + dt);
      const leafName = isExt(leaf) ? label(leaf) : `${leaf.callFrame.functionName || leaf.callFrame.url || '(native)'} [native/builtin]`;
      extLeaf.set(leafName, (extLeaf.get(leafName) ?? 0) + dt);
    });
    const busy = total - idle;
    const top = (m: Map<string, number>) =>
      [...m].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([f, ms]) => `    ${(ms / seconds).toFixed(3).padStart(8)} ms/s  ${f}`);
    return [
      `PROFILE with-extension inbox, ${seconds.toFixed(1)} s window, 100 µs sampling (profiling itself adds overhead):`,
      `  main thread busy in JS/natives: ${(busy / seconds).toFixed(2)} ms/s; stacks with an extension frame: ${(extTotal / seconds).toFixed(3)} ms/s (${busy ? ((100 * extTotal) / busy).toFixed(2) : 0}% of busy)`,
      '  extension functions, inclusive time:',
      ...top(inclusive),
      '  leaf frames under the extension (self time):',
      ...top(extLeaf),
    ];
  } finally {
    await cdp.detach().catch(() => {});
    await page.close();
  }
}

describe('bench: the sentry on the busy Team Inbox (Chromium)', () => {
  let sandbox: Sandbox;
  let withExt: ExtBrowser;
  let withoutExt: ExtBrowser;
  const samples: Sample[] = [];
  let profileLines: string[] = [];

  beforeAll(async () => {
    sandbox = await startSandbox();
    [withExt, withoutExt] = await Promise.all([launchChromium(sandbox), launchChromium(sandbox, { extDir: null })]);
    // Warm both browsers' HTTP and code caches once, so round 1 is not a cold start for either.
    for (const ext of [withExt, withoutExt]) await (await openInbox(ext)).close();
  });

  afterAll(async () => {
    await withExt?.close();
    await withoutExt?.close();
    await sandbox?.close();
    printSummary();
  });

  it('sizes of the content scripts (the sentry is the only code evaluated on a page with nothing to show)', () => {
    const size = (f: string) => {
      const buf = fs.readFileSync(f);
      return { raw: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length };
    };
    const sentry = size(SENTRY_JS);
    const overlay = size(OVERLAY_JS);
    const kB = (b: number) => `${(b / 1000).toFixed(1)} kB`;
    const line = `BENCH sentry size: ${kB(sentry.raw)} raw, ${kB(sentry.gzip)} gzip (overlay.js ${kB(overlay.raw)} raw, ${kB(overlay.gzip)} gzip, not evaluated on the inbox)`;
    console.log(line);
    saveSection('sentrySize', {
      lines: [line],
      sentry: { file: path.relative(process.cwd(), SENTRY_JS), rawBytes: sentry.raw, gzipBytes: sentry.gzip },
      overlay: { file: path.relative(process.cwd(), OVERLAY_JS), rawBytes: overlay.raw, gzipBytes: overlay.gzip },
    });
    expect(sentry.raw).toBeGreaterThan(0);
  });

  it(`main-thread cost with vs without the extension (${ROUNDS} rounds × ${WINDOW_MS} ms)`, async () => {
    const loadBefore = os.loadavg()[0]!;
    for (let r = 1; r <= ROUNDS; r++) {
      const order: Variant[] = r % 2 ? ['with', 'without'] : ['without', 'with'];
      for (const v of order) {
        const s = await measure(v === 'with' ? withExt : withoutExt, v, r);
        samples.push(s);
        console.log(
          `  round ${r} ${v.padEnd(7)} script ${s.scriptMsPerS.toFixed(2)} ms/s, task ${s.taskMsPerS.toFixed(2)} ms/s, ` +
            `${s.messages} messages in ${s.seconds.toFixed(2)} s, overlay ${s.overlayInjected ? 'INJECTED' : 'absent'}` +
            (v === 'with' ? `, extension worlds ${s.extensionWorlds}` : ''),
        );
      }
    }
    const of = (v: Variant) => samples.filter((s) => s.variant === v);
    const stats = (v: Variant) => ({
      scriptMsPerS: round(median(of(v).map((s) => s.scriptMsPerS)), 3),
      taskMsPerS: round(median(of(v).map((s) => s.taskMsPerS)), 3),
      messages: median(of(v).map((s) => s.messages)),
    });
    const w = stats('with');
    const wo = stats('without');
    const scriptRatio = round(w.scriptMsPerS / wo.scriptMsPerS, 3);
    const taskRatio = round(w.taskMsPerS / wo.taskMsPerS, 3);
    // Same-round pairs are measured seconds apart: their ratios are less sensitive to load drifting over the run.
    const paired = (k: 'scriptMsPerS' | 'taskMsPerS') =>
      round(median(Array.from({ length: ROUNDS }, (_, i) => {
        const a = samples.find((s) => s.round === i + 1 && s.variant === 'with')!;
        const b = samples.find((s) => s.round === i + 1 && s.variant === 'without')!;
        return a[k] / b[k];
      })), 3);
    const pairedScriptRatio = paired('scriptMsPerS');
    const pairedTaskRatio = paired('taskMsPerS');
    const loadAfter = os.loadavg()[0]!;
    const line =
      `BENCH inbox: scripting ratio ${scriptRatio.toFixed(2)} (with ${w.scriptMsPerS.toFixed(1)} ms/s, without ${wo.scriptMsPerS.toFixed(1)} ms/s), ` +
      `task ratio ${taskRatio.toFixed(2)} (with ${w.taskMsPerS.toFixed(1)} ms/s, without ${wo.taskMsPerS.toFixed(1)} ms/s), ` +
      `messages/window ${w.messages} vs ${wo.messages}, rounds ${ROUNDS} × ${WINDOW_MS / 1000} s after ${SETTLE_MS / 1000} s`;
    const lines = [
      line,
      `  median of per-round ratios: scripting ${pairedScriptRatio.toFixed(2)}, task ${pairedTaskRatio.toFixed(2)}; ` +
        `scripting added by the extension ${(w.scriptMsPerS - wo.scriptMsPerS).toFixed(1)} ms/s (${((w.scriptMsPerS - wo.scriptMsPerS) / 10).toFixed(2)}% of one core)`,
    ];
    if (Math.max(loadBefore, loadAfter) > os.cpus().length) {
      lines.push(`  WARNING: machine busy (1-min load ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after, ${os.cpus().length} cores): numbers are noisy`);
    }
    if (scriptRatio > 1.02 || taskRatio > 1.02) lines.push('  (ratio > 1.02: run with BENCH_PROFILE=1 to see where the extension spends its time)');
    console.log(lines.join('\n'));

    if (PROFILE) {
      profileLines = await profileExtension(withExt);
      console.log(profileLines.join('\n'));
    }
    saveSection('inbox', {
      lines,
      url: INBOX,
      rounds: ROUNDS,
      settleMs: SETTLE_MS,
      windowMs: WINDOW_MS,
      with: w,
      without: wo,
      scriptRatio,
      taskRatio,
      pairedScriptRatio,
      pairedTaskRatio,
      loadAverage1m: { before: round(loadBefore), after: round(loadAfter), cores: os.cpus().length },
      samples,
      ...(PROFILE ? { profile: profileLines } : {}),
    });

    // Only that measurements were taken, and functional facts: no timing thresholds.
    expect(of('with').length).toBe(ROUNDS);
    expect(of('without').length).toBe(ROUNDS);
    for (const s of samples) {
      expect(s.seconds).toBeGreaterThan(0);
      expect(s.messages, 'messages arrived during the window').toBeGreaterThan(0);
      expect(s.overlayInjected, `overlay injected on the inbox (${s.variant}, round ${s.round})`).toBe(false);
    }
    for (const s of of('with')) expect(s.extensionWorlds, 'the sentry\'s isolated world exists on the inbox').toBeGreaterThan(0);
    for (const s of of('without')) expect(s.extensionWorlds).toBeUndefined();
  });

  it('the sentry is alive on the inbox: a client-side navigation to API Tokens brings the overlay', async () => {
    const page = await openInbox(withExt);
    try {
      await sleep(SETTLE_MS);
      expect(await hasOverlay(page)).toBe(false);
      await page.evaluate(() => (document.querySelector('a[href$="/connectors/api-tokens"]') as HTMLElement).click());
      const sentryAlive = await waitFor(() => hasOverlay(page), Boolean, 15_000, 'overlay after SPA navigation').then(() => true, () => false);
      patchSection('inbox', { sentryAliveAfterSpaNavigation: sentryAlive });
      expect(sentryAlive).toBe(true);
    } finally {
      await page.close();
    }
  });
});
