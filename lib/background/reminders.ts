import { reminderStateItem, settingsItem } from '@/lib/storage/items';
import { parseSettings } from '@/lib/storage/settings';
import { evaluateReminders, workspaceAttention, parseReminderState, snooze, type AttentionItem } from '@/lib/reminders/engine';
import { applyBadge } from '@/lib/platform/badge';
import { REMINDER_ALARM, scheduleAlarm } from '@/lib/platform/alarms';
import { showNotification, clearNotification } from '@/lib/platform/notifications';
import { openPopupPage } from '@/lib/platform/tabs';
import { findById } from '@/lib/tokens/record';
import { readInventory } from './inventory';
import { openCoach } from './coach';
import { tokenPageFor } from './token-pages';
import { workspaceBase } from './workspace';
import { isInScope, type WorkspaceScope } from '@/lib/messaging/scope';
import { recordWriteError, writeErrorMessage } from './write-errors';

/** Individual notifications per reminder pass; the rest are one summary (review #10, finding 6: 2,000 due tokens
 * must not be 2,000 system notifications). */
export const MAX_INDIVIDUAL_NOTIFICATIONS = 3;
/** The summary's id: deterministic, so a later pass replaces it; a click opens the popup. */
export const SUMMARY_NOTIFICATION_ID = 'summary:attention';

const timeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
let running: Promise<void> = Promise.resolve();

/**
 * Evaluates every token against the clock: delivers each due milestone once (deterministic
 * notification ids), sets the badge, and sets ONE alarm for the next moment anything can change.
 * Runs on install, startup, the alarm, and any inventory or settings change. Serialised, so two
 * triggers at once cannot deliver the same milestone twice.
 */
export function reconcileReminders(_reason: string): Promise<void> {
  running = running.then(run, run);
  return running;
}

async function run(): Promise<void> {
  const now = Date.now();
  const [{ inventory }, { settings }, state] = await Promise.all([
    readInventory(now),
    settingsItem.getValue().then(parseSettings),
    reminderStateItem.getValue().then(parseReminderState),
  ]);
  const result = evaluateReminders({ inventory, settings: settings.reminders, state, now, timeZone: timeZone() });
  const individual = result.notify.slice(0, MAX_INDIVIDUAL_NOTIFICATIONS);
  for (const n of individual) {
    await showNotification({ id: n.id, title: n.title, message: n.message, buttons: ['Rotate now', 'Snooze 1 day'] }).catch(() => undefined);
  }
  // The rest are marked delivered like the others (the summary delivered them) and counted by token.
  const shownTokens = new Set(individual.map((n) => tokenIdOfNotification(n.id)));
  const more = new Set(result.notify.slice(MAX_INDIVIDUAL_NOTIFICATIONS).map((n) => tokenIdOfNotification(n.id)).filter((id) => !shownTokens.has(id)));
  if (more.size > 0) {
    await showNotification({
      id: SUMMARY_NOTIFICATION_ID,
      title: 'Wati Token Guard',
      message: `${more.size} more token${more.size === 1 ? ' needs' : 's need'} attention. Open Wati Token Guard to see them.`,
    }).catch(() => undefined);
  }
  await reminderStateItem.setValue(result.nextState).catch((e: unknown) => recordWriteError('reminders', writeErrorMessage(e)));
  await applyBadge({ text: result.badge.text, color: result.badge.color, title: result.badge.title });
  await scheduleAlarm(REMINDER_ALARM, result.nextWakeAt);
}

/** The banner's list for `ws`; with a `scope` (a content script's), only that workspace's records count. */
export async function attentionFor(ws: { host: string; tenantId?: string }, scope?: WorkspaceScope): Promise<AttentionItem[]> {
  const now = Date.now();
  const [{ inventory }, { settings }] = await Promise.all([readInventory(now), settingsItem.getValue().then(parseSettings)]);
  const visible = scope ? { ...inventory, records: inventory.records.filter((r) => isInScope(r.workspace, scope)) } : inventory;
  return workspaceAttention(visible, settings.reminders, now, timeZone(), { tenantId: ws.tenantId ?? '', host: ws.host });
}

export async function workspaceNeedsAttention(ws: { host: string; tenantId?: string }, scope?: WorkspaceScope): Promise<boolean> {
  return (await attentionFor(ws, scope)).length > 0;
}

/** `expiry:<id>:7d`, `rotation:<id>`, `dormant:<id>`, `revoke:<id>` → the token id. */
export function tokenIdOfNotification(id: string): string | undefined {
  const i = id.indexOf(':');
  if (i < 0) return undefined;
  const kind = id.slice(0, i);
  const rest = id.slice(i + 1);
  return kind === 'expiry' ? rest.slice(0, rest.lastIndexOf(':')) : rest;
}

export async function snoozeToken(tokenId: string): Promise<void> {
  const state = parseReminderState(await reminderStateItem.getValue());
  await reminderStateItem.setValue(snooze(state, tokenId, Date.now()));
  await reconcileReminders('snooze');
}

/** "Rotate now": the workspace's API Tokens page, with the coach pre-filled from the old token. */
export async function rotateToken(tokenId: string): Promise<boolean> {
  const { inventory } = await readInventory();
  const rec = findById(inventory, tokenId);
  if (!rec) return false;
  const baseUrl = workspaceBase(rec.workspace) ?? 'https://app.wati.io/';
  await openCoach({ baseUrl, url: await tokenPageFor(baseUrl), rotateTokenId: tokenId });
  return true;
}

/** A click on a notification's body: the summary opens the popup, a token's reminder opens its rotation. */
export async function onNotificationClicked(notificationId: string): Promise<void> {
  if (notificationId === SUMMARY_NOTIFICATION_ID) {
    await openPopupPage();
    await clearNotification(notificationId).catch(() => undefined);
    return;
  }
  const tokenId = tokenIdOfNotification(notificationId);
  if (tokenId) await rotateToken(tokenId);
}

export async function onNotificationButton(notificationId: string, buttonIndex: number): Promise<void> {
  const tokenId = notificationId === SUMMARY_NOTIFICATION_ID ? undefined : tokenIdOfNotification(notificationId);
  if (!tokenId) return;
  if (buttonIndex === 0) await rotateToken(tokenId);
  else await snoozeToken(tokenId);
  await clearNotification(notificationId).catch(() => undefined);
}
