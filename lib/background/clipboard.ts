import { settingsItem } from '@/lib/storage/items';
import { pendingClearItem } from '@/lib/storage/session-items';
import { parseSettings } from '@/lib/storage/settings';
import { decideClear, onUserCopy, readStatus, startClear, type ClearOutcome, type ClipboardStatus } from '@/lib/clipboard/pending';
import { clearClipboard, readClipboardFingerprint } from '@/lib/platform/clipboard';
import { CLIPBOARD_ALARM, scheduleAlarm } from '@/lib/platform/alarms';

// The precise timer; lost if the worker stops, which is why the deadline is in session storage
// and an alarm backs it up (alarms may be clamped to 30 s in packed Chrome builds).
let timer: ReturnType<typeof setTimeout> | undefined;

/**
 * ONE queue for everything that reads or writes the pending clear (a copy, a cancel, the clear itself): each step
 * reads the stored state inside its turn, so none acts on a state another has already changed, and a cancel that
 * arrives before the clear's turn always wins (security review, issue 10 finding 12). In memory only: a worker that
 * dies loses the queue, not the state (every step starts from storage).
 */
let queue: Promise<unknown> = Promise.resolve();
function serial<T>(step: () => Promise<T>): Promise<T> {
  const run = queue.then(step, step);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * Copies seen since the worker started, stamped on ARRIVAL (before they wait for their turn): a clear already in
 * its turn (reading the clipboard for the exact check) looks here just before it writes, so a copy that lands in
 * that gap is never wiped. Bounded; a copy older than a running clear is irrelevant to it.
 */
let copySeq = 0;
const recentCopies: Array<{ seq: number; fingerprint: string | undefined }> = [];
function noteCopy(fingerprint: string | undefined): void {
  recentCopies.push({ seq: ++copySeq, fingerprint });
  if (recentCopies.length > 32) recentCopies.shift();
}
function copiedOtherSince(seq: number, tokenFingerprint: string): boolean {
  return recentCopies.some((c) => c.seq > seq && c.fingerprint !== tokenFingerprint);
}

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
export function onTokenCopied(fingerprint: string): Promise<ClipboardStatus> {
  noteCopy(fingerprint);
  const copiedAt = Date.now(); // the countdown starts at the copy, not when its turn in the queue comes
  return serial(async () => {
    const { settings } = parseSettings(await settingsItem.getValue());
    const pending = startClear(fingerprint, copiedAt, settings.clipboardClearSeconds);
    const status: ClipboardStatus = { pending };
    await save(status);
    return status;
  });
}

/** The user copied or cut something in a Wati tab. */
export function onUserCopied(fingerprint: string | undefined): Promise<void> {
  noteCopy(fingerprint);
  return serial(async () => {
    const status = await getClipboardStatus();
    if (onUserCopy(status.pending, fingerprint) === 'cancel') {
      await save({ pending: null, last: { outcome: 'cancelled-user-copied', at: Date.now() } });
    }
  });
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
export function reconcileClipboard(): Promise<ClipboardStatus> {
  const seqAtStart = copySeq;
  return serial(async () => {
    const status = await getClipboardStatus(); // read inside the turn: never a state from before a cancel
    if (!status.pending) return status;
    const now = Date.now();
    if (decideClear(status.pending, now) === 'wait') {
      await save(status); // re-arm the timer in this (possibly new) worker
      return status;
    }
    const exact = await readClipboardFingerprint();
    let outcome: ClearOutcome;
    if (copiedOtherSince(seqAtStart, status.pending.fingerprint)) {
      // Something else was copied while we were deciding: its own queued step would cancel us, too late.
      outcome = 'cancelled-user-copied';
    } else if (decideClear(status.pending, now, exact) === 'clear') {
      outcome = (await clearClipboard().catch(() => false)) ? 'cleared' : 'failed';
    } else outcome = 'skipped-clipboard-changed';
    const next: ClipboardStatus = { pending: null, last: { outcome, at: Date.now() } };
    await save(next);
    return next;
  });
}
