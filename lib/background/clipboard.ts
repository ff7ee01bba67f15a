import { settingsItem } from '@/lib/storage/items';
import { pendingClearItem } from '@/lib/storage/session-items';
import { parseSettings } from '@/lib/storage/settings';
import { decideClear, onUserCopy, readStatus, startClear, type ClearOutcome, type ClipboardStatus } from '@/lib/clipboard/pending';
import { clearClipboard, readClipboardFingerprint } from '@/lib/platform/clipboard';
import { CLIPBOARD_ALARM, scheduleAlarm } from '@/lib/platform/alarms';

// The precise timer; lost if the worker stops, which is why the deadline is in session storage
// and an alarm backs it up (alarms may be clamped to 30 s in packed Chrome builds).
let timer: ReturnType<typeof setTimeout> | undefined;

async function save(status: ClipboardStatus) {
  await pendingClearItem.setValue(status);
  if (timer) clearTimeout(timer);
  timer = undefined;
  if (status.pending) {
    const delay = Math.max(0, status.pending.deadline - Date.now());
    timer = setTimeout(() => void reconcileClipboard(), delay);
    await scheduleAlarm(CLIPBOARD_ALARM, status.pending.deadline);
  } else {
    await scheduleAlarm(CLIPBOARD_ALARM, null);
  }
}

export async function getClipboardStatus(): Promise<ClipboardStatus> {
  return readStatus(await pendingClearItem.getValue());
}

/**
 * The countdown's poll. A clear that is overdue (its timer died with a worker and the alarm has not
 * fired yet) happens now: any wake-up of the worker is a chance to keep the promise.
 */
export async function pollClipboardStatus(): Promise<ClipboardStatus> {
  const status = await getClipboardStatus();
  if (status.pending && Date.now() >= status.pending.deadline) return reconcileClipboard();
  return status;
}

/** The overlay wrote the token to the clipboard in the user's click. */
export async function onTokenCopied(fingerprint: string): Promise<ClipboardStatus> {
  const { settings } = parseSettings(await settingsItem.getValue());
  const pending = startClear(fingerprint, Date.now(), settings.clipboardClearSeconds);
  const status: ClipboardStatus = { pending };
  await save(status);
  return status;
}

/** The user copied or cut something in a Wati tab. */
export async function onUserCopied(fingerprint: string | undefined): Promise<void> {
  const status = await getClipboardStatus();
  if (onUserCopy(status.pending, fingerprint) === 'cancel') {
    await save({ pending: null, last: { outcome: 'cancelled-user-copied', at: Date.now() } });
  }
}

/**
 * Wati's page wrote the clipboard (the MAIN-world hook's signal, relayed by the sentry). Any page
 * script can forge that signal, so on its own word it only ever keeps the pending clear: never
 * cancelled, never postponed (this worker re-arms its timer for the same deadline, or clears if
 * overdue). With the exact check (optional clipboardRead) it makes us look at the clipboard now: one
 * that verifiably no longer holds the token is left alone, exactly as the check at the deadline would.
 */
export async function onPageWroteClipboard(fingerprint: string | undefined): Promise<void> {
  const status = await getClipboardStatus();
  if (status.pending && fingerprint !== status.pending.fingerprint) {
    const exact = await readClipboardFingerprint().catch(() => undefined);
    const current = await getClipboardStatus(); // the read may have taken a while
    if (exact !== undefined && current.pending && exact !== current.pending.fingerprint) {
      await save({ pending: null, last: { outcome: 'skipped-clipboard-changed', at: Date.now() } });
      return;
    }
  }
  await reconcileClipboard();
}

/** On worker start, on the alarm and on the timer: clear if due. */
export async function reconcileClipboard(): Promise<ClipboardStatus> {
  const status = await getClipboardStatus();
  if (!status.pending) return status;
  const now = Date.now();
  if (decideClear(status.pending, now) === 'wait') {
    await save(status); // re-arm the timer in this (possibly new) worker
    return status;
  }
  const exact = await readClipboardFingerprint();
  const decision = decideClear(status.pending, now, exact);
  let outcome: ClearOutcome = 'skipped-clipboard-changed';
  if (decision === 'clear') outcome = (await clearClipboard().catch(() => false)) ? 'cleared' : 'failed';
  const next: ClipboardStatus = { pending: null, last: { outcome, at: Date.now() } };
  await save(next);
  return next;
}
