import { writeErrorItem } from '@/lib/storage/session-items';

/**
 * Failed writes are never silent (security review, issue 10 finding 6): at the storage quota every write fails,
 * and a capture lost without a word is a token nobody will be reminded about. The last failure is kept in
 * `storage.session` (its own quota, so it can still be written when `local` is full) until the user dismisses it
 * in the popup (`save-error`).
 */
export interface WriteError {
  /** Which store failed: `inventory`, `reminders`, `token-pages`, or `sync` (rows left out of a full workspace). */
  what: string;
  /** Shown as is: starts with "Could not save". */
  message: string;
  at: number;
}

export function writeErrorMessage(err: unknown): string {
  const reason = err instanceof Error ? err.message : String(err);
  return `Could not save: ${reason || 'the browser refused the write'}`;
}

export async function recordWriteError(what: string, message: string): Promise<void> {
  await writeErrorItem.setValue({ what, message, at: Date.now() } satisfies WriteError).catch(() => undefined);
}

export async function readWriteError(): Promise<WriteError | undefined> {
  const v = (await writeErrorItem.getValue()) as Partial<WriteError> | null;
  return v && typeof v.message === 'string' && typeof v.what === 'string' && typeof v.at === 'number' ? (v as WriteError) : undefined;
}
