import { useEffect, useRef, useState } from 'react';
import type { Rect } from '@/lib/overlay/placement';
import { useRects } from './useRects';
import { placementStyle, usePlacement } from './usePlacement';
import { onTrusted } from '@/components/trusted';

export type ClipboardView =
  | { state: 'idle' }
  | { state: 'counting'; deadline: number }
  | { state: 'off' }
  | { state: 'cleared' }
  | { state: 'cancelled' }
  | { state: 'skipped' }
  | { state: 'failed'; message: string };

export interface CapturePanelProps {
  /** What must stay visible and clickable: the token's dialog or panel, the token, Wati's Copy and Done buttons. */
  anchors: Array<Element | undefined>;
  /** Where the panel stands now (undefined once it is gone), so the coach can keep clear of it. */
  onPlaced?(box: Rect | undefined): void;
  tokenName: string;
  credentialId: string;
  clipboard: ClipboardView;
  canStoreCredential: boolean;
  saved?: 'credential' | 'form';
  stored: boolean;
  hidden: boolean;
  mismatches: string[];
  /** The inventory could not store the token's metadata ("Could not save: …"): never silent. */
  saveError?: string;
  onCopy(): void;
  onStoreCredential(): void;
  /** The save form was submitted: the page clears the password field and reports it saved. */
  onFormSaved(): void;
  readToken(): string | undefined;
  onConfirm(): void;
  onToggleHidden(): void;
  rotation?: { chosen?: string; onChoose(hours: number, label: string): void };
}

export const REVOKE_CHOICES: Array<{ hours: number; label: string }> = [
  { hours: 0, label: 'now' },
  { hours: 1, label: 'in 1 hour' },
  { hours: 24, label: 'in 24 hours' },
  { hours: 24 * 7, label: 'in 7 days' },
];

const CAPTURE_SIZE = { width: 340, minWidth: 280, minHeight: 170 };
const CAPTURE_COMPACT = { width: 330, minWidth: 260, height: 44 };

/**
 * Beside the token: copy with auto-clear, save to a password manager, confirm. Presentational. It stands next to
 * the token's panel without covering it (lib/overlay/placement); with no room, a one-line bar ("Copy token" and
 * an expand control) that covers none of Wati's controls.
 */
export function CapturePanel(p: CapturePanelProps) {
  const rects = useRects(p.anchors);
  const [showForm, setShowForm] = useState(false);
  const [expanded, setExpanded] = useState(false);
  const { placement, box, contentRef, fits } = usePlacement({
    keepClear: rects,
    controls: rects,
    panel: CAPTURE_SIZE,
    defaultHeight: 330,
    compact: CAPTURE_COMPACT,
    margin: 8,
    align: 'near',
    forceFull: expanded,
  });
  useEffect(() => {
    if (fits && expanded) setExpanded(false);
  }, [fits, expanded]);
  const onPlaced = useRef(p.onPlaced);
  onPlaced.current = p.onPlaced;
  const boxKey = `${box.left},${box.top},${box.right},${box.bottom}`;
  useEffect(() => onPlaced.current?.(box), [boxKey]);
  useEffect(() => () => onPlaced.current?.(undefined), []);
  const compact = placement.kind === 'compact';
  return (
    <section
      className={`wtg-panel wtg-capture${compact ? ' wtg-compact' : ''}`}
      style={placementStyle(placement)}
      data-testid="capture-panel"
      data-dock={compact ? 'compact' : placement.side}
      aria-label="Store the new token safely"
    >
      {compact ? (
        <div className="wtg-compact-bar" data-testid="capture-compact">
          {/* What must never be hidden, even on one line: that it clears itself, and that it was stored. */}
          <span className="wtg-compact-title">
            {p.clipboard.state === 'counting' ? <CompactCountdown deadline={p.clipboard.deadline} /> : 'Shown once:'}
          </span>
          <span className="wtg-head-actions">
            <button type="button" className="wtg-primary" data-testid="capture-copy" onClick={onTrusted(p.onCopy)}>
              Copy
            </button>
            {!p.stored && (
              <button type="button" data-testid="capture-confirm" aria-label="I've stored it" onClick={onTrusted(p.onConfirm)}>
                Stored it
              </button>
            )}
            <button type="button" data-testid="capture-expand" aria-label="Show the capture panel" aria-expanded={false} onClick={onTrusted(() => setExpanded(true))}>
              More
            </button>
          </span>
        </div>
      ) : (
        <div ref={contentRef}>
          <header className="wtg-head">
            <strong>Wati shows this token only once</strong>
            {expanded && (
              <span className="wtg-head-actions">
                <button type="button" data-testid="capture-collapse" aria-label="Collapse the capture panel to one line" onClick={onTrusted(() => setExpanded(false))}>
                  Collapse
                </button>
              </span>
            )}
          </header>
          <div className="wtg-body">
            {p.saveError && (
              <p className="wtg-warn" role="alert" data-testid="capture-save-error">
                {p.saveError}
              </p>
            )}
            {p.mismatches.map((m) => (
              <p key={m} className="wtg-warn" data-testid="claims-mismatch">
                {m}
              </p>
            ))}
            <div className="wtg-row">
              <button type="button" className="wtg-primary" data-testid="capture-copy" onClick={onTrusted(p.onCopy)}>
                Copy token
              </button>
              <button
                type="button"
                data-testid="capture-save"
                onClick={onTrusted(() => {
                  if (p.canStoreCredential) p.onStoreCredential();
                  setShowForm(true);
                })}
              >
                Save to password manager
              </button>
            </div>
            <ClipboardLine view={p.clipboard} />
            {p.saved === 'credential' && <p className="wtg-ok">Offered to your browser's password manager as “{p.credentialId}”.</p>}
            {showForm && (
              <SaveForm
                username={p.credentialId}
                readToken={p.readToken}
                onSaved={() => {
                  p.onFormSaved();
                  setShowForm(false);
                }}
              />
            )}
            {!p.stored ? (
              <>
                <p>Paste it into your password manager or secret store now. Never into a chat, ticket, URL or repository.</p>
                <button type="button" className="wtg-primary" data-testid="capture-confirm" onClick={onTrusted(p.onConfirm)}>
                  I've stored it
                </button>
              </>
            ) : (
              <>
                <p className="wtg-ok" data-testid="capture-stored">
                  Stored. You can close Wati's dialog.
                </p>
                <button type="button" data-testid="capture-hide" aria-pressed={p.hidden} onClick={onTrusted(p.onToggleHidden)}>
                  {p.hidden ? 'Show the token on screen' : 'Hide the token on screen (for screen sharing)'}
                </button>
                {p.rotation && (
                  <div data-testid="revoke-old">
                    <p>This token replaces an older one. When should the old token be revoked?</p>
                    <div className="wtg-row">
                      {REVOKE_CHOICES.map((c) => (
                        <button
                          key={c.hours}
                          type="button"
                          data-testid="revoke-old-choice"
                          data-hours={c.hours}
                          aria-pressed={p.rotation?.chosen === c.label}
                          onClick={onTrusted(() => p.rotation?.onChoose(c.hours, c.label))}
                        >
                          {c.label}
                        </button>
                      ))}
                    </div>
                    {p.rotation.chosen && (
                      <p className="wtg-ok" data-testid="revoke-old-scheduled">
                        You'll be reminded to revoke the old token {p.rotation.chosen}.
                      </p>
                    )}
                  </div>
                )}
              </>
            )}
          </div>
        </div>
      )}
    </section>
  );
}

/** The countdown in the one-line bar: same test id and data-seconds as the full panel's line. */
function CompactCountdown({ deadline }: { deadline: number }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(t);
  }, [deadline]);
  const left = Math.max(0, Math.ceil((deadline - now) / 1000));
  return (
    <span data-testid="clipboard-countdown" data-seconds={left} aria-live="polite">
      Clears in {left} s
    </span>
  );
}

function ClipboardLine({ view }: { view: ClipboardView }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (view.state !== 'counting') return;
    const t = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(t);
  }, [view]);
  switch (view.state) {
    case 'idle':
      return null;
    case 'counting': {
      const left = Math.max(0, Math.ceil((view.deadline - now) / 1000));
      return (
        <p data-testid="clipboard-countdown" data-seconds={left} aria-live="polite">
          Copied. The clipboard will be cleared in <strong className="wtg-countdown">{left} s</strong> (copying something else yourself, with Ctrl+C, cancels it).
        </p>
      );
    }
    case 'off':
      return <p data-testid="clipboard-countdown">Copied. Automatic clearing is off in the settings: clear your clipboard yourself.</p>;
    case 'cleared':
      return (
        <p className="wtg-ok" data-testid="clipboard-countdown" data-seconds={0}>
          Clipboard cleared.
        </p>
      );
    case 'cancelled':
      return <p data-testid="clipboard-countdown">You copied something else, so the clipboard was left alone.</p>;
    case 'skipped':
      return <p data-testid="clipboard-countdown">The clipboard no longer held the token, so it was left alone.</p>;
    case 'failed':
      return (
        <p className="wtg-warn" data-testid="clipboard-countdown">
          {view.message}
        </p>
      );
  }
}

/**
 * A form password managers recognise (username + new-password, submitted). It is submitted
 * without navigating anywhere: the handler prevents the default and the form is removed, which
 * is the "form disappeared after submit" signal managers watch for.
 */
function SaveForm(props: { username: string; readToken(): string | undefined; onSaved(): void }) {
  const pw = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // The token goes into the field's live value only, never into a React prop or attribute.
    if (pw.current) pw.current.value = props.readToken() ?? '';
    const el = pw.current;
    return () => {
      if (el) el.value = '';
    };
  }, []);
  return (
    <form
      className="wtg-save-form"
      data-testid="capture-save-form"
      autoComplete="on"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSaved();
      }}
    >
      <label>
        Username for your password manager
        <input type="text" name="username" autoComplete="username" defaultValue={props.username} />
      </label>
      <label>
        Token
        <input type="password" name="password" autoComplete="new-password" ref={pw} />
      </label>
      <button type="submit" data-testid="capture-save-submit">
        Save
      </button>
    </form>
  );
}

export function CloseGuard(props: { onBack(): void; onCloseAnyway(): void }) {
  return (
    <div className="wtg-modal-backdrop">
      <div className="wtg-modal" role="alertdialog" aria-modal="true" aria-labelledby="wtg-guard-title" data-testid="close-guard">
        <h2 id="wtg-guard-title">The token will never be shown again</h2>
        <p>You have not confirmed that the token is stored. If you close this now and did not save it, you will have to revoke it and generate a new one.</p>
        <div className="wtg-row">
          <button type="button" className="wtg-primary" data-testid="close-guard-back" onClick={onTrusted(props.onBack)} autoFocus>
            Go back
          </button>
          <button type="button" className="wtg-danger" data-testid="close-guard-close" onClick={onTrusted(props.onCloseAnyway)}>
            Close anyway
          </button>
        </div>
      </div>
    </div>
  );
}
