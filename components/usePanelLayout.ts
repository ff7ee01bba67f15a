import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { keepClearFor, layoutStats, type LayoutSnapshot, type OverlayLayout, type PanelId } from '@/lib/overlay/layout';
import { mergeClose, type Rect } from '@/lib/overlay/placement';

const EMPTY: LayoutSnapshot = { controls: [], pageKeepClear: [], pageControls: [], boxes: {} };
const noSubscribe = () => () => {};
const emptySnapshot = () => EMPTY;

/**
 * What the panel `id` keeps clear of (lib/overlay/layout): Wati's controls, the coach's keep-clear set and the boxes
 * of the panels before it. Close rects are merged (`mergeClose`) so that a page full of controls stays cheap to place.
 */
export function usePanelLayout(layout: OverlayLayout | undefined, id: PanelId, margin: number): { keepClear: Rect[]; controls: Rect[] } {
  const snap = useSyncExternalStore(layout?.subscribe ?? noSubscribe, layout?.get ?? emptySnapshot, layout?.get ?? emptySnapshot);
  return useMemo(() => {
    const t0 = performance.now();
    const k = keepClearFor(snap, id);
    const vp = { width: innerWidth, height: innerHeight };
    const out = { keepClear: mergeClose(k.keepClear, 2 * margin, 48, vp), controls: mergeClose(k.controls, 2 * margin, 48, vp) };
    layoutStats.placeMs += performance.now() - t0; // part of placing: counted with placePanel's time
    return out;
  }, [snap, id, margin]);
}

/** Publishes where a panel stands (undefined once it is gone), so the panels after it keep clear of it. */
export function useReportBox(onPlaced: ((box: Rect | undefined) => void) | undefined, box: Rect | undefined) {
  const cb = useRef(onPlaced);
  cb.current = onPlaced;
  const key = box ? `${box.left},${box.top},${box.right},${box.bottom}` : '';
  useEffect(() => cb.current?.(box), [key]);
  useEffect(() => () => cb.current?.(undefined), []);
}

/**
 * The compact bar ↔ full panel toggle of a placed panel: the keyboard focus stays on the toggle the user pressed
 * (its twin replaces it). Call `useSpentWhenFits` with the placement's `fits` once it is known.
 */
export function useCompactToggle() {
  const [expanded, setExpanded] = useState(false);
  const focusNext = useRef<'expand' | 'collapse' | undefined>(undefined);
  const expandRef = useRef<HTMLButtonElement>(null);
  const collapseRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusNext.current === 'expand') expandRef.current?.focus();
    if (focusNext.current === 'collapse') collapseRef.current?.focus();
    focusNext.current = undefined;
  });
  return {
    expanded,
    expandRef,
    collapseRef,
    expand() {
      focusNext.current = 'collapse';
      setExpanded(true);
    },
    collapse() {
      focusNext.current = 'expand';
      setExpanded(false);
    },
    /** Forgets "expanded" without moving the focus. */
    reset() {
      setExpanded(false);
    },
  };
}

/** Once the full panel fits again, "expanded" is spent: the next squeeze starts compact again. */
export function useSpentWhenFits(toggle: ReturnType<typeof useCompactToggle>, fits: boolean) {
  useEffect(() => {
    if (fits && toggle.expanded) toggle.reset();
  }, [fits, toggle.expanded]);
}
