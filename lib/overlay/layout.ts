import type { SharedObserver } from './observer';
import type { Rect } from './placement';
import { openDialogs } from '@/lib/wati-page/dom';

/**
 * What our page-level panels (the expiry banner, the sync prompt) must keep clear of, measured once for all of
 * them, plus a tiny registry of our own panels' boxes so that none of them covers another.
 *
 * - **Wati's controls**: every visible interactive element in the viewport, found generically (by element and
 *   role, never by Wati's class names), outside our host, at most `MAX_CONTROLS`. Candidates are queried again
 *   only after the DOM changed; their boxes are read in an animation frame: at once after a resize, a scroll (any
 *   scroller: capture phase, passive), a dialog opening or closing, or the coach's keep-clear set changing; after
 *   other DOM changes (the shared observer's batches, never per mutation) at most every `throttleMs`.
 * - **The coach's keep-clear set** (the form, its dialog, the reveal: `features/coach/keep-clear.ts`), published
 *   by the coach as elements and measured here with the controls.
 * - **Our panels' boxes**, published by each panel. A panel keeps clear of the panels before it in `PANEL_ORDER`
 *   and never of those after it: one direction only, so two panels cannot push each other around forever.
 *
 * Why a registry in the feature context rather than props: the panels live in different features (separate
 * React roots), and a per-overlay object (not a module singleton) goes away with the overlay and is easy to fake
 * in tests. Nothing is measured while no panel subscribes.
 */
export type PanelId = 'capture' | 'coach' | 'banner' | 'sync';
/** Priority: each panel keeps clear of every panel before it. */
export const PANEL_ORDER: readonly PanelId[] = ['capture', 'coach', 'banner', 'sync'];

/** Anything a user can operate. Generic on purpose: element names and ARIA roles only. */
export const INTERACTIVE =
  'button, a[href], input:not([type="hidden"]), select, textarea, [role="button"], [role="checkbox"], [role="switch"], [role="radio"], [role="combobox"], [role="tab"], [role="menuitem"], [role="option"], [tabindex]:not([tabindex="-1"])';
/** Enough for any screen of Wati; a pathological page must not cost hundreds of boxes per frame. */
export const MAX_CONTROLS = 300;
/**
 * A busy page (the Team Inbox: a message every 150 ms) changes all the time without moving its controls: a DOM
 * change re-measures only the controls seen on screen last time, at most once a second; every control is queried
 * again on resize, on a scroll of something holding controls, when a dialog opens or closes, or every 10 s.
 */
export const DOM_THROTTLE_MS = 1_000;
export const REQUERY_MS = 10_000;
/** An "interactive" box larger than this share of the viewport is a region (a focusable scroller), not a control. */
const REGION_SHARE = 0.4;

export interface LayoutSnapshot {
  /** Wati's visible controls in the viewport (viewport rects, clipped to it). */
  controls: readonly Rect[];
  /** The coach's keep-clear areas (form, dialog, reveal) and the controls in them. */
  pageKeepClear: readonly Rect[];
  pageControls: readonly Rect[];
  /** Our panels' boxes. */
  boxes: Readonly<Partial<Record<PanelId, Rect>>>;
}

export interface PageKeepClear {
  keepClear: ReadonlyArray<Element | undefined>;
  controls: ReadonlyArray<Element | undefined>;
}

export interface OverlayLayout {
  get(): LayoutSnapshot;
  /** Starts measuring on the first subscriber, stops after the last one left. */
  subscribe(fn: () => void): () => void;
  setBox(id: PanelId, box: Rect | undefined): void;
  setPageKeepClear(set: PageKeepClear | undefined): void;
  /** How many times the page was measured (for the bench and tests). */
  readonly measurements: number;
  /** Time spent measuring, ms (for the bench). */
  readonly measureMs: number;
}

export interface LayoutOptions {
  observer: Pick<SharedObserver, 'subscribe'>;
  /** Our own host: nothing inside it is Wati's. */
  host?: Element;
  signal: AbortSignal;
  /** DOM changes trigger at most one measurement per this many ms (default DOM_THROTTLE_MS). */
  throttleMs?: number;
  doc?: Document;
}

/**
 * What measuring and placing cost on this page (for the bench and `test/sandbox/tools/panels-probe.ts`, which read
 * it in the content script's isolated world: the page never sees it).
 */
export const layoutStats = { measurements: 0, measureMs: 0, layoutMs: 0, lastControls: 0, placements: 0, placeMs: 0, maxPlaceMs: 0 };

const EMPTY: LayoutSnapshot = { controls: [], pageKeepClear: [], pageControls: [], boxes: {} };

function sameRect(a: Rect | undefined, b: Rect | undefined) {
  return a === b || (!!a && !!b && a.left === b.left && a.top === b.top && a.right === b.right && a.bottom === b.bottom);
}
function sameRects(a: readonly Rect[], b: readonly Rect[]) {
  return a.length === b.length && a.every((r, i) => sameRect(r, b[i]));
}

/** The boxes of `els` that are on screen (clipped), skipping ours, empty ones and regions; at most `cap`. */
export function measureElements(
  els: Iterable<Element>,
  vp: { width: number; height: number },
  opts: { host?: Element; cap?: number; regions?: boolean; onScreen?: Element[] } = {},
): Rect[] {
  const out: Rect[] = [];
  const cap = opts.cap ?? Infinity;
  const maxArea = REGION_SHARE * vp.width * vp.height;
  for (const el of els) {
    if (out.length >= cap) break;
    if (opts.host && (el === opts.host || opts.host.contains(el))) continue;
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1 || r.right <= 0 || r.bottom <= 0 || r.left >= vp.width || r.top >= vp.height) continue;
    const c = { left: Math.max(0, r.left), top: Math.max(0, r.top), right: Math.min(vp.width, r.right), bottom: Math.min(vp.height, r.bottom) };
    if (!opts.regions && (c.right - c.left) * (c.bottom - c.top) > maxArea) continue;
    out.push(c);
    opts.onScreen?.push(el);
  }
  return out;
}

export function createOverlayLayout(opts: LayoutOptions): OverlayLayout {
  const doc = opts.doc ?? document;
  const win = doc.defaultView ?? window;
  const throttleMs = opts.throttleMs ?? DOM_THROTTLE_MS;
  const subs = new Set<() => void>();
  let snap: LayoutSnapshot = EMPTY;
  let page: PageKeepClear | undefined;
  let candidates: Element[] | undefined;
  /** The controls that were on screen at the last full query: what a DOM change re-measures (cheap). */
  let onScreen: Element[] | undefined;
  let queriedAt = -Infinity;
  /** The next measurement re-queries every control (resize, scroll, a dialog, or the list is old). */
  let requery = true;
  let dialogs: Element[] = [];
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastMeasure = -Infinity;
  let measurements = 0;
  let measureMs = 0;
  let running = false;

  const publish = (next: LayoutSnapshot) => {
    if (next === snap) return;
    snap = next;
    for (const fn of [...subs]) fn();
  };

  const measure = () => {
    frame = 0;
    if (!running) return;
    const t0 = performance.now();
    lastMeasure = t0;
    measurements++;
    const vp = { width: win.innerWidth, height: win.innerHeight };
    // The first box read brings the page's layout up to date (work the browser does for the frame anyway): timed apart.
    doc.documentElement.getBoundingClientRect();
    layoutStats.layoutMs += performance.now() - t0;
    let controls: Rect[];
    if (requery || !onScreen || t0 - queriedAt > REQUERY_MS) {
      requery = false;
      queriedAt = t0;
      candidates = [...doc.querySelectorAll(INTERACTIVE)];
      onScreen = [];
      controls = measureElements(candidates, vp, { host: opts.host, cap: MAX_CONTROLS, onScreen });
    } else {
      controls = measureElements(onScreen.filter((e) => e.isConnected), vp, { host: opts.host, cap: MAX_CONTROLS });
    }
    const own = (els: ReadonlyArray<Element | undefined> | undefined) => [...new Set((els ?? []).filter((e): e is Element => !!e && e.isConnected))];
    const pageKeepClear = measureElements(own(page?.keepClear), vp, { host: opts.host, regions: true });
    const pageControls = measureElements(own(page?.controls), vp, { host: opts.host, cap: MAX_CONTROLS, regions: true });
    const dt = performance.now() - t0;
    measureMs += dt;
    layoutStats.measurements++;
    layoutStats.measureMs += dt;
    layoutStats.lastControls = controls.length;
    if (sameRects(controls, snap.controls) && sameRects(pageKeepClear, snap.pageKeepClear) && sameRects(pageControls, snap.pageControls)) return;
    publish({ ...snap, controls, pageKeepClear, pageControls });
  };

  /** At the next frame (coalesced), querying every control again. */
  const soon = () => {
    if (!running) return;
    requery = true;
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!frame) frame = win.requestAnimationFrame(measure);
  };
  /** After a DOM change: at most every throttleMs. */
  const later = () => {
    if (!running || frame || timer) return;
    const wait = throttleMs - (performance.now() - lastMeasure);
    const measureSoon = () => {
      if (!frame) frame = win.requestAnimationFrame(measure);
    };
    if (wait <= 0) measureSoon();
    else
      timer = setTimeout(() => {
        timer = undefined;
        measureSoon();
      }, wait);
  };

  // A scroller with no control inside (the inbox's chat log, auto-scrolled on every message) moves nothing we avoid.
  let generation = 0;
  const scrollers = new WeakMap<Element, { generation: number; controls: boolean }>();
  const onScroll = (e: Event) => {
    const t = e.target;
    if (t instanceof Element) {
      if (opts.host?.contains(t)) return;
      let known = scrollers.get(t);
      if (!known || known.generation !== generation) scrollers.set(t, (known = { generation, controls: !!t.querySelector(INTERACTIVE) }));
      if (!known.controls) return;
    }
    soon();
  };

  const onDom = () => {
    if (!running) return;
    generation++;
    const now = openDialogs(doc);
    const changed = now.length !== dialogs.length || now.some((d, i) => d !== dialogs[i]);
    dialogs = now;
    if (changed) soon();
    else later();
  };

  const listen = { capture: true, passive: true } as const;
  let observing: AbortController | undefined;
  const start = () => {
    running = true;
    observing = new AbortController();
    opts.signal.addEventListener('abort', () => observing?.abort(), { once: true, signal: observing.signal });
    opts.observer.subscribe(onDom, observing.signal);
    win.addEventListener('scroll', onScroll, listen);
    win.addEventListener('resize', soon, { passive: true });
    dialogs = openDialogs(doc);
    soon();
  };
  const stop = () => {
    running = false;
    observing?.abort();
    win.removeEventListener('scroll', onScroll, listen);
    win.removeEventListener('resize', soon);
    if (frame) win.cancelAnimationFrame(frame);
    if (timer) clearTimeout(timer);
    frame = 0;
    timer = undefined;
    candidates = undefined;
  };
  opts.signal.addEventListener('abort', stop, { once: true });

  return {
    get: () => snap,
    subscribe(fn) {
      subs.add(fn);
      if (subs.size === 1 && !running && !opts.signal.aborted) start();
      return () => {
        subs.delete(fn);
        if (!subs.size && running) stop();
      };
    },
    setBox(id, box) {
      if (sameRect(snap.boxes[id], box)) return;
      const boxes = { ...snap.boxes };
      if (box) boxes[id] = box;
      else delete boxes[id];
      publish({ ...snap, boxes });
    },
    setPageKeepClear(set) {
      const key = (s: PageKeepClear | undefined) => [...(s?.keepClear ?? []), null, ...(s?.controls ?? [])];
      const a = key(page);
      const b = key(set);
      page = set;
      if (a.length === b.length && a.every((e, i) => e === b[i])) return;
      soon();
    },
    get measurements() {
      return measurements;
    },
    get measureMs() {
      return measureMs;
    },
  };
}

/** The rects a panel must keep clear of (Wati's controls, the coach's set, the panels before it). */
export function keepClearFor(s: LayoutSnapshot, id: PanelId): { keepClear: Rect[]; controls: Rect[]; panels: Rect[] } {
  const panels = PANEL_ORDER.slice(0, PANEL_ORDER.indexOf(id))
    .map((p) => s.boxes[p])
    .filter((b): b is Rect => !!b);
  return { keepClear: [...s.controls, ...s.pageKeepClear, ...panels], controls: [...s.controls, ...s.pageControls, ...panels], panels };
}
