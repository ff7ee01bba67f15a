import { browser } from 'wxt/browser';

/** The toolbar badge. MV3 (Chrome, Firefox MV3) has `action`; MV2 builds have `browserAction`. */
function action() {
  return browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
}

export async function applyBadge(badge: { text: string; color: string; title?: string }): Promise<void> {
  const a = action();
  await a.setBadgeText({ text: badge.text });
  if (badge.text) await a.setBadgeBackgroundColor({ color: badge.color });
  await a.setTitle({ title: badge.title ?? 'Wati Token Guard' });
}

export async function readBadgeText(): Promise<string> {
  return action().getBadgeText({});
}
