import { useEffect, useState } from 'react';
import { inventoryItem } from '@/lib/storage/items';
import { emptyInventory, parseInventory, type Inventory } from '@/lib/tokens/record';
import { followItem, type Prefetch } from '@/lib/platform/prefetch';

export interface InventoryState {
  /** False until the first read from storage. */
  loaded: boolean;
  inventory: Inventory;
  /** What `parseInventory` repaired or set aside on this read (the background rewrites on its next change). */
  repaired: string[];
}

/**
 * The inventory for extension pages: read-only (every write goes through a background message so
 * writes are serialised), validated on every read, live-updated from storage.
 * `prefetch`: a read of `inventory` started before the page's modules loaded (lib/platform/prefetch.ts);
 * when it has already resolved, the first render has the inventory.
 */
export function useInventory(prefetch?: Prefetch): InventoryState {
  const [initial] = useState(() => (prefetch?.result && !prefetch.changed ? prefetch.result : undefined));
  const [state, setState] = useState<InventoryState>(() =>
    initial ? { loaded: true, ...parseInventory(initial.value, Date.now()) } : { loaded: false, inventory: emptyInventory(), repaired: [] },
  );
  useEffect(() => {
    let live = true;
    const load = (raw: unknown) => {
      if (live) setState({ loaded: true, ...parseInventory(raw, Date.now()) });
    };
    const unwatch = followItem(inventoryItem, load, prefetch, initial !== undefined);
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return state;
}
