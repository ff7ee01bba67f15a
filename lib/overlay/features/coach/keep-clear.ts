import type { StepId } from '@/lib/coach/steps';
import type { TokenPage } from '@/lib/wati-page/types';
import { closestDialog } from '@/lib/wati-page/dom';
import { INTERACTIVE } from '@/lib/overlay/layout';

/** Enough for any token form; a pathological page must not cost us hundreds of measurements per frame. */
const MAX_CONTROLS = 80;

export interface KeepClear {
  /** Whole areas the coach must not stand in front of: the opener, the form or dialog, the token's panel. */
  keepClear: Array<Element | undefined>;
  /** The single controls inside them. */
  controls: Array<Element | undefined>;
}

/**
 * What the user must reach on this step, as page elements (the overlay measures them). While the form is open:
 * the whole form region and its dialog, plus the opener when it is not behind a modal. While the token is on
 * screen: its dialog or panel, the token, Wati's copy and close/done buttons. On other pages: the nav link.
 */
export function keepClearElements(current: StepId, page: TokenPage | undefined, navLink?: Element): KeepClear {
  const keepClear: Array<Element | undefined> = [];
  const controls: Array<Element | undefined> = [];
  const form = page?.form;
  const reveal = page?.reveal;
  if (current === 'navigate' && navLink) {
    keepClear.push(navLink);
    controls.push(navLink);
  }
  const behindModal = !!(form?.isModal || reveal?.isModal);
  if (page?.openFormButton && !behindModal) {
    keepClear.push(page.openFormButton);
    controls.push(page.openFormButton);
  }
  if (form) {
    const dialog = closestDialog(form.container) ?? (form.region && closestDialog(form.region));
    keepClear.push(form.region, form.container, dialog, form.generate);
    controls.push(form.name?.el, ...form.scopes.map((s) => s.el), form.selectAll?.el, form.expiry?.el, form.expiry?.neverToggle?.el, form.generate);
    controls.push(...interactiveIn(dialog ?? form.region ?? form.container));
  }
  if (reveal) {
    const dialog = closestDialog(reveal.container);
    keepClear.push(reveal.container, dialog, reveal.el, reveal.copyButton, ...reveal.closeButtons);
    controls.push(reveal.el, reveal.copyButton, ...reveal.closeButtons, ...interactiveIn(dialog ?? reveal.container));
  }
  return { keepClear, controls: [...new Set(controls)].slice(0, MAX_CONTROLS) };
}

function interactiveIn(root: Element | undefined): Element[] {
  return root ? [...root.querySelectorAll(INTERACTIVE)].slice(0, MAX_CONTROLS) : [];
}
