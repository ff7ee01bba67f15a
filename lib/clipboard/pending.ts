import { z } from 'zod';

/**
 * The pending clipboard clear. Kept in session storage so it survives the background being
 * stopped; holds a one-way fingerprint and a deadline, NEVER the token.
 *
 * Rules (better than Bitwarden's blind clear and KeePassXC's in-memory timer):
 * - it clears only what we wrote: a later copy or cut of anything else in a Wati tab cancels it,
 *   and with the optional exact check, a clipboard that no longer holds the token is left alone;
 * - it survives the page closing and the worker restarting (the deadline is in storage and an
 *   alarm backs up the in-memory timer).
 */
export const PendingClearSchema = z.object({
  fingerprint: z.string().regex(/^sha256:[0-9a-f]{16}$/),
  deadline: z.number().int().positive(),
  copiedAt: z.number().int().positive(),
});
export type PendingClear = z.infer<typeof PendingClearSchema>;

export type ClearOutcome = 'cleared' | 'cancelled-user-copied' | 'skipped-clipboard-changed' | 'failed';

export interface ClipboardStatus {
  pending: PendingClear | null;
  last?: { outcome: ClearOutcome; at: number };
}

export const ClipboardStatusSchema = z.object({
  pending: PendingClearSchema.nullable(),
  last: z.object({ outcome: z.enum(['cleared', 'cancelled-user-copied', 'skipped-clipboard-changed', 'failed']), at: z.number() }).optional(),
});

export function readStatus(raw: unknown): ClipboardStatus {
  const r = ClipboardStatusSchema.safeParse(raw);
  return r.success ? r.data : { pending: null };
}

/** A token was copied: start (or restart) the countdown, unless clearing is off. */
export function startClear(fingerprint: string, now: number, seconds: number): PendingClear | null {
  if (seconds <= 0) return null;
  return { fingerprint, deadline: now + seconds * 1000, copiedAt: now };
}

/** The user copied or cut something in a Wati tab. Copying the token again keeps the clear. */
export function onUserCopy(pending: PendingClear | null, copiedFingerprint: string | undefined): 'keep' | 'cancel' | 'none' {
  if (!pending) return 'none';
  return copiedFingerprint === pending.fingerprint ? 'keep' : 'cancel';
}

/**
 * Time to decide. `clipboardFingerprint` is what the exact check read (undefined when the check
 * is off or not permitted: then the copy-event rule above is all we have).
 */
export function decideClear(pending: PendingClear | null, now: number, clipboardFingerprint?: string): 'wait' | 'clear' | 'skip' | 'none' {
  if (!pending) return 'none';
  if (now < pending.deadline) return 'wait';
  if (clipboardFingerprint !== undefined && clipboardFingerprint !== pending.fingerprint) return 'skip';
  return 'clear';
}
