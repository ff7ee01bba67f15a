import type { QuarantineEntry } from '@/lib/tokens/record';

export interface QuarantineListProps {
  entries: readonly QuarantineEntry[];
  /** What `parseInventory` repaired on the last read. */
  repaired: readonly string[];
  onDownload(): void;
}

const PREVIEW_CHARS = 300;

function previewOf(raw: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(raw) ?? String(raw);
  } catch {
    text = String(raw);
  }
  return text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text;
}

/**
 * Records the extension could not read are never dropped: they are listed here with the reason,
 * and can be downloaded as an import file to fix and import back.
 */
export function QuarantineList({ entries, repaired, onDownload }: QuarantineListProps) {
  if (entries.length === 0 && repaired.length === 0) return null;
  return (
    <section className="card" data-testid="quarantine" aria-labelledby="quarantine-title">
      <h2 id="quarantine-title">Records that needed attention</h2>
      {repaired.length > 0 && (
        <div data-testid="inventory-repaired">
          <p>Stored token data was repaired when it was read:</p>
          <ul>
            {repaired.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </div>
      )}
      {entries.length > 0 && (
        <>
          <p>
            {entries.length === 1 ? '1 record' : `${entries.length} records`} could not be read and {entries.length === 1 ? 'was' : 'were'} set aside. Nothing
            was deleted (anything that looked like a token was blanked out). Download them, fix the fields the import reports, and import the file back.
          </p>
          <button type="button" data-testid="quarantine-download" onClick={onDownload}>
            Download them
          </button>
          <ol className="quarantine-list">
            {entries.map((q, i) => (
              <li key={i} data-testid="quarantine-entry">
                <p>
                  <strong data-testid="quarantine-error">{q.error}</strong> <span className="muted">(set aside {q.at.slice(0, 10)})</span>
                </p>
                <pre className="raw">{previewOf(q.raw)}</pre>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
