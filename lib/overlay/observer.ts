/**
 * One MutationObserver for the whole overlay (darkreader's createOptimizedTreeObserver idea):
 * subscribers get one throttled callback per burst of mutations, never per node, and the
 * callback runs outside the observer (in a timer) so it never reads layout inside it.
 * Mutations inside our own shadow host are ignored.
 *
 * Mutations alone miss the ordinary case: typing into a native input or ticking a native
 * checkbox, radio or select changes a property and no attribute, and an uncontrolled form never
 * re-renders. So the same throttle is also fed by the user's own events (`input`, `change`,
 * `click`, `keyup`, `submit`), listened to once, in the capture phase on the window (before any
 * page handler can stop them), trusted events only: a page script can forge an event but cannot
 * make it trusted, and a value it sets without an event is caught at the next mutation or the
 * user's next action. A user event after a quiet moment is answered at once (leading edge, so
 * the coach follows a keystroke within a frame); a burst of them is coalesced to one read a frame.
 */
export interface SharedObserver {
  subscribe(fn: () => void, signal: AbortSignal): void;
  /** Runs subscribers soon (e.g. after a URL change, or after the overlay wrote to Wati's form). */
  poke(): void;
  disconnect(): void;
  /** How many batches were delivered (for the bench and the circuit breaker). */
  readonly batches: number;
}

/** The user's own events that can change what a form holds without changing the DOM. */
export const USER_EVENT_TYPES = ['input', 'change', 'click', 'keyup', 'submit'] as const;

/**
 * The user acts at human speed, so a read per frame at most is cheap (a read of the token page is a
 * few ms), and it keeps the coach within a frame of a keystroke even when keys come in quick succession.
 */
export const EVENT_THROTTLE_MS = 16;

export interface SharedObserverOptions {
  /** Mutations: at most one read per this many ms. */
  throttleMs: number;
  /** The user's events: at most one read per this many ms (default EVENT_THROTTLE_MS). */
  eventThrottleMs?: number;
  /** Nodes whose mutations and events are not Wati's (our own shadow host). */
  ignore?: (n: Node) => boolean;
  /** Where to listen for the user's events (the page's window); none when omitted. */
  events?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  /** Clock, for tests. */
  now?: () => number;
}

export function createSharedObserver(root: Node, opts: SharedObserverOptions): SharedObserver {
  const subscribers = new Set<() => void>();
  const now = opts.now ?? (() => performance.now());
  let timer: ReturnType<typeof setTimeout> | undefined;
  let batches = 0;
  let lastFlush = -Infinity;
  const flush = () => {
    timer = undefined;
    dueAt = Infinity;
    lastFlush = now();
    batches++;
    for (const fn of [...subscribers]) fn();
  };
  let dueAt = Infinity;
  const at = (delay: number) => {
    if (timer !== undefined) clearTimeout(timer);
    dueAt = now() + delay;
    timer = setTimeout(flush, delay);
  };
  /** Mutations: one read per throttle window, at its end (a burst of re-renders settles first). */
  const schedule = () => {
    if (timer === undefined) at(opts.throttleMs);
  };
  /**
   * The user's events: at once after a quiet period (leading edge), else at the end of the current
   * window, and never later than that: a user event pulls a pending mutation read forward.
   */
  const scheduleSoon = () => {
    const delay = Math.max(0, (opts.eventThrottleMs ?? EVENT_THROTTLE_MS) - (now() - lastFlush));
    if (timer !== undefined && dueAt <= now() + delay) return;
    at(delay);
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
  const onUserEvent = (e: Event) => {
    if (!e.isTrusted) return;
    const target = e.target as Node | null;
    if (target && opts.ignore?.(target)) return; // our own panel: what it changes, it pokes for itself
    scheduleSoon();
  };
  const listenOpts = { capture: true, passive: true } as const;
  for (const type of USER_EVENT_TYPES) opts.events?.addEventListener(type, onUserEvent, listenOpts);
  return {
    subscribe(fn, signal) {
      subscribers.add(fn);
      signal.addEventListener('abort', () => subscribers.delete(fn));
    },
    poke: scheduleSoon,
    disconnect() {
      mo.disconnect();
      for (const type of USER_EVENT_TYPES) opts.events?.removeEventListener(type, onUserEvent, listenOpts);
      if (timer) clearTimeout(timer);
      timer = undefined;
      subscribers.clear();
    },
    get batches() {
      return batches;
    },
  };
}
