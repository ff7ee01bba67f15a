import { useEffect, useState } from 'react';
import { inventoryItem } from '@/lib/storage/items';
import { emptyInventory, parseInventory, type Inventory } from '@/lib/tokens/record';

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
 */
export function useInventory(): InventoryState {
  const [state, setState] = useState<InventoryState>(() => ({ loaded: false, inventory: emptyInventory(), repaired: [] }));
  useEffect(() => {
    let live = true;
    const load = (raw: unknown) => {
      performance.mark('inv-read'); // PROFMARK
      const p = parseInventory(raw, Date.now()); performance.measure('parse', 'inv-read'); // PROFMARK
      if (live) setState({ loaded: true, ...p });
    };
    performance.mark('inv-get'); // PROFMARK
    void inventoryItem.getValue().then(load, () => load(undefined));
    const unwatch = inventoryItem.watch(load);
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return state;
}
