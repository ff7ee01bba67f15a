import { useEffect, useState } from 'react';
import { settingsItem } from '@/lib/storage/items';
import { parseSettings, type Settings } from '@/lib/storage/settings';

/** Settings for extension pages: read through the validator, live-updated from storage. */
export function useSettings(): { settings: Settings | undefined; repaired: string[]; save(next: Settings): Promise<void> } {
  const [state, setState] = useState<{ settings?: Settings; repaired: string[] }>({ repaired: [] });
  useEffect(() => {
    let live = true;
    const load = (raw: unknown) => {
      performance.mark('settings-read'); // PROFMARK
      if (live) setState(parseSettings(raw));
    };
    settingsItem.getValue().then(load);
    const unwatch = settingsItem.watch(load);
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return {
    settings: state.settings,
    repaired: state.repaired,
    save: (next) => settingsItem.setValue(next),
  };
}
