import { useState } from 'react';
import type { ImportPreview, ImportState } from '@/lib/ui/import-flow';

export type DownloadKind = 'json' | 'csv' | 'ics';

export interface ImportExportProps {
  /** Tokens in the inventory (undefined while loading: the export buttons wait). */
  recordCount: number | undefined;
  onExport(kind: DownloadKind): void;
  /** e.g. "Saved wati-token-guard-2026-11-22.json". */
  exportNote?: string | undefined;
  importState: ImportState;
  onChooseFile(file: File | undefined): void;
  onConfirmImport(applySettings: boolean): void;
  onCancelImport(): void;
}

export function ImportExport(props: ImportExportProps) {
  const s = props.importState;
  const loading = props.recordCount === undefined;
  return (
    <section className="card" id="import-export" data-testid="import-export" aria-labelledby="import-export-title">
      <h2 id="import-export-title">Import / Export</h2>
      <p className="hint">
        Exports hold token metadata only (names, scopes, dates, fingerprints), never a token. {loading ? '' : `${props.recordCount} token${props.recordCount === 1 ? '' : 's'} recorded.`}
      </p>
      <div className="button-row">
        <button type="button" data-testid="export-json" disabled={loading} onClick={() => props.onExport('json')} title="Everything: inventory and settings. Import it here or in another browser.">
          Export backup (JSON)
        </button>
        <button type="button" data-testid="export-csv" disabled={loading} onClick={() => props.onExport('csv')} title="One row per token, for an audit or a spreadsheet.">
          Export audit sheet (CSV)
        </button>
        <button type="button" data-testid="export-ics" disabled={loading} onClick={() => props.onExport('ics')} title="Expiry and rotation dates as all-day events, for a shared calendar.">
          Export calendar (.ics)
        </button>
      </div>
      {props.exportNote && (
        <p className="hint" role="status" data-testid="export-note">
          {props.exportNote}
        </p>
      )}

      <h3>Import a backup</h3>
      <label>
        JSON file exported by Wati Token Guard:{' '}
        <input
          type="file"
          accept=".json,application/json"
          data-testid="import-file"
          disabled={loading || s.step === 'importing'}
          // Choosing the same file again (after fixing it) must fire a change.
          onClick={(e) => {
            e.currentTarget.value = '';
          }}
          onChange={(e) => props.onChooseFile(e.target.files?.[0])}
        />
      </label>
      <p className="hint">Nothing changes until you confirm. Existing tokens are never lost: the newer copy of a token wins and what only the older one knows is kept.</p>

      {s.step === 'reading' && <p className="muted">Reading {s.fileName}…</p>}
      {s.step === 'invalid' && <ImportErrors fileName={s.fileName} errors={s.errors} />}
      {(s.step === 'preview' || s.step === 'importing') && (
        <ImportPreviewPanel preview={s.preview} busy={s.step === 'importing'} onConfirm={props.onConfirmImport} onCancel={props.onCancelImport} />
      )}
      {s.step === 'done' && (
        <p className="ok" role="status" data-testid="import-done">
          {s.message}
        </p>
      )}
      {s.step === 'failed' && (
        <p role="alert" data-testid="import-failed">
          {s.message}
        </p>
      )}
    </section>
  );
}

function ImportErrors({ fileName, errors }: { fileName: string; errors: ReadonlyArray<{ path: string; message: string }> }) {
  return (
    <div role="alert" className="import-errors" data-testid="import-errors">
      <p>
        <strong>{fileName}</strong> was not imported: {errors.length === 1 ? 'one problem' : `${errors.length} problems`}. Nothing was changed.
      </p>
      <ul>
        {errors.map((e, i) => (
          <li key={i} data-testid="import-error" data-path={e.path}>
            {e.path && (
              <>
                <code data-testid="import-error-path">{e.path}</code>:{' '}
              </>
            )}
            <span data-testid="import-error-message">{e.message}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ImportPreviewPanel({ preview: p, busy, onConfirm, onCancel }: { preview: ImportPreview; busy: boolean; onConfirm(applySettings: boolean): void; onCancel(): void }) {
  const [applySettings, setApplySettings] = useState(false);
  const nothingNew = p.added === 0 && p.updated === 0 && p.quarantined === 0;
  return (
    <div className="import-preview" data-testid="import-preview">
      <p>
        <strong>{p.fileName}</strong> is valid. Importing it will give:
      </p>
      <ul className="counts">
        <li data-testid="import-count-new" data-count={p.added}>
          {p.added} new
        </li>
        <li data-testid="import-count-updated" data-count={p.updated}>
          {p.updated} updated
        </li>
        <li data-testid="import-count-unchanged" data-count={p.unchanged}>
          {p.unchanged} unchanged
        </li>
        <li data-testid="import-count-conflicts" data-count={p.conflicts.length}>
          {p.conflicts.length} conflict{p.conflicts.length === 1 ? '' : 's'}
        </li>
      </ul>
      {nothingNew && <p className="hint">Every token in the file is already here, as it is.</p>}
      {p.quarantined > 0 && (
        <p className="hint">
          The file also brings {p.quarantined} set-aside record{p.quarantined === 1 ? '' : 's'}; {p.quarantined === 1 ? 'it' : 'they'} will be kept aside here too.
        </p>
      )}
      {p.conflicts.length > 0 && (
        <>
          <p>How conflicts are resolved:</p>
          <ul data-testid="import-conflicts">
            {p.conflicts.map((c, i) => (
              <li key={i} data-testid="import-conflict" data-kept={c.kept}>
                {c.message}
              </li>
            ))}
          </ul>
        </>
      )}
      {p.warnings.length > 0 && (
        <ul className="hint" data-testid="import-warnings">
          {p.warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      )}
      {p.settings && (
        <label>
          <input type="checkbox" data-testid="import-apply-settings" checked={applySettings} onChange={(e) => setApplySettings(e.target.checked)} /> Also
          replace my settings with the ones in the file (clipboard cleared after{' '}
          {p.settings.clipboardClearSeconds ? `${p.settings.clipboardClearSeconds} s` : 'never'}, reminders {p.settings.reminders.milestonesDays.join(', ')} days before
          expiry, rotation every {p.settings.reminders.rotationIntervalDays} days)
        </label>
      )}
      <div className="button-row">
        <button type="button" className="primary" data-testid="import-confirm" disabled={busy} onClick={() => onConfirm(applySettings)}>
          {busy ? 'Importing…' : 'Import'}
        </button>
        <button type="button" data-testid="import-cancel" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
