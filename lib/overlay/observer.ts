/**
 * One MutationObserver for the whole overlay (darkreader's createOptimizedTreeObserver idea):
 * subscribers get one throttled callback per burst of mutations, never per node, and the
 * callback runs outside the observer (in a timer) so it never reads layout inside it.
 * Mutations inside our own shadow host are ignored.
 */
export interface SharedObserver {
  subscribe(fn: () => void, signal: AbortSignal): void;
  /** Runs subscribers soon (e.g. after a URL change). */
  poke(): void;
  disconnect(): void;
  /** How many batches were delivered (for the bench and the circuit breaker). */
  readonly batches: number;
}

export function createSharedObserver(root: Node, opts: { throttleMs: number; ignore?: (n: Node) => boolean }): SharedObserver {
  const subscribers = new Set<() => void>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let batches = 0;
  const flush = () => {
    timer = undefined;
    batches++;
    for (const fn of [...subscribers]) fn();
  };
  const schedule = () => {
    timer ??= setTimeout(flush, opts.throttleMs);
  };
  const mo = new MutationObserver((records) => {
    if (opts.ignore && records.every((r) => opts.ignore!(r.target))) return;
    schedule();
  });
  mo.observe(root, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    // Only attributes that say a control or dialog changed state: never style/class churn.
    attributeFilter: ['aria-checked', 'checked', 'aria-hidden', 'open', 'hidden', 'value', 'aria-expanded', 'disabled'],
  });
  return {
    subscribe(fn, signal) {
      subscribers.add(fn);
      signal.addEventListener('abort', () => subscribers.delete(fn));
    },
    poke: schedule,
    disconnect() {
      mo.disconnect();
      if (timer) clearTimeout(timer);
      subscribers.clear();
    },
    get batches() {
      return batches;
    },
  };
}
