import type { Finding, Recommendation } from '@/lib/scopes';
import { onTrusted } from '@/components/trusted';

export interface IntentPickerProps {
  presets: Array<{ id: string; label: string; description: string }>;
  selectedPresets: string[];
  onTogglePreset(id: string, on: boolean): void;
  endpoints: Array<{ ref: string; label: string; published: boolean }>;
  selectedEndpoints: string[];
  onToggleEndpoint(ref: string, on: boolean): void;
  pasteText: string;
  /** The text changed (every keystroke). */
  onPaste(text: string): void;
  /** A paste is about to change the text (fires before `onPaste`): read it at once instead of after the pause. */
  onPasteEvent?(): void;
  /** The paste is over the size cap: this message is shown instead of the calls. */
  tooLong?: string;
  /** How many credentials were taken out of the pasted text before it was read. */
  stripped?: number;
  parsedCalls: Array<{ method: string; path: string; label?: string; status: string }>;
  unrecognised: string[];
}

/** "What will the integration do?": presets, catalog endpoints, or pasted calls. */
export function IntentPicker(p: IntentPickerProps) {
  return (
    <div className="wtg-intent" data-testid="intent">
      <p>What will the integration do? The coach works out the fewest scopes that allow exactly that.</p>
      <fieldset className="wtg-presets">
        <legend className="wtg-sr">Presets</legend>
        {p.presets.map((preset) => (
          <label key={preset.id} title={preset.description}>
            <input
              type="checkbox"
              data-testid="intent-preset"
              data-preset={preset.id}
              checked={p.selectedPresets.includes(preset.id)}
              onChange={onTrusted((e) => p.onTogglePreset(preset.id, e.target.checked))}
            />
            {preset.label}
          </label>
        ))}
      </fieldset>
      <details>
        <summary>Pick endpoints</summary>
        <div className="wtg-presets">
          {p.endpoints.map((ep) => (
            <label key={ep.ref} title={ep.ref}>
              <input
                type="checkbox"
                data-testid="intent-endpoint"
                data-endpoint={ep.ref}
                checked={p.selectedEndpoints.includes(ep.ref)}
                onChange={onTrusted((e) => p.onToggleEndpoint(ep.ref, e.target.checked))}
              />
              {ep.label}
              {!ep.published && <span title="Wati does not publish this endpoint's scopes"> *</span>}
            </label>
          ))}
        </div>
      </details>
      <label>
        Or paste URLs, curl commands, code or a Postman collection
        <textarea
          data-testid="intent-paste"
          value={p.pasteText}
          spellCheck={false}
          autoComplete="off"
          placeholder="curl -X POST https://live-mt-server.wati.io/api/ext/v3/conversations/messages/text …"
          onPaste={() => p.onPasteEvent?.()}
          onChange={(e) => p.onPaste(e.target.value)}
        />
      </label>
      {p.tooLong && (
        <p className="wtg-warn" role="alert" data-testid="intent-too-long">
          {p.tooLong}
        </p>
      )}
      {!!p.stripped && (
        <p className="wtg-note" data-testid="intent-stripped">
          {p.stripped === 1 ? 'A credential was' : `${p.stripped} credentials were`} taken out of the pasted text before it was read.
        </p>
      )}
      {!p.tooLong && p.parsedCalls.length > 0 && (
        <ul className="wtg-findings" data-testid="intent-parsed">
          {p.parsedCalls.map((c, i) => (
            <li key={`${c.method} ${c.path} ${i}`} className="wtg-finding" data-status={c.status}>
              <code>
                {c.method} {c.path}
              </code>{' '}
              {c.status === 'matched' ? `: ${c.label ?? ''}` : c.status === 'method-mismatch' ? ': known path, other method' : ': not a known Wati endpoint'}
            </li>
          ))}
        </ul>
      )}
      {!p.tooLong && p.unrecognised.length > 0 && (
        <div className="wtg-warn" data-testid="intent-unrecognised">
          Not recognised:
          <ul>
            {p.unrecognised.slice(0, 8).map((u) => (
              <li key={u}>
                <code>{u.length > 80 ? `${u.slice(0, 80)}…` : u}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

export function ScopeFindings(props: {
  recommendation?: Recommendation;
  findings: Finding[];
  canApply: boolean;
  onApply(): void;
  applied?: { ok: boolean; message: string };
}) {
  const rec = props.recommendation;
  return (
    <div className="wtg-scope-check">
      {rec && (
        <div>
          <p>
            <strong>Recommended</strong> ({rec.scopes.length} scope{rec.scopes.length === 1 ? '' : 's'}):
          </p>
          <ul className="wtg-chips" data-testid="recommended-scopes">
            {rec.scopes.map((s) => (
              <li
                key={s.formName}
                className={`wtg-chip${s.guess ? ' wtg-guess' : ''}`}
                data-scope={s.formName}
                title={`Needed by: ${s.reasons.join(', ')}${s.guess ? ' (a best guess: Wati does not publish this endpoint\u2019s scopes)' : ''}`}
              >
                {s.formName}
                {s.guess ? ' (guess)' : ''}
              </li>
            ))}
          </ul>
          {rec.noKnownScope.length > 0 && (
            <p className="wtg-warn">Wati names no scope for: {rec.noKnownScope.join(', ')}. Only api is sure to work there; ask Wati support before granting it.</p>
          )}
          {rec.uncoverable.length > 0 && <p className="wtg-warn">This form offers no scope for: {rec.uncoverable.join(', ')}.</p>}
          <div className="wtg-row">
            <button type="button" className="wtg-primary" data-testid="apply-recommended" disabled={!props.canApply} onClick={onTrusted(props.onApply)}>
              Apply recommended
            </button>
          </div>
          {props.applied && (
            <p className={props.applied.ok ? 'wtg-ok' : 'wtg-warn'} data-testid="apply-result">
              {props.applied.message}
            </p>
          )}
        </div>
      )}
      {props.findings.length > 0 ? (
        <ul className="wtg-findings" aria-live="polite">
          {props.findings.map((f) => (
            <li key={`${f.kind}:${f.scope}`} className="wtg-finding" data-testid="scope-finding" data-kind={f.kind} data-scope={f.scope}>
              <strong>{LABELS[f.kind]}</strong> <code>{f.scope === 'select-all' ? 'Select all' : f.scope}</code>: {f.reason}
            </li>
          ))}
        </ul>
      ) : (
        rec && <p className="wtg-ok">The ticked scopes match what the integration needs.</p>
      )}
    </div>
  );
}

const LABELS: Record<Finding['kind'], string> = {
  excess: 'Not needed',
  missing: 'Missing',
  'high-risk': 'High risk',
  unknown: 'Unknown',
};
