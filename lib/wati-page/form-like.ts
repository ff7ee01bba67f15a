import { OWN_UI_TAG } from './dom';

/**
 * Is something form-like open that the adapter could not read? (An open dialog, or a cluster of
 * inputs / checkbox-like controls.) The coach uses it to switch to its manual checklist instead
 * of guessing: a page it does not understand gets plain steps, not a broken overlay.
 */
export function hasFormLikeContent(root: Document): boolean {
  const dialogs = root.querySelectorAll('dialog[open], [role="dialog"], [aria-modal="true"]');
  for (const d of dialogs) {
    if (d.closest(OWN_UI_TAG)) continue;
    if ((d as HTMLElement).hidden || d.getAttribute('aria-hidden') === 'true') continue;
    if (d.querySelector('input, textarea, select, [role="checkbox"], [role="switch"], [tabindex]')) return true;
  }
  const controls = root.querySelectorAll(
    'main input:not([type="hidden"]):not([type="search"]), main [role="checkbox"], main [role="switch"], form input:not([type="hidden"]):not([type="search"]), form [role="checkbox"]',
  );
  return controls.length >= 3;
}
