import { browser } from 'wxt/browser';
import { z } from 'zod';
import { handleMessage } from '@/lib/background/router';
import { onNotificationButton, onNotificationClicked, reconcileReminders } from '@/lib/background/reminders';
import { reconcileClipboard } from '@/lib/background/clipboard';
import { forgetTab } from '@/lib/background/coach';
import { CLIPBOARD_ALARM, REMINDER_ALARM } from '@/lib/platform/alarms';

z.config({ jitless: true });

/**
 * Thin wiring only. Every listener is registered synchronously on start (an MV3 worker, or a
 * Firefox MV3 event page, can be stopped at any moment and restarted by the next event);
 * nothing that must survive lives in module variables.
 */
export default defineBackground(() => {
  const ours = { extensionId: browser.runtime.id, extensionOrigin: new URL(browser.runtime.getURL('/')).origin };

  browser.runtime.onInstalled.addListener(() => void reconcileReminders('installed'));
  browser.runtime.onStartup.addListener(() => void reconcileReminders('startup'));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REMINDER_ALARM) void reconcileReminders('alarm');
    if (alarm.name === CLIPBOARD_ALARM) void reconcileClipboard();
  });
  browser.runtime.onMessage.addListener((raw, sender) => handleMessage(raw, sender, ours));
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && ('inventory' in changes || 'settings' in changes)) void reconcileReminders('storage');
  });

  browser.notifications.onButtonClicked.addListener((id, index) => void onNotificationButton(id, index));
  browser.notifications.onClicked.addListener((id) => void onNotificationClicked(id));
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));

  // Every start of the worker (install, browser start, or woken by any event after being stopped):
  // a clipboard clear that fell due while we were stopped happens now.
  void reconcileClipboard();
});
