import { browser } from 'wxt/browser';

/** The overlay bundle (entrypoints/overlay.content), registered at run time, never in the manifest. */
export const OVERLAY_SCRIPT = '/content-scripts/overlay.js';

/**
 * Injects the overlay into one frame of a Wati tab. Heavy code (React, zod, the coach) is only
 * evaluated on pages that have something to show; the always-on sentry stays a few KB.
 */
export async function injectOverlay(tabId: number, frameId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [OVERLAY_SCRIPT] });
}
