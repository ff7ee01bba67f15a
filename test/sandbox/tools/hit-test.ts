/**
 * Manual check that the overlay never stands in front of Wati's controls: for each variant and window size, opens
 * the API Tokens page with the built extension (.output/chrome-mv3), opens the form, generates a token, and for
 * every control the user must reach (the opener; each input/checkbox/switch/select/button of the form; the token,
 * Copy and Done) scrolls it into view and asks `document.elementFromPoint(centre)`: the overlay host
 * `<wati-token-guard>` answering means our panel is on top. Also checks the coach and the capture panel do not
 * cover each other. Screenshots go to /tmp/placement-shots/.
 *   npx wxt build -b chrome && npx node --experimental-strip-types test/sandbox/tools/hit-test.ts [variant ...] [--sizes=800x600,1280x720]
 * Not part of the test suite.
 */
import fs from 'node:fs';
import type { Page } from 'puppeteer-core';
import { startSandbox, type VariantName } from '../server.ts';
import { launchChromium } from '../../e2e/harness/browsers.ts';

const OUT = '/tmp/placement-shots';
fs.mkdirSync(OUT, { recursive: true });
const args = process.argv.slice(2);
const variants = (args.filter((a) => !a.startsWith('--')) as VariantName[]).length
  ? (args.filter((a) => !a.startsWith('--')) as VariantName[])
  : (['inline-en', 'modal-en', 'modal-es', 'slow-en'] as VariantName[]);
const sizesArg = args.find((a) => a.startsWith('--sizes='));
const sizes = (sizesArg ? sizesArg.slice(8) : '800x600,1024x640,1280x720,1920x1080').split(',').map((s) => s.split('x').map(Number) as [number, number]);

const TEXT: Record<string, { open: string; name: string; generate: string }> = {
  'modal-es': { open: 'Generar nuevo token', name: 'Nombre del token', generate: 'Generar' },
};
const text = (v: string) => TEXT[v] ?? { open: 'Generate new token', name: 'Token name', generate: 'Generate' };

const sandbox = await startSandbox();
const ext = await launchChromium(sandbox);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Hit {
  what: string;
  /** The overlay panel on top of it (its data-testid), if any. */
  by?: string;
}

/** Marks the controls to check with data-hit-id (in the page), returns their labels. */
async function markControls(page: Page, scope: 'opener' | 'form' | 'reveal', openText: string): Promise<string[]> {
  return page.evaluate(
    (scope, openText) => {
      const label = (e: Element) =>
        (e.getAttribute('aria-label') || (e as HTMLElement).innerText || (e as HTMLInputElement).value || e.getAttribute('type') || e.tagName).trim().slice(0, 40);
      const sel = 'button, input:not([type="hidden"]), select, textarea, [role="checkbox"], [role="switch"], [role="combobox"], code';
      let els: Element[] = [];
      if (scope === 'opener') {
        els = [...document.querySelectorAll('button')].filter((b) => b.textContent?.trim() === openText);
      } else {
        const dialogs = [...document.querySelectorAll('[role="dialog"], [role="alertdialog"], dialog')].filter((d) => !d.closest('wati-token-guard'));
        const root =
          dialogs.at(-1) ??
          (scope === 'form'
            ? document.querySelector('main form')?.closest('section') ?? document.querySelector('main form')
            : undefined);
        const revealRoot = () => {
          // The inline reveal: the card around the long read-only token field.
          let e: Element | null = [...document.querySelectorAll('input[readonly], textarea[readonly], code')].find((x) => ((x as HTMLInputElement).value ?? x.textContent ?? '').length > 40 || (x.textContent ?? '').length > 40) ?? null;
          while (e && ![...e.querySelectorAll('button')].some((b) => /^(Done|Cerrar)$/.test(b.textContent?.trim() ?? ''))) e = e.parentElement;
          return e;
        };
        const r = scope === 'reveal' && !dialogs.length ? revealRoot() : root;
        els = r ? [...r.querySelectorAll(sel)] : [];
        if (scope === 'reveal') els = els.filter((e) => e.tagName !== 'CODE' || (e.textContent ?? '').length > 40);
      }
      els = els.filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden';
      });
      return els.map((e, i) => {
        e.setAttribute('data-hit-id', `${scope}-${i}`);
        return label(e);
      });
    },
    scope,
    openText,
  );
}

async function hitTest(page: Page, scope: string, labels: string[]): Promise<Hit[]> {
  const out: Hit[] = [];
  for (let i = 0; i < labels.length; i++) {
    await page.evaluate((id) => document.querySelector(`[data-hit-id="${id}"]`)?.scrollIntoView({ block: 'center', inline: 'center' }), `${scope}-${i}`);
    await sleep(120); // re-measured and re-placed in animation frames
    const by = await page.evaluate((id) => {
      const e = document.querySelector(`[data-hit-id="${id}"]`);
      if (!e) return undefined;
      const r = e.getBoundingClientRect();
      // A control bigger than its visible part: test the centre of what is on screen.
      const x = (Math.max(0, r.left) + Math.min(innerWidth, r.right)) / 2;
      const y = (Math.max(0, r.top) + Math.min(innerHeight, r.bottom)) / 2;
      const at = document.elementFromPoint(x, y);
      if (!at || !(at.tagName.toLowerCase() === 'wati-token-guard' || at.closest('wati-token-guard'))) return undefined;
      const inner = document.querySelector('wati-token-guard')?.shadowRoot?.elementFromPoint(x, y);
      return inner?.closest('[data-testid="coach"], [data-testid="capture-panel"], [data-testid="sync-missing"], [data-testid="expiry-banner"], [data-testid]')?.getAttribute('data-testid') ?? 'overlay';
    }, `${scope}-${i}`);
    out.push({ what: labels[i]!.replace(/\s+/g, ' '), by });
  }
  return out;
}

async function overlayState(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('wati-token-guard')?.shadowRoot;
    const box = (sel: string) => {
      const e = root?.querySelector(sel);
      if (!e) return undefined;
      const r = e.getBoundingClientRect();
      return { left: Math.round(r.left), top: Math.round(r.top), right: Math.round(r.right), bottom: Math.round(r.bottom), dock: e.getAttribute('data-dock') };
    };
    return { coach: box('[data-testid="coach"]'), capture: box('[data-testid="capture-panel"]') };
  });
}
const overlap = (a?: { left: number; top: number; right: number; bottom: number }, b?: typeof a) =>
  !!a && !!b && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

const summary: string[] = [];
for (const variant of variants) {
  for (const [w, h] of sizes) {
    const T = text(variant);
    const page = await ext.browser.newPage();
    await page.setViewport({ width: w, height: h });
    await page.goto(`https://app.wati.io/connectors/api-tokens?variant=${variant}`, { waitUntil: 'load' });
    await page.waitForSelector('wati-token-guard >>> [data-testid="coach"]', { timeout: 20_000 });
    await page.locator(`::-p-aria([name="${T.open}"][role="button"])`).setTimeout(15_000).wait();
    await sleep(300);
    const tag = `${variant}-${w}x${h}`;
    const results: Record<string, Hit[]> = {};
    const docks: Record<string, unknown> = {};
    results.opener = await hitTest(page, 'opener', await markControls(page, 'opener', T.open));
    docks.list = (await overlayState(page)).coach?.dock;
    await page.screenshot({ path: `${OUT}/${tag}-1-list.png` });

    await page.evaluate((t) => [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === t)?.click(), T.open);
    await page.locator(`::-p-aria([name="${T.name}"][role="textbox"])`).setTimeout(15_000).wait();
    await sleep(400);
    docks.form = (await overlayState(page)).coach?.dock;
    await page.screenshot({ path: `${OUT}/${tag}-2-form.png` });
    results.form = await hitTest(page, 'form', await markControls(page, 'form', T.open));
    await page.evaluate(() => window.scrollTo(0, 0));

    // Generate: a name (typed, like a user) and the first scope, then Wati's button.
    await page.locator(`::-p-aria([name="${T.name}"][role="textbox"])`).fill(`hit-test-${w}`);
    await page.evaluate(() => {
      const dlg = [...document.querySelectorAll('[role="dialog"]')].filter((d) => !d.closest('wati-token-guard')).at(-1) ?? document.querySelector('main form');
      const box = [...(dlg?.querySelectorAll('input[type="checkbox"], [role="checkbox"], [role="switch"]') ?? [])].find((e) =>
        /:read$/.test(((e as HTMLElement).closest('label')?.textContent ?? document.getElementById(e.getAttribute('aria-labelledby') ?? '')?.textContent ?? '').trim()),
      );
      (box as HTMLElement | undefined)?.click();
    });
    await page.evaluate((t) => {
      const dlg = [...document.querySelectorAll('[role="dialog"]')].filter((d) => !d.closest('wati-token-guard')).at(-1) ?? document.querySelector('main form');
      [...(dlg?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === t)?.click();
    }, T.generate);
    await page.waitForSelector('wati-token-guard >>> [data-testid="capture-panel"]', { timeout: 15_000 });
    await sleep(500);
    const st = await overlayState(page);
    docks.reveal = `${st.coach?.dock}/${st.capture?.dock}`;
    const panelsOverlap = overlap(st.coach, st.capture);
    await page.screenshot({ path: `${OUT}/${tag}-3-reveal.png` });
    results.reveal = await hitTest(page, 'reveal', await markControls(page, 'reveal', T.open));

    const line = Object.entries(results)
      .map(([k, hits]) => `${k} ${hits.filter((x) => !x.by).length}/${hits.length} clear` + (hits.some((x) => x.by) ? ` COVERED: ${hits.filter((x) => x.by).map((x) => `${x.what.slice(0, 24)} (by ${x.by})`).join(' | ')}` : ''))
      .join('; ');
    const s = `${tag.padEnd(22)} dock list=${docks.list} form=${docks.form} reveal=${docks.reveal}${panelsOverlap ? ' PANELS OVERLAP' : ''} | ${line}`;
    console.log(s);
    summary.push(s);
    await page.close();
  }
}
fs.writeFileSync(`${OUT}/summary.txt`, summary.join('\n') + '\n');
await ext.close();
await sandbox.close();
