import { describe, expect, it } from 'vitest';
import { E2E_BROWSERS } from './harness/browsers';
import { API, hasOverlay, textOf, ui, useExtension, waitFor } from './harness/setup';

describe.each(E2E_BROWSERS)('%s: foundation', (name) => {
  const t = useExtension(name);

  it('mounts the overlay in an open shadow root on the API Tokens page of app.wati.io, and it can be clicked', async () => {
    const page = await t.open('https://app.wati.io/connectors/api-tokens');
    await page.waitForSelector(ui('coach'), { timeout: 15_000 });
    expect(await page.$eval('wati-token-guard', (h) => (h.shadowRoot ? 'open' : 'closed'))).toBe('open');
    await page.locator(ui('coach-minimise')).click();
    await waitFor(() => page.$(ui('coach-body')), (el) => el === null, 5_000, 'coach body hidden');
    await page.locator(ui('coach-minimise')).click();
    await page.waitForSelector(ui('coach-body'));
    await page.close();
  });

  it('also runs on a workspace URL (live.wati.io/<tenantId>/...)', async () => {
    const page = await t.open('https://live.wati.io/10234/connectors/api-tokens');
    await page.waitForSelector(ui('coach'), { timeout: 15_000 });
    await page.close();
  });

  it('injects nothing on a non-Wati site, on the API host or on the help site', async () => {
    for (const url of ['https://example.com/', 'https://live-mt-server.wati.io/api/ext/v3/contacts', 'https://support.wati.io/']) {
      const page = await t.open(url);
      // Give a content script time to have run (document_idle) and the sentry to have checked.
      await new Promise((r) => setTimeout(r, 1500));
      expect(await hasOverlay(page), url).toBe(false);
      await page.close();
    }
  });

  it('round-trips settings between the options page, the popup and the background', async () => {
    const options = await t.ext.openExtensionPage('/options.html');
    const select = await options.waitForSelector('[data-testid="clipboard-clear-seconds"]');
    await select!.select('60');
    const stored = await waitFor(
      () => t.ext.evalInExtension<{ clipboardClearSeconds?: number } | undefined>(`async () => { ${API} return (await api.storage.local.get('settings')).settings; }`),
      (s) => s?.clipboardClearSeconds === 60,
      5_000,
      'settings stored',
    );
    expect(stored).toMatchObject({ version: 1, clipboardClearSeconds: 60 });
    const popup = await t.ext.openExtensionPage('/popup.html');
    await waitFor(() => textOf(popup, '[data-testid="clipboard-setting"]'), (s) => s.includes('60 s'), 5_000, 'popup shows setting');
    await select!.select('30');
    await waitFor(() => textOf(popup, '[data-testid="clipboard-setting"]'), (s) => s.includes('30 s'), 5_000, 'popup follows live');
    await popup.close();
    await options.close();
  });

  it('the reminder alarm fires in the background and sets the toolbar badge', async () => {
    await t.ext.evalInExtension(`async () => { ${API} await (api.action).setBadgeText({ text: '' }); }`);
    const soon = new Date(Date.now() + 2 * 86400_000).toISOString();
    await t.ext.evalInExtension(`async () => { ${API}
      await api.storage.local.set({ inventory: { version: 1, quarantine: [], records: [{
        id: 'e2e-1', workspace: { tenantId: '10001', host: 'app.wati.io' }, name: 'crm-sync-prod', scopes: ['contacts:read'],
        createdAt: new Date().toISOString(), expiresAt: '${soon}', source: 'manual', status: 'active', updatedAt: new Date().toISOString() }] } });
      await api.action.setBadgeText({ text: '' });
      await api.alarms.create('reminders:next', { delayInMinutes: 0.02 });
    }`);
    const badge = await waitFor(
      () => t.ext.evalInExtension<string>(`async () => { ${API} return api.action.getBadgeText({}); }`),
      (b) => b === '1',
      10_000,
      'badge after alarm',
    );
    expect(badge).toBe('1');
  });
});
