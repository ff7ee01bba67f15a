import { z } from 'zod';

/**
 * What the reminders remember between runs (stored by the caller under `local:reminderState`):
 * per token, the reminder keys already delivered (each with the basis it was computed from, so a
 * changed expiry date re-arms its milestones) and a snooze end.
 */

export const REMINDER_STATE_VERSION = 1;
export const SNOOZE_MS = 86_400_000;

export interface TokenReminderState {
  /** Reminder key (= notification id) → the basis it was delivered for. */
  delivered: Record<string, string>;
  /** Notifications for this token are held back until this instant (ms). */
  snoozedUntil?: number;
}

export interface ReminderState {
  version: typeof REMINDER_STATE_VERSION;
  tokens: Record<string, TokenReminderState>;
}

const TokenStateSchema = z.object({
  delivered: z.record(z.string(), z.string()),
  snoozedUntil: z.number().optional(),
});

export function emptyReminderState(): ReminderState {
  return { version: REMINDER_STATE_VERSION, tokens: {} };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Own-property read (token ids come from user data; `__proto__` must not reach the prototype). */
export function tokenState(state: ReminderState, tokenId: string): TokenReminderState | undefined {
  return Object.hasOwn(state.tokens, tokenId) ? state.tokens[tokenId] : undefined;
}

/**
 * Reads a stored state. Never throws; what cannot be read is dropped token by token. Losing it costs
 * at most one repeated notification per token (the most urgent one), never a missed one.
 */
export function parseReminderState(raw: unknown): ReminderState {
  if (!isObject(raw) || raw.version !== REMINDER_STATE_VERSION || !isObject(raw.tokens)) return emptyReminderState();
  const entries: Array<[string, TokenReminderState]> = [];
  for (const [id, v] of Object.entries(raw.tokens)) {
    const r = TokenStateSchema.safeParse(v);
    if (r.success) {
      const t: TokenReminderState = { delivered: Object.fromEntries(Object.entries(r.data.delivered)) };
      if (r.data.snoozedUntil !== undefined) t.snoozedUntil = r.data.snoozedUntil;
      entries.push([id, t]);
    } else if (isObject(v) && isObject(v.delivered)) {
      const delivered = Object.entries(v.delivered).filter((e): e is [string, string] => typeof e[1] === 'string');
      entries.push([id, { delivered: Object.fromEntries(delivered) }]);
    }
  }
  return { version: REMINDER_STATE_VERSION, tokens: Object.fromEntries(entries) };
}

function withToken(state: ReminderState, tokenId: string, t: TokenReminderState): ReminderState {
  const entries = Object.entries(state.tokens).filter(([id]) => id !== tokenId);
  entries.push([tokenId, t]);
  return { ...state, tokens: Object.fromEntries(entries) };
}

/**
 * Holds back this token's notifications for `durationMs` (1 day by default). The badge and the
 * banner still count it. Reminders that fall due meanwhile are delivered (the most urgent) at the end.
 */
export function snooze(state: ReminderState, tokenId: string, now: number, durationMs: number = SNOOZE_MS): ReminderState {
  const t = tokenState(state, tokenId);
  return withToken(state, tokenId, { delivered: { ...(t?.delivered ?? {}) }, snoozedUntil: now + durationMs });
}

export function clearSnooze(state: ReminderState, tokenId: string): ReminderState {
  const t = tokenState(state, tokenId);
  if (!t) return state;
  return withToken(state, tokenId, { delivered: { ...t.delivered } });
}
