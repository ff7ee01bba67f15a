import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import type { VariantName } from '../../sandbox/server.ts';
import { ui } from './selectors.ts';
import { waitFor } from './browsers.ts';

/** What a user reads on each sandbox variant: tests click by visible names, never by markup. */
export interface VariantText {
  open: string;
  generate: string;
  close: string;
  copy: string;
  selectAll: string;
  name: string;
  /** How the form spells a scope (`contacts:read` or `wati_contacts:read`) and the role of its control. */
  scopePrefix: '' | 'wati_';
  scopeRole: 'checkbox' | 'switch';
}
export const VARIANT_TEXT: Record<Exclude<VariantName, 'unrecognisable'>, VariantText> = {
  'inline-en': { open: 'Generate new token', generate: 'Generate', close: 'Done', copy: 'Copy', selectAll: 'Select all', name: 'Token name', scopePrefix: '', scopeRole: 'checkbox' },
  'modal-en': { open: 'Generate new token', generate: 'Generate', close: 'Done', copy: 'Copy', selectAll: 'Select all', name: 'Token name', scopePrefix: '', scopeRole: 'checkbox' },
  'modal-es': { open: 'Generar nuevo token', generate: 'Generar', close: 'Cerrar', copy: 'Copiar', selectAll: 'Seleccionar todo', name: 'Nombre del token', scopePrefix: 'wati_', scopeRole: 'switch' },
  'slow-en': { open: 'Generate new token', generate: 'Generate', close: 'Done', copy: 'Copy', selectAll: 'Select all', name: 'Token name', scopePrefix: '', scopeRole: 'checkbox' },
  // Renderings that do not cooperate: native controls whose state changes no attribute, React, a drawer, a focus trap.
  'native-pt': { open: 'Gerar novo token', generate: 'Gerar', close: 'Concluir', copy: 'Copiar', selectAll: 'Selecionar todos', name: 'Nome do token', scopePrefix: '', scopeRole: 'checkbox' },
  'drawer-en': { open: 'New token', generate: 'Create token', close: 'Done', copy: 'Copy', selectAll: 'Select all', name: 'Token name', scopePrefix: '', scopeRole: 'checkbox' },
  'trap-es': { open: 'Generar nuevo token', generate: 'Generar token', close: 'Cerrar', copy: 'Copiar', selectAll: 'Seleccionar todo', name: 'Nombre del token', scopePrefix: 'wati_', scopeRole: 'checkbox' },
};
export const FORM_VARIANTS = Object.keys(VARIANT_TEXT) as Array<keyof typeof VARIANT_TEXT>;

export const button = (name: string) => `::-p-aria([name="${name}"][role="button"])`;

export type StepStates = Record<string, string>;

/**
 * The coach's steps. When no free area fits the full panel the coach is a one-line bar
 * (`coach-compact`) that draws only the current step; the whole list is still there for screen readers.
 */
export async function readSteps(page: Page): Promise<StepStates> {
  return page
    .$$eval(ui('coach-step'), (els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-step'), e.getAttribute('data-state')])))
    .catch(() => ({}));
}

/** The compact bars and the buttons that expand them: a user presses "Show" to see more. */
const EXPANDERS = ['coach-expand', 'capture-expand'];
/** The page-level panels' bars, expanded only to reach their own controls (`banner-rotate`, `sync-mark-revoked`...). */
const PANEL_EXPANDERS: Record<string, string> = { banner: 'banner-expand', sync: 'sync-expand' };
const ALL_EXPANDERS = [...EXPANDERS, ...Object.values(PANEL_EXPANDERS)];

/**
 * Expands whichever compact bar is shown, as a user would to reach what it hides (`wanted`: the test id sought, so that
 * a banner or sync bar is expanded only to reach its own controls). Returns whether it did.
 */
export async function expandCompact(page: Page, wanted?: string): Promise<boolean> {
  let did = false;
  const panel = wanted && PANEL_EXPANDERS[wanted.split('-')[0]!];
  for (const id of panel ? [panel] : EXPANDERS) {
    const h = await page.$(ui(id)).catch(() => null);
    if (h) {
      await click(page, ui(id));
      did = true;
    }
  }
  return did;
}

/** Whether the first element matching `selector` is on screen (a compact bar hides the full panel, mounted). */
async function isShown(page: Page, selector: string): Promise<boolean> {
  const h = await page.$(selector).catch(() => null);
  return !!h && (await h.isVisible().catch(() => false));
}

/** An expanded panel that stands over Wati's form is collapsed before the user reaches for the form. */
async function collapseOverlapping(page: Page) {
  for (const [panel, collapse] of [['coach', 'coach-collapse'], ['expiry-banner', 'banner-collapse'], ['sync-missing', 'sync-collapse']] as const) {
    if (await page.$(ui(panel, '[data-overlaps="true"]')).catch(() => null)) {
      const h = await page.$(ui(collapse)).catch(() => null);
      if (h) await page.locator(ui(collapse)).click();
    }
  }
}

export async function waitStep(page: Page, step: string, state = 'current', timeoutMs = 15_000): Promise<StepStates> {
  try {
    return await waitFor(() => readSteps(page), (s) => s[step] === state, timeoutMs, `step ${step}=${state}`);
  } catch (e) {
    await saveFailureShot(page, `step-${step}-${state}`);
    throw e;
  }
}

/** A screenshot next to a failure, for the person reading the CI log (.sandbox/failures/). */
export async function saveFailureShot(page: Page, what: string) {
  const dir = path.resolve('.sandbox/failures');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${Date.now()}-${what}.png`);
  await page.screenshot({ path: file }).catch(() => undefined);
  console.error(`screenshot of the failure: ${file}`);
}

export async function click(page: Page, selector: string, timeoutMs = 15_000) {
  const ours = selector.startsWith(ui('').split(' ')[0]!);
  if (!ours) await collapseOverlapping(page);
  // Not on screen because a panel is a one-line bar: show it first, like a user.
  else if (!ALL_EXPANDERS.some((id) => selector === ui(id)) && !(await isShown(page, selector))) {
    const shown = await page.waitForSelector(selector, { timeout: 1_500, visible: true }).then(() => true, () => false);
    if (!shown) await expandCompact(page, /data-testid="([^"]+)"/.exec(selector)?.[1]);
  }
  // Scroll it to the middle of its scroll container first: a control at the very edge of our
  // scrollable panel could otherwise be clicked through onto the page behind (Firefox).
  const handle = await page.waitForSelector(selector, { timeout: timeoutMs, visible: true });
  await handle!.evaluate((e) => e.scrollIntoView({ block: 'center', inline: 'center' }));
  // Click what was found (a query by accessible name costs about a second in Firefox); if the page
  // re-rendered it meanwhile, find it again and click that.
  const connected = await handle!.evaluate((e) => e.isConnected).catch(() => false);
  if (connected && (await handle!.click().then(() => true, () => false))) return;
  await page.locator(selector).setTimeout(timeoutMs).click();
}

/** Clicks an overlay control (inside the shadow root) by its test id. */
export async function clickUi(page: Page, testid: string, extra = '') {
  await click(page, ui(testid, extra));
}

/** States the intent with a preset, and waits until the coach shows its recommendation. */
export async function choosePreset(page: Page, preset: string) {
  const sel = ui('intent-preset', `[data-preset="${preset}"]`);
  for (let attempt = 0; attempt < 3; attempt++) {
    await click(page, sel);
    const ok = await page.waitForSelector(`${sel}:checked`, { timeout: 3_000 }).then(() => true, () => false);
    if (ok) break;
  }
  await page.waitForSelector(ui('recommended-scopes'), { timeout: 10_000 });
}

/** Ticks checkboxes/switches in Wati's form like a user: by their accessible names. */
export async function tickByName(page: Page, names: string[]) {
  for (const n of names) await click(page, `::-p-aria([name="${n}"])`);
}

/** The scopes ticked in Wati's form, read the way a user sees them (accessible checked state). */
export async function checkedScopes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const scopeRe = /\b(?:wati_)?[a-z][a-z0-9_]*:(?:read|write|\*)|^api$/;
    for (const el of document.querySelectorAll<HTMLElement>('input[type="checkbox"], [role="checkbox"], [role="switch"]')) {
      if (el.closest('wati-token-guard')) continue;
      const checked = el instanceof HTMLInputElement ? el.checked : el.getAttribute('aria-checked') === 'true';
      if (!checked) continue;
      const labelled = el.getAttribute('aria-labelledby');
      const text =
        (labelled && document.getElementById(labelled)?.textContent) ||
        el.getAttribute('aria-label') ||
        (el instanceof HTMLInputElement && el.labels?.[0]?.textContent) ||
        el.closest('label')?.textContent ||
        el.parentElement?.textContent ||
        '';
      const m = scopeRe.exec(text.trim()) ?? /(?:wati_)?[a-z][a-z0-9_]*:(?:read|write|\*)/.exec(text);
      if (m) out.push(m[0]);
    }
    return out.sort();
  });
}

/** Opens the sandbox token page of a variant and waits for the coach. */
export async function openTokenPage(open: (url: string) => Promise<Page>, variant: VariantName, base = 'https://app.wati.io'): Promise<Page> {
  const page = await open(`${base}/connectors/api-tokens?variant=${variant}`);
  await page.waitForSelector(ui(variant === 'unrecognisable' ? 'manual-mode' : 'coach'), { timeout: 20_000 }).catch(() => undefined);
  return page;
}

/**
 * The whole guided flow, clicking like a user: open the form, name it, state the intent, apply the
 * recommended scopes, set the expiry, review, press Wati's Generate. Returns with the token shown.
 */
export async function generateWithCoach(page: Page, variant: keyof typeof VARIANT_TEXT, opts: { preset?: string; name?: string } = {}) {
  const v = VARIANT_TEXT[variant];
  await waitStep(page, 'open-form');
  await click(page, button(v.open));
  await waitStep(page, 'name');
  if (opts.name) {
    await typeInto(page, `::-p-aria([name="${v.name}"][role="textbox"])`, opts.name);
  } else {
    await clickUi(page, 'name-suggest');
  }
  await waitStep(page, 'scopes');
  if (opts.preset !== undefined) {
    await choosePreset(page, opts.preset);
    await clickUi(page, 'apply-recommended');
  }
  await waitFor(() => readSteps(page), (s) => s.scopes === 'done', 15_000, 'scopes done');
  await finishWithCoach(page, variant);
}

/** From the expiry step on: suggested expiry, review, Wati's Generate; returns with the token shown. */
export async function finishWithCoach(page: Page, variant: keyof typeof VARIANT_TEXT) {
  // Some forms come with an expiry already chosen; otherwise take the coach's suggestion.
  if ((await readSteps(page)).expiry !== 'done') await clickUi(page, 'expiry-fill');
  await waitStep(page, 'review');
  await clickUi(page, 'review-confirm');
  await waitStep(page, 'generate');
  await click(page, button(VARIANT_TEXT[variant].generate));
  await waitStep(page, 'capture', 'current', 20_000);
  await page.waitForSelector(ui('capture-panel'));
}

/** The tab (of any window) that shows an overlay element, e.g. the coach the popup just opened. */
export async function findTabWith(browser: Browser, testid: string, timeoutMs = 20_000): Promise<Page> {
  const page = await waitFor(
    async () => {
      for (const p of await browser.pages()) if (await p.$(ui(testid)).catch(() => null)) return p;
      return undefined;
    },
    (p) => p !== undefined,
    timeoutMs,
    `a tab with ${testid}`,
  );
  return page!;
}

/** A scope's control in Wati's form, by its accessible name as the variant spells it. */
export function scopeControl(variant: keyof typeof VARIANT_TEXT, scope: string): string {
  const v = VARIANT_TEXT[variant];
  const spelled = scope === 'api' || scope.startsWith('wati_') ? scope : v.scopePrefix + scope;
  return `::-p-aria([name="${spelled}"][role="${v.scopeRole}"])`;
}

/**
 * Types into a field like a person: clicks it, selects what it holds with the keyboard, deletes it,
 * types the text key by key. No value is ever set by script.
 */
export async function typeInto(page: Page, selector: string, text: string) {
  await click(page, selector);
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text, { delay: 15 });
}

/** The scope findings shown by the coach, as `kind:scope` (scope as the form names it). */
export async function readFindings(page: Page): Promise<string[]> {
  // The findings are in the full panel: a user shows it to read them.
  if (await page.$(ui('coach-compact')).catch(() => null)) await expandCompact(page);
  await page.waitForSelector(ui('coach-body'), { timeout: 5_000, visible: true });
  return page
    .$$eval(ui('scope-finding'), (els) => els.map((e) => `${e.getAttribute('data-kind')}:${e.getAttribute('data-scope')}`).sort())
    .catch(() => [] as string[]);
}

export async function waitFindings(page: Page, ok: (f: string[]) => boolean, what: string): Promise<string[]> {
  try {
    return await waitFor(() => readFindings(page), ok, 10_000, what);
  } catch (e) {
    await saveFailureShot(page, `findings-${what.replace(/\W+/g, '-')}`);
    throw e;
  }
}

