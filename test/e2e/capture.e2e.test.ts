import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { E2E_BROWSERS } from './harness/browsers';
import { API, ui, useExtension, waitFor } from './harness/setup';
import { VARIANT_TEXT, saveFailureShot, button, click, clickUi, generateWithCoach, openTokenPage, waitStep } from './harness/flows';

/** What the clipboard holds, read from the page. Firefox refuses the read while the tab is not focused: focus it, ask again. */
async function readClipboard(page: Page): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await page.evaluate(() => navigator.clipboard.readText());
    } catch (e) {
      if (attempt >= 3 || !/NotAllowedError|not allowed/i.test(String(e))) throw e;
      await page.bringToFront();
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

describe.each(E2E_BROWSERS)('%s: show-once capture', (name) => {
  const t = useExtension(name);

  beforeAll(async () => {
    // The shortest auto-clear choice, so the tests wait 10 s instead of 30 s.
    await t.ext.evalInExtension(`async () => { ${API}
      const { settings } = await api.storage.local.get('settings');
      await api.storage.local.set({ settings: { version: 1, exactClipboardCheck: false, coachAutoOpen: true,
        reminders: { milestonesDays: [30, 14, 7, 3, 1], rotationIntervalDays: 180, dormancyDays: 45, notificationsEnabled: true },
        ...(settings ?? {}), clipboardClearSeconds: 10 } });
    }`);
  });

  async function generated(variant: keyof typeof VARIANT_TEXT = 'inline-en') {
    const page = await openTokenPage(t.open, variant);
    await page.bringToFront();
    await generateWithCoach(page, variant, { preset: 'send-session-v1' });
    return { page, token: t.sandbox.tokens().at(-1)!.token };
  }

  it.each(['inline-en', 'modal-es'] as const)('%s: copy puts exactly the token on the clipboard, and the countdown clears it', async (variant) => {
    const { page, token } = await generated(variant);
    await clickUi(page, 'capture-copy');
    expect(await readClipboard(page)).toBe(token);
    await page.waitForSelector(ui('clipboard-countdown', '[data-seconds]'));
    await waitFor(() => readClipboard(page), (c) => c === '', 20_000, 'clipboard cleared');
    expect(await page.$eval(ui('clipboard-countdown'), (e) => e.textContent)).toContain('cleared');
    await clickUi(page, 'capture-confirm');
    await waitStep(page, 'done', 'done');
    await page.close();
  });

  it('never wipes something the user copied during the countdown (Ctrl+C)', async () => {
    const { page } = await generated();
    await clickUi(page, 'capture-copy');
    // The user selects the API endpoint on Wati's page and copies it with the keyboard (a trusted copy event).
    await page.locator('code::-p-text(live-mt-server.wati.io)').click({ count: 3 });
    await page.keyboard.down('Control');
    await page.keyboard.down('c', name === 'chrome' ? { commands: ['copy'] } : undefined);
    await page.keyboard.up('c');
    await page.keyboard.up('Control');
    const copied = await waitFor(() => readClipboard(page), (c) => c.includes('live-mt-server.wati.io'), 5_000, 'user copy');
    await waitFor(() => page.$eval(ui('clipboard-countdown'), (e) => e.textContent ?? ''), (s) => s.includes('left alone'), 20_000, 'clear cancelled');
    await new Promise((r) => setTimeout(r, 11_000)); // past the original deadline
    expect(await readClipboard(page)).toBe(copied);
    await page.close();
  });

  it('a page script cannot cancel the clear: forged copy events and forged clipboard signals change nothing', async () => {
    const { page } = await generated();
    await clickUi(page, 'capture-copy');
    // What Wati's page, its analytics or an XSS could do: forge the events our listeners hear.
    await page.evaluate(() => {
      document.dispatchEvent(new Event('copy', { bubbles: true }));
      document.dispatchEvent(new Event('cut', { bubbles: true }));
      for (const type of ['wati-token-guard:clipboard-write', 'wati-token-guard:clipboard']) {
        document.dispatchEvent(new CustomEvent(type, { detail: 'sha256:0000000000000000' }));
        window.dispatchEvent(new CustomEvent(type, { detail: 'sha256:0000000000000000' }));
      }
    });
    await waitFor(() => readClipboard(page), (c) => c === '', 30_000, 'cleared despite forged events');
    expect(await page.$eval(ui('clipboard-countdown'), (e) => e.textContent ?? '')).not.toContain('left alone');
    await page.close();
  });

  it('still clears when the background is stopped mid-countdown', async () => {
    const { page } = await generated();
    await clickUi(page, 'capture-copy');
    await t.ext.stopBackground();
    try {
      await waitFor(() => readClipboard(page), (c) => c === '', 30_000, 'cleared after background stop');
    } catch (e) {
      await saveFailureShot(page, 'clear-after-background-stop');
      console.error('clipboard status:', await t.ext.evalInExtension<unknown>(`async () => { ${API} return api.storage.session.get(null); }`).catch(String));
      throw e;
    }
    await page.close();
  });

  it('still clears when the tab is closed mid-countdown', async () => {
    const { page, token } = await generated();
    await clickUi(page, 'capture-copy');
    expect(await readClipboard(page)).toBe(token);
    await page.close({ runBeforeUnload: false });
    const other = await t.open('https://app.wati.io/contacts');
    await other.bringToFront();
    await waitFor(() => readClipboard(other), (c) => c === '', 30_000, 'cleared after tab closed');
    await other.close();
  });

  it('guards the reveal: closing before "I\'ve stored it" asks first', async () => {
    const { page } = await generated('modal-en');
    await click(page, button('Done'));
    await page.waitForSelector(ui('close-guard'));
    await clickUi(page, 'close-guard-back');
    expect(await page.$(ui('close-guard'))).toBeNull();
    expect(await page.$(ui('capture-panel'))).not.toBeNull(); // the token is still on screen
    await clickUi(page, 'capture-confirm');
    await click(page, button('Done'));
    await waitFor(() => page.$(ui('capture-panel')), (p) => p === null, 10_000, 'reveal closed');
    expect(await page.$(ui('close-guard'))).toBeNull();
    await page.close();
  });

  it('after a full flow the token is nowhere: not in any storage area, page storage or request; the record has metadata and a fingerprint', async () => {
    t.sandbox.clearRequests();
    const { page, token } = await generated('modal-en');
    await clickUi(page, 'capture-copy');
    await clickUi(page, 'capture-save');
    await clickUi(page, 'capture-confirm');
    await click(page, button('Done'));
    await new Promise((r) => setTimeout(r, 1500));
    const needles = [token, Buffer.from(token).toString('base64'), encodeURIComponent(token), token.split('.')[2]!];

    const areas = await t.ext.evalInExtension<Record<string, unknown>>(`async () => { ${API}
      const out = { local: await api.storage.local.get(null), sync: await api.storage.sync.get(null).catch(() => ({})) };
      try { out.session = await api.storage.session.get(null); } catch (e) { out.session = 'unavailable: ' + e; }
      out.indexedDB = [];
      if (globalThis.indexedDB?.databases) for (const db of await indexedDB.databases()) out.indexedDB.push(db.name);
      return out;
    }`);
    const extPage = await t.ext.openExtensionPage('/popup.html');
    const extPageStorage = await extPage.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } }));
    await extPage.close();
    const watiStorage = await page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } }));
    const requests = JSON.stringify(t.sandbox.requests().filter((r) => !r.headers['x-test-own-call'] && !r.path.startsWith('/__sandbox/api/tokens')));
    const haystacks = { storage: JSON.stringify(areas), extPageStorage, watiStorage, requests };
    for (const [where, hay] of Object.entries(haystacks)) for (const n of needles) expect(hay.includes(n), `${where} holds the token`).toBe(false);
    expect(areas.indexedDB).toEqual([]);

    const records = (areas.local as { inventory: { records: Array<Record<string, unknown>> } }).inventory.records;
    const fp = 'sha256:' + createHash('sha256').update(token).digest('hex').slice(0, 16);
    const rec = records.find((r) => r.fingerprint === fp);
    expect(rec).toMatchObject({ source: 'captured', status: 'active', workspace: { host: 'app.wati.io', tenantId: '10001' }, scopes: ['conversations:write'] });
    expect(rec!.intent).toMatchObject({ presets: ['send-session-v1'] });
    expect(typeof rec!.expiresAt).toBe('string');
    await page.close();
  });
});
