import { browser } from 'wxt/browser';

export interface NotificationSpec {
  /** Deterministic id (e.g. `expiry:<tokenId>:7d`): a repeat replaces instead of piling up. */
  id: string;
  title: string;
  message: string;
  buttons?: string[];
}

export async function showNotification(n: NotificationSpec): Promise<string> {
  const options: { type: 'basic'; iconUrl: string; title: string; message: string; buttons?: Array<{ title: string }> } = {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: n.title,
    message: n.message,
  };
  // Firefox does not support notification buttons; Chrome shows up to two.
  if (n.buttons?.length && import.meta.env.CHROME) {
    options.buttons = n.buttons.map((title) => ({ title }));
  }
  return (browser.notifications.create as (id: string, o: typeof options) => Promise<string>)(n.id, options);
}

export async function clearNotification(id: string): Promise<void> {
  await browser.notifications.clear(id);
}
