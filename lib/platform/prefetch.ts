/**
 * A `storage.local` read started before a page's UI modules load (React, zod, the schemas): the
 * popup's entry script starts it and only then imports the UI, so the browser answers the read while
 * the rest of the scripts are fetched and compiled. No imports on purpose: this must stay tiny and
 * run before everything else.
 *
 * `useInventory` / `useSettings` take a prefetch instead of reading themselves; they still validate
 * what it returns (`parseInventory`, `parseSettings`) and still watch storage for changes.
 */
export interface Prefetch {
  /** What `storage.defineItem(...).getValue()` returns: the stored value, or null. Rejects if the read failed. */
  readonly promise: Promise<unknown>;
  /** Set once the read has resolved, so the first render can use the value without waiting a tick. */
  result?: { value: unknown };
  /**
   * True once storage reported a change of this key after the read was started: the value may be
   * stale, and a change that came before the page subscribed to `watch` would be missed, so the page
   * reads again.
   */
  changed: boolean;
}

interface LocalArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  onChanged?: { addListener(cb: (changes: Record<string, unknown>) => void): void };
}

/** Starts one `storage.local.get` for `keys` (keys as stored: `local:inventory` is `inventory`). */
export function prefetchLocal<K extends string>(keys: readonly K[]): Record<K, Prefetch> {
  const g = globalThis as { browser?: { storage?: { local?: LocalArea } }; chrome?: { storage?: { local?: LocalArea } } };
  const area = g.browser?.storage?.local ?? g.chrome?.storage?.local;
  const out = {} as Record<K, Prefetch>;
  let all: Promise<Record<string, unknown>>;
  try {
    if (!area) throw new Error('storage.local is not available');
    all = Promise.resolve(area.get([...keys]));
    area.onChanged?.addListener((changes) => {
      for (const k of keys) if (k in changes) out[k].changed = true;
    });
  } catch (e) {
    all = Promise.reject(e);
  }
  for (const k of keys) {
    const p: Prefetch = { promise: all.then((r) => r[k] ?? null), changed: false };
    p.promise.then(
      (value) => {
        p.result = { value };
      },
      () => {},
    );
    out[k] = p;
  }
  return out;
}

/**
 * Feeds a storage item into `load`: the prefetched value when there is one and nothing changed since,
 * otherwise a fresh read; then every change `watch` reports. A read that resolves after a change was
 * reported is dropped (the change is newer). `skipFirst`: the prefetched value was already used.
 * Returns the unsubscribe function.
 */
export function followItem(
  item: { getValue(): Promise<unknown>; watch(cb: (v: unknown) => void): () => void },
  load: (raw: unknown) => void,
  prefetch?: Prefetch,
  skipFirst = false,
): () => void {
  let changes = 0;
  const unwatch = item.watch((v) => {
    changes++;
    load(v);
  });
  const read = (p: Promise<unknown>) => {
    const at = changes;
    p.then(
      (v) => {
        if (changes === at) load(v);
      },
      () => {
        if (changes === at) load(undefined);
      },
    );
  };
  if (!prefetch || prefetch.changed) read(item.getValue());
  else if (!skipFirst) read(prefetch.promise);
  return unwatch;
}
