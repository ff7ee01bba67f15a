import type { ReactNode } from 'react';
import { STEP_IDS, type StepId, type StepState } from '@/lib/coach/steps';

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
  /** Which side of the viewport the panel sits on (away from the element the user must reach). */
  dock?: 'left' | 'right';
  /** Steps whose body stays visible even when they are not current (e.g. the live scope check). */
  keepOpen?: StepId[];
  /** A line above the steps (e.g. "Rotating crm-sync-prod"). */
  banner?: ReactNode;
}

/** The coach: presentational only. Step states come from lib/coach/steps (derived from the page). */
export function CoachPanel(props: CoachPanelProps) {
  return (
    <section
      className={`wtg-panel wtg-coach${props.dock === 'left' ? ' wtg-dock-left' : ''}`}
      data-testid="coach"
      data-dock={props.dock ?? 'right'}
      aria-label="Wati Token Guard: create a token safely"
    >
      <header className="wtg-head">
        <strong>Create a token safely</strong>
        <span className="wtg-head-actions">
          <button type="button" data-testid="coach-minimise" aria-expanded={!props.minimised} onClick={props.onToggleMinimise}>
            {props.minimised ? 'Show' : 'Hide'}
          </button>
          <button type="button" data-testid="coach-dismiss" aria-label="Dismiss the coach on this page" onClick={props.onDismiss}>
            ✕
          </button>
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
        <button type="button" data-testid="coach-dismiss" aria-label="Dismiss the checklist on this page" onClick={props.onDismiss}>
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
