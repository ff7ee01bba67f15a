import { describe, expect, it } from 'vitest';
import { E2E_BROWSERS } from './harness/browsers';
import { API, ui, useExtension, waitFor } from './harness/setup';
import { findTabWith, choosePreset, button, click, clickUi, openTokenPage, readSteps, typeInto, waitStep } from './harness/flows';

interface StoredRecord {
  id: string;
  name: string;
  status: string;
  scopes: string[];
  revokeAt?: string;
  replaces?: string;
  replacedBy?: string;
}

describe.each(E2E_BROWSERS)('%s: inventory, reminders and rotation', (name) => {
  const t = useExtension(name);
  const records = () =>
    t.ext.evalInExtension<StoredRecord[]>(`async () => { ${API} return (await api.storage.local.get('inventory')).inventory?.records ?? []; }`);

  it('a token generated to expire in 7 days lights the badge, notifies once, and shows a banner on its workspace only', async () => {
    const page = await openTokenPage(t.open, 'inline-en');
    await click(page, button('Generate new token'));
    await waitStep(page, 'name');
    await typeInto(page, '::-p-aria([name="Token name"][role="textbox"])', 'billing-bot-prod-2026-11');
    await choosePreset(page, 'read-templates-v1');
    await clickUi(page, 'apply-recommended');
    await waitStep(page, 'expiry');
    // The user types a date 7 days ahead into Wati's own date field.
    const in7 = new Date(Date.now() + 7 * 86400_000);
    const mmddyyyy = `${String(in7.getMonth() + 1).padStart(2, '0')}${String(in7.getDate()).padStart(2, '0')}${in7.getFullYear()}`;
    await page.locator('::-p-aria([name="Expiry date (optional)"])').click();
    await page.keyboard.type(mmddyyyy);
    await waitStep(page, 'review');
    await clickUi(page, 'review-confirm');
    await click(page, button('Generate'));
    await waitStep(page, 'capture');
    await clickUi(page, 'capture-confirm');

    const rec = await waitFor(records, (rs) => rs.some((r) => r.name === 'billing-bot-prod-2026-11'), 10_000, 'record').then((rs) =>
      rs.find((r) => r.name === 'billing-bot-prod-2026-11')!,
    );
    const badge = await waitFor(
      () => t.ext.evalInExtension<string>(`async () => { ${API} return api.action.getBadgeText({}); }`),
      (b) => b !== '',
      10_000,
      'badge',
    );
    expect(Number(badge)).toBeGreaterThanOrEqual(1);
    const delivered = await waitFor(
      () => t.ext.evalInExtension<Record<string, unknown>>(`async () => { ${API} return (await api.storage.local.get('reminderState')).reminderState?.tokens?.['${rec.id}']?.delivered ?? {}; }`),
      (d) => Object.keys(d).length > 0,
      10_000,
      'reminder delivered',
    );
    expect(Object.keys(delivered)).toContain(`expiry:${rec.id}:7d`);
    if (name === 'chrome') {
      // Firefox headless shows and closes notifications at once, so only Chrome can list them.
      const shown = await t.ext.evalInExtension<Record<string, boolean>>(`async () => chrome.notifications.getAll()`);
      expect(Object.keys(shown)).toContain(`expiry:${rec.id}:7d`);
    }

    const here = await t.open('https://app.wati.io/teamInbox?quiet=1');
    await here.waitForSelector(ui('expiry-banner'), { timeout: 15_000 });
    expect(await here.$eval(ui('expiry-banner'), (e) => e.textContent)).toContain('billing-bot-prod-2026-11');
    const elsewhere = await t.open('https://live-7.wati.io/teamInbox?quiet=1');
    await new Promise((r) => setTimeout(r, 2500));
    expect(await elsewhere.$(ui('expiry-banner'))).toBeNull();
    await Promise.all([page.close(), here.close(), elsewhere.close()]);
  });

  it('Rotate opens the coach pre-filled; the new token gets the same scopes and the old one is scheduled for revoking', async () => {
    const before = await records();
    const old = before.find((r) => r.name === 'billing-bot-prod-2026-11')!;
    expect(old).toBeDefined();
    const popup = await t.ext.openExtensionPage('/popup.html');
    await popup.waitForSelector(`[data-testid="token-row"][data-token-name="billing-bot-prod-2026-11"]`);
    await popup.locator(`[data-testid="token-row"][data-token-name="billing-bot-prod-2026-11"] [data-testid="rotate"]`).click();

    const page = await findTabWith(t.ext.browser, 'coach-rotating');
    await page.bringToFront();
    await click(page, button('Generate new token'));
    await waitStep(page, 'name');
    await clickUi(page, 'name-suggest');
    await waitStep(page, 'scopes');
    await page.waitForSelector(ui('rotation-prefill'));
    await clickUi(page, 'apply-previous');
    await waitStep(page, 'expiry');
    await clickUi(page, 'expiry-fill');
    await waitStep(page, 'review');
    await clickUi(page, 'review-confirm');
    await click(page, button('Generate'));
    await waitStep(page, 'capture');
    await clickUi(page, 'capture-confirm');
    await clickUi(page, 'revoke-old-choice', '[data-hours="24"]');
    await page.waitForSelector(ui('revoke-old-scheduled'));

    const after = await waitFor(records, (rs) => rs.find((r) => r.id === old.id)?.status === 'replaced', 10_000, 'old replaced');
    const oldNow = after.find((r) => r.id === old.id)!;
    const fresh = after.find((r) => r.id === oldNow.replacedBy)!;
    expect(fresh.replaces).toBe(old.id);
    expect(fresh.scopes).toEqual(old.scopes);
    expect(fresh.name).not.toBe(old.name);
    const revokeIn = new Date(oldNow.revokeAt!).getTime() - Date.now();
    expect(revokeIn).toBeGreaterThan(23 * 3600_000);
    expect(revokeIn).toBeLessThanOrEqual(24 * 3600_000);
    expect((await readSteps(page)).done).toBe('done');
    await page.close();
  });
});
