import { useState } from 'react';
import type { FormSnapshot } from '@/lib/coach/steps';
import { onTrusted } from '@/components/trusted';

export function NavigateBody(props: { canGo: boolean; onGo(): void }) {
  return (
    <>
      <p>Tokens are made on Wati's API Tokens page (Connectors → API → API Tokens). Only Administrators and Developers see it.</p>
      {props.canGo ? (
        <div className="wtg-row">
          <button type="button" className="wtg-primary" data-testid="coach-go" onClick={onTrusted(props.onGo)}>
            Take me there
          </button>
        </div>
      ) : (
        <p>Open the highlighted menu, or your workspace's Connectors menu.</p>
      )}
    </>
  );
}

export function OpenFormBody() {
  return <p>Click Wati's highlighted "Generate new token" button. The coach follows the form as you fill it.</p>;
}

export function NameBody(props: { value: string; suggestion: string; warnings: string[]; canFill: boolean; onUseSuggestion(): void }) {
  return (
    <>
      <p>Say what uses it and where, so it can be found and revoked later: e.g. <code className="wtg-mono">{props.suggestion}</code>.</p>
      {props.warnings.map((w) => (
        <p key={w} className="wtg-warn" data-testid="name-warning">
          {w}
        </p>
      ))}
      {props.canFill && (
        <div className="wtg-row">
          <button type="button" data-testid="name-suggest" onClick={onTrusted(props.onUseSuggestion)}>
            Use “{props.suggestion}”
          </button>
        </div>
      )}
    </>
  );
}

export function ExpiryBody(props: {
  current: FormSnapshot['expiry'] | undefined;
  canFill: boolean;
  hasControl: boolean;
  onFill(): void;
  fillProblem?: string;
  acknowledged: boolean;
  onAcknowledge(v: boolean): void;
}) {
  return (
    <>
      <p>Wati advises rotating every 6 months: let the token expire in 180 days, and you'll be reminded before it does.</p>
      {props.canFill && (
        <div className="wtg-row">
          <button type="button" className="wtg-primary" data-testid="expiry-fill" onClick={onTrusted(props.onFill)}>
            Set 180 days
          </button>
        </div>
      )}
      {!props.hasControl && <p className="wtg-warn">This form shows no expiry control. Your account may not offer one: plan a rotation date instead.</p>}
      {props.fillProblem && <p className="wtg-warn">{props.fillProblem}</p>}
      <label className="wtg-ack">
        <input type="checkbox" data-testid="no-expiry-ack" checked={props.acknowledged} onChange={onTrusted((e) => props.onAcknowledge(e.target.checked))} /> Generate
        without an expiry anyway: I understand it stays valid until someone revokes it, so a leaked copy keeps working, and Wati can still invalidate it
        without warning in a key rotation.
      </label>
    </>
  );
}

export function describeExpiry(e: FormSnapshot['expiry'] | undefined): string {
  if (!e || e.kind === 'unknown') return 'unknown';
  if (e.kind === 'none') return 'never (no expiry)';
  if (e.kind === 'days') return `${e.days} days`;
  return e.date;
}

export function ReviewBody(props: {
  form: FormSnapshot;
  risks: string[];
  needsConfirmation: boolean;
  reviewed: boolean;
  onConfirm(reason: string | undefined): void;
}) {
  const [reason, setReason] = useState('');
  return (
    <>
      <dl className="wtg-summary" data-testid="review-summary">
        <dt>Name</dt>
        <dd>{props.form.name || '(empty)'}</dd>
        <dt>Scopes</dt>
        <dd>
          <ul className="wtg-chips">
            {props.form.scopes.map((s) => (
              <li key={s} className="wtg-chip">
                {s}
              </li>
            ))}
          </ul>
        </dd>
        <dt>Expires</dt>
        <dd>{describeExpiry(props.form.expiry)}</dd>
      </dl>
      {props.needsConfirmation && (
        <div className="wtg-warn" data-testid="review-risks">
          <p>This token gets more than the integration needs:</p>
          <ul>
            {props.risks.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
          <label>
            Why is that needed? (kept with the token's record)
            <input type="text" data-testid="risk-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
        </div>
      )}
      <div className="wtg-row">
        <button
          type="button"
          className="wtg-primary"
          data-testid="review-confirm"
          disabled={props.needsConfirmation && reason.trim().length < 3}
          onClick={onTrusted(() => props.onConfirm(props.needsConfirmation ? reason.trim() : undefined))}
        >
          {props.needsConfirmation ? 'Generate with these scopes anyway' : 'Looks right'}
        </button>
      </div>
    </>
  );
}

export function GenerateBody() {
  return <p>Press Wati's highlighted Generate button. The coach never presses it for you. The token will be shown once: the coach will help you store it.</p>;
}

export function DoneBody(props: { name?: string }) {
  return (
    <p className="wtg-ok" data-testid="coach-done">
      {props.name ? `“${props.name}” is stored and in your inventory.` : 'Stored and in your inventory.'} You'll be reminded before it expires or is due for
      rotation.
    </p>
  );
}
