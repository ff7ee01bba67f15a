import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/lib/storage/settings';
import { exportJson } from '@/lib/tokens/export';
import { parseImport } from '@/lib/tokens/import';
import type { Inventory } from '@/lib/tokens/record';
import { buildExport, exportFileName, quarantineFile } from '@/lib/ui/export-files';
import { importDoneMessage, previewImport } from '@/lib/ui/import-flow';
import { interpretReply, NO_ANSWER } from '@/lib/ui/inventory-actions';
import { makeRecord, T0 } from '../tokens/helpers';

const a = makeRecord({ id: 'a', name: 'crm-sync-prod' });
const b = makeRecord({ id: 'b', name: 'billing-bot', expiresAt: '2026-12-31' });
const inv = (records = [a, b], quarantine: Inventory['quarantine'] = []): Inventory => ({ version: 1, records, quarantine });

describe('previewImport', () => {
  it('lists every error with its path and previews nothing when the file is invalid', () => {
    const file = JSON.parse(exportJson(inv(), DEFAULT_SETTINGS, T0));
    file.inventory.records[0].expiresAt = 'next year';
    file.inventory.records[1].status = 'gone';
    const s = previewImport(JSON.stringify(file), 'backup.json', inv([]), T0);
    expect(s.step).toBe('invalid');
    if (s.step !== 'invalid') return;
    expect(s.fileName).toBe('backup.json');
    expect(s.errors.map((e) => e.path)).toEqual(['inventory.records[0].expiresAt', 'inventory.records[1].status']);
    expect(previewImport('{oops', 'x.json', inv(), T0)).toMatchObject({ step: 'invalid', errors: [{ path: '', message: expect.stringContaining('not valid JSON') }] });
  });

  it('counts new, updated, unchanged and conflicts against the current inventory', () => {
    const newer = { ...b, notes: 'moved to vault', updatedAt: '2026-02-01T00:00:00.000Z' };
    const c = makeRecord({ id: 'c', name: 'new-one' });
    const text = exportJson(inv([a, newer, c], [{ raw: { junk: true }, error: 'not readable', at: '2026-01-01T00:00:00.000Z' }]), DEFAULT_SETTINGS, T0);
    const s = previewImport(text, 'b.json', inv(), T0);
    expect(s.step).toBe('preview');
    if (s.step !== 'preview') return;
    expect(s.preview).toMatchObject({ added: 1, updated: 1, unchanged: 1, quarantined: 1, fileName: 'b.json' });
    expect(s.preview.conflicts).toEqual([]);
    expect(s.preview.settings).toEqual(DEFAULT_SETTINGS);
    expect(s.preview.incoming.records.map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });

  it('reports a conflict when the same id holds a different token', () => {
    const other = { ...a, fingerprint: 'sha256:00000000000000ff' };
    const mine = { ...a, fingerprint: 'sha256:00000000000000aa' };
    const s = previewImport(exportJson(inv([other]), undefined, T0), 'x.json', inv([mine]), T0);
    expect(s).toMatchObject({ step: 'preview', preview: { added: 1, conflicts: [{ kept: 'both' }] } });
  });

  it('words the result', () => {
    expect(importDoneMessage({ ok: true, added: 2, updated: 1, unchanged: 0, conflicts: 1 }, true)).toBe('Imported: 2 added, 1 updated, 0 unchanged, 1 conflict resolved. Settings applied.');
  });
});

describe('exports', () => {
  it('names files with the local date', () => {
    const late = Date.parse('2026-06-15T23:30:00Z');
    expect(exportFileName('json', late, 'UTC')).toBe('wati-token-guard-2026-06-15.json');
    expect(exportFileName('json', late, 'Europe/Berlin')).toBe('wati-token-guard-2026-06-16.json');
    expect(exportFileName('csv', late, 'UTC')).toBe('wati-token-guard-audit-2026-06-15.csv');
    expect(exportFileName('ics', late, 'UTC')).toBe('wati-token-guard-2026-06-15.ics');
  });

  it('builds JSON that imports back, CSV with a BOM, and ICS', () => {
    const data = { inventory: inv(), settings: DEFAULT_SETTINGS, now: T0, timeZone: 'UTC' };
    const json = buildExport('json', data);
    expect(json.mime).toBe('application/json');
    expect(parseImport(json.text, T0)).toMatchObject({ ok: true, settings: DEFAULT_SETTINGS });
    const csv = buildExport('csv', data);
    expect(csv.text.startsWith('\uFEFF"workspace","name",')).toBe(true); // every cell quoted now (finding 11)
    expect(csv.text).toContain('crm-sync-prod');
    const ics = buildExport('ics', data);
    expect(ics.text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics.text).toContain('SUMMARY:Wati API token "billing-bot" expires');
  });

  it('downloads set-aside records as an import file that lists what to fix', () => {
    const q = [{ raw: { name: 'half', expiresAt: 'soon' }, error: 'it has neither a usable id nor a name', at: '2026-01-01T00:00:00.000Z' }];
    const text = quarantineFile(q, T0);
    const body = JSON.parse(text);
    expect(body.setAside).toEqual([{ record: 0, error: q[0]!.error, at: q[0]!.at }]);
    expect(body.inventory.records).toEqual([q[0]!.raw]);
    const r = parseImport(text, T0);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path)).toContain('inventory.records[0].expiresAt');
  });
});

describe('interpretReply', () => {
  it('turns background replies into ok / a sentence', () => {
    expect(interpretReply({ ok: true })).toEqual({ ok: true });
    expect(interpretReply({ error: 'No such token.' })).toEqual({ ok: false, error: 'No such token.' });
    expect(interpretReply(undefined)).toEqual({ ok: false, error: NO_ANSWER });
    expect(interpretReply({ ok: false }, 'Gone.')).toEqual({ ok: false, error: 'Gone.' });
  });
});
