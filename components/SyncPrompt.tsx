import { useState } from 'react';
import { onTrusted } from '@/components/trusted';

/** Tokens in the inventory that Wati's list no longer shows: offer to mark them revoked. */
export function SyncPrompt(props: { missing: Array<{ id: string; name: string }>; onMarkRevoked(ids: string[]): void; onDismiss(): void }) {
  const [busy, setBusy] = useState(false);
  return (
    <aside className="wtg-panel" style={{ bottom: 'auto', top: 16 }} data-testid="sync-missing" aria-label="Tokens missing from Wati's list">
      <header className="wtg-head">
        <strong>Not in Wati's list any more</strong>
        <button type="button" aria-label="Dismiss" onClick={onTrusted(props.onDismiss)}>
          ✕
        </button>
      </header>
      <p>These tokens are in your inventory but not in this list. If they were revoked or deleted in Wati, mark them revoked:</p>
      <ul>
        {props.missing.map((m) => (
          <li key={m.id}>{m.name}</li>
        ))}
      </ul>
      <p className="wtg-row" style={{ margin: '8px 12px 12px' }}>
        <button
          type="button"
          className="wtg-primary"
          data-testid="sync-mark-revoked"
          disabled={busy}
          onClick={onTrusted(() => {
            setBusy(true);
            props.onMarkRevoked(props.missing.map((m) => m.id));
          })}
        >
          Mark revoked
        </button>
      </p>
    </aside>
  );
}
