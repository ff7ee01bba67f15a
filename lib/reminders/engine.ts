import { localIsoDate } from '@/lib/reminders/calendar';
import { assessRecord, type DueReminder, type RecordAssessment, type ReminderKind } from '@/lib/reminders/milestones';
import { normaliseMilestones, type ReminderSettings } from '@/lib/reminders/settings';
import { tokenState, type ReminderState, type TokenReminderState, REMINDER_STATE_VERSION } from '@/lib/reminders/state';
import { sameWorkspace, type Inventory, type TokenRecord, type WorkspaceRef } from '@/lib/tokens/record';

export { snooze, clearSnooze, emptyReminderState, parseReminderState } from '@/lib/reminders/state';

/**
 * The reminder engine: given the inventory, the settings, what was already delivered and `now`,
 * decides what to notify, what to remember, when to wake up next and what the badge shows.
 * Pure: the background stores `nextState`, shows `notify`, sets an alarm at `nextWakeAt`.
 */

export type Severity = 'info' | 'warning' | 'critical';

export interface ReminderNotification {
  /** Deterministic notification id (= reminder key), e.g. `expiry:<tokenId>:7d`: a repeat replaces. */
  id: string;
  tokenId: string;
  kind: ReminderKind;
  /** `30d`…`1d`, `today`, `overdue`, or the kind. */
  step: string;
  title: string;
  message: string;
  severity: Severity;
  /** Calendar days to expiry (negative = overdue) when the token has one. */
  daysLeft: number | null;
}

export const BADGE_COLORS = { red: '#d93025', orange: '#e8710a', amber: '#f9ab00' } as const;

export interface Badge {
  count: number;
  /** What to show on the icon: '' when nothing needs attention, '99+' above 99. */
  text: string;
  color: string;
  severity: Severity;
  /** Tooltip. */
  title: string;
}

export interface EvaluateInput {
  inventory: Inventory;
  settings: ReminderSettings;
  state: ReminderState;
  now: number;
  timeZone: string;
}

export interface EvaluateResult {
  notify: ReminderNotification[];
  nextState: ReminderState;
  /** Next instant at which anything could become due (a local midnight, an expiry, a revokeAt, a snooze end), or null. */
  nextWakeAt: number | null;
  badge: Badge;
}

export type AttentionKind = 'overdue' | 'expiring' | 'rotation' | 'dormant' | 'revoke';

export interface AttentionItem {
  tokenId: string;
  name: string;
  kinds: AttentionKind[];
  /** Calendar days to expiry (negative = overdue), null without expiry. */
  daysLeft: number | null;
  expiryDate: string | null;
  severity: Severity;
  color: string;
  /** One human line for the banner, e.g. `Expires in 5 days (2026-12-31)`. */
  line: string;
}

// ---------------------------------------------------------------------------------------------

function workspaceName(r: TokenRecord): string {
  return r.workspace.label || (r.workspace.tenantId !== 'unknown' && r.workspace.tenantId) || r.workspace.host || 'unknown workspace';
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function expirySeverity(a: RecordAssessment): Severity {
  if (a.expired || (a.daysLeft !== null && a.daysLeft <= 1)) return 'critical';
  if (a.daysLeft !== null && a.daysLeft <= 7) return 'warning';
  return 'info';
}

function describeReminder(
  due: DueReminder,
  a: RecordAssessment,
  byId: Map<string, TokenRecord>,
  settings: ReminderSettings,
): Pick<ReminderNotification, 'title' | 'message' | 'severity'> {
  const r = a.record;
  const who = `"${r.name}" (${workspaceName(r)})`;
  switch (due.kind) {
    case 'expiry': {
      const d = a.daysLeft ?? 0;
      if (due.step === 'overdue') {
        return {
          title: 'Wati API token expired',
          message: `${who} expired ${d < 0 ? `${plural(-d, 'day')} ago` : 'today'} (${a.expiryDate}). Integrations using it now get 401 errors: generate a new token and replace it.`,
          severity: 'critical',
        };
      }
      const when = d <= 0 ? 'today' : d === 1 ? 'tomorrow' : `in ${plural(d, 'day')}`;
      return {
        title: `Wati API token expires ${when}`,
        message: `${who} expires on ${a.expiryDate}. Generate its replacement and update the integration before it stops working.`,
        severity: expirySeverity(a),
      };
    }
    case 'rotation': {
      const interval = r.rotationIntervalDays ?? settings.rotationIntervalDays;
      return {
        title: 'Time to rotate a Wati API token',
        message: `${who} is due for rotation since ${a.rotationDueDate} (every ${plural(interval, 'day')}). Replace it with a fresh token: Wati recommends rotating every 6 months.`,
        severity: 'info',
      };
    }
    case 'dormant':
      return {
        title: 'Is this Wati API token still used?',
        message: `${who} has not been confirmed working for ${plural(a.idleDays ?? 0, 'day')}. Wati expired dormant tokens in its February 2026 key rotation: check it still works, or revoke it.`,
        severity: 'warning',
      };
    case 'revoke': {
      const next = r.replacedBy ? byId.get(r.replacedBy) : undefined;
      return {
        title: 'Revoke the replaced Wati API token',
        message: `${who} was replaced${next ? ` by "${next.name}"` : ''} and its planned revoke time has passed. Revoke it on the API Tokens page so it stops working.`,
        severity: 'warning',
      };
    }
  }
}

type Color = keyof typeof BADGE_COLORS;
const COLOR_RANK: Record<Color, number> = { amber: 0, orange: 1, red: 2 };
const COLOR_SEVERITY: Record<Color, Severity> = { amber: 'info', orange: 'warning', red: 'critical' };

/** Why a record needs attention (independent of what was delivered or snoozed), and its badge colour. */
function attentionOf(a: RecordAssessment, maxMilestone: number): { kinds: AttentionKind[]; color: Color } | null {
  const kinds: AttentionKind[] = [];
  let color: Color = 'amber';
  if (a.expired) {
    kinds.push('overdue');
    color = 'red';
  } else if (a.daysLeft !== null && a.daysLeft <= maxMilestone) {
    kinds.push('expiring');
    color = a.daysLeft <= 1 ? 'red' : a.daysLeft <= 7 ? 'orange' : 'amber';
  }
  if (a.rotationDue) kinds.push('rotation');
  if (a.dormant) kinds.push('dormant');
  if (a.revokeDue) kinds.push('revoke');
  return kinds.length ? { kinds, color } : null;
}

function attentionLine(a: RecordAssessment, kinds: AttentionKind[]): string {
  const parts: string[] = [];
  const d = a.daysLeft ?? 0;
  if (kinds.includes('overdue')) parts.push(d < 0 ? `Expired ${plural(-d, 'day')} ago (${a.expiryDate})` : `Expired today (${a.expiryDate})`);
  if (kinds.includes('expiring')) parts.push(d <= 0 ? `Expires today (${a.expiryDate})` : d === 1 ? `Expires tomorrow (${a.expiryDate})` : `Expires in ${plural(d, 'day')} (${a.expiryDate})`);
  if (kinds.includes('rotation')) parts.push(`Rotation due since ${a.rotationDueDate}`);
  if (kinds.includes('dormant')) parts.push(`Not confirmed working for ${plural(a.idleDays ?? 0, 'day')}`);
  if (kinds.includes('revoke')) parts.push('Replaced: revoke it now');
  return parts.join(' · ');
}

function maxMilestoneOf(settings: ReminderSettings): number {
  return normaliseMilestones(settings.milestonesDays)[0] ?? 0;
}

// ---------------------------------------------------------------------------------------------

/**
 * One evaluation. Rules:
 * - each reminder key is delivered once per basis (a changed expiry date re-arms its milestones);
 * - several expiry milestones passed at once (the browser was off): only the most urgent is
 *   notified, the skipped ones are marked delivered;
 * - a snoozed token notifies nothing until its snooze ends (nothing is marked delivered meanwhile,
 *   so the most urgent pending reminder arrives when it ends); the badge still counts it;
 * - notifications disabled: nothing notified nor marked, the badge still works;
 * - calling again with the same `now` and the returned state notifies nothing (restart safety).
 */
export function evaluateReminders(input: EvaluateInput): EvaluateResult {
  const { inventory, settings, state, now, timeZone } = input;
  const byId = new Map(inventory.records.map((r) => [r.id, r]));
  const maxMilestone = maxMilestoneOf(settings);
  const notify: ReminderNotification[] = [];
  const nextTokens: Array<[string, TokenReminderState]> = [];
  let nextWakeAt = Number.POSITIVE_INFINITY;
  let count = 0;
  let worst: Color | null = null;

  for (const record of inventory.records) {
    const a = assessRecord(record, settings, now, timeZone);
    const prev = tokenState(state, record.id);
    const delivered: Record<string, string> = { ...(prev?.delivered ?? {}) };
    const snoozedUntil = prev?.snoozedUntil !== undefined && prev.snoozedUntil > now ? prev.snoozedUntil : undefined;
    const canNotify = settings.notificationsEnabled && snoozedUntil === undefined;
    const isDelivered = (d: DueReminder) => Object.hasOwn(delivered, d.key) && delivered[d.key] === d.basis;
    let pending = false;

    const groups = new Map<ReminderKind, DueReminder[]>();
    for (const d of a.due) groups.set(d.kind, [...(groups.get(d.kind) ?? []), d]);
    for (const due of groups.values()) {
      const mostUrgent = due.reduce((x, y) => (y.urgency > x.urgency ? y : x));
      if (isDelivered(mostUrgent)) {
        // Already told: quietly mark anything less urgent too (e.g. milestones added in settings).
        for (const d of due) if (!isDelivered(d)) delivered[d.key] = d.basis;
        continue;
      }
      if (!canNotify) {
        pending = true;
        continue;
      }
      notify.push({ id: mostUrgent.key, tokenId: record.id, kind: mostUrgent.kind, step: mostUrgent.step, daysLeft: a.daysLeft, ...describeReminder(mostUrgent, a, byId, settings) });
      for (const d of due) delivered[d.key] = d.basis;
    }

    if (a.nextChangeAt !== null) nextWakeAt = Math.min(nextWakeAt, a.nextChangeAt);
    if (pending && snoozedUntil !== undefined && settings.notificationsEnabled) nextWakeAt = Math.min(nextWakeAt, snoozedUntil);

    // Forget deliveries made for a basis that no longer holds (expiry changed, token confirmed
    // working again, rotated...): the state stays small and a new basis re-arms its reminders.
    const basisNow: Record<ReminderKind, string | null> = {
      expiry: record.status === 'active' ? record.expiresAt : null,
      rotation: a.rotationDueDate,
      dormant: a.lastSeenDate,
      revoke: record.status === 'replaced' ? (record.revokeAt ?? null) : null,
    };
    for (const key of Object.keys(delivered)) {
      const kind = key.slice(0, key.indexOf(':')) as ReminderKind;
      if (!Object.hasOwn(basisNow, kind) || basisNow[kind] !== delivered[key]) delete delivered[key];
    }

    const t: TokenReminderState = { delivered };
    if (snoozedUntil !== undefined) t.snoozedUntil = snoozedUntil;
    if (Object.keys(delivered).length > 0 || snoozedUntil !== undefined) nextTokens.push([record.id, t]);

    const att = attentionOf(a, maxMilestone);
    if (att) {
      count++;
      if (worst === null || COLOR_RANK[att.color] > COLOR_RANK[worst]) worst = att.color;
    }
  }

  // Most urgent first, so a caller that shows only a few shows the ones that matter.
  const rank: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };
  notify.sort((x, y) => rank[x.severity] - rank[y.severity]);

  const color: Color = worst ?? 'amber';
  const badge: Badge = {
    count,
    text: count === 0 ? '' : count > 99 ? '99+' : String(count),
    color: BADGE_COLORS[color],
    severity: COLOR_SEVERITY[color],
    title: count === 0 ? 'Wati Token Guard' : `Wati Token Guard: ${plural(count, 'token')} need${count === 1 ? 's' : ''} attention`,
  };

  return {
    notify,
    nextState: { version: REMINDER_STATE_VERSION, tokens: Object.fromEntries(nextTokens) },
    nextWakeAt: Number.isFinite(nextWakeAt) ? nextWakeAt : null,
    badge,
  };
}

/**
 * The tokens of one workspace that need attention (for the dashboard banner), most urgent first.
 * Independent of delivery and snoozes: the banner shows the situation, not the notification log.
 */
export function workspaceAttention(
  inventory: Inventory,
  settings: ReminderSettings,
  now: number,
  timeZone: string,
  tenantId: string | WorkspaceRef,
): AttentionItem[] {
  const ref = typeof tenantId === 'string' ? { tenantId } : tenantId;
  const maxMilestone = maxMilestoneOf(settings);
  const items: Array<AttentionItem & { rank: number }> = [];
  for (const record of inventory.records) {
    if (!sameWorkspace(record.workspace, ref)) continue;
    const a = assessRecord(record, settings, now, timeZone);
    const att = attentionOf(a, maxMilestone);
    if (!att) continue;
    items.push({
      tokenId: record.id,
      name: record.name,
      kinds: att.kinds,
      daysLeft: a.daysLeft,
      expiryDate: a.expiryDate,
      severity: COLOR_SEVERITY[att.color],
      color: BADGE_COLORS[att.color],
      line: attentionLine(a, att.kinds),
      rank: COLOR_RANK[att.color],
    });
  }
  items.sort((x, y) => y.rank - x.rank || (x.daysLeft ?? Infinity) - (y.daysLeft ?? Infinity) || x.name.localeCompare(y.name));
  return items.map(({ rank: _rank, ...item }) => item);
}

/** Local `YYYY-MM-DD` of an instant (for callers formatting their own lines). */
export function formatLocalDate(ms: number, timeZone: string): string {
  return localIsoDate(ms, timeZone);
}
