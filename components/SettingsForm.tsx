import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { CLIPBOARD_CLEAR_CHOICES, type Settings } from '@/lib/storage/settings';
import { formatMilestones, parseDayCount, parseMilestones, type FieldResult } from '@/lib/ui/settings-fields';

export interface SettingsFormProps {
  settings: Settings;
  onChange(next: Settings): void;
  /**
   * Called in the click that turns the exact clipboard check on or off: the page asks for (or gives
   * back) the clipboard-read permission and saves the setting itself. Without it the box just saves.
   */
  onRequestExactCheck?(on: boolean): void;
  /** The outcome of the last permission request, shown under the checkbox. */
  exactCheckMessage?: string | undefined;
}

/** Off last: the choices read as a scale, and 30 s (the default) sits in the middle. */
const CLEAR_ORDER = [...CLIPBOARD_CLEAR_CHOICES.filter((n) => n !== 0), 0];

export function SettingsForm({ settings, onChange, onRequestExactCheck, exactCheckMessage }: SettingsFormProps) {
  const set = (patch: Partial<Settings>) => onChange({ ...settings, ...patch });
  const setRem = (patch: Partial<Settings['reminders']>) => set({ reminders: { ...settings.reminders, ...patch } });
  const rem = settings.reminders;
  return (
    <form className="settings" onSubmit={(e) => e.preventDefault()} noValidate>
      <fieldset>
        <legend>Clipboard</legend>
        <label>
          Clear a copied token from the clipboard after{' '}
          <select
            data-testid="clipboard-clear-seconds"
            value={settings.clipboardClearSeconds}
            onChange={(e) => set({ clipboardClearSeconds: Number(e.target.value) as Settings['clipboardClearSeconds'] })}
          >
            {CLEAR_ORDER.map((n) => (
              <option key={n} value={n}>
                {n === 0 ? 'never (off)' : `${n} seconds`}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            data-testid="exact-clipboard-check"
            checked={settings.exactClipboardCheck}
            onChange={(e) => (onRequestExactCheck ? onRequestExactCheck(e.target.checked) : set({ exactClipboardCheck: e.target.checked }))}
          />{' '}
          Exact check: clear only if the clipboard still holds the token (asks for permission to read the clipboard)
        </label>
        {exactCheckMessage && (
          <p className="hint" data-testid="exact-clipboard-status" role="status">
            {exactCheckMessage}
          </p>
        )}
      </fieldset>
      <fieldset>
        <legend>Coach</legend>
        <label>
          <input type="checkbox" data-testid="coach-auto-open" checked={settings.coachAutoOpen} onChange={(e) => set({ coachAutoOpen: e.target.checked })} /> Open
          the coach on its own on Wati's API Tokens page
        </label>
      </fieldset>
      <fieldset>
        <legend>Reminders</legend>
        <label>
          <input
            type="checkbox"
            data-testid="notifications-enabled"
            checked={rem.notificationsEnabled}
            onChange={(e) => setRem({ notificationsEnabled: e.target.checked })}
          />{' '}
          System notifications (the toolbar badge and the dashboard banner work either way)
        </label>
        <TextSetting<number[]>
          testId="milestones"
          label="Remind this many days before expiry"
          hint="Comma-separated, e.g. 30, 14, 7, 3, 1. You are also reminded on the day and when a token has expired."
          value={formatMilestones(rem.milestonesDays)}
          parse={parseMilestones}
          format={formatMilestones}
          onCommit={(days) => setRem({ milestonesDays: days })}
        />
        <TextSetting
          testId="rotation-days"
          label="Suggest rotating a token every"
          unit="days"
          numeric
          hint="Counted from its creation (Wati recommends 6 months: 180 days)."
          value={String(rem.rotationIntervalDays)}
          parse={(t) => parseDayCount(t, 1, 3650)}
          format={String}
          onCommit={(n) => setRem({ rotationIntervalDays: n })}
        />
        <TextSetting
          testId="dormancy-days"
          label="Ask whether a token is still used after"
          unit="days without it being seen working"
          numeric
          hint="Unused tokens are a risk: revoke the ones nothing needs."
          value={String(rem.dormancyDays)}
          parse={(t) => parseDayCount(t, 1, 3650)}
          format={String}
          onCommit={(n) => setRem({ dormancyDays: n })}
        />
      </fieldset>
    </form>
  );
}

interface TextSettingProps<T> {
  testId: string;
  label: string;
  unit?: string;
  hint?: string;
  numeric?: boolean;
  /** The saved value, formatted. */
  value: string;
  parse(text: string): FieldResult<T>;
  format(v: T): string;
  onCommit(v: T): void;
}

/**
 * A free-text setting saved on blur or Enter, and only when valid (never while typing: "1" on the
 * way to "180" must not be saved). An invalid entry shows why and keeps the saved value.
 */
function TextSetting<T>({ testId, label, unit, hint, numeric, value, parse, format, onCommit }: TextSettingProps<T>) {
  const [text, setText] = useState(value);
  const [error, setError] = useState<string | undefined>();
  const errorId = useId();
  // The saved value changed elsewhere (another tab, an import): show it.
  useEffect(() => {
    setText(value);
    setError(undefined);
  }, [value]);

  const commit = () => {
    const r = parse(text);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setError(undefined);
    setText(format(r.value));
    if (format(r.value) !== value) onCommit(r.value);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commit();
    } else if (e.key === 'Escape') {
      setText(value);
      setError(undefined);
    }
  };
  return (
    <div className="text-setting">
      <label>
        {label}{' '}
        <input
          data-testid={testId}
          className={numeric ? 'days-input' : 'list-input'}
          inputMode={numeric ? 'numeric' : 'text'}
          value={text}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
          onKeyDown={onKeyDown}
        />
        {unit ? ` ${unit}` : null}
      </label>
      {error ? (
        <p className="field-error" id={errorId} data-testid={`${testId}-error`} role="alert">
          {error}
        </p>
      ) : (
        hint && <p className="hint">{hint}</p>
      )}
    </div>
  );
}

/** "30, 14, 7" → [30, 14, 7] (descending, unique); undefined when anything is not a whole day count. */
export function parseDays(text: string): number[] | undefined {
  const r = parseMilestones(text);
  return r.ok ? r.value : undefined;
}
