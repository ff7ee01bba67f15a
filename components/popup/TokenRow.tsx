import { memo, useState } from 'react';
import type { ActionResult } from '@/lib/ui/inventory-actions';
import type { TokenRowView } from '@/lib/ui/inventory-view';
import type { TokenEditPatch } from '@/lib/ui/token-edit';
import { TokenEditForm } from './TokenEditForm';

export interface TokenRowActions {
  /** Opens the coach to replace this token (the popup closes on success). */
  onRotate(id: string): Promise<ActionResult>;
  onMarkRevoked(id: string): Promise<ActionResult>;
  /** No reminder notifications for a day (optional: the badge still counts the token). */
  onSnooze?(id: string): Promise<ActionResult>;
  onSaveEdit(id: string, patch: TokenEditPatch): Promise<ActionResult>;
  onDelete(id: string): Promise<ActionResult>;
}

export interface TokenRowProps {
  row: TokenRowView;
  today: string;
  actions: TokenRowActions;
}

const SOURCE_LABELS: Record<TokenRowView['source'], string> = {
  captured: 'captured when created',
  synced: "read from Wati's list",
  manual: 'added by hand',
};

/** Chips beyond this are summarised ("+12"); the full list is in the tooltip. */
const MAX_SCOPE_CHIPS = 6;

type Mode = 'view' | 'edit' | 'confirm-delete';

/** One token. Plain elements and no work on render beyond the precomputed row: 1,000 of these must be cheap. */
export const TokenRow = memo(function TokenRow({ row, today, actions }: TokenRowProps) {
  const [mode, setMode] = useState<Mode>('view');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const run = async (action: () => Promise<ActionResult>, after?: () => void) => {
    setBusy(true);
    setError(undefined);
    const r = await action();
    setBusy(false);
    if (r.ok) after?.();
    else setError(r.error);
  };

  const shown = row.scopes.slice(0, MAX_SCOPE_CHIPS);
  const more = row.scopes.length - shown.length;
  return (
    <li
      className={`token-row status-${row.status}${row.severity ? ` sev-${row.severity}` : ''}`}
      data-testid="token-row"
      data-token-id={row.id}
      data-token-name={row.name}
      data-status={row.status}
      data-bucket={row.bucket}
    >
      <div className="row-head">
        <span className="token-name" data-testid="token-name" title={row.name}>
          {row.name}
        </span>
        {row.expiryText && (
          <span className="days" data-testid="days-left" title={row.expiryDate ? `Expiry date: ${row.expiryDate}` : 'No expiry date recorded'}>
            {row.expiryText}
          </span>
        )}
        <span className={`badge-status ${row.status}`} data-testid="token-status">
          {row.status}
          {row.status === 'replaced' && row.revokeAt ? ` · revoke on ${row.revokeAt.slice(0, 10)}` : ''}
        </span>
      </div>
      <div className="row-meta">
        {row.scopes.length === 0 ? (
          <span className="muted">no scopes recorded</span>
        ) : (
          <ul className="chips" data-testid="scopes" title={row.scopes.join('\n')} aria-label="Scopes">
            {shown.map((s) => (
              <li key={s} className="chip">
                {s}
              </li>
            ))}
            {more > 0 && <li className="chip more">+{more}</li>}
          </ul>
        )}
        <span className="source" data-testid="token-source">
          {SOURCE_LABELS[row.source]}
        </span>
      </div>
      {row.reasons.length > 0 && (
        <ul className="reasons" aria-label="Needs attention">
          {row.reasons.map((r) => (
            <li key={r.kind} className={`reason ${r.kind}`} data-testid="attention" data-kind={r.kind}>
              {r.text}
            </li>
          ))}
        </ul>
      )}
      {mode === 'view' && row.notes && (
        <p className="notes" title={row.notes}>
          {row.notes}
        </p>
      )}

      {mode === 'view' && (
        <div className="row-actions">
          {row.status !== 'revoked' && (
            <button
              type="button"
              className={row.reasons.length ? 'primary' : undefined}
              data-testid="rotate"
              disabled={busy}
              title="Open Wati's API Tokens page with the coach to create its replacement"
              onClick={() => void run(() => actions.onRotate(row.id))}
            >
              Rotate
            </button>
          )}
          {row.reasons.length > 0 && actions.onSnooze && (
            <button
              type="button"
              data-testid="snooze"
              disabled={busy}
              title="No reminder notifications for this token for 1 day"
              onClick={() => void run(() => actions.onSnooze!(row.id))}
            >
              Snooze 1 day
            </button>
          )}
          {row.status !== 'revoked' && (
            <button
              type="button"
              data-testid="mark-revoked"
              disabled={busy}
              title="Record that this token was revoked in Wati (no more reminders)"
              onClick={() => void run(() => actions.onMarkRevoked(row.id))}
            >
              Mark revoked
            </button>
          )}
          <button type="button" data-testid="edit" disabled={busy} onClick={() => setMode('edit')}>
            Edit
          </button>
          <button type="button" className="danger-link" data-testid="delete" disabled={busy} onClick={() => setMode('confirm-delete')}>
            Delete
          </button>
        </div>
      )}

      {mode === 'edit' && (
        <TokenEditForm row={row} today={today} onSave={(patch) => actions.onSaveEdit(row.id, patch)} onClose={() => setMode('view')} />
      )}

      {mode === 'confirm-delete' && (
        <div className="confirm" data-testid="delete-confirmation" role="group" aria-label="Confirm deletion">
          <p>
            Remove “{row.name}” from this list? This does not revoke it in Wati
            {row.status === 'active' ? ': if nothing uses it any more, revoke it there first.' : '.'}
          </p>
          <div className="row-actions">
            <button type="button" className="danger" data-testid="delete-confirm" disabled={busy} onClick={() => void run(() => actions.onDelete(row.id), () => setMode('view'))}>
              Delete
            </button>
            <button type="button" data-testid="delete-cancel" disabled={busy} onClick={() => setMode('view')}>
              Cancel
            </button>
          </div>
        </div>
      )}

      {error && (
        <p className="field-error" data-testid="row-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
});
