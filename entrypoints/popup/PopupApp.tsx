import { browser } from 'wxt/browser';
import { useSettings } from '@/lib/ui/settings-store';

export function PopupApp() {
  const { settings } = useSettings();
  return (
    <main className="page popup">
      <h1>Wati Token Guard</h1>
      <button type="button" data-testid="create-token" onClick={() => void browser.runtime.sendMessage({ type: 'coach:open' })}>
        Create a token safely
      </button>
      <p data-testid="clipboard-setting">
        {settings ? `Clipboard clears ${settings.clipboardClearSeconds ? `after ${settings.clipboardClearSeconds} s` : 'never'}` : 'Loading…'}
      </p>
      <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">Settings</a>
    </main>
  );
}
