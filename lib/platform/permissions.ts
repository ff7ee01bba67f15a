import { browser } from 'wxt/browser';

/**
 * The optional `clipboardRead` permission (the exact clipboard check). Asked for only when the user
 * turns the check on, and given back when they turn it off.
 */
const CLIPBOARD_READ = { permissions: ['clipboardRead'] } as Parameters<typeof browser.permissions.request>[0];

/**
 * Shows the browser's permission prompt. Call it synchronously from the click handler, before any
 * `await`: browsers only prompt within a user gesture (Firefox drops the gesture at the first await).
 * Resolves to whether the permission is held afterwards; rejects if the browser refused to prompt.
 */
export function requestClipboardRead(): Promise<boolean> {
  return browser.permissions.request(CLIPBOARD_READ);
}

/** Gives the permission back. Resolves to whether it was removed (false if it was not held). */
export function removeClipboardRead(): Promise<boolean> {
  return browser.permissions.remove(CLIPBOARD_READ).catch(() => false);
}

export function hasClipboardReadPermission(): Promise<boolean> {
  return browser.permissions.contains(CLIPBOARD_READ).catch(() => false);
}
