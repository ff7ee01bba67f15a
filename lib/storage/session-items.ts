import { storage } from 'wxt/utils/storage';

/**
 * Session-area items: background only. Content scripts may not touch `storage.session` (Chrome's
 * default access level), so these live apart from items.ts, which content scripts import.
 * Nothing here ever holds a token.
 */
/** A pending clipboard clear: fingerprint + deadline, never the token. Session: survives worker restarts. */
export const pendingClearItem = storage.defineItem<unknown>('session:pendingClipboardClear');
/** Per-tab coach progress (so a reload or a client-side navigation mid-flow resumes). */
export const coachSessionItem = storage.defineItem<unknown>('session:coach');
/** The last write that failed (`lib/background/write-errors.ts`); the popup shows it until dismissed. */
export const writeErrorItem = storage.defineItem<unknown>('session:writeError');
