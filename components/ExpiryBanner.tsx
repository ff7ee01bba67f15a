import type { AttentionItem } from '@/lib/reminders/engine';
import { onTrusted } from '@/components/trusted';
import type { Rect } from '@/lib/overlay/placement';
import { placementStyle, usePlacement } from './coach/usePlacement';
import { useCompactToggle, useReportBox, useSpentWhenFits } from './usePanelLayout';

export interface ExpiryBannerProps {
  items: AttentionItem[];
  onRotate(tokenId: string): void;
  onDismiss(): void;
  /** What the banner must not stand in front of (viewport rects): Wati's controls, the form, our other panels. */
  keepClear?: readonly Rect[];
  /** The single controls: even the last-resort bar avoids these. */
  controls?: readonly Rect[];
  /** Where the banner stands (undefined once it is gone), so the sync prompt keeps clear of it. */
  onPlaced?(box: Rect | undefined): void;
}

/** Wanted 720 px wide, narrowest 340; it scrolls below 64 px. */
export const BANNER_SIZE = { width: 720, minWidth: 340, minHeight: 64 };
export const BANNER_COMPACT = { width: 520, minWidth: 280, height: 40 };
const NO_RECTS: readonly Rect[] = [];
const SEVERITY_RANK: Record<string, number> = { critical: 0, warning: 1, info: 2 };

/** The item for the one-line bar: the most severe, then the soonest to expire. */
export function worstItem(items: readonly AttentionItem[]): AttentionItem | undefined {
  let out: AttentionItem | undefined;
  const key = (i: AttentionItem): [number, number] => [SEVERITY_RANK[i.severity] ?? 3, i.daysLeft ?? Infinity];
  for (const i of items) {
    if (!out) {
      out = i;
      continue;
    }
    const [a, b] = [key(i), key(out)];
    if (a[0] < b[0] || (a[0] === b[0] && a[1] < b[1])) out = i;
  }
  return out;
}

/**
 * The dashboard banner: this workspace's tokens that need attention. Presentational. It places itself where it
 * covers none of `keepClear` (lib/overlay/placement), preferably at the top; with no room it is a one-line bar
 * (`banner-compact`: the worst item, Rotate, "N more" to expand, dismiss) that covers none of `controls`.
 */
export function ExpiryBanner(props: ExpiryBannerProps) {
  const toggle = useCompactToggle();
  const { placement, box, contentRef, fits } = usePlacement({
    keepClear: props.keepClear ?? NO_RECTS,
    controls: props.controls,
    panel: BANNER_SIZE,
    defaultHeight: 90,
    compact: BANNER_COMPACT,
    margin: 8,
    sides: ['top', 'right', 'left', 'bottom'],
    anchorY: 'top',
    forceFull: toggle.expanded,
  });
  useSpentWhenFits(toggle, fits);
  useReportBox(props.onPlaced, box);
  const critical = props.items.some((i) => i.severity === 'critical');
  const compact = placement.kind === 'compact';
  const worst = worstItem(props.items);
  const dismiss = (
    <button type="button" data-testid="banner-dismiss" aria-label="Dismiss for this tab" onClick={onTrusted(props.onDismiss)}>
      ✕
    </button>
  );
  return (
    <aside
      className={`wtg-banner${compact ? ' wtg-compact' : ''}`}
      style={placementStyle(placement)}
      data-testid="expiry-banner"
      data-severity={critical ? 'critical' : 'warning'}
      data-dock={compact ? 'compact' : placement.side}
      data-overlaps={placement.overlaps ? 'true' : undefined}
      role="status"
      aria-label="Wati Token Guard: tokens that need attention"
    >
      {compact ? (
        <div className="wtg-compact-bar" data-testid="banner-compact">
          {worst && (
            <span className="wtg-compact-title" data-testid="banner-item" data-token-name={worst.name} title={`${worst.name}: ${worst.line}`}>
              <span aria-hidden="true">⚠</span> <b>{worst.name}</b>: {worst.line}
            </span>
          )}
          <span className="wtg-head-actions">
            {worst && (
              <button type="button" data-testid="banner-rotate" onClick={onTrusted(() => props.onRotate(worst.tokenId))}>
                Rotate
              </button>
            )}
            <button
              type="button"
              ref={toggle.expandRef}
              data-testid="banner-expand"
              aria-label={`Show all ${props.items.length} tokens that need attention`}
              aria-expanded={false}
              onClick={onTrusted(toggle.expand)}
            >
              {props.items.length > 1 ? `${props.items.length - 1} more` : 'Show'}
            </button>
            {dismiss}
          </span>
          {/* Every item stays readable (screen readers, tests) while only the worst is drawn. */}
          <ul className="wtg-sr">
            {props.items.map((i) => (
              <li key={i.tokenId}>
                {i.name}: {i.line}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <div className="wtg-banner-body" ref={contentRef}>
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
          <span className="wtg-head-actions">
            {toggle.expanded && (
              <button type="button" ref={toggle.collapseRef} data-testid="banner-collapse" aria-label="Collapse the banner to one line" onClick={onTrusted(toggle.collapse)}>
                Collapse
              </button>
            )}
            {dismiss}
          </span>
        </div>
      )}
    </aside>
  );
}
