export interface EmptyStateProps {
  onCreateToken(): void;
  onOpenSettings(): void;
}

/** What the extension does and how to start, when no token is recorded yet. */
export function EmptyState({ onCreateToken, onOpenSettings }: EmptyStateProps) {
  return (
    <section className="empty" data-testid="empty-state">
      <h2>No tokens recorded yet</h2>
      <p>
        Wati Token Guard helps you create Wati API tokens with only the scopes an integration needs, copy the show-once token
        safely (the clipboard is cleared after a countdown), and reminds you before a token expires or is due for rotation.
      </p>
      <p>It keeps only facts about each token (name, scopes, dates, a one-way fingerprint), never the token itself.</p>
      <ol>
        <li>
          <button type="button" className="link" onClick={onCreateToken}>
            Create a token safely
          </button>
          : opens Wati's <em>API Tokens</em> page with a step-by-step coach.
        </li>
        <li>Already have tokens? Open that page in Wati: the extension reads the list (names and dates only) and adds them here.</li>
        <li>
          Moving from another browser? Import a backup in{' '}
          <button type="button" className="link" onClick={onOpenSettings}>
            Settings → Import/Export
          </button>
          .
        </li>
      </ol>
    </section>
  );
}
