import type { InventoryView } from '@/lib/ui/inventory-view';
import { EmptyState } from './EmptyState';
import { InventoryList } from './InventoryList';
import type { TokenRowActions } from './TokenRow';

export interface PopupViewProps {
  /** Undefined while loading. */
  view: InventoryView | undefined;
  /** Records `parseInventory` set aside (quarantine). */
  quarantined: number;
  /** Repairs `parseInventory` made on this read. */
  repaired: number;
  /** Seconds before a copied token is cleared (0 = never); undefined while loading. */
  clipboardClearSeconds: number | undefined;
  /** The last write the background could not make ("Could not save: …"), until dismissed. */
  saveError?: string | undefined;
  onDismissSaveError?(): void;
  /** A page-level error (e.g. the coach could not be opened). */
  error?: string | undefined;
  actions: TokenRowActions;
  onCreateToken(target?: { host: string; tenantId?: string }): void;
  onOpenSettings(): void;
}

export function PopupView(props: PopupViewProps) {
  const { view } = props;
  return (
    <main className="page popup">
      <header className="popup-head">
        <h1>Wati Token Guard</h1>
        {view && view.attentionCount > 0 && (
          <span className="attention-total" data-testid="attention-total">
            {view.attentionCount} need{view.attentionCount === 1 ? 's' : ''} attention
          </span>
        )}
      </header>
      <button type="button" className="primary create" data-testid="create-token" onClick={() => props.onCreateToken()}>
        Create a token safely
      </button>
      {props.error && (
        <p role="alert" data-testid="popup-error">
          {props.error}
        </p>
      )}
      {props.saveError && (
        <div role="alert" className="inventory-warning" data-testid="save-error">
          <p>{props.saveError}</p>
          <button type="button" className="link" data-testid="save-error-dismiss" onClick={props.onDismissSaveError}>
            Dismiss
          </button>
        </div>
      )}
      {(props.quarantined > 0 || props.repaired > 0) && (
        <div role="alert" data-testid="inventory-warning">
          {props.quarantined > 0 && (
            <p>
              {props.quarantined === 1 ? '1 record' : `${props.quarantined} records`} could not be read and {props.quarantined === 1 ? 'was' : 'were'} set
              aside; see{' '}
              <button type="button" className="link" onClick={props.onOpenSettings}>
                Settings → Import/Export
              </button>
              .
            </p>
          )}
          {props.repaired > 0 && (
            <p>
              Some stored token data was unreadable and was repaired ({props.repaired} {props.repaired === 1 ? 'fix' : 'fixes'}); the details are in{' '}
              <button type="button" className="link" onClick={props.onOpenSettings}>
                Settings
              </button>
              .
            </p>
          )}
        </div>
      )}
      {view === undefined ? (
        <p className="muted" data-testid="inventory-loading">
          Loading…
        </p>
      ) : view.total === 0 ? (
        <EmptyState onCreateToken={() => props.onCreateToken()} onOpenSettings={props.onOpenSettings} />
      ) : (
        <InventoryList view={view} actions={props.actions} onCreateInWorkspace={props.onCreateToken} />
      )}
      <footer className="popup-foot">
        <span data-testid="clipboard-setting">
          {props.clipboardClearSeconds === undefined
            ? 'Loading…'
            : `Clipboard clears ${props.clipboardClearSeconds ? `after ${props.clipboardClearSeconds} s` : 'never'}`}
        </span>
        <button type="button" className="link" data-testid="open-settings" onClick={props.onOpenSettings}>
          Settings
        </button>
      </footer>
    </main>
  );
}
