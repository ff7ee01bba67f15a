import { afterEach, describe, expect, it, vi } from 'vitest';
import { followItem, prefetchLocal, type Prefetch } from '@/lib/platform/prefetch';

/** A storage item with a controllable read and change events. */
function fakeItem() {
  const listeners = new Set<(v: unknown) => void>();
  const reads: Array<(v: unknown) => void> = [];
  return {
    getValue: vi.fn(() => new Promise<unknown>((resolve) => reads.push(resolve))),
    watch(cb: (v: unknown) => void) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    emit: (v: unknown) => listeners.forEach((cb) => cb(v)),
    resolveRead: (v: unknown) => reads.shift()!(v),
    listeners,
  };
}

function deferred(): { prefetch: Prefetch; resolve(v: unknown): void } {
  let resolve!: (v: unknown) => void;
  const promise = new Promise<unknown>((r) => (resolve = r));
  return { prefetch: { promise, changed: false }, resolve };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('followItem', () => {
  it('without a prefetch: reads, then follows changes', async () => {
    const item = fakeItem();
    const load = vi.fn();
    const stop = followItem(item, load);
    expect(item.getValue).toHaveBeenCalledTimes(1);
    item.resolveRead({ a: 1 });
    await tick();
    item.emit({ a: 2 });
    expect(load.mock.calls).toEqual([[{ a: 1 }], [{ a: 2 }]]);
    stop();
    expect(item.listeners.size).toBe(0);
  });

  it('uses a pending prefetch instead of reading again', async () => {
    const item = fakeItem();
    const load = vi.fn();
    const { prefetch, resolve } = deferred();
    followItem(item, load, prefetch);
    resolve({ v: 1 });
    await tick();
    expect(item.getValue).not.toHaveBeenCalled();
    expect(load.mock.calls).toEqual([[{ v: 1 }]]);
  });

  it('skips the prefetched value the first render already used', async () => {
    const item = fakeItem();
    const load = vi.fn();
    const { prefetch, resolve } = deferred();
    resolve({ v: 1 });
    followItem(item, load, prefetch, true);
    await tick();
    expect(item.getValue).not.toHaveBeenCalled();
    expect(load).not.toHaveBeenCalled();
  });

  it('reads again when storage changed after the prefetch started (the change came before watch)', async () => {
    const item = fakeItem();
    const load = vi.fn();
    const { prefetch, resolve } = deferred();
    resolve({ v: 1 });
    prefetch.changed = true;
    followItem(item, load, prefetch, true);
    expect(item.getValue).toHaveBeenCalledTimes(1);
    item.resolveRead({ v: 2 });
    await tick();
    expect(load.mock.calls).toEqual([[{ v: 2 }]]);
  });

  it('drops a read that resolves after a newer change was reported', async () => {
    const item = fakeItem();
    const load = vi.fn();
    const { prefetch, resolve } = deferred();
    followItem(item, load, prefetch);
    item.emit({ v: 'new' });
    resolve({ v: 'old' });
    await tick();
    expect(load.mock.calls).toEqual([[{ v: 'new' }]]);
  });

  it('a failed read loads undefined (the validators read it as "nothing stored")', async () => {
    const item = fakeItem();
    const load = vi.fn();
    followItem(item, load, { promise: Promise.reject(new Error('gone')), changed: false });
    await tick();
    expect(load.mock.calls).toEqual([[undefined]]);
  });
});

describe('prefetchLocal', () => {
  const g = globalThis as { browser?: unknown };
  const saved = g.browser;
  afterEach(() => {
    g.browser = saved;
  });

  it('reads every key in one storage.local.get, as getValue would (null when missing), and flags changes', async () => {
    let onChanged: ((changes: Record<string, unknown>) => void) | undefined;
    const get = vi.fn(async (keys: string[]) => ({ inventory: { version: 1 }, other: keys }));
    g.browser = { storage: { local: { get, onChanged: { addListener: (cb: typeof onChanged) => (onChanged = cb) } } } };
    const reads = prefetchLocal(['inventory', 'settings']);
    expect(get).toHaveBeenCalledTimes(1);
    expect(get).toHaveBeenCalledWith(['inventory', 'settings']);
    await expect(reads.inventory.promise).resolves.toEqual({ version: 1 });
    await expect(reads.settings.promise).resolves.toBeNull();
    await tick();
    expect(reads.inventory.result).toEqual({ value: { version: 1 } });
    expect(reads.settings.result).toEqual({ value: null });
    onChanged!({ settings: { newValue: {} } });
    expect(reads.settings.changed).toBe(true);
    expect(reads.inventory.changed).toBe(false);
  });

  it('rejects (and never throws) without a storage API', async () => {
    g.browser = undefined;
    const reads = prefetchLocal(['inventory']);
    await expect(reads.inventory.promise).rejects.toThrow();
    expect(reads.inventory.result).toBeUndefined();
  });
});
