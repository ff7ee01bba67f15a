import type { AttentionItem } from '@/lib/reminders/engine';
import { onTrusted } from '@/components/trusted';

/** The dashboard banner: this workspace's tokens that need attention. Presentational. */
export function ExpiryBanner(props: { items: AttentionItem[]; onRotate(tokenId: string): void; onDismiss(): void }) {
  const critical = props.items.some((i) => i.severity === 'critical');
  return (
    <aside className="wtg-banner" data-testid="expiry-banner" data-severity={critical ? 'critical' : 'warning'} role="status" aria-label="Wati Token Guard: tokens that need attention">
      <strong>API tokens need attention</strong>
      <ul>
        {props.items.slice(0, 5).map((i) => (
          <li key={i.tokenId} data-testid="banner-item" data-token-name={i.name}>
            <span>
              <b>{i.name}</b>: {i.line}
            </span>{' '}
            <button type="button" data-testid="banner-rotate" onClick={onTrusted(() => props.onRotate(i.tokenId))}>
              Rotate
            </button>
          </li>
        ))}
        {props.items.length > 5 && <li>and {props.items.length - 5} more (see the toolbar button)</li>}
      </ul>
      <button type="button" data-testid="banner-dismiss" aria-label="Dismiss for this tab" onClick={onTrusted(props.onDismiss)}>
        ✕
      </button>
    </aside>
  );
}
