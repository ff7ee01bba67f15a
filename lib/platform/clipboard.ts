import { browser } from 'wxt/browser';
import type { OffscreenRequest } from '@/lib/messaging/protocol';
import { fingerprintToken } from '@/lib/tokens/fingerprint';

/**
 * Clipboard access from the background. Chrome's MV3 service worker has no DOM, so it goes
 * through an offscreen document (reason CLIPBOARD); Firefox's background page has a DOM.
 * The background only ever WRITES THE EMPTY STRING; it can READ only with the optional
 * `clipboardRead` permission, and then returns a fingerprint, never the text.
 */
const OFFSCREEN_PATH = '/offscreen.html';

type ChromeOffscreen = {
  createDocument(p: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument?(): Promise<void>;
  hasDocument?(): Promise<boolean>;
};
type ChromeRuntime = { getContexts?(f: { contextTypes: string[] }): Promise<unknown[]> };

function offscreenApi(): ChromeOffscreen | undefined {
  return (browser as unknown as { offscreen?: ChromeOffscreen }).offscreen;
}

let creating: Promise<void> | undefined;
async function ensureOffscreen(api: ChromeOffscreen): Promise<void> {
  const runtime = browser.runtime as unknown as ChromeRuntime;
  const contexts = (await runtime.getContexts?.({ contextTypes: ['OFFSCREEN_DOCUMENT'] })) ?? [];
  if (contexts.length > 0) return;
  creating ??= api
    .createDocument({
      url: OFFSCREEN_PATH,
      reasons: ['CLIPBOARD'],
      justification: 'Clear a copied API token from the clipboard after the countdown',
    })
    .catch((e: unknown) => {
      // "Only a single offscreen document may be created": another call won the race.
      if (!String(e).includes('single offscreen')) throw e;
    })
    .finally(() => {
      creating = undefined;
    });
  await creating;
}

// The document lives only while a request needs it: created for it, closed once no request is in
// flight (a document left open would be one more extension page listening to every message).
let inFlight = 0;
let closing: Promise<void> = Promise.resolve();

async function closeOffscreen(api: ChromeOffscreen): Promise<void> {
  try {
    await api.closeDocument?.();
  } catch {
    /* already closed (e.g. by the browser): nothing to do */
  }
}

async function viaOffscreen<T>(req: OffscreenRequest): Promise<T | undefined> {
  const api = offscreenApi();
  if (!api) return undefined;
  inFlight++; // counted before any await, so a request arriving now keeps the document open
  try {
    await closing; // a close still under way finishes before the document is created again
    await ensureOffscreen(api);
    return (await browser.runtime.sendMessage(req)) as T;
  } finally {
    if (--inFlight === 0) closing = closeOffscreen(api);
  }
}

/** Writes the empty string to the clipboard. Returns whether the write succeeded. */
export async function clearClipboard(): Promise<boolean> {
  if (offscreenApi()) {
    const r = await viaOffscreen<{ ok: boolean }>({ target: 'offscreen', type: 'clipboard:clear' });
    return r?.ok === true;
  }
  return writeEmptyHere();
}

/** Fingerprint of the clipboard's current text, when the optional clipboardRead permission is granted. */
export async function readClipboardFingerprint(): Promise<string | undefined> {
  if (!(await hasClipboardRead())) return undefined;
  if (offscreenApi()) {
    const r = await viaOffscreen<{ fingerprint?: string }>({ target: 'offscreen', type: 'clipboard:fingerprint' });
    return r?.fingerprint;
  }
  const text = await navigator.clipboard.readText().catch(() => undefined);
  return text === undefined ? undefined : fingerprintToken(text);
}

export async function hasClipboardRead(): Promise<boolean> {
  return browser.permissions.contains({ permissions: ['clipboardRead'] }).catch(() => false);
}

/** In a document (Firefox background page, Chrome offscreen page): write '' to the clipboard. */
export async function writeEmptyHere(): Promise<boolean> {
  // execCommand('copy') with a copy handler is the one write that works without focus in
  // extension documents (navigator.clipboard.writeText needs a focused document in Chrome).
  const onCopy = (e: ClipboardEvent) => {
    e.preventDefault();
    e.clipboardData?.setData('text/plain', '');
  };
  document.addEventListener('copy', onCopy, { once: true });
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } finally {
    document.removeEventListener('copy', onCopy);
  }
  if (!ok) ok = await navigator.clipboard.writeText('').then(() => true, () => false);
  return ok;
}

/** In a document with clipboardRead: read the clipboard's text (used only to fingerprint it). */
export async function readTextHere(): Promise<string | undefined> {
  const ta = document.createElement('textarea');
  document.body.append(ta);
  ta.focus();
  try {
    if (document.execCommand('paste')) return ta.value;
    return await navigator.clipboard.readText();
  } catch {
    return undefined;
  } finally {
    ta.remove();
  }
}
