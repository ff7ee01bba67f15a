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

/** The toolbar popup (the summary notification's target): the real popup where the browser allows it without a
 * click on the toolbar, else the same page in a tab. */
export async function openPopupPage(): Promise<void> {
  const action = browser.action as unknown as { openPopup?: () => Promise<void> };
  try {
    if (action.openPopup) {
      await action.openPopup();
      return;
    }
  } catch {
    // Not allowed here (no window focused, older browser): fall through to a tab.
  }
  await browser.tabs.create({ url: browser.runtime.getURL('/popup.html'), active: true });
}
