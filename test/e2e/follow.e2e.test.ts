import { describe, expect, it } from 'vitest';
import { E2E_BROWSERS } from './harness/browsers';
import { useExtension, waitFor } from './harness/setup';
import {
  FORM_VARIANTS,
  VARIANT_TEXT,
  button,
  checkedScopes,
  choosePreset,
  click,
  clickUi,
  openTokenPage,
  readSteps,
  scopeControl,
  typeInto,
  waitFindings,
  waitStep,
} from './harness/flows';

/** A half-screen window, a small laptop, a common laptop, a desktop. */
const SIZES = ['800x600', '1024x640', '1280x720', '1920x1080'];

/** Findings name scopes as the form does; compare without Wati's `wati_` prefix. */
const canon = (f: string) => f.replace(/:wati_(?!integration)/, ':');

/**
 * The coach follows what the user does, on every rendering: real typing and real clicks only, so a
 * native input or checkbox whose state changes no attribute is seen, and what ends up in the
 * inventory is exactly what the form held at Generate.
 */
describe.each(E2E_BROWSERS)('%s: the coach follows the user', (name) => {
  const t = useExtension(name);

  it.each(FORM_VARIANTS.map((v, i) => [v, SIZES[i % SIZES.length]!] as const))('on %s at %s: typed name, each tick, Apply recommended; the record has the typed name and the ticked scopes', async (variant, size) => {
    const v = VARIANT_TEXT[variant];
    const [width, height] = size.split('x').map(Number) as [number, number];
    const page = await openTokenPage(t.open, variant);
    // Each rendering at another window size: where no free area fits the coach, it is a one-line bar
    // the user expands to read the findings and that collapses again before they reach for the form.
    await page.setViewport({ width, height });
    await waitStep(page, 'open-form');
    await click(page, button(v.open));
    await waitStep(page, 'name');

    // A typed name completes the name step (no suggestion used, nothing set by script).
    const tokenName = `crm-sync-${variant}-${name}`;
    await typeInto(page, `::-p-aria([name="${v.name}"][role="textbox"])`, tokenName);
    await waitStep(page, 'name', 'done');

    // The intent: read message templates. Nothing ticked yet: the needed scope is missing.
    await choosePreset(page, 'read-templates-v1');
    await waitFindings(page, (f) => f.map(canon).includes('missing:messagetemplate:read'), 'missing before any tick');

    // Each tick is followed: an excess scope is flagged, then the needed one clears "missing".
    await click(page, scopeControl(variant, 'contacts:read'));
    await waitFindings(page, (f) => f.map(canon).includes('excess:contacts:read'), 'excess after a tick');
    await click(page, scopeControl(variant, 'messagetemplate:read'));
    await waitFindings(page, (f) => !f.map(canon).some((x) => x.startsWith('missing:')), 'missing cleared by a tick');

    // Apply recommended unticks the excess one; the findings clear and the step completes.
    await clickUi(page, 'apply-recommended');
    await waitFindings(page, (f) => f.length === 0, 'no findings after Apply recommended');
    expect((await checkedScopes(page)).map((s) => s.replace(/^wati_/, ''))).toEqual(['messagetemplate:read']);
    await waitStep(page, 'scopes', 'done');

    // Ticking one more by hand after Apply is seen too, and unticking it again clears it.
    await click(page, scopeControl(variant, 'contacts:write'));
    await waitFindings(page, (f) => f.map(canon).includes('excess:contacts:write'), 'excess after Apply');
    await click(page, scopeControl(variant, 'contacts:write'));
    await waitFindings(page, (f) => f.length === 0, 'cleared by an untick');

    // Some forms come with an expiry already chosen; otherwise take the coach's suggestion.
    if ((await readSteps(page)).expiry !== 'done') {
      await waitStep(page, 'expiry');
      await clickUi(page, 'expiry-fill');
    }
    await waitStep(page, 'review');
    await clickUi(page, 'review-confirm');
    await waitStep(page, 'generate');
    await click(page, button(v.generate));
    await waitStep(page, 'capture', 'current', 20_000);
    await clickUi(page, 'capture-confirm');
    await waitStep(page, 'done', 'done');
    await click(page, button(v.close));

    // Wati made what the user typed and ticked, and the inventory says the same.
    const made = t.sandbox.tokens().at(-1)!;
    expect(made.name).toBe(tokenName);
    expect(made.scopes.map((s) => s.replace(/^wati_/, ''))).toEqual(['messagetemplate:read']);
    const popup = await t.ext.openExtensionPage('/popup.html');
    const row = `[data-testid="token-row"][data-token-name="${tokenName}"]`;
    await popup.waitForSelector(row, { timeout: 10_000 });
    const scopes = await waitFor(
      () => popup.$eval(`${row} [data-testid="scopes"]`, (e) => e.getAttribute('title') ?? '').catch(() => ''),
      (s) => s !== '',
      5_000,
      'scopes of the row',
    );
    expect(scopes.split('\n').map((s) => s.replace(/^wati_/, ''))).toEqual(['messagetemplate:read']);
    expect(await popup.$(`[data-testid="token-row"][data-token-name="Unnamed token"]`)).toBeNull();
    await popup.close().catch(() => undefined);
    await page.close();
  });

  it('files a name the user typed and then pressed Enter in, on a form with no re-render', async () => {
    const variant = 'inline-en';
    const v = VARIANT_TEXT[variant];
    const page = await openTokenPage(t.open, variant);
    await click(page, button(v.open));
    await waitStep(page, 'name');
    await click(page, scopeControl(variant, 'contacts:read'));
    const tokenName = `typed-then-enter-${name}`;
    await typeInto(page, `::-p-aria([name="${v.name}"][role="textbox"])`, tokenName);
    await page.keyboard.press('Enter'); // submits Wati's form straight from the name field
    await waitStep(page, 'capture', 'current', 20_000);
    await clickUi(page, 'capture-confirm');
    const popup = await t.ext.openExtensionPage('/popup.html');
    await popup.waitForSelector(`[data-testid="token-row"][data-token-name="${tokenName}"]`, { timeout: 10_000 });
    await popup.close().catch(() => undefined);
    await click(page, button(v.close));
    await page.close();
  });
});
