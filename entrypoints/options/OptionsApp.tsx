import { useSettings } from '@/lib/ui/settings-store';
import { SettingsForm } from '@/components/SettingsForm';

export function OptionsApp() {
  const { settings, repaired, save } = useSettings();
  return (
    <main className="page options">
      <h1>Wati Token Guard settings</h1>
      {repaired.length > 0 && (
        <div role="alert" data-testid="settings-repaired">
          {repaired.map((r) => (
            <p key={r}>{r}</p>
          ))}
        </div>
      )}
      {settings ? <SettingsForm settings={settings} onChange={(s) => void save(s)} /> : <p>Loading…</p>}
    </main>
  );
}
