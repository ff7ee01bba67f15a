import { localDayOfIso } from '@/lib/reminders/calendar';
import { DEFAULT_REMINDER_SETTINGS } from '@/lib/reminders/settings';
import type { Settings } from '@/lib/storage/settings';
import { dayNumberToIsoDate, msToIso } from '@/lib/tokens/dates';
import type { Inventory, TokenRecord } from '@/lib/tokens/record';
import { redactDeep, redactSecrets } from '@/lib/tokens/secret-shape';

/**
 * Exports of the inventory: JSON (a full, versioned backup that `parseImport` reads back losslessly),
 * CSV (an audit sheet) and ICS (expiry and rotation dates for a shared calendar, so the team and not
 * only the token's creator hears about it). None of them can contain a token: the inventory has none,
 * and every string is passed through the redactor again on the way out (defence in depth: an export
 * is a file that travels).
 */

export const EXPORT_FORMAT = 'wati-token-guard';
export const EXPORT_VERSION = 1;

export interface ExportEnvelope {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  inventory: Inventory;
  settings?: Settings;
}

/** The full backup, pretty-printed. `settings` may be omitted (inventory only). */
export function exportJson(inv: Inventory, settings: Settings | undefined, now: number): string {
  const envelope: ExportEnvelope = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: msToIso(now), inventory: inv };
  if (settings !== undefined) envelope.settings = settings;
  return `${JSON.stringify(redactDeep(envelope), null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------
// CSV (RFC 4180)

export const CSV_COLUMNS = [
  'workspace',
  'name',
  'scopes',
  'status',
  'source',
  'created',
  'expires',
  'rotation due',
  'fingerprint',
  'last confirmed',
  'notes',
] as const;

/**
 * One CSV cell. Formula injection (OWASP "CSV injection"): a cell a spreadsheet would read as a
 * formula (starting with = + - @, or a tab / carriage return that some strip first) gets a leading
 * apostrophe, and so does one right after a `;` or `,` inside the cell. Then every cell is quoted
 * (RFC 4180, inner quotes doubled): a spreadsheet in a locale whose list separator is `;` (es, pt-BR,
 * de, ...) splits an unquoted `a;=1+1` into a formula cell. Secrets are redacted.
 */
export function csvCell(value: string): string {
  let v = redactSecrets(value);
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  // A program that mis-reads the separator splits inside the cell: a formula character right after a
  // `;`, `,`, tab or line break would start a cell there (OWASP: escape the separators too).
  v = v.replace(/([;,\t\r\n][ \t]*)(?=[=+\-@])/g, "$1'");
  return `"${v.replace(/"/g, '""')}"`;
}

function rotationDueDate(r: TokenRecord, rotationDays: number, timeZone: string): string {
  if (r.status !== 'active') return '';
  return dayNumberToIsoDate(localDayOfIso(r.createdAt, timeZone) + (r.rotationIntervalDays ?? rotationDays));
}

function workspaceCell(r: TokenRecord): string {
  const id = r.workspace.tenantId || r.workspace.host;
  return r.workspace.label ? `${r.workspace.label} (${id})` : id;
}

/** Audit sheet, one row per record, CRLF line ends. Dates as stored (ISO); "never" for no expiry. */
export function exportCsv(inv: Inventory, opts: { rotationDays?: number; timeZone?: string } = {}): string {
  const rotationDays = opts.rotationDays ?? DEFAULT_REMINDER_SETTINGS.rotationIntervalDays;
  const tz = opts.timeZone ?? 'UTC';
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const r of inv.records) {
    rows.push([
      workspaceCell(r),
      r.name,
      r.scopes.join(' '),
      r.status,
      r.source,
      r.createdAt,
      r.expiresAt ?? 'never',
      rotationDueDate(r, rotationDays, tz),
      r.fingerprint ?? '',
      r.lastConfirmedWorkingAt ?? '',
      r.notes ?? '',
    ]);
  }
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

// ---------------------------------------------------------------------------------------------
// ICS (RFC 5545)

/** TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, line breaks. */
export function icsEscape(text: string): string {
  return redactSecrets(text).replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1): CRLF + one space before each continuation,
 * never inside a UTF-8 sequence.
 */
export function icsFold(line: string): string {
  const encoder = new TextEncoder();
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    const limit = out.length === 0 ? 75 : 74; // continuation lines spend one octet on the leading space
    if (bytes + n > limit) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += n;
  }
  out.push(current);
  return out.join('\r\n ');
}

function icsDate(dayNumber: number): string {
  return dayNumberToIsoDate(dayNumber).replace(/-/g, '');
}

function icsStamp(ms: number): string {
  return msToIso(ms).replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function describeRecord(r: TokenRecord): string {
  const lines = [
    `Workspace: ${workspaceCell(r)}${r.workspace.host && r.workspace.host !== 'unknown' ? ` — ${r.workspace.host}` : ''}`,
    `Scopes: ${r.scopes.length ? r.scopes.join(' ') : '(none recorded)'}`,
  ];
  if (r.fingerprint) lines.push(`Fingerprint: ${r.fingerprint}`);
  if (r.notes) lines.push(`Notes: ${r.notes}`);
  lines.push('Generate the replacement on the API Tokens page of the Wati dashboard, update the integration, then revoke the old token.');
  return lines.join('\n');
}

/**
 * A calendar with one all-day event per active token's expiry date and per rotation due date
 * (rotation only when it comes before the expiry). UIDs are stable (`<recordId>-expiry@…`), so a
 * re-import updates events instead of duplicating them. Dates are calendar days in `timeZone`.
 */
export function exportIcs(inv: Inventory, opts: { now: number; rotationDays?: number; timeZone?: string }): string {
  const tz = opts.timeZone ?? 'UTC';
  const rotationDays = opts.rotationDays ?? DEFAULT_REMINDER_SETTINGS.rotationIntervalDays;
  const stamp = icsStamp(opts.now);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Wati Token Guard//Token reminders//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'X-WR-CALNAME:Wati API tokens',
  ];
  const event = (uid: string, day: number, summary: string, description: string, alarmDays?: number) => {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${icsEscape(uid)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${icsDate(day)}`,
      `DTEND;VALUE=DATE:${icsDate(day + 1)}`,
      `SUMMARY:${icsEscape(summary)}`,
      `DESCRIPTION:${icsEscape(description)}`,
      'TRANSP:TRANSPARENT',
    );
    if (alarmDays !== undefined) {
      lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', `TRIGGER:-P${alarmDays}D`, `DESCRIPTION:${icsEscape(summary)}`, 'END:VALARM');
    }
    lines.push('END:VEVENT');
  };

  for (const r of inv.records) {
    if (r.status !== 'active') continue;
    const expiryDay = r.expiresAt === null ? null : localDayOfIso(r.expiresAt, tz);
    if (expiryDay !== null) {
      event(`${r.id}-expiry@wati-token-guard`, expiryDay, `Wati API token "${r.name}" expires`, describeRecord(r), 7);
    }
    const rotationDay = localDayOfIso(r.createdAt, tz) + (r.rotationIntervalDays ?? rotationDays);
    if (expiryDay === null || rotationDay < expiryDay) {
      event(`${r.id}-rotation@wati-token-guard`, rotationDay, `Rotate Wati API token "${r.name}"`, describeRecord(r));
    }
  }
  lines.push('END:VCALENDAR');
  return lines.map(icsFold).join('\r\n') + '\r\n';
}
