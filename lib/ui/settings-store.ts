import { useEffect, useState } from 'react';
import { settingsItem } from '@/lib/storage/items';
import { parseSettings, type Settings } from '@/lib/storage/settings';
import { followItem, type Prefetch } from '@/lib/platform/prefetch';

/**
 * Settings for extension pages: read through the validator, live-updated from storage.
 * `prefetch`: a read of `settings` started before the page's modules loaded (lib/platform/prefetch.ts).
 */
export function useSettings(prefetch?: Prefetch): { settings: Settings | undefined; repaired: string[]; save(next: Settings): Promise<void> } {
  const [initial] = useState(() => (prefetch?.result && !prefetch.changed ? prefetch.result : undefined));
  const [state, setState] = useState<{ settings?: Settings; repaired: string[] }>(() => (initial ? parseSettings(initial.value) : { repaired: [] }));
  useEffect(() => {
    let live = true;
    const load = (raw: unknown) => {
      if (live) setState(parseSettings(raw));
    };
    const unwatch = followItem(settingsItem, load, prefetch, initial !== undefined);
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
