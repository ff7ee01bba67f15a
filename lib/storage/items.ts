import { storage } from 'wxt/utils/storage';

/**
 * Every stored item of the extension, in one place. Values are stored raw and validated on every
 * read by the matching `parseX` function (see settings.ts, lib/tokens/record.ts): WXT's own
 * versioning is not used because our versions live inside the values, where tests can see them.
 *
 * Nothing here ever holds a token: only metadata, fingerprints and deadlines.
 */
export const settingsItem = storage.defineItem<unknown>('local:settings');
export const inventoryItem = storage.defineItem<unknown>('local:inventory');
/** Reminder delivery state (which milestones were delivered, snoozes). */
export const reminderStateItem = storage.defineItem<unknown>('local:reminderState');
/** Token page URLs seen per workspace, so the coach and the popup can take the user there. */
export const tokenPagesItem = storage.defineItem<unknown>('local:tokenPages');
