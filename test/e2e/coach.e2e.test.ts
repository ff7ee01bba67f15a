import { describe, expect, it } from 'vitest';
import { E2E_BROWSERS } from './harness/browsers';
import { hasOverlay, ui, useExtension, waitFor } from './harness/setup';
import { findTabWith, choosePreset, FORM_VARIANTS, VARIANT_TEXT, button, click, clickUi, generateWithCoach, openTokenPage, readSteps, waitStep } from './harness/flows';

describe.each(E2E_BROWSERS)('%s: the coach', (name) => {
  const t = useExtension(name);

  it.each(FORM_VARIANTS)('follows a whole generation on the %s variant, step by step, from the page', async (variant) => {
    const page = await openTokenPage(t.open, variant);
    const first = await readSteps(page);
    expect(first.navigate).toBe('done');
    await generateWithCoach(page, variant, { preset: 'read-templates-v1' });
    const afterGenerate = await readSteps(page);
    expect(afterGenerate).toMatchObject({ name: 'done', scopes: 'done', expiry: 'done', review: 'done', generate: 'done', capture: 'current', done: 'todo' });
    // The current step's target is highlighted on the page (the token), without moving Wati's layout.
    await page.waitForSelector(ui('coach-highlight'));
    await clickUi(page, 'capture-confirm');
    await waitStep(page, 'done', 'done');
    await click(page, button(VARIANT_TEXT[variant].close));
    expect(await readSteps(page)).toMatchObject({ capture: 'done', done: 'done' });
    // The sandbox generated exactly what the coach reviewed.
    const made = t.sandbox.tokens().at(-1)!;
    expect(made.scopes.map((s) => s.replace(/^wati_/, ''))).toEqual(['messagetemplate:read']);
    expect(made.expiresAt).not.toBeNull();
    await page.close();
  });

  it('asks for an acknowledgement before a token without expiry, and survives a reload mid-flow', async () => {
    const page = await openTokenPage(t.open, 'modal-en');
    await click(page, button('Generate new token'));
    await waitStep(page, 'name');
    await clickUi(page, 'name-suggest');
    await choosePreset(page, 'send-templates-v3');
    await clickUi(page, 'apply-recommended');
    await waitStep(page, 'expiry');
    await clickUi(page, 'no-expiry-ack');
    await waitStep(page, 'review');
    // Reload: the form is gone (Wati forgets it), but the coach remembers the intent and the acknowledgement.
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector(ui('coach'), { timeout: 15_000 });
    await click(page, button('Generate new token'));
    await waitStep(page, 'name');
    await page.waitForSelector(ui('intent-preset', '[data-preset="send-templates-v3"]:checked'));
    await page.close();
  });

  it('shows the manual checklist on a token page it cannot read, without errors in the page', async () => {
    const page = await t.open('https://app.wati.io/connectors/api-tokens?variant=unrecognisable');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await click(page, button('Generate new token')).catch(() => undefined);
    await page.waitForSelector(ui('manual-mode'), { timeout: 20_000 });
    expect(await page.$(ui('coach-highlight'))).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('is opened from the popup on any dashboard page, takes the user to API Tokens, and stays dismissed once dismissed', async () => {
    const inbox = await t.open('https://live.wati.io/10234/teamInbox?quiet=1');
    await inbox.bringToFront();
    const popup = await t.ext.openExtensionPage('/popup.html');
    // The popup targets the workspace whose token page it saw last, or focuses an open Wati tab.
    await popup.locator('[data-testid="create-token"]').click();
    const page = await findTabWith(t.ext.browser, 'coach');
    const steps = await readSteps(page);
    if (steps.navigate === 'current') {
      await clickUi(page, 'coach-go');
      await waitStep(page, 'open-form');
    }
    expect((await readSteps(page))['open-form']).toBe('current');
    await clickUi(page, 'coach-dismiss');
    await waitFor(() => hasOverlay(page).then(async (h) => h && (await page.$(ui('coach'))) !== null), (v) => v === false, 5_000, 'coach gone');
    await page.reload({ waitUntil: 'load' });
    await new Promise((r) => setTimeout(r, 2000));
    expect(await page.$(ui('coach'))).toBeNull();
    await popup.close().catch(() => undefined);
    await inbox.close().catch(() => undefined);
  });
});
