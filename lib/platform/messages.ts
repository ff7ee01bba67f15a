import { browser } from 'wxt/browser';
import type { Request } from '@/lib/messaging/protocol';

/** Sends a protocol message to the background. Never throws: a dead background answers undefined. */
export async function sendToBackground<T = unknown>(req: Request): Promise<T | undefined> {
  try {
    return (await browser.runtime.sendMessage(req)) as T;
  } catch {
    return undefined;
  }
}

/** Messages the background (or the popup) sends to this tab's overlay. */
export function onTabMessage(handler: (msg: unknown) => void, signal: AbortSignal): void {
  const listener = (msg: unknown) => {
    handler(msg);
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}
