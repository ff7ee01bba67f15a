import { useId, useState, type FormEvent } from 'react';
import { NOTES_MAX } from '@/lib/tokens/record';
import type { ActionResult } from '@/lib/ui/inventory-actions';
import type { TokenRowView } from '@/lib/ui/inventory-view';
import { isEmptyPatch, validateTokenEdit, type TokenEditPatch } from '@/lib/ui/token-edit';

export interface TokenEditFormProps {
  row: TokenRowView;
  /** Local `YYYY-MM-DD` of today. */
  today: string;
  onSave(patch: TokenEditPatch): Promise<ActionResult>;
  /** Closes the form (after a save too). */
  onClose(): void;
}

/** Expiry date + notes of one token. Shows every problem before anything is sent. */
export function TokenEditForm({ row, today, onSave, onClose }: TokenEditFormProps) {
  const [expiryDate, setExpiryDate] = useState(row.expiryDate ?? '');
  const [badDate, setBadDate] = useState(false);
  const [noExpiry, setNoExpiry] = useState(row.expiresAt === null);
  const [notes, setNotes] = useState(row.notes);
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [saveError, setSaveError] = useState<string | undefined>();
  const id = useId();

  const result = validateTokenEdit(
    { expiryDate, noExpiry, notes, badDate },
    { expiresAt: row.expiresAt, expiryDate: row.expiryDate, notes: row.notes, createdDate: row.createdDate, today },
  );
  const errors = submitted ? result.errors : {};

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    setSaveError(undefined);
    if (!result.patch) return;
    if (isEmptyPatch(result.patch)) {
      onClose();
      return;
    }
    setBusy(true);
    const r = await onSave(result.patch);
    setBusy(false);
    if (r.ok) onClose();
    else setSaveError(r.error);
  };

  return (
    <form className="edit-form" data-testid="edit-form" onSubmit={(e) => void submit(e)} noValidate>
      <div className="edit-field">
        <label htmlFor={`${id}-date`}>Expires on</label>{' '}
        <input
          id={`${id}-date`}
          type="date"
          data-testid="edit-expiry"
          value={noExpiry ? '' : expiryDate}
          disabled={noExpiry}
          min={row.createdDate}
          max="9999-12-31"
          aria-invalid={errors.expiry ? true : undefined}
          aria-describedby={errors.expiry ? `${id}-date-error` : undefined}
          onChange={(e) => {
            setExpiryDate(e.target.value);
            setBadDate(e.target.validity?.badInput === true);
          }}
        />{' '}
        <label className="inline">
          <input type="checkbox" data-testid="edit-no-expiry" checked={noExpiry} onChange={(e) => setNoExpiry(e.target.checked)} /> No expiry
        </label>
        {errors.expiry && (
          <p className="field-error" id={`${id}-date-error`} data-testid="edit-error" data-field="expiry" role="alert">
            {errors.expiry}
          </p>
        )}
        {!errors.expiry &&
          result.warnings.map((w) => (
            <p key={w} className="hint warn" data-testid="edit-warning">
              {w}
            </p>
          ))}
      </div>
      <div className="edit-field">
        <label htmlFor={`${id}-notes`}>Notes</label>
        <textarea
          id={`${id}-notes`}
          data-testid="edit-notes"
          rows={3}
          value={notes}
          placeholder="Where the token is stored, which integration uses it, who owns it. Never the token itself."
          aria-invalid={errors.notes ? true : undefined}
          aria-describedby={errors.notes ? `${id}-notes-error` : undefined}
          onChange={(e) => setNotes(e.target.value)}
        />
        <span className={`counter${notes.length > NOTES_MAX ? ' over' : ''}`}>
          {notes.length}/{NOTES_MAX}
        </span>
        {errors.notes && (
          <p className="field-error" id={`${id}-notes-error`} data-testid="edit-error" data-field="notes" role="alert">
            {errors.notes}
          </p>
        )}
      </div>
      {saveError && (
        <p className="field-error" data-testid="edit-save-error" role="alert">
          {saveError}
        </p>
      )}
      <div className="row-actions">
        <button type="submit" className="primary" data-testid="edit-save" disabled={busy}>
          {busy ? 'Saving…' : 'Save'}
        </button>
        <button type="button" data-testid="edit-cancel" onClick={onClose} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
