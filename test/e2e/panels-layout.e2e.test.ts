import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { E2E_BROWSERS } from './harness/browsers';
import { API, HOST, ui, useExtension, waitFor } from './harness/setup';
import { button, click, openTokenPage, saveFailureShot, waitStep } from './harness/flows';

/** A half-screen window, a small laptop, a common laptop, a desktop. */
const SIZES = [
  { width: 800, height: 600 },
  { width: 1024, height: 640 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

interface StoredRecord {
  id: string;
  name: string;
  status: string;
}

/** What a user must always reach on the dashboard, found by landmark and role (never by Wati's classes). */
type Scope = 'top bar' | 'sidebar' | 'form' | 'inbox';

/**
 * Marks the controls of `scope` (data-hit) and hit-tests each one's centre with elementFromPoint, after scrolling it
 * into view the way a user reaches it (`scroll`) and letting the overlay re-place itself. Returns the ones under our UI.
 */
async function covered(page: Page, scope: Scope): Promise<string[]> {
  return page.evaluate(
    async (host, scope) => {
      const ownHost = document.querySelector(host);
      const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const sel = 'a[href], button, input:not([type="hidden"]), select, textarea, [role="checkbox"], [role="switch"], [role="radio"], [role="combobox"], [role="tab"], [role="option"]';
      let roots: Element[] = [];
      let scroll = true;
      if (scope === 'top bar') roots = [...document.querySelectorAll('header')].filter((h) => !h.closest('main') && !h.closest('[role="dialog"]'));
      if (scope === 'sidebar') roots = [...document.querySelectorAll('nav, aside')].filter((n) => !n.closest('main') && n.querySelector('a[href]'));
      if (scope === 'inbox') {
        roots = [...document.querySelectorAll('main')];
        scroll = false; // the controls a user sees on the open inbox, where they are (hundreds of rows below)
      }
      if (scope === 'form') {
        const dialogs = [...document.querySelectorAll('[role="dialog"], dialog[open]')].filter((d) => !ownHost?.contains(d));
        roots = dialogs.length ? [dialogs.at(-1)!] : [...document.querySelectorAll('main form')];
      }
      const controls = [...new Set(roots.flatMap((r) => [...r.querySelectorAll(sel)]))];
      const out: string[] = [];
      for (let c of controls) {
        if (ownHost?.contains(c)) continue;
        let r = c.getBoundingClientRect();
        if ((r.width < 4 || r.height < 4) && c instanceof HTMLInputElement && c.labels?.[0]) c = c.labels[0];
        r = c.getBoundingClientRect();
        const style = getComputedStyle(c);
        if (r.width < 4 || r.height < 4 || style.visibility === 'hidden' || style.display === 'none') continue;
        if (!scroll && (r.bottom <= 0 || r.right <= 0 || r.top >= innerHeight || r.left >= innerWidth)) continue;
        if (scroll) c.scrollIntoView({ block: 'center', inline: 'center' });
        let hitUs = false;
        let by = '';
        for (let attempt = 0; attempt < 8; attempt++) {
          await frame();
          r = c.getBoundingClientRect();
          const x = Math.min(innerWidth - 1, Math.max(0, r.left + r.width / 2));
          const y = Math.min(innerHeight - 1, Math.max(0, r.top + r.height / 2));
          const hit = document.elementFromPoint(x, y);
          hitUs = !!hit && !!ownHost && (hit === ownHost || ownHost.contains(hit));
          if (!hitUs) break;
          // Which of our panels: ask the shadow root.
          const inner = ownHost!.shadowRoot?.elementFromPoint(x, y);
          by = inner?.closest('[data-testid="expiry-banner"], [data-testid="sync-missing"], [data-testid="coach"], [data-testid="capture-panel"]')?.getAttribute('data-testid') ?? '?';
        }
        if (hitUs) {
          const label = c.getAttribute('aria-label') || (c as HTMLElement).innerText?.trim().slice(0, 40) || c.localName;
          out.push(`${c.localName}${c.getAttribute('role') ? `[role=${c.getAttribute('role')}]` : ''} "${label}" under ${by}`);
        }
      }
      return out;
    },
    HOST,
    scope,
  );
}

/** Where our panels stand, for the log: `banner=top sync=compact coach=right`. */
async function docks(page: Page): Promise<string> {
  const get = async (id: string) => page.$eval(ui(id), (e) => e.getAttribute('data-dock')).catch(() => '-');
  return `banner=${await get('expiry-banner')} sync=${await get('sync-missing')} coach=${await get('coach')}`;
}

async function expectClearAtEverySize(page: Page, what: string, scopes: Scope[], panels: string[]) {
  const problems: string[] = [];
  for (const size of SIZES) {
    await page.setViewport(size);
    for (const p of panels) await page.waitForSelector(ui(p), { timeout: 10_000 });
    // The overlay measures Wati's controls in a frame after the resize: let it settle.
    await new Promise((r) => setTimeout(r, 400));
    for (const scope of scopes) {
      const hits = await covered(page, scope);
      if (hits.length) problems.push(`${size.width}x${size.height} ${what} ${scope}: ${hits.join(', ')}`);
    }
    console.log(`${what} ${size.width}x${size.height}: ${await docks(page)}`);
    if (problems.some((p) => p.startsWith(`${size.width}x${size.height}`))) await saveFailureShot(page, `panels-${what}-${size.width}x${size.height}`);
  }
  expect(problems).toEqual([]);
}

describe.each(E2E_BROWSERS)("%s: the banner and the sync prompt never stand in front of Wati's controls", (name) => {
  const t = useExtension(name);
  const records = () =>
    t.ext.evalInExtension<StoredRecord[]>(`async () => { ${API} return (await api.storage.local.get('inventory')).inventory?.records ?? []; }`);

  beforeAll(async () => {
    // A token that stays (the list is never empty), one expiring in 5 days (the banner), one that will vanish
    // from Wati's list (the sync prompt). The first visit syncs all three into the inventory.
    const in5 = new Date(Date.now() + 5 * 86400_000).toISOString();
    t.sandbox.addToken({ tenantId: '10001', name: 'website-chat-prod', scopes: ['conversationsv3:write'], expiresAt: null });
    t.sandbox.addToken({ tenantId: '10001', name: 'billing-bot-prod', scopes: ['contacts:read'], expiresAt: in5 });
    const gone = t.sandbox.addToken({ tenantId: '10001', name: 'erp-import-gone', scopes: ['contacts:read'], expiresAt: '2027-03-31T00:00:00.000Z' });
    const page = await openTokenPage(t.open, 'inline-en');
    await waitFor(records, (rs) => ['billing-bot-prod', 'erp-import-gone'].every((n) => rs.some((r) => r.name === n)), 20_000, 'synced records');
    await page.close();
    t.sandbox.deleteToken(gone.id);
  });

  it('on the busy Team Inbox: the top bar, the sidebar and the inbox controls, at 800x600 to 1920x1080', async () => {
    const page = await t.open('https://app.wati.io/teamInbox?quiet=1');
    await page.waitForSelector(ui('expiry-banner'), { timeout: 20_000 });
    expect(await page.$eval(ui('expiry-banner'), (e) => e.textContent)).toContain('billing-bot-prod');
    await expectClearAtEverySize(page, 'inbox', ['top bar', 'sidebar', 'inbox'], ['expiry-banner']);
    await page.close();
  });

  it.each(['inline-en', 'modal-en'] as const)('on %s with the form open: the top bar, the sidebar and every control of the form', async (variant) => {
    const page = await openTokenPage(t.open, variant);
    await page.waitForSelector(ui('sync-missing'), { timeout: 20_000 });
    await page.waitForSelector(ui('expiry-banner'), { timeout: 20_000 });
    expect(await page.$eval(ui('sync-missing'), (e) => e.textContent)).toContain('erp-import-gone');
    await page.setViewport(SIZES[0]!);
    await click(page, button('Generate new token'));
    await waitStep(page, 'name');
    await expectClearAtEverySize(page, variant, ['top bar', 'sidebar', 'form'], ['expiry-banner', 'sync-missing']);
    await page.close();
  });
});
