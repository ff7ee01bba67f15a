import { localIsoDate } from '@/lib/reminders/calendar';
import type { Settings } from '@/lib/storage/settings';
import { EXPORT_FORMAT, EXPORT_VERSION, exportCsv, exportIcs, exportJson } from '@/lib/tokens/export';
import { msToIso } from '@/lib/tokens/dates';
import type { Inventory, QuarantineEntry } from '@/lib/tokens/record';
import { redactDeep } from '@/lib/tokens/secret-shape';

export type ExportKind = 'json' | 'csv' | 'ics' | 'quarantine';

export interface ExportFile {
  name: string;
  mime: string;
  text: string;
}

/** `wati-token-guard-2026-11-22.json` etc.: the local date, so a folder of backups sorts by day. */
export function exportFileName(kind: ExportKind, now: number, timeZone: string): string {
  const day = localIsoDate(now, timeZone);
  switch (kind) {
    case 'json':
      return `wati-token-guard-${day}.json`;
    case 'csv':
      return `wati-token-guard-audit-${day}.csv`;
    case 'ics':
      return `wati-token-guard-${day}.ics`;
    case 'quarantine':
      return `wati-token-guard-set-aside-${day}.json`;
  }
}

/**
 * The set-aside (quarantined) records as an import file: their raw content as the records of an
 * export, plus why each was set aside. Importing it as is lists every field to fix, with its path;
 * once fixed, it imports through the same validated path as any backup.
 */
export function quarantineFile(entries: readonly QuarantineEntry[], now: number): string {
  const body = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: msToIso(now),
    setAside: entries.map((q, i) => ({ record: i, error: q.error, at: q.at })),
    inventory: { version: 1, records: entries.map((q) => q.raw), quarantine: [] },
  };
  return `${JSON.stringify(redactDeep(body), null, 2)}\n`;
}

export function buildExport(
  kind: ExportKind,
  data: { inventory: Inventory; settings: Settings | undefined; now: number; timeZone: string },
): ExportFile {
  const { inventory, settings, now, timeZone } = data;
  const rotationDays = settings?.reminders.rotationIntervalDays;
  const name = exportFileName(kind, now, timeZone);
  switch (kind) {
    case 'json':
      return { name, mime: 'application/json', text: exportJson(inventory, settings, now) };
    case 'csv':
      // The BOM makes spreadsheet apps read the file as UTF-8 (names and notes in any language).
      return { name, mime: 'text/csv;charset=utf-8', text: `\uFEFF${exportCsv(inventory, rotationDays === undefined ? { timeZone } : { timeZone, rotationDays })}` };
    case 'ics':
      return { name, mime: 'text/calendar;charset=utf-8', text: exportIcs(inventory, rotationDays === undefined ? { now, timeZone } : { now, timeZone, rotationDays }) };
    case 'quarantine':
      return { name, mime: 'application/json', text: quarantineFile(inventory.quarantine, now) };
  }
}
