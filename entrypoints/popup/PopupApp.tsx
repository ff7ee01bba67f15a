import { useEffect, useMemo, useState } from 'react';
import { writeErrorItem } from '@/lib/storage/session-items';
import { browser } from 'wxt/browser';
import { PopupView } from '@/components/popup/PopupView';
import type { TokenRowActions } from '@/components/popup/TokenRow';
import { deleteToken, markTokenRevoked, openCoach, rotateToken, snoozeToken, updateToken } from '@/lib/ui/inventory-actions';
import { useInventory } from '@/lib/ui/inventory-store';
import { buildInventoryView } from '@/lib/ui/inventory-view';
import type { Prefetch } from '@/lib/platform/prefetch';
import { useSettings } from '@/lib/ui/settings-store';
import { userTimeZone } from '@/lib/ui/time';

/** Wiring only: storage in, background messages out. Layout and behaviour live in components/popup. */
const actions: TokenRowActions = {
  async onRotate(id) {
    const r = await rotateToken(id);
    if (r.ok) window.close();
    return r;
  },
  onMarkRevoked: markTokenRevoked,
  onSnooze: snoozeToken,
  onSaveEdit: updateToken,
  onDelete: deleteToken,
};

export function PopupApp({ prefetch }: { prefetch?: { inventory?: Prefetch; settings?: Prefetch } } = {}) {
  const { settings } = useSettings(prefetch?.settings);
  const { loaded, inventory, repaired } = useInventory(prefetch?.inventory);
  const [error, setError] = useState<string | undefined>();
  const saveError = useSaveError();
  const view = useMemo(
    () => (loaded && settings ? buildInventoryView(inventory, settings.reminders, Date.now(), userTimeZone()) : undefined),
    [loaded, inventory, settings],
  );
  return (
    <PopupView
      view={view}
      quarantined={inventory.quarantine.length}
      repaired={repaired.length}
      clipboardClearSeconds={settings?.clipboardClearSeconds}
      error={error}
      saveError={saveError}
      onDismissSaveError={() => void writeErrorItem.removeValue()}
      actions={actions}
      onCreateToken={(target) => {
        setError(undefined);
        // No window.close(): the browser closes the popup itself when the coach's tab takes focus.
        void openCoach(target).then((r) => setError(r.ok ? undefined : r.error));
      }}
      onOpenSettings={() => {
        void browser.runtime.openOptionsPage().then(() => window.close());
      }}
    />
  );
}

/** The background's last failed write (lib/background/write-errors.ts), live. */
function useSaveError(): string | undefined {
  const [message, setMessage] = useState<string | undefined>();
  useEffect(() => {
    const read = (v: unknown) => setMessage(typeof (v as { message?: unknown } | null)?.message === 'string' ? (v as { message: string }).message : undefined);
    void writeErrorItem.getValue().then(read, () => undefined);
    return writeErrorItem.watch(read);
  }, []);
  return message;
}
