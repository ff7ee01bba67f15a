import { browser } from 'wxt/browser';

export const REMINDER_ALARM = 'reminders:next';
export const CLIPBOARD_ALARM = 'clipboard:clear';

/** Sets (or replaces) a named one-shot alarm at `when` (ms since epoch); `null` removes it. */
export async function scheduleAlarm(name: string, when: number | null): Promise<void> {
  if (when === null) {
    await browser.alarms.clear(name);
    return;
  }
  // Chrome clamps packed extensions to >= 30 s; callers that need sooner also keep a timer.
  await browser.alarms.create(name, { when: Math.max(when, Date.now() + 1000) });
}

export async function readAlarm(name: string) {
  return browser.alarms.get(name);
}
