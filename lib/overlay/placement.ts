/**
 * Where an overlay panel may stand without covering what the user must reach on Wati's page.
 * Pure: rects in (viewport coordinates, as getBoundingClientRect gives them), placement out. No DOM.
 *
 * Rules, in order:
 * 1. Keep-clear rects are clipped to the viewport (off-screen parts cannot be covered); empty ones are dropped.
 * 2. The free areas are the maximal rectangles that intersect no keep-clear rect: the strips left of, right of,
 *    above and below their union, and the gaps between them.
 * 3. A **dock** goes in a free area where the panel fits at its minimum useful size (minWidth × minHeight, inside
 *    `margin`). The side the panel was already on wins while it still fits and is not much worse than the best
 *    (no jumping); otherwise the largest usable area (width × height the panel would really get); ties go right,
 *    then bottom, left, top (the default is bottom-right; `sides` changes the order).
 * 4. Otherwise a **compact** bar (one line) goes in a free area where it fits, preferring the bottom edge, then
 *    the top edge (the other way round with `anchorY: 'top'`, a banner).
 * 5. Otherwise nothing is free: the bar goes where it covers none of `controls` if it can, then the least
 *    keep-clear area, and the result says `overlaps: true`.
 */

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export type Side = 'left' | 'right' | 'top' | 'bottom';

export interface DockPlacement {
  kind: 'dock';
  side: Side;
  left: number;
  top: number;
  width: number;
  /** The panel never grows past this: its box is [left, top, left + width, top + maxHeight]. */
  maxHeight: number;
  /** True only for `placeExpanded` when no free spot was big enough (the user asked for the full panel). */
  overlaps: boolean;
}

export interface CompactPlacement {
  kind: 'compact';
  side: 'top' | 'bottom';
  left: number;
  top: number;
  width: number;
  height: number;
  /** Nothing was free: the bar covers part of a keep-clear rect (see `coversControl`). */
  overlaps: boolean;
  /** It even covers one of `controls` (a viewport too small for anything else). */
  coversControl: boolean;
}

export type Placement = DockPlacement | CompactPlacement;

export interface PanelSize {
  /** Wanted width. */
  width: number;
  /** Narrowest useful width (defaults to `width`). */
  minWidth?: number;
  /** Natural height: the content's full height at the wanted width. */
  height: number;
  /** Shortest useful height (it scrolls below its natural height). A shorter natural height is enough. */
  minHeight: number;
}

export interface PlacementInput {
  viewport: { width: number; height: number };
  /** What the user must reach on this step: opener, the whole form or dialog, the token, Wati's buttons. */
  keepClear: readonly Rect[];
  /** The individual controls inside the keep-clear rects: even a last-resort bar never covers these if it can help it. */
  controls?: readonly Rect[];
  panel: PanelSize;
  /** The one-line bar used when no dock fits. Defaults: 320 (min 200) × 40. */
  compact?: { width: number; minWidth?: number; height: number };
  /** Gap kept from the viewport's edges and from every keep-clear rect. */
  margin: number;
  /** Where the panel was: kept while it still fits (stability). */
  previous?: Placement;
  /**
   * 'edge' (default): dock against the viewport's edges (the coach). 'near': stand next to the keep-clear rects
   * (the capture panel beside the token).
   */
  align?: 'edge' | 'near';
  /** Tie order of the sides (default right, bottom, left, top). A banner prefers the top. */
  sides?: readonly Side[];
  /**
   * 'edge' docks only: where a dock stands in its free area. 'bottom' (default): on the area's bottom (the coach);
   * 'top': every dock hangs from its area's top (a banner). Top docks always hang from the top.
   */
  anchorY?: 'top' | 'bottom';
}

export const DEFAULT_COMPACT = { width: 320, minWidth: 200, height: 40 };
/** A previous side is kept while its best spot offers at least this share of the best spot's usable area. */
const STICKY_SHARE = 0.6;
const SIDE_ORDER: Side[] = ['right', 'bottom', 'left', 'top'];

export function width(r: Rect) {
  return r.right - r.left;
}
export function height(r: Rect) {
  return r.bottom - r.top;
}
/** Strict overlap: touching edges do not count. */
export function intersects(a: Rect, b: Rect) {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}
function overlapArea(a: Rect, b: Rect) {
  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
}

/** The rect clipped to the viewport, or undefined when nothing of it is on screen (or it is not a number). */
export function clipToViewport(r: Rect, vp: { width: number; height: number }): Rect | undefined {
  const c = { left: Math.max(0, r.left), top: Math.max(0, r.top), right: Math.min(vp.width, r.right), bottom: Math.min(vp.height, r.bottom) };
  return c.right > c.left && c.bottom > c.top ? c : undefined;
}

/** The box a placement occupies (a dock at its maximum height). */
export function placementBox(p: Placement): Rect {
  return { left: p.left, top: p.top, right: p.left + p.width, bottom: p.top + (p.kind === 'dock' ? p.maxHeight : p.height) };
}

function union(rects: readonly Rect[]): Rect | undefined {
  if (!rects.length) return undefined;
  return rects.reduce((u, r) => ({
    left: Math.min(u.left, r.left),
    top: Math.min(u.top, r.top),
    right: Math.max(u.right, r.right),
    bottom: Math.max(u.bottom, r.bottom),
  }));
}

/**
 * Every maximal rectangle of the viewport that intersects no rect (plus some non-maximal ones, harmless):
 * for each pair of vertical lines (viewport edges and rect edges), the free vertical runs of that column.
 */
export function freeAreas(vp: { width: number; height: number }, rects: readonly Rect[]): Rect[] {
  const xs = [...new Set([0, vp.width, ...rects.flatMap((r) => [r.left, r.right])])].sort((a, b) => a - b);
  const out: Rect[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < xs.length; i++) {
    for (let j = i + 1; j < xs.length; j++) {
      const x1 = xs[i]!;
      const x2 = xs[j]!;
      const blockers = rects.filter((r) => r.left < x2 && r.right > x1).sort((a, b) => a.top - b.top);
      let y = 0;
      const push = (top: number, bottom: number) => {
        const key = `${x1},${top},${x2},${bottom}`;
        if (bottom > top && !seen.has(key)) {
          seen.add(key);
          out.push({ left: x1, top, right: x2, bottom });
        }
      };
      for (const b of blockers) {
        if (b.top > y) push(y, b.top);
        y = Math.max(y, b.bottom);
      }
      if (y < vp.height) push(y, vp.height);
    }
  }
  return out;
}

/** Which side of the keep-clear rects an area is on (a gap between them: the viewport half it leans to). */
function sideOf(a: Rect, u: Rect | undefined, vp: { width: number; height: number }): Side {
  if (!u) return 'right';
  if (a.right <= u.left) return 'left';
  if (a.left >= u.right) return 'right';
  if (a.bottom <= u.top) return 'top';
  if (a.top >= u.bottom) return 'bottom';
  if (height(a) >= width(a)) return (a.left + a.right) / 2 < vp.width / 2 ? 'left' : 'right';
  return (a.top + a.bottom) / 2 < vp.height / 2 ? 'top' : 'bottom';
}

interface Candidate {
  placement: DockPlacement;
  score: number;
}

function dockIn(area: Rect, side: Side, input: PlacementInput, u: Rect | undefined): Candidate | undefined {
  const m = input.margin;
  const p = input.panel;
  const availW = width(area) - 2 * m;
  const availH = height(area) - 2 * m;
  const natural = Math.max(1, p.height);
  if (availW < (p.minWidth ?? p.width) || availH < Math.min(p.minHeight, natural) || availW <= 0 || availH <= 0) return undefined;
  const w = Math.min(p.width, availW);
  const h = Math.min(natural, availH);
  const inner = { left: area.left + m, top: area.top + m, right: area.right - m, bottom: area.bottom - m };
  let left: number;
  let top: number;
  let maxHeight: number;
  if (input.align === 'near' && u) {
    // Next to the rects: hug the side facing them, line up with their top (or left) edge when possible.
    left = side === 'left' ? inner.right - w : side === 'right' ? inner.left : clamp(u.left, inner.left, inner.right - w);
    top = side === 'top' ? inner.bottom - h : side === 'bottom' ? inner.top : clamp(u.top, inner.top, inner.bottom - h);
    maxHeight = inner.bottom - top;
  } else {
    // Against the viewport's edges: left docks hug the left, everything else the right; top docks hang from
    // the top, everything else stands on the bottom (and can never grow past it).
    left = side === 'left' ? inner.left : inner.right - w;
    if (side === 'top' || input.anchorY === 'top') {
      top = inner.top;
      maxHeight = availH;
    } else {
      top = inner.bottom - h;
      maxHeight = h;
    }
  }
  return {
    placement: { kind: 'dock', side, left: Math.round(left), top: Math.round(top), width: Math.floor(w), maxHeight: Math.floor(maxHeight), overlaps: false },
    score: w * h,
  };
}

function clamp(v: number, lo: number, hi: number) {
  return Math.max(lo, Math.min(v, hi));
}

function better(a: Candidate, b: Candidate, order: readonly Side[], up: boolean) {
  if (a.score !== b.score) return a.score > b.score;
  const sa = order.indexOf(a.placement.side);
  const sb = order.indexOf(b.placement.side);
  if (sa !== sb) return sa < sb;
  // Closer to the bottom-right corner (top-right when the panel hangs from the top).
  const ka = a.placement.left + (up ? -a.placement.top : a.placement.top);
  const kb = b.placement.left + (up ? -b.placement.top : b.placement.top);
  return ka > kb;
}

function best(cands: Candidate[], input: PlacementInput): Candidate | undefined {
  const order = input.sides ?? SIDE_ORDER;
  const up = input.anchorY === 'top';
  let out: Candidate | undefined;
  for (const c of cands) if (!out || better(c, out, order, up)) out = c;
  return out;
}

/**
 * At most `max` rects (placement is polynomial in their number), for a page full of controls: while more remain,
 * rects closer than `gap` become their bounding box when that box is mostly theirs (first almost only theirs: a
 * column of list rows, a row of touching buttons), then the gap doubles and more waste is allowed, up to merging
 * any close pair. Up to `max` they are left alone (merging costs free space: the L of a sidebar and a list would
 * swallow the room between them). Off-screen parts are clipped first when
 * `vp` is given; empty and non-finite rects are dropped.
 */
export function mergeClose(rects: readonly Rect[], gap: number, max = 48, vp?: { width: number; height: number }): Rect[] {
  let out = (vp ? clipAll(rects, vp) : rects.filter((r) => [r.left, r.top, r.right, r.bottom].every(Number.isFinite) && width(r) > 0 && height(r) > 0)).map((r) => ({ ...r }));
  const g = Math.max(1, gap);
  const shares = [0.05, 0.15, 0.3, 0.5, 0.75, 1, 1, 1];
  for (let round = 0; out.length > max && round < shares.length; round++) out = mergePass(out, g * 2 ** round, shares[round]!);
  return out;
}

function area(r: Rect) {
  return Math.max(0, width(r)) * Math.max(0, height(r));
}

/** Merges close pairs whose bounding box wastes at most `share` of its area, until none is left. */
function mergePass(rects: Rect[], gap: number, share: number): Rect[] {
  const out = [...rects];
  let changed = true;
  while (changed) {
    changed = false;
    for (let i = 0; i < out.length; i++) {
      for (let j = out.length - 1; j > i; j--) {
        const a = out[i]!;
        const b = out[j]!;
        if (!(a.left - gap < b.right && b.left - gap < a.right && a.top - gap < b.bottom && b.top - gap < a.bottom)) continue;
        const u = { left: Math.min(a.left, b.left), top: Math.min(a.top, b.top), right: Math.max(a.right, b.right), bottom: Math.max(a.bottom, b.bottom) };
        const waste = area(u) - area(a) - area(b) + overlapArea(a, b);
        if (waste > share * area(u)) continue;
        out[i] = u;
        out.splice(j, 1);
        changed = true;
      }
    }
  }
  return out;
}

function clipAll(rects: readonly Rect[] | undefined, vp: { width: number; height: number }): Rect[] {
  const out: Rect[] = [];
  for (const r of rects ?? []) {
    if (![r.left, r.top, r.right, r.bottom].every(Number.isFinite)) continue;
    const c = clipToViewport(r, vp);
    if (c) out.push(c);
  }
  return out;
}

/** Places a panel (see the rules at the top of this file). */
export function placePanel(input: PlacementInput): Placement {
  const vp = { width: Math.max(0, input.viewport.width), height: Math.max(0, input.viewport.height) };
  const rects = clipAll(input.keepClear, vp);
  const u = union(rects);
  const areas = freeAreas(vp, rects);

  const docks = areas.map((a) => dockIn(a, sideOf(a, u, vp), input, u)).filter((c): c is Candidate => !!c);
  const top = best(docks, input);
  if (top) {
    const prev = input.previous;
    if (prev?.kind === 'dock' && prev.side !== top.placement.side) {
      const same = best(docks.filter((c) => c.placement.side === prev.side), input);
      if (same && same.score >= STICKY_SHARE * top.score) return same.placement;
    }
    return top.placement;
  }
  return placeCompact(input, vp, rects, areas);
}

function placeCompact(input: PlacementInput, vp: { width: number; height: number }, rects: Rect[], areas: Rect[]): CompactPlacement {
  const bar = { ...DEFAULT_COMPACT, ...input.compact };
  const m = Math.min(input.margin, 8);
  const minW = Math.min(bar.minWidth ?? bar.width, Math.max(0, vp.width - 2 * m));
  const h = Math.min(bar.height, Math.max(0, vp.height - 2 * m));
  const prevSide = input.previous?.kind === 'compact' ? input.previous.side : undefined;
  const controls = clipAll(input.controls, vp);
  const up = input.anchorY === 'top';

  let chosen: { p: CompactPlacement; rank: number[] } | undefined;
  for (const a of areas) {
    const availW = width(a) - 2 * m;
    const availH = height(a) - 2 * m;
    if (availW < minW || availH < h || availW <= 0) continue;
    const w = Math.min(bar.width, availW);
    const atBottom = a.bottom >= vp.height;
    const atTop = a.top <= 0;
    const top = up ? (atTop || !atBottom ? a.top + m : a.bottom - m - h) : atBottom || !atTop ? a.bottom - m - h : a.top + m;
    const side: 'top' | 'bottom' = top + h / 2 < vp.height / 2 ? 'top' : 'bottom';
    const p: CompactPlacement = { kind: 'compact', side, left: Math.round(a.right - m - w), top: Math.round(top), width: Math.floor(w), height: h, overlaps: false, coversControl: false };
    p.coversControl = controls.some((c) => intersects(placementBox(p), c));
    // Rank (higher first): no control under it (controls normally lie inside keep-clear rects), the side it was
    // on, on the bottom edge, on the top edge, width, closer to bottom-right.
    // (anchorY 'top': the top edge first, closer to top-right.)
    const rank = up
      ? [p.coversControl ? 0 : 1, side === prevSide ? 1 : 0, atTop ? 1 : 0, atBottom ? 1 : 0, Math.floor(w), p.left - p.top]
      : [p.coversControl ? 0 : 1, side === prevSide ? 1 : 0, atBottom ? 1 : 0, atTop ? 1 : 0, Math.floor(w), p.left + p.top];
    if (!chosen || greater(rank, chosen.rank)) chosen = { p, rank };
  }
  if (chosen) return chosen.p;
  return leastOverlap(input, vp, rects, { width: Math.min(bar.width, Math.max(0, vp.width - 2 * m)), height: h }, m);
}

function greater(a: number[], b: number[]) {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return false;
}

/** Nothing is free: try the bar at the edges and next to every control; cover no control if possible, then the least. */
function leastOverlap(input: PlacementInput, vp: { width: number; height: number }, rects: Rect[], size: { width: number; height: number }, m: number): CompactPlacement {
  const controls = clipAll(input.controls, vp);
  const { width: w, height: h } = size;
  const xs = new Set([m, (vp.width - w) / 2, vp.width - m - w]);
  const ys = new Set([m, vp.height - m - h]);
  for (const c of controls) {
    xs.add(c.right + m).add(c.left - m - w);
    ys.add(c.bottom + m).add(c.top - m - h);
  }
  for (const r of rects) ys.add(r.top - m - h).add(r.bottom + m).add(r.top + m).add(r.bottom - m - h);
  const clampX = (x: number) => clamp(Math.round(x), 0, Math.max(0, vp.width - w));
  const clampY = (y: number) => clamp(Math.round(y), 0, Math.max(0, vp.height - h));
  let chosen: { p: CompactPlacement; cost: number[] } | undefined;
  for (const x0 of xs) {
    for (const y0 of ys) {
      const box = { left: clampX(x0), top: clampY(y0), right: clampX(x0) + w, bottom: clampY(y0) + h };
      const covered = controls.filter((c) => intersects(box, c)).length;
      const area = rects.reduce((s, r) => s + overlapArea(box, r), 0);
      // Cost (lower first): controls covered, keep-clear area covered, distance from the bottom edge, from the right.
      const cost = [covered, Math.round(area), input.anchorY === 'top' ? box.top : vp.height - box.bottom, vp.width - box.right];
      if (!chosen || greater(chosen.cost, cost)) {
        const side: 'top' | 'bottom' = box.top + h / 2 < vp.height / 2 ? 'top' : 'bottom';
        chosen = {
          p: { kind: 'compact', side, left: box.left, top: box.top, width: Math.floor(w), height: h, overlaps: area > 0 || covered > 0, coversControl: covered > 0 },
          cost,
        };
      }
    }
  }
  return chosen!.p;
}

/**
 * The full panel, on demand (the user expanded the compact bar): full size, in the corner covering the fewest
 * controls, then the least keep-clear area. May overlap: the user asked for it.
 */
export function placeExpanded(input: PlacementInput): DockPlacement {
  const fitted = placePanel(input);
  if (fitted.kind === 'dock') return fitted;
  const vp = input.viewport;
  const m = input.margin;
  const rects = clipAll(input.keepClear, vp);
  const controls = clipAll(input.controls, vp);
  const w = Math.max(0, Math.min(input.panel.width, vp.width - 2 * m));
  const h = Math.max(0, Math.min(Math.max(1, input.panel.height), vp.height - 2 * m));
  const corners: Array<{ side: Side; left: number; top: number }> = [
    { side: 'right', left: vp.width - m - w, top: vp.height - m - h },
    { side: 'left', left: m, top: vp.height - m - h },
    { side: 'right', left: vp.width - m - w, top: m },
    { side: 'left', left: m, top: m },
  ];
  let chosen: { p: DockPlacement; cost: number[] } | undefined;
  for (const c of corners) {
    const box = { left: c.left, top: c.top, right: c.left + w, bottom: c.top + h };
    const covered = controls.filter((r) => intersects(box, r)).length;
    const area = rects.reduce((s, r) => s + overlapArea(box, r), 0);
    const cost = [covered, Math.round(area)];
    if (!chosen || greater(chosen.cost, cost)) {
      chosen = { p: { kind: 'dock', side: c.side, left: Math.round(c.left), top: Math.round(c.top), width: Math.floor(w), maxHeight: Math.floor(h), overlaps: area > 0 }, cost };
    }
  }
  return chosen!.p;
}
