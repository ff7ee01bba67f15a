/**
 * The popup's first render with a large inventory: 1,000 tokens across 20 workspaces seeded in
 * storage.local.inventory, then /popup.html opened in a tab several times. A MutationObserver installed
 * before any page script (CDP Page.addScriptToEvaluateOnNewDocument) records `performance.now()` (ms since
 * navigation start) when the root gets content, when `[data-testid="inventory"]` appears and when the
 * `[data-testid="token-row"]` rows stop growing (all 1,000, or as many as the list shows at first), plus the
 * next frame after that ("painted", the primary number).
 * Prints median / min / max; asserts no timings (only that runs were measured).
 *
 * Env: BENCH_POPUP_RUNS (default 7).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox/server.ts';
import { launchChromium, waitFor, type ExtBrowser } from '../e2e/harness/browsers.ts';
import { API } from '../e2e/harness/setup.ts';
import { median, printSummary, round, saveSection, sleep } from './lib.ts';

const TOKENS = 1000;
const WORKSPACES = 20;
const RUNS = Number(process.env.BENCH_POPUP_RUNS ?? 7);
/** How long to wait for all rows before settling for what rendered. */
const RENDER_TIMEOUT_MS = 15_000;
/** Once nothing changes for this long after the last row appeared, the rows count is final. */
const QUIET_MS = 1000;

interface Marks {
  /** #root got its first element */
  root: number | null;
  inventory: number | null;
  /** the last time the number of token rows grew (the list's rows are in the DOM) */
  maxRowsAt: number | null;
  maxRows: number;
  /** the frame after the last row growth (rAF, then a task: after the paint) */
  painted: number | null;
  /** workspace groups in the list */
  groups: number;
  lastMutationAt: number | null;
}

/** Runs in the popup before its scripts. Kept self-contained (serialised by puppeteer). */
function installWaiter() {
  const out: Marks = { root: null, inventory: null, maxRowsAt: null, maxRows: 0, painted: null, groups: 0, lastMutationAt: null };
  (window as unknown as { __wtgBench: Marks }).__wtgBench = out;
  const check = () => {
    const now = performance.now();
    out.lastMutationAt = now;
    if (out.root === null && document.getElementById('root')?.firstElementChild) out.root = now;
    if (out.inventory === null && document.querySelector('[data-testid="inventory"]')) out.inventory = now;
    out.groups = document.querySelectorAll('[data-testid="workspace-group"]').length;
    const n = document.querySelectorAll('[data-testid="token-row"]').length;
    if (n > out.maxRows) {
      out.maxRows = n;
      out.maxRowsAt = now;
      out.painted = null;
      requestAnimationFrame(() =>
        setTimeout(() => {
          if (out.maxRowsAt === now) out.painted = performance.now();
        }, 0),
      );
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
}

/** 1,000 valid v1 records (lib/tokens/record.ts) across 20 workspaces, generated inside the extension. */
const SEED = `async () => { ${API}
  const day = 86400000, now = Date.now();
  const iso = (ms) => new Date(ms).toISOString();
  const hosts = ['live.wati.io', 'app.wati.io', 'live-7.wati.io', 'acme.wati.io'];
  const scopeSets = [['contacts:read'], ['contacts:read', 'contacts:write'], ['messagetemplate:read', 'conversations:write'], ['wati_integration:read']];
  const sources = ['captured', 'synced', 'manual'];
  const records = [];
  for (let i = 0; i < ${TOKENS}; i++) {
    const w = i % ${WORKSPACES};
    const created = now - (1 + (i % 400)) * day;
    const k = i % 10; // 10% expired, 10% expiring within a week, 20% no expiry, the rest later
    const expiresAt = k === 0 ? iso(now - (1 + (i % 20)) * day) : k === 1 ? iso(now + (1 + (i % 6)) * day) : k < 4 ? null : iso(now + (30 + (i % 300)) * day);
    records.push({
      id: 'bench-' + i,
      workspace: { tenantId: String(10001 + w), host: hosts[w % hosts.length] },
      name: 'integration-' + (w + 1) + '-' + ['crm', 'shop', 'erp', 'bot', 'sync'][i % 5] + '-' + i,
      scopes: scopeSets[i % scopeSets.length],
      createdAt: iso(created),
      expiresAt,
      source: sources[i % sources.length],
      status: 'active',
      updatedAt: iso(created),
    });
  }
  await api.storage.local.set({ inventory: { version: 1, quarantine: [], records } });
  const back = (await api.storage.local.get('inventory')).inventory;
  return { records: back.records.length, workspaces: new Set(back.records.map((r) => r.workspace.tenantId)).size };
}`;

interface Run {
  run: number;
  marks: Marks;
}

describe('bench: popup first render with a large inventory (Chromium)', () => {
  let sandbox: Sandbox;
  let ext: ExtBrowser;
  const runs: Run[] = [];

  beforeAll(async () => {
    sandbox = await startSandbox();
    ext = await launchChromium(sandbox);
  });

  afterAll(async () => {
    await ext?.close();
    await sandbox?.close();
    printSummary();
  });

  it(`opens /popup.html ${RUNS} times with ${TOKENS} tokens / ${WORKSPACES} workspaces`, async () => {
    const seeded = await ext.evalInExtension<{ records: number; workspaces: number }>(SEED);
    expect(seeded).toEqual({ records: TOKENS, workspaces: WORKSPACES });
    await sleep(500); // let the background react to the storage change (reminders, badge) before measuring

    for (let r = 1; r <= RUNS; r++) {
      const page = await ext.browser.newPage();
      try {
        await page.evaluateOnNewDocument(installWaiter);
        await page.goto(`${ext.extOrigin}/popup.html`, { waitUntil: 'domcontentloaded' });
        const read = () => page.evaluate(() => (window as unknown as { __wtgBench?: Marks }).__wtgBench ?? null);
        const quietFor = async (m: Marks) => (m.lastMutationAt == null ? 0 : (await page.evaluate(() => performance.now())) - m.lastMutationAt);
        const start = Date.now();
        let marks: Marks | null = null;
        for (;;) {
          marks = await read();
          if (Date.now() - start > RENDER_TIMEOUT_MS) break;
          if (marks && marks.maxRows >= TOKENS && marks.painted != null) break; // every row is shown
          // The list shows fewer rows (by design, or it renders in steps): done once rows stopped growing.
          if (marks && marks.maxRows > 0 && marks.painted != null && (await quietFor(marks)) > QUIET_MS) break;
          // No rows at all (no list yet): stop once the page is quiet.
          if (marks?.root != null && marks.maxRows === 0 && Date.now() - start > 2000 && (await quietFor(marks)) > QUIET_MS) break;
          await sleep(50);
        }
        if (!marks) throw new Error('the waiter did not run in the popup (Page.addScriptToEvaluateOnNewDocument)');
        runs.push({ run: r, marks });
        const f = (x: number | null) => (x == null ? '—' : `${x.toFixed(1)} ms`);
        console.log(
          `  run ${r}: root ${f(marks.root)}, inventory ${f(marks.inventory)}, ${marks.maxRows} rows in DOM ${f(marks.maxRowsAt)}, ` +
            `painted ${f(marks.painted)}, ${marks.groups} workspace groups`,
        );
      } finally {
        await page.close();
      }
    }

    const stat = (xs: number[]) => ({ median: round(median(xs), 1), min: round(Math.min(...xs), 1), max: round(Math.max(...xs), 1), n: xs.length });
    const pick = (k: keyof Marks) => runs.map((x) => x.marks[k]).filter((v): v is number => typeof v === 'number');
    const rowsShown = median(runs.map((x) => x.marks.maxRows));
    const groups = median(runs.map((x) => x.marks.groups));
    let what: string;
    let primary: ReturnType<typeof stat>;
    let note = '';
    if (runs.every((x) => x.marks.maxRows > 0 && x.marks.painted != null)) {
      what = rowsShown >= TOKENS ? `all ${TOKENS} rows painted` : `list painted: ${rowsShown} rows shown, ${groups} workspace groups`;
      primary = stat(pick('painted'));
      if (rowsShown < TOKENS) {
        note = `NOTE: the popup shows ${rowsShown} of ${TOKENS} rows at first (by design: with a large inventory only the first workspaces are open, the rest is one click away); timed until its rows stopped growing and were painted.`;
      }
    } else if (pick('inventory').length === runs.length) {
      what = '[data-testid="inventory"] present (no token rows)';
      primary = stat(pick('inventory'));
      note = `NOTE: the popup showed no [data-testid="token-row"] rows; timed [data-testid="inventory"] instead.`;
    } else {
      what = 'first content in #root';
      primary = stat(pick('root'));
      note = `NOTE: the popup has no [data-testid="inventory"] list or token rows yet (being rewritten?); timed the first content in #root instead, which is NOT the inventory render.`;
    }
    const lines = [
      `BENCH popup: first render with ${TOKENS} tokens / ${WORKSPACES} workspaces (${what}): median ${primary.median.toFixed(0)} ms (min ${primary.min.toFixed(0)}, max ${primary.max.toFixed(0)}), ${runs.length} runs`,
    ];
    if (pick('maxRowsAt').length === runs.length) {
      lines.push(`  from navigation start: first content ${stat(pick('root')).median.toFixed(0)} ms, inventory list ${stat(pick('inventory')).median.toFixed(0)} ms, rows in DOM ${stat(pick('maxRowsAt')).median.toFixed(0)} ms (medians)`);
    }
    if (note) lines.push('  ' + note);
    console.log(lines.join('\n'));
    saveSection('popup', {
      lines,
      tokens: TOKENS,
      workspaces: WORKSPACES,
      measured: what,
      ms: primary,
      rowsShown,
      workspaceGroupsShown: groups,
      root: pick('root').length ? stat(pick('root')) : null,
      inventory: pick('inventory').length ? stat(pick('inventory')) : null,
      rowsInDom: pick('maxRowsAt').length ? stat(pick('maxRowsAt')) : null,
      painted: pick('painted').length ? stat(pick('painted')) : null,
      note: note || undefined,
      runs,
    });

    expect(runs.length).toBe(RUNS);
    expect(pick('root').length + pick('inventory').length, 'something rendered and was timed').toBeGreaterThan(0);
  });
});
