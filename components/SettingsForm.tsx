import { CLIPBOARD_CLEAR_CHOICES, type Settings } from '@/lib/storage/settings';

export interface SettingsFormProps {
  settings: Settings;
  onChange(next: Settings): void;
  /** Called when the user turns the exact clipboard check on (the page asks for the permission). */
  onRequestExactCheck?(on: boolean): void;
}

export function SettingsForm({ settings, onChange, onRequestExactCheck }: SettingsFormProps) {
  const set = (patch: Partial<Settings>) => onChange({ ...settings, ...patch });
  const setRem = (patch: Partial<Settings['reminders']>) => set({ reminders: { ...settings.reminders, ...patch } });
  return (
    <form className="settings" onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>Clipboard</legend>
        <label>
          Clear a copied token after{' '}
          <select
            data-testid="clipboard-clear-seconds"
            value={settings.clipboardClearSeconds}
            onChange={(e) => set({ clipboardClearSeconds: Number(e.target.value) as Settings['clipboardClearSeconds'] })}
          >
            {CLIPBOARD_CLEAR_CHOICES.map((n) => (
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
          Check the clipboard still holds the token before clearing (asks for permission to read the clipboard)
        </label>
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
            checked={settings.reminders.notificationsEnabled}
            onChange={(e) => setRem({ notificationsEnabled: e.target.checked })}
          />{' '}
          System notifications
        </label>
        <label>
          Remind before expiry (days, comma-separated){' '}
          <input
            data-testid="milestones"
            defaultValue={settings.reminders.milestonesDays.join(', ')}
            onBlur={(e) => {
              const days = parseDays(e.target.value);
              if (days) setRem({ milestonesDays: days });
            }}
          />
        </label>
        <label>
          Rotate every{' '}
          <input
            type="number"
            min={1}
            max={3650}
            data-testid="rotation-days"
            value={settings.reminders.rotationIntervalDays}
            onChange={(e) => {
              const n = Number(e.target.value);
              if (Number.isInteger(n) && n >= 1 && n <= 3650) setRem({ rotationIntervalDays: n });
            }}
          />{' '}
          days
        </label>
      </fieldset>
    </form>
  );
}

/** "30, 14, 7" → [30, 14, 7] (descending, unique); undefined when anything is not a whole day count. */
export function parseDays(text: string): number[] | undefined {
  const parts = text.split(/[,\s]+/).filter(Boolean);
  const nums = parts.map(Number);
  if (!parts.length || nums.some((n) => !Number.isInteger(n) || n < 1 || n > 366)) return undefined;
  return [...new Set(nums)].sort((a, b) => b - a);
}
