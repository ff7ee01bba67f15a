import { useEffect, useRef, useState, type ReactNode } from 'react';
import { onTrusted } from '@/components/trusted';
import { currentStep, STEP_IDS, type StepId, type StepState } from '@/lib/coach/steps';
import type { Rect } from '@/lib/overlay/placement';
import { placementStyle, usePlacement } from './usePlacement';
import { useReportBox } from '../usePanelLayout';

export const STEP_TITLES: Record<StepId, string> = {
  navigate: 'Go to API Tokens',
  'open-form': 'Open "Generate new token"',
  name: 'Name the token',
  scopes: 'Pick only the scopes it needs',
  expiry: 'Set an expiry',
  review: 'Review',
  generate: 'Generate',
  capture: 'Store the token safely',
  done: 'Done',
};

export interface CoachPanelProps {
  steps: Record<StepId, StepState>;
  /** Content shown under the current step (and under steps the user expands). */
  bodies: Partial<Record<StepId, ReactNode>>;
  minimised: boolean;
  onToggleMinimise(): void;
  onDismiss(): void;
  /** Wati's things the user must reach on this step (viewport rects): the panel never stands in front of them. */
  keepClear?: readonly Rect[];
  /** The single controls inside them: when nothing is free, even the compact bar avoids these. */
  controls?: readonly Rect[];
  /** Steps whose body stays visible even when they are not current (e.g. the live scope check). */
  keepOpen?: StepId[];
  /** A line above the steps (e.g. "Rotating crm-sync-prod"). */
  banner?: ReactNode;
  /** Where the panel stands (undefined once it is gone), so the banner and the sync prompt keep clear of it. */
  onPlaced?(box: Rect | undefined): void;
}

/** Full panel: wanted 360 px wide, narrowest 280; below 220 px of height it is not worth showing. */
export const COACH_SIZE = { width: 360, minWidth: 280, minHeight: 220 };
const COACH_COMPACT = { width: 340, minWidth: 220, height: 40 };
const NO_RECTS: readonly Rect[] = [];

/**
 * The coach: presentational only. Step states come from lib/coach/steps (derived from the page). It places
 * itself where it covers none of `keepClear` (lib/overlay/placement); when no spot is big enough it becomes a
 * one-line bar (`coach-compact`) that the user can expand on demand.
 */
export function CoachPanel(props: CoachPanelProps) {
  const [expanded, setExpanded] = useState(false);
  const { placement, box, contentRef, fits } = usePlacement({
    keepClear: props.keepClear ?? NO_RECTS,
    controls: props.controls,
    panel: COACH_SIZE,
    defaultHeight: props.minimised ? 44 : 480,
    compact: COACH_COMPACT,
    margin: 16,
    forceFull: expanded,
  });
  useReportBox(props.onPlaced, box);
  // Once the full panel fits again, "expanded" is spent: the next squeeze starts compact again.
  useEffect(() => {
    if (fits && expanded) setExpanded(false);
  }, [fits, expanded]);
  // Keep the keyboard focus on the toggle the user pressed (its twin replaces it).
  const focusNext = useRef<'expand' | 'collapse' | undefined>(undefined);
  const expandBtn = useRef<HTMLButtonElement>(null);
  const collapseBtn = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusNext.current === 'expand') expandBtn.current?.focus();
    if (focusNext.current === 'collapse') collapseBtn.current?.focus();
    focusNext.current = undefined;
  });
  const current = currentStep(props.steps);
  const compact = placement.kind === 'compact';
  const dismiss = (
    <button type="button" data-testid="coach-dismiss" aria-label="Dismiss the coach on this page" onClick={onTrusted(props.onDismiss)}>
      ✕
    </button>
  );
  return (
    <section
      className={`wtg-panel wtg-coach${compact ? ' wtg-compact' : ''}`}
      style={placementStyle(placement)}
      data-testid="coach"
      data-dock={compact ? 'compact' : placement.side}
      data-overlaps={placement.overlaps ? 'true' : undefined}
      aria-label="Wati Token Guard: create a token safely"
    >
      {compact ? (
        <div className="wtg-compact-bar" data-testid="coach-compact" data-step={current}>
          <span className="wtg-compact-title">
            <span aria-hidden="true">›</span> {STEP_TITLES[current]}
          </span>
          <span className="wtg-head-actions">
            <button
              type="button"
              ref={expandBtn}
              data-testid="coach-expand"
              aria-label="Show the coach"
              aria-expanded={false}
              onClick={onTrusted(() => {
                focusNext.current = 'collapse';
                setExpanded(true);
              })}
            >
              Show
            </button>
            {dismiss}
          </span>
          {/* The whole progress stays readable (screen readers, tests) while only the current step is drawn. */}
          <ol className="wtg-sr">
            {STEP_IDS.map((id) => (
              <li key={id} data-testid="coach-step" data-step={id} data-state={props.steps[id]}>
                {STEP_TITLES[id]} ({props.steps[id]})
              </li>
            ))}
          </ol>
        </div>
      ) : (
        <div ref={contentRef}>
          <header className="wtg-head">
            <strong>Create a token safely</strong>
            <span className="wtg-head-actions">
              {expanded && (
                <button
                  type="button"
                  ref={collapseBtn}
                  data-testid="coach-collapse"
                  aria-label="Collapse the coach to one line"
                  onClick={onTrusted(() => {
                    focusNext.current = 'expand';
                    setExpanded(false);
                  })}
                >
                  Collapse
                </button>
              )}
              <button type="button" data-testid="coach-minimise" aria-expanded={!props.minimised} onClick={onTrusted(props.onToggleMinimise)}>
                {props.minimised ? 'Show' : 'Hide'}
              </button>
              {dismiss}
            </span>
          </header>
          {!props.minimised && (
            <div data-testid="coach-body">
              {props.banner && <div className="wtg-note">{props.banner}</div>}
              <ol className="wtg-steps">
                {STEP_IDS.map((id) => (
                  <li key={id} data-testid="coach-step" data-step={id} data-state={props.steps[id]} className={`wtg-step wtg-${props.steps[id]}`}>
                    <span className="wtg-step-mark" aria-hidden="true">
                      {props.steps[id] === 'done' ? '✓' : props.steps[id] === 'current' ? '›' : '·'}
                    </span>
                    <span className="wtg-step-title">
                      {STEP_TITLES[id]}
                      <span className="wtg-sr"> ({props.steps[id]})</span>
                    </span>
                    {(props.steps[id] === 'current' || props.keepOpen?.includes(id)) && props.bodies[id] && (
                      <div className="wtg-step-body">{props.bodies[id]}</div>
                    )}
                  </li>
                ))}
              </ol>
            </div>
          )}
        </div>
      )}
    </section>
  );
}

/** Wati's own steps as a plain checklist: for a page the extension cannot read. */
export const MANUAL_STEPS = [
  'Open Connectors → API → API Tokens (only Administrators and Developers see it).',
  'Click "Generate new token".',
  'Name it after the integration and environment, e.g. crm-sync-prod-2026-11.',
  'Tick only the scopes the integration needs. Do not use "Select all"; avoid api and wati_integration:* unless nothing narrower works.',
  'Set an expiry (about 6 months is Wati\u2019s advice) and put the rotation date in your calendar.',
  'Generate, then copy the token straight into a password manager or secret store: it is shown only once.',
  'Clear your clipboard, and never paste the token into a URL, chat, ticket or repository.',
];

export function ManualChecklist(props: { reason: string; onDismiss(): void }) {
  return (
    <section className="wtg-panel" data-testid="manual-mode" aria-label="Wati Token Guard: manual checklist">
      <header className="wtg-head">
        <strong>Create a token safely</strong>
        <button type="button" data-testid="coach-dismiss" aria-label="Dismiss the checklist on this page" onClick={onTrusted(props.onDismiss)}>
          ✕
        </button>
      </header>
      <p className="wtg-note">{props.reason}</p>
      <ol className="wtg-manual">
        {MANUAL_STEPS.map((s) => (
          <li key={s}>
            <label>
              <input type="checkbox" /> {s}
            </label>
          </li>
        ))}
      </ol>
    </section>
  );
}
