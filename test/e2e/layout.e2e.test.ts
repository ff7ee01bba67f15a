import { describe, expect, it } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import { E2E_BROWSERS } from './harness/browsers';
import { HOST, ui, useExtension } from './harness/setup';
import { FORM_VARIANTS, VARIANT_TEXT, button, click, openTokenPage, saveFailureShot, scopeControl, typeInto, waitStep } from './harness/flows';

/** A half-screen window, a small laptop, a common laptop, a desktop. */
const SIZES = [
  { width: 800, height: 600 },
  { width: 1024, height: 640 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

/**
 * Scrolls each of Wati's controls into view the way a user would reach it, lets the overlay
 * re-place itself, and hit-tests the control's centre. Returns the controls our UI stands in front of.
 * `expand` also tests every interactive descendant of the smallest element holding all of `targets`
 * (the whole form, found from its name field and its Generate button).
 */
async function coveredControls(page: Page, targets: ElementHandle[], expand: boolean): Promise<string[]> {
  return page.evaluate(
    async (host, expandIt, ...els) => {
      const ownHost = document.querySelector(host);
      const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      let controls = els as Element[];
      if (expandIt && controls.length > 1) {
        let box: Element | null = controls[0]!;
        while (box && !controls.every((c) => box!.contains(c))) box = box.parentElement;
        const sel = 'input:not([type="hidden"]), select, textarea, button, [role="checkbox"], [role="switch"], [role="radio"], [role="combobox"], [role="textbox"]';
        controls = [...new Set([...controls, ...(box ? [...box.querySelectorAll(sel)] : [])])];
      }
      const covered: string[] = [];
      for (let c of controls) {
        if (ownHost?.contains(c)) continue;
        let r = c.getBoundingClientRect();
        // A visually hidden native box is reached through its label.
        if ((r.width < 4 || r.height < 4) && c instanceof HTMLInputElement && c.labels?.[0]) c = c.labels[0];
        r = c.getBoundingClientRect();
        const style = getComputedStyle(c);
        if (r.width < 4 || r.height < 4 || style.visibility === 'hidden' || style.display === 'none') continue;
        c.scrollIntoView({ block: 'center', inline: 'center' });
        let hitUs = false;
        // The overlay re-places itself in an animation frame after a scroll: give it a few.
        for (let attempt = 0; attempt < 8; attempt++) {
          await frame();
          r = c.getBoundingClientRect();
          const x = Math.min(innerWidth - 1, Math.max(0, r.left + r.width / 2));
          const y = Math.min(innerHeight - 1, Math.max(0, r.top + r.height / 2));
          const hit = document.elementFromPoint(x, y);
          hitUs = !!hit && !!ownHost && (hit === ownHost || ownHost.contains(hit));
          if (!hitUs) break;
        }
        if (hitUs) {
          const label = c.getAttribute('aria-label') || (c as HTMLElement).innerText?.trim().slice(0, 40) || c.localName;
          covered.push(`${c.localName}${c.getAttribute('role') ? `[role=${c.getAttribute('role')}]` : ''} "${label}"`);
        }
      }
      return covered;
    },
    HOST,
    expand,
    ...targets,
  );
}

async function handles(page: Page, selectors: string[]): Promise<ElementHandle[]> {
  const out: ElementHandle[] = [];
  for (const s of selectors) {
    const h = await page.waitForSelector(s, { timeout: 15_000 });
    out.push(h!);
  }
  return out;
}

/** At every size, none of `selectors`' elements (and, with `expand`, nothing in their form) is under our UI. */
async function expectClearAtEverySize(page: Page, what: string, selectors: string[] | (() => Promise<ElementHandle[]>), expand = false) {
  const problems: string[] = [];
  const find = () => (typeof selectors === 'function' ? selectors() : handles(page, selectors));
  let els = await find();
  for (const size of SIZES) {
    await page.setViewport(size);
    // Find them again only if the page re-rendered them (a query by accessible name is slow in Firefox).
    if (!(await Promise.all(els.map((e) => e.evaluate((n) => n.isConnected)))).every(Boolean)) els = await find();
    const covered = await coveredControls(page, els, expand);
    if (covered.length) {
      problems.push(`${size.width}x${size.height} ${what}: ${covered.join(', ')}`);
      await saveFailureShot(page, `covered-${what}-${size.width}x${size.height}`);
    }
  }
  expect(problems).toEqual([]);
}

describe.each(E2E_BROWSERS)('%s: the overlay never stands in front of Wati\'s controls', (name) => {
  const t = useExtension(name);

  it.each(FORM_VARIANTS)('on %s: the opener, every control of the open form, the token and its buttons, at 800x600 to 1920x1080', async (variant) => {
    const v = VARIANT_TEXT[variant];
    const page = await openTokenPage(t.open, variant);
    await waitStep(page, 'open-form');
    await expectClearAtEverySize(page, 'page', [button(v.open)]);

    await page.setViewport(SIZES[0]!);
    await click(page, button(v.open));
    await waitStep(page, 'name');
    const nameField = `::-p-aria([name="${v.name}"][role="textbox"])`;
    await expectClearAtEverySize(page, 'form', [nameField, button(v.generate)], true);

    // Generate as a user would (the coach's review is advice, not a gate), then check the reveal.
    await typeInto(page, nameField, `layout-${variant}-${name}`);
    await click(page, scopeControl(variant, 'contacts:read'));
    await click(page, button(v.generate));
    await page.waitForSelector(ui('capture-panel'), { timeout: 20_000 });
    const token = t.sandbox.tokens().at(-1)!.token;
    await expectClearAtEverySize(page, 'reveal', async () => {
      const field = await page.evaluateHandle((tok) => {
        for (const el of document.querySelectorAll('input, textarea')) if ((el as HTMLInputElement).value === tok) return el;
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.textContent?.includes(tok)) return n.parentElement;
        return null;
      }, token);
      return [field as ElementHandle, ...(await handles(page, [button(v.copy), button(v.close)]))];
    });
    await page.close();
  });
});
