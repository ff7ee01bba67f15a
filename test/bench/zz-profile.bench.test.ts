import { afterAll, beforeAll, describe, it } from 'vitest';
import fs from 'node:fs';
import { startSandbox, type Sandbox } from '../sandbox/server.ts';
import { launchChromium, type ExtBrowser } from '../e2e/harness/browsers.ts';
import { API } from '../e2e/harness/setup.ts';
import { sleep } from './lib.ts';
const TOKENS = 1000; const WORKSPACES = 20;
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


describe('profile', () => {
  let sandbox: Sandbox; let ext: ExtBrowser;
  beforeAll(async () => { sandbox = await startSandbox(); ext = await launchChromium(sandbox); });
  afterAll(async () => { await ext?.close(); await sandbox?.close(); });
  it('traces', async () => {
    await ext.evalInExtension(SEED);
    await sleep(500);
    const all: Record<string, number[]> = {};
    for (let r = 0; r < Number(process.env.PROF_RUNS ?? 9); r++) {
      const page = await ext.browser.newPage();
      const trace = !!process.env.PROF_TRACE && r === 3;
      if (trace) await page.tracing.start({ path: `/tmp/prof/trace-${r}.json`, categories: ['devtools.timeline', 'v8', 'v8.execute', 'blink.user_timing', 'disabled-by-default-devtools.timeline', 'loading', 'toplevel'] });
      await page.evaluateOnNewDocument(() => {
        new MutationObserver(() => {
          if (document.querySelector('[data-testid="token-row"]') && !performance.getEntriesByName('rows').length) {
            performance.mark('rows');
            requestAnimationFrame(() => setTimeout(() => performance.mark('painted'), 0));
          }
        }).observe(document, { childList: true, subtree: true });
      });
      await page.goto(`${ext.extOrigin}/popup.html`, { waitUntil: 'load' });
      await page.waitForSelector('[data-testid="token-row"]');
      await sleep(400);
      if (trace) await page.tracing.stop();
      const marks = await page.evaluate(() => {
        const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const o: Record<string, number> = { respEnd: n.responseEnd, domInteractive: n.domInteractive, dcl: n.domContentLoadedEventStart };
        for (const m of performance.getEntriesByType('mark')) o[m.name] = m.startTime;
        for (const m of performance.getEntriesByType('measure')) o['Δ' + m.name] = m.duration;
        return o;
      });
      console.log(Object.entries(marks).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', '));
      for (const [k, v] of Object.entries(marks)) (all[k] ??= []).push(v);
      await page.close();
    }
    const med = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]!; };
    console.log('MEDIANS: ' + Object.entries(all).map(([k, v]) => `${k} ${med(v).toFixed(1)}`).join(', '));
  });
});
