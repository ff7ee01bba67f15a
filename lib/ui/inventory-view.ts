import { isValidTimeZone, localDayNumber } from '@/lib/reminders/calendar';
import type { AttentionKind, Severity } from '@/lib/reminders/engine';
import { normaliseMilestones, type ReminderSettings } from '@/lib/reminders/settings';
import { DAY_MS, dayNumberToIsoDate, isIsoDateOnly, isoDateToDayNumber, isoToMs } from '@/lib/tokens/dates';
import type { Inventory, TokenRecord } from '@/lib/tokens/record';

/**
 * What the popup shows: the inventory grouped by workspace, most urgent first, each token with its
 * days left and the reasons it needs attention. Pure (takes `now` and `timeZone`), computed once per
 * inventory change.
 *
 * The judgement is the reminder engine's (lib/reminders `assessRecord` + the badge's attention rule):
 * same calendar-day counting, same thresholds, and a unit test checks the two agree on random
 * inventories. It is recomputed here rather than called because `assessRecord` also works out the
 * next wake-up instant (several `Intl.formatToParts` calls per token): ~45 ms for 1,000 tokens, half
 * the popup's first-render budget. Here each distinct date is turned into a local day once, with a
 * date-only `format` call (several times faster than `formatToParts`).
 */

export type RowBucket =
  /** Active and past its expiry. */
  | 'overdue'
  /** Active, expiring within the largest reminder milestone. */
  | 'expiring'
  /** Rotation or dormancy due (active), or a replaced token whose revoke time has passed. */
  | 'action'
  /** Active, nothing due. */
  | 'ok'
  | 'replaced'
  | 'revoked';

const BUCKET_RANK: Record<RowBucket, number> = { overdue: 0, expiring: 1, action: 2, ok: 3, replaced: 4, revoked: 5 };

export interface AttentionReason {
  kind: AttentionKind;
  /** Short chip text, e.g. `Rotation due since 2026-05-01`. */
  text: string;
}

export interface TokenRowView {
  id: string;
  name: string;
  status: TokenRecord['status'];
  source: TokenRecord['source'];
  scopes: string[];
  workspaceKey: string;
  /** The stored value (date or date-time), for editing. */
  expiresAt: string | null;
  /** Local `YYYY-MM-DD` of the expiry, null without one. */
  expiryDate: string | null;
  /** Calendar days to the expiry date (negative once past); null without expiry or when not active. */
  daysLeft: number | null;
  /** Active and past its expiry instant. */
  expired: boolean;
  /** `12 days left`, `expires today`, `expired 3 days ago`, `no expiry`; '' for revoked / replaced tokens. */
  expiryText: string;
  /** Local `YYYY-MM-DD` of the creation date. */
  createdDate: string;
  notes: string;
  reasons: AttentionReason[];
  /** The badge colour's meaning for this token; null when it needs no attention. */
  severity: Severity | null;
  bucket: RowBucket;
  /** For replaced tokens: when it should be revoked (as stored). */
  revokeAt?: string;
}

export interface WorkspaceGroupView {
  key: string;
  /** `Acme — live.wati.io · 10234`, `live.wati.io · 10234`, `app.wati.io`, or `Unknown workspace`. */
  title: string;
  host: string | null;
  tenantId: string | null;
  /** What `coach:open` takes to open this workspace; undefined when the host is unknown. */
  coachTarget?: { host: string; tenantId?: string };
  rows: TokenRowView[];
  attentionCount: number;
  severity: Severity | null;
}

export interface InventoryView {
  groups: WorkspaceGroupView[];
  total: number;
  /** Tokens needing attention (the badge's count). */
  attentionCount: number;
  /** Local `YYYY-MM-DD` of `now` (edit validation compares with it). */
  today: string;
}

const isKnown = (s: string | undefined): s is string => !!s && s.trim() !== '' && s !== 'unknown';

/**
 * One key per workspace: the tenant id when known (the same tenant under two hosts is one
 * workspace, as `sameWorkspace` says), else the host, else "unknown".
 */
export function workspaceKeyOf(ws: TokenRecord['workspace']): string {
  if (isKnown(ws.tenantId)) return `tenant:${ws.tenantId.toLowerCase()}`;
  if (isKnown(ws.host)) return `host:${ws.host.toLowerCase()}`;
  return 'unknown';
}

export function workspaceTitle(ws: { host?: string | null; tenantId?: string | null; label?: string | undefined }): string {
  const host = isKnown(ws.host ?? undefined) ? ws.host! : null;
  const tenant = isKnown(ws.tenantId ?? undefined) ? ws.tenantId! : null;
  const base = host && tenant ? `${host} · ${tenant}` : host ?? (tenant ? `tenant ${tenant}` : null);
  if (!base) return ws.label ? `${ws.label} (unknown workspace)` : 'Unknown workspace';
  return ws.label ? `${ws.label} — ${base}` : base;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function expiryTextOf(daysLeft: number | null, expired: boolean): string {
  if (daysLeft === null) return 'no expiry';
  if (expired) return daysLeft < 0 ? `expired ${plural(-daysLeft, 'day')} ago` : 'expired today';
  if (daysLeft <= 0) return 'expires today';
  if (daysLeft === 1) return 'expires tomorrow';
  return `${plural(daysLeft, 'day')} left`;
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, critical: 2 };
const worse = (a: Severity | null, b: Severity | null): Severity | null =>
  a === null ? b : b === null ? a : SEVERITY_RANK[b] > SEVERITY_RANK[a] ? b : a;

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Most urgent first: overdue, fewest days left, rotation/dormancy/revoke due, the rest, then replaced and revoked. */
export function compareRows(a: TokenRowView, b: TokenRowView): number {
  return (
    BUCKET_RANK[a.bucket] - BUCKET_RANK[b.bucket] ||
    (a.daysLeft ?? Number.POSITIVE_INFINITY) - (b.daysLeft ?? Number.POSITIVE_INFINITY) ||
    collator.compare(a.name, b.name) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Judges one record the way the reminder engine does (see the module comment). */
function rowOf(
  r: TokenRecord,
  ctx: {
    now: number;
    today: number;
    dayOf(iso: string): number;
    /** `now >= isoToMs(iso)` */
    reached(iso: string): boolean;
    /** `isIsoDateOnly(iso)` */
    isDateOnly(iso: string): boolean;
    /** `dayNumberToIsoDate(day)` */
    isoDate(day: number): string;
    settings: ReminderSettings;
    maxMilestone: number;
  },
): TokenRowView {
  const { today, dayOf, settings, isoDate } = ctx;
  let daysLeft: number | null = null;
  let expiryDate: string | null = null;
  let expired = false;
  if (r.expiresAt !== null) {
    const day = dayOf(r.expiresAt);
    expiryDate = isoDate(day);
    // Days left only count for a token still in use (as in the engine).
    if (r.status === 'active') {
      daysLeft = day - today;
      // A date-only expiry works through that whole local day; a date-time one stops at its instant.
      expired = ctx.isDateOnly(r.expiresAt) ? today > day : ctx.reached(r.expiresAt);
    }
  }

  const reasons: AttentionReason[] = [];
  let severity: Severity | null = null;
  let bucket: RowBucket;
  if (r.status === 'active') {
    if (expired) {
      reasons.push({ kind: 'overdue', text: daysLeft! < 0 ? `Expired ${plural(-daysLeft!, 'day')} ago` : 'Expired today' });
      severity = 'critical';
    } else if (daysLeft !== null && daysLeft <= ctx.maxMilestone) {
      reasons.push({ kind: 'expiring', text: daysLeft <= 0 ? 'Expires today' : daysLeft === 1 ? 'Expires tomorrow' : `Expires in ${plural(daysLeft, 'day')}` });
      severity = daysLeft <= 1 ? 'critical' : daysLeft <= 7 ? 'warning' : 'info';
    }
    if (!expired) {
      const rotationDay = dayOf(r.createdAt) + (r.rotationIntervalDays ?? settings.rotationIntervalDays);
      if (today >= rotationDay) reasons.push({ kind: 'rotation', text: `Rotation due since ${dayNumberToIsoDate(rotationDay)}` });
      const idle = today - dayOf(r.lastConfirmedWorkingAt ?? r.createdAt);
      if (idle >= settings.dormancyDays) reasons.push({ kind: 'dormant', text: `Not confirmed working for ${plural(idle, 'day')}` });
      if (reasons.length && severity === null) severity = 'info';
    }
    bucket = expired ? 'overdue' : reasons.some((x) => x.kind === 'expiring') ? 'expiring' : reasons.length ? 'action' : 'ok';
  } else if (r.status === 'replaced') {
    const revokeDue =
      r.revokeAt !== undefined && (ctx.isDateOnly(r.revokeAt) ? today >= dayOf(r.revokeAt) : ctx.reached(r.revokeAt));
    if (revokeDue) {
      reasons.push({ kind: 'revoke', text: 'Replaced: revoke it in Wati' });
      severity = 'info';
    }
    bucket = revokeDue ? 'action' : 'replaced';
  } else {
    bucket = 'revoked';
  }

  const row: TokenRowView = {
    id: r.id,
    name: r.name,
    status: r.status,
    source: r.source,
    scopes: r.scopes,
    workspaceKey: workspaceKeyOf(r.workspace),
    expiresAt: r.expiresAt,
    expiryDate,
    daysLeft,
    expired,
    expiryText: r.status === 'active' ? expiryTextOf(daysLeft, expired) : '',
    createdDate: isoDate(dayOf(r.createdAt)),
    notes: r.notes ?? '',
    reasons,
    severity,
    bucket,
  };
  if (r.revokeAt !== undefined) row.revokeAt = r.revokeAt;
  return row;
}

/**
 * `localDayNumber` of lib/reminders/calendar (same zone fallback, same result; a test compares them),
 * with one date-only `format` call instead of `formatToParts`.
 */
export function localDayReader(timeZone: string): (ms: number) => number {
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
  const f = new Intl.DateTimeFormat('en-US', { timeZone: zone, calendar: 'gregory', numberingSystem: 'latn', year: 'numeric', month: 'numeric', day: 'numeric' });
  return (ms) => {
    const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(f.format(ms));
    return m ? Math.floor(Date.UTC(Number(m[3]), Number(m[1]) - 1, Number(m[2])) / DAY_MS) : localDayNumber(ms, zone);
  };
}

/** Groups, judges and sorts the inventory for display. Pure; O(n log n), one `Intl` call per distinct date-time. */
export function buildInventoryView(inventory: Inventory, settings: ReminderSettings, now: number, timeZone: string): InventoryView {
  const localDay = localDayReader(timeZone);
  // Each distinct stored date is read once (records share dates): its shape, instant and local day.
  const dates = new Map<string, { dateOnly: boolean; ms: number; day: number }>();
  const dateInfo = (iso: string) => {
    let d = dates.get(iso);
    if (d === undefined) {
      const dateOnly = isIsoDateOnly(iso);
      const ms = isoToMs(iso);
      // As `localDayOfIso`: a date-only value is that calendar day wherever the user is.
      d = { dateOnly, ms, day: dateOnly ? isoDateToDayNumber(iso) : localDay(ms) };
      dates.set(iso, d);
    }
    return d;
  };
  const isoDates = new Map<number, string>();
  const ctx = {
    now,
    today: localDay(now),
    dayOf: (iso: string) => dateInfo(iso).day,
    reached: (iso: string) => now >= dateInfo(iso).ms,
    isDateOnly: (iso: string) => dateInfo(iso).dateOnly,
    isoDate: (day: number) => {
      let s = isoDates.get(day);
      if (s === undefined) isoDates.set(day, (s = dayNumberToIsoDate(day)));
      return s;
    },
    settings,
    maxMilestone: normaliseMilestones(settings.milestonesDays)[0] ?? 0,
  };

  const groups = new Map<string, WorkspaceGroupView & { labels: Set<string> }>();
  let attentionCount = 0;
  for (const record of inventory.records) {
    const row = rowOf(record, ctx);
    let g = groups.get(row.workspaceKey);
    if (!g) {
      const ws = record.workspace;
      g = {
        key: row.workspaceKey,
        title: '',
        host: isKnown(ws.host) ? ws.host : null,
        tenantId: isKnown(ws.tenantId) ? ws.tenantId : null,
        rows: [],
        attentionCount: 0,
        severity: null,
        labels: new Set(),
      };
      groups.set(row.workspaceKey, g);
    }
    // The same tenant may have been recorded without a host (or label) on some records.
    if (g.host === null && isKnown(record.workspace.host)) g.host = record.workspace.host;
    if (record.workspace.label) g.labels.add(record.workspace.label);
    g.rows.push(row);
    if (row.reasons.length) {
      g.attentionCount++;
      attentionCount++;
      g.severity = worse(g.severity, row.severity);
    }
  }

  const out: WorkspaceGroupView[] = [];
  for (const { labels, ...g } of groups.values()) {
    g.rows.sort(compareRows);
    const label = labels.size ? [...labels].sort(collator.compare)[0] : undefined;
    g.title = workspaceTitle({ host: g.host, tenantId: g.tenantId, label });
    if (g.host !== null) g.coachTarget = g.tenantId !== null ? { host: g.host, tenantId: g.tenantId } : { host: g.host };
    out.push(g);
  }
  // A workspace is as urgent as its most urgent token; unknown workspaces go last among equals.
  out.sort((a, b) => compareGroupHeads(a, b) || collator.compare(a.title, b.title));
  return { groups: out, total: inventory.records.length, attentionCount, today: dayNumberToIsoDate(ctx.today) };
}

function compareGroupHeads(a: WorkspaceGroupView, b: WorkspaceGroupView): number {
  const x = a.rows[0]!;
  const y = b.rows[0]!;
  return (
    BUCKET_RANK[x.bucket] - BUCKET_RANK[y.bucket] ||
    (x.daysLeft ?? Number.POSITIVE_INFINITY) - (y.daysLeft ?? Number.POSITIVE_INFINITY) ||
    b.attentionCount - a.attentionCount ||
    (a.key === 'unknown' ? 1 : 0) - (b.key === 'unknown' ? 1 : 0)
  );
}
