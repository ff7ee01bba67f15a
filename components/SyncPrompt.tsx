import { useState } from 'react';
import { onTrusted } from '@/components/trusted';
import type { Rect } from '@/lib/overlay/placement';
import { placementStyle, usePlacement } from './coach/usePlacement';
import { useCompactToggle, useReportBox, useSpentWhenFits } from './usePanelLayout';

export interface SyncPromptProps {
  missing: Array<{ id: string; name: string }>;
  onMarkRevoked(ids: string[]): void;
  onDismiss(): void;
  /** What the prompt must not stand in front of (viewport rects): Wati's controls, the form, our other panels. */
  keepClear?: readonly Rect[];
  /** The single controls: even the last-resort bar avoids these. */
  controls?: readonly Rect[];
  onPlaced?(box: Rect | undefined): void;
}

export const SYNC_SIZE = { width: 360, minWidth: 280, minHeight: 120 };
export const SYNC_COMPACT = { width: 400, minWidth: 260, height: 40 };
const NO_RECTS: readonly Rect[] = [];

/**
 * Tokens in the inventory that Wati's list no longer shows: offer to mark them revoked. Presentational; placed like
 * the banner (covers none of `keepClear`, top-right when free). With no room it is a one-line bar (`sync-compact`:
 * how many, the first name, "Review" to expand, dismiss): marking revoked always happens from the full list.
 */
export function SyncPrompt(props: SyncPromptProps) {
  const [busy, setBusy] = useState(false);
  const toggle = useCompactToggle();
  const { placement, box, contentRef, fits } = usePlacement({
    keepClear: props.keepClear ?? NO_RECTS,
    controls: props.controls,
    panel: SYNC_SIZE,
    defaultHeight: 200,
    compact: SYNC_COMPACT,
    margin: 8,
    anchorY: 'top',
    forceFull: toggle.expanded,
  });
  useSpentWhenFits(toggle, fits);
  useReportBox(props.onPlaced, box);
  const compact = placement.kind === 'compact';
  const n = props.missing.length;
  const dismiss = (
    <button type="button" data-testid="sync-dismiss" aria-label="Dismiss" onClick={onTrusted(props.onDismiss)}>
      ✕
    </button>
  );
  return (
    <aside
      className={`wtg-panel wtg-sync${compact ? ' wtg-compact' : ''}`}
      style={placementStyle(placement)}
      data-testid="sync-missing"
      data-dock={compact ? 'compact' : placement.side}
      data-overlaps={placement.overlaps ? 'true' : undefined}
      aria-label="Tokens missing from Wati's list"
    >
      {compact ? (
        <div className="wtg-compact-bar" data-testid="sync-compact">
          <span className="wtg-compact-title" title={props.missing.map((m) => m.name).join(', ')}>
            Not in Wati's list: {props.missing[0]?.name}
            {n > 1 ? ` (+${n - 1})` : ''}
          </span>
          <span className="wtg-head-actions">
            <button type="button" ref={toggle.expandRef} data-testid="sync-expand" aria-label={`Review the ${n} tokens missing from Wati's list`} aria-expanded={false} onClick={onTrusted(toggle.expand)}>
              Review
            </button>
            {dismiss}
          </span>
          <ul className="wtg-sr">
            {props.missing.map((m) => (
              <li key={m.id}>{m.name}</li>
            ))}
          </ul>
        </div>
      ) : (
        <div ref={contentRef}>
          <header className="wtg-head">
            <strong>Not in Wati's list any more</strong>
            <span className="wtg-head-actions">
              {toggle.expanded && (
                <button type="button" ref={toggle.collapseRef} data-testid="sync-collapse" aria-label="Collapse to one line" onClick={onTrusted(toggle.collapse)}>
                  Collapse
                </button>
              )}
              {dismiss}
            </span>
          </header>
          <p>These tokens are in your inventory but not in this list. If they were revoked or deleted in Wati, mark them revoked:</p>
          <ul className="wtg-sync-list">
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
        </div>
      )}
    </aside>
  );
}
