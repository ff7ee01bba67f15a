import { browser } from 'wxt/browser';

/** Focuses a tab whose URL starts with `prefix` (navigating it to `url`), or opens `url` in a new tab. */
export async function openOrFocusTab(url: string, prefix: string): Promise<number | undefined> {
  const tabs = await browser.tabs.query({ url: 'https://*.wati.io/*' });
  const existing = tabs.find((t) => t.url?.startsWith(prefix));
  if (existing?.id !== undefined) {
    await browser.tabs.update(existing.id, { url, active: true });
    if (existing.windowId !== undefined) await browser.windows.update(existing.windowId, { focused: true }).catch(() => {});
    return existing.id;
  }
  const created = await browser.tabs.create({ url, active: true });
  return created.id;
}

export async function sendToTab(tabId: number, message: unknown): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, message).catch(() => undefined);
}
