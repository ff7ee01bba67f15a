import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { layoutStats } from '@/lib/overlay/layout';
import { intersects, placeExpanded, placePanel, type PanelSize, type Placement, type PlacementInput, type Rect } from '@/lib/overlay/placement';

export interface UsePlacementOptions {
  keepClear: readonly Rect[];
  controls?: readonly Rect[];
  panel: Omit<PanelSize, 'height'>;
  /** Natural height to assume until the content has been measured. */
  defaultHeight: number;
  compact?: PlacementInput['compact'];
  margin: number;
  align?: PlacementInput['align'];
  sides?: PlacementInput['sides'];
  anchorY?: PlacementInput['anchorY'];
  /** The user asked for the full panel although it does not fit: place it anyway (it may overlap). */
  forceFull?: boolean;
}

function useViewport() {
  const [vp, setVp] = useState(() => ({ width: innerWidth, height: innerHeight }));
  useEffect(() => {
    const on = () => setVp((old) => (old.width === innerWidth && old.height === innerHeight ? old : { width: innerWidth, height: innerHeight }));
    addEventListener('resize', on, { passive: true });
    return () => removeEventListener('resize', on);
  }, []);
  return vp;
}

/** Inline style for a placed panel (overrides the stylesheet's default bottom-right corner). */
export function placementStyle(p: Placement): React.CSSProperties {
  return p.kind === 'dock'
    ? { left: p.left, top: p.top, width: p.width, maxHeight: p.maxHeight, right: 'auto', bottom: 'auto' }
    : { left: p.left, top: p.top, width: p.width, height: p.height, right: 'auto', bottom: 'auto' };
}

/**
 * Where a floating panel goes (lib/overlay/placement), given the rects it must keep clear. Measures the panel's
 * natural height through `contentRef` (put it on a wrapper of all the content, inside the scrolling box).
 */
export function usePlacement(o: UsePlacementOptions) {
  const vp = useViewport();
  const [natural, setNatural] = useState<number | undefined>();
  const observed = useRef<HTMLElement | null>(null);
  const ro = useRef<ResizeObserver | undefined>(undefined);
  // A callback ref: the content wrapper comes and goes (compact bar ↔ full panel).
  const contentRef = useRef((el: HTMLElement | null) => {
    ro.current?.disconnect();
    observed.current = el;
    if (!el) return;
    const measure = () => {
      // The wrapper is not capped by max-height (its scrolling parent is), plus the parent's borders.
      const parent = el.parentElement;
      const borders = parent ? parent.offsetHeight - parent.clientHeight : 0;
      const h = Math.ceil(el.getBoundingClientRect().height + Math.max(0, borders));
      if (h > 0) setNatural((old) => (old === h ? old : h));
    };
    measure();
    ro.current = new ResizeObserver(measure);
    ro.current.observe(el);
  }).current;
  useEffect(() => () => ro.current?.disconnect(), []);

  const previous = useRef<Placement | undefined>(undefined);
  const lastInput = useRef<PlacementInput | undefined>(undefined);
  const input: PlacementInput = {
    viewport: vp,
    keepClear: o.keepClear,
    controls: o.controls,
    panel: { ...o.panel, height: natural ?? o.defaultHeight },
    compact: o.compact,
    margin: o.margin,
    align: o.align,
    sides: o.sides,
    anchorY: o.anchorY,
    previous: previous.current,
  };
  // A dock that still covers nothing, in the same window and for the same content, stays where it is: a busy
  // page (the Team Inbox moves its rows every second) then costs no placement at all, and the panel does not jump.
  const last = previous.current;
  const lastIn = lastInput.current;
  const keep =
    last?.kind === 'dock' &&
    !last.overlaps &&
    o.align !== 'near' && // a panel that stands next to something follows it
    lastIn !== undefined &&
    lastIn.keepClear.length > 0 && // the first real measurement always places
    lastIn.keepClear.length === o.keepClear.length &&
    lastIn.viewport.width === vp.width &&
    lastIn.viewport.height === vp.height &&
    lastIn.panel.height === input.panel.height &&
    !o.keepClear.some((r) => intersects(r, dockBox(last, input.panel.height)));
  const t0 = performance.now();
  const fitted = keep ? last : placePanel(input);
  const placement: Placement = o.forceFull && fitted.kind === 'compact' ? placeExpanded(input) : fitted;
  const dt = performance.now() - t0;
  if (!keep) layoutStats.placements++;
  layoutStats.placeMs += dt;
  layoutStats.maxPlaceMs = Math.max(layoutStats.maxPlaceMs, dt);
  useLayoutEffect(() => {
    previous.current = placement;
    lastInput.current = input;
  });
  /** The box the panel really takes (a dock is as tall as its content, up to maxHeight). */
  const box: Rect = {
    left: placement.left,
    top: placement.top,
    right: placement.left + placement.width,
    bottom: placement.top + (placement.kind === 'dock' ? Math.min(placement.maxHeight, natural ?? o.defaultHeight) : placement.height),
  };
  return { placement, box, contentRef, fits: fitted.kind === 'dock' };
}

/** The box a dock takes for content of `height` (as tall as its content, up to its maxHeight). */
function dockBox(p: Extract<Placement, { kind: 'dock' }>, height: number): Rect {
  return { left: p.left, top: p.top, right: p.left + p.width, bottom: p.top + Math.min(p.maxHeight, height) };
}
