import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { freeAreas, intersects, mergeClose, placeExpanded, placePanel, placementBox, type Placement, type PlacementInput, type Rect } from '@/lib/overlay/placement';

const r = (left: number, top: number, w: number, h: number): Rect => ({ left, top, right: left + w, bottom: top + h });
const COACH = { width: 360, minWidth: 280, height: 520, minHeight: 220 };
const place = (vw: number, vh: number, keepClear: Rect[], over: Partial<PlacementInput> = {}) =>
  placePanel({ viewport: { width: vw, height: vh }, keepClear, panel: COACH, margin: 16, ...over });

function inside(p: Placement, vw: number, vh: number) {
  const b = placementBox(p);
  return b.left >= 0 && b.top >= 0 && b.right <= vw && b.bottom <= vh && p.width > 0;
}
const clear = (p: Placement, rects: Rect[]) => rects.every((k) => !intersects(placementBox(p), k));

describe('placePanel', () => {
  it('nothing to avoid: the default bottom-right dock', () => {
    const p = place(1280, 720, []);
    expect(p).toEqual({ kind: 'dock', side: 'right', left: 1280 - 16 - 360, top: 720 - 16 - 520, width: 360, maxHeight: 520, overlaps: false });
  });

  it('a tall panel is capped to the viewport and stands on the bottom edge', () => {
    const p = place(1280, 720, [], { panel: { ...COACH, height: 2000 } });
    expect(p).toMatchObject({ kind: 'dock', side: 'right', top: 16, maxHeight: 720 - 32 });
  });

  it('a side drawer on the right at 1280×720: docks left', () => {
    const drawer = r(1280 - 460, 0, 460, 720);
    const p = place(1280, 720, [drawer]);
    expect(p).toMatchObject({ kind: 'dock', side: 'left', left: 16, width: 360 });
    expect(clear(p, [drawer])).toBe(true);
  });

  it('an inline form on the left: docks right', () => {
    const form = r(240, 150, 640, 900); // runs off the bottom of the viewport
    const p = place(1280, 720, [form]);
    expect(p).toMatchObject({ kind: 'dock', side: 'right' });
    expect(p.left).toBeGreaterThanOrEqual(880 + 16);
  });

  it('the opener button top-right: still the bottom-right corner (the band below it)', () => {
    const opener = r(1100, 90, 160, 38);
    const p = place(1280, 720, [opener]);
    expect(p).toMatchObject({ kind: 'dock', left: 1280 - 16 - 360, top: 720 - 16 - 520 });
    expect(clear(p, [opener])).toBe(true);
  });

  it('a centred modal at 1366×860 leaves room on both sides: right wins the tie', () => {
    const modal = r((1366 - 640) / 2, 60, 640, 740);
    const p = place(1366, 860, [modal]);
    expect(p).toMatchObject({ kind: 'dock', side: 'right' });
    expect(clear(p, [modal])).toBe(true);
  });

  it('narrows to minWidth to fit beside a wide modal', () => {
    const modal = r((1366 - 720) / 2, 40, 720, 780); // 323 px either side
    const p = place(1366, 860, [modal]);
    expect(p.kind).toBe('dock');
    expect(p.width).toBeLessThan(360);
    expect(p.width).toBeGreaterThanOrEqual(280);
    expect(clear(p, [modal])).toBe(true);
  });

  it.each([
    [1024, 640],
    [800, 600],
  ])('a centred modal at %i×%i: compact (or a narrow strip), never on the modal', (vw, vh) => {
    const w = Math.min(720, vw * 0.94);
    const hgt = Math.min(560, vh - 80);
    const modal = r((vw - w) / 2, (vh - hgt) / 2, w, hgt);
    const p = place(vw, vh, [modal]);
    expect(p.kind).toBe('compact');
    expect(p.overlaps).toBe(false);
    expect(clear(p, [modal])).toBe(true);
    expect(inside(p, vw, vh)).toBe(true);
  });

  it('a modal covering nearly all of 800×600: the bar covers none of its controls', () => {
    const modal = r(24, 20, 752, 560);
    const controls = [r(44, 60, 300, 36), r(44, 120, 18, 18), r(44, 150, 18, 18), r(400, 120, 18, 18), r(600, 520, 150, 36), r(730, 30, 30, 30)];
    const p = place(800, 600, [modal], { controls });
    expect(p).toMatchObject({ kind: 'compact', overlaps: true, coversControl: false });
    expect(clear(p, controls)).toBe(true);
    expect(inside(p, 800, 600)).toBe(true);
  });

  it('a modal and the page both block: uses the gap between rects', () => {
    // An opener top-right and a card bottom-left: the gap to the right of the card and below the opener is free.
    const opener = r(1000, 20, 260, 40);
    const card = r(0, 200, 700, 520);
    const p = place(1280, 720, [opener, card]);
    expect(p.kind).toBe('dock');
    expect(clear(p, [opener, card])).toBe(true);
  });

  it('clips keep-clear rects that are partly off-screen', () => {
    // A drawer whose box extends far beyond the right edge and the bottom: only the on-screen part counts.
    const drawer = r(900, -100, 2000, 5000);
    const p = place(1280, 720, [drawer]);
    expect(p).toMatchObject({ kind: 'dock', side: 'left' });
    // A rect entirely off-screen is ignored.
    expect(place(1280, 720, [r(-500, 0, 400, 720)])).toEqual(place(1280, 720, []));
  });

  it('ignores empty and non-finite rects', () => {
    expect(place(1280, 720, [r(100, 100, 0, 0), { left: NaN, top: 0, right: 10, bottom: 10 }])).toEqual(place(1280, 720, []));
  });

  it('a tiny viewport: a bar inside it', () => {
    const p = place(300, 200, [r(20, 20, 260, 120)]);
    expect(p.kind).toBe('compact');
    expect(inside(p, 300, 200)).toBe(true);
    const q = place(120, 30, [r(0, 0, 120, 30)]);
    expect(q).toMatchObject({ kind: 'compact', overlaps: true });
    expect(inside(q, 120, 30)).toBe(true);
  });

  it('a minimised panel (natural height below minHeight) fits in a short strip', () => {
    const form = r(0, 0, 1280, 600);
    const p = place(1280, 720, [form], { panel: { ...COACH, height: 40 } });
    expect(p).toMatchObject({ kind: 'dock', side: 'bottom', maxHeight: 40 });
  });

  it('stability: stays on the previous side while it still fits', () => {
    // Free on both sides, left a bit larger: without history it goes left; docked right before, it stays right.
    const form = r(420, 0, 500, 720);
    expect(place(1280, 720, [form]).kind).toBe('dock');
    const fresh = place(1280, 720, [form]);
    expect(fresh).toMatchObject({ side: 'left' });
    const prev: Placement = { kind: 'dock', side: 'right', left: 900, top: 100, width: 340, maxHeight: 500, overlaps: false };
    expect(place(1280, 720, [form], { previous: prev })).toMatchObject({ side: 'right' });
    // ...but not once the previous side no longer fits.
    expect(place(1280, 720, [r(420, 0, 800, 720)], { previous: prev })).toMatchObject({ side: 'left' });
  });

  it('stability: a compact bar stays on its edge', () => {
    const modal = r(100, 60, 600, 480);
    const first = place(800, 600, [modal]);
    expect(first).toMatchObject({ kind: 'compact', side: 'bottom' });
    const prev: Placement = { ...first, side: 'top' } as Placement;
    expect(place(800, 600, [modal], { previous: prev })).toMatchObject({ kind: 'compact', side: 'top' });
  });

  it("align 'near': next to the rects (the capture panel beside the token)", () => {
    const reveal = r(300, 100, 560, 260);
    const p = placePanel({ viewport: { width: 1280, height: 720 }, keepClear: [reveal], panel: { width: 340, minWidth: 280, height: 300, minHeight: 160 }, margin: 8, align: 'near' });
    expect(p.kind).toBe('dock');
    expect(clear(p, [reveal])).toBe(true);
    // Touching distance: within the margin of the reveal on one side.
    const b = placementBox(p);
    const gaps = [reveal.left - b.right, b.left - reveal.right, reveal.top - b.bottom, b.top - reveal.bottom];
    expect(Math.min(...gaps.filter((g) => g >= 0))).toBe(8);
  });
});

describe('placeExpanded', () => {
  it('is the normal dock when one fits', () => {
    expect(placeExpanded({ viewport: { width: 1280, height: 720 }, keepClear: [], panel: COACH, margin: 16 })).toEqual(place(1280, 720, []));
  });
  it('otherwise a full panel in the corner covering the fewest controls, marked as overlapping', () => {
    const modal = r(24, 20, 752, 560);
    const controls = [r(600, 520, 150, 36), r(44, 500, 150, 36)];
    const p = placeExpanded({ viewport: { width: 800, height: 600 }, keepClear: [modal], controls, panel: { ...COACH, height: 400 }, margin: 16 });
    expect(p).toMatchObject({ kind: 'dock', overlaps: true, width: 360, top: 16, maxHeight: 400 });
    expect(clear(p, controls)).toBe(true);
  });
});

describe('freeAreas', () => {
  it('the four strips around one rect (and nothing on it)', () => {
    const k = r(100, 100, 100, 100);
    const areas = freeAreas({ width: 300, height: 300 }, [k]);
    for (const a of areas) expect(intersects(a, k)).toBe(false);
    const has = (x: Rect) => areas.some((a) => a.left === x.left && a.top === x.top && a.right === x.right && a.bottom === x.bottom);
    expect(has(r(0, 0, 100, 300))).toBe(true);
    expect(has(r(200, 0, 100, 300))).toBe(true);
    expect(has(r(0, 0, 300, 100))).toBe(true);
    expect(has(r(0, 200, 300, 100))).toBe(true);
  });
});

describe('placePanel (properties)', () => {
  const rect = (vw: number, vh: number) =>
    fc
      .record({ x: fc.integer({ min: -200, max: vw + 100 }), y: fc.integer({ min: -200, max: vh + 100 }), w: fc.integer({ min: 1, max: vw }), h: fc.integer({ min: 1, max: vh }) })
      .map(({ x, y, w, h }) => r(x, y, w, h));
  const scenario = fc
    .record({ vw: fc.integer({ min: 800, max: 2560 }), vh: fc.integer({ min: 600, max: 1440 }) })
    .chain(({ vw, vh }) =>
      fc.record({
        vw: fc.constant(vw),
        vh: fc.constant(vh),
        rects: fc.array(rect(vw, vh), { maxLength: 6 }),
        controls: fc.array(rect(vw, vh), { maxLength: 6 }),
        natural: fc.integer({ min: 30, max: 1500 }),
        prevSide: fc.constantFrom(undefined, 'left', 'right', 'top', 'bottom'),
      }),
    );

  it('a placement without overlaps never intersects a keep-clear rect and stays inside the viewport', () => {
    fc.assert(
      fc.property(scenario, ({ vw, vh, rects, controls, natural, prevSide }) => {
        const previous: Placement | undefined = prevSide ? { kind: 'dock', side: prevSide, left: 0, top: 0, width: 300, maxHeight: 300, overlaps: false } : undefined;
        const p = placePanel({ viewport: { width: vw, height: vh }, keepClear: rects, controls, panel: { ...COACH, height: natural }, margin: 16, previous });
        expect(inside(p, vw, vh)).toBe(true);
        if (!p.overlaps) expect(clear(p, rects)).toBe(true);
        if (p.kind === 'compact' && !p.coversControl) expect(clear(p, controls.filter((c) => c.right > 0 && c.bottom > 0 && c.left < vw && c.top < vh))).toBe(true);
        if (p.kind === 'dock') {
          expect(p.width).toBeGreaterThanOrEqual(280);
          expect(p.maxHeight).toBeGreaterThanOrEqual(Math.min(220, natural));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('with the whole viewport free it is always the bottom-right dock', () => {
    fc.assert(
      fc.property(fc.integer({ min: 800, max: 3000 }), fc.integer({ min: 600, max: 2000 }), (vw, vh) => {
        const p = place(vw, vh, []);
        expect(p).toMatchObject({ kind: 'dock', side: 'right', left: vw - 16 - 360 });
        expect(placementBox(p).bottom).toBe(vh - 16);
      }),
    );
  });
});

/** The banner: wide and short, prefers the top, hangs from the top of its area. */
const BANNER = { width: 720, minWidth: 340, height: 90, minHeight: 64 };
const banner = (vw: number, vh: number, keepClear: Rect[], over: Partial<PlacementInput> = {}) =>
  placePanel({ viewport: { width: vw, height: vh }, keepClear, controls: keepClear, panel: BANNER, compact: { width: 520, minWidth: 280, height: 40 }, margin: 8, sides: ['top', 'right', 'left', 'bottom'], anchorY: 'top', ...over });

describe("placePanel: sides and anchorY 'top' (the banner)", () => {
  it('nothing to avoid: the top-right, hanging from the top', () => {
    expect(banner(1280, 720, [])).toMatchObject({ kind: 'dock', side: 'right', left: 1280 - 8 - 720, top: 8, width: 720 });
  });

  it("Wati's top bar and sidebar: right under the top bar, right of the sidebar, covering neither", () => {
    const top = r(236, 0, 1280 - 236, 56);
    const side = r(0, 0, 236, 720);
    const p = banner(1280, 720, [top, side]);
    expect(p).toMatchObject({ kind: 'dock', top: 56 + 8 });
    expect(clear(p, [top, side])).toBe(true);
  });

  it('ties go to the first of `sides`', () => {
    // Room only above and below a band across the middle: the top wins, although the default order says bottom.
    const band = r(0, 300, 1280, 120);
    expect(banner(1280, 720, [band])).toMatchObject({ kind: 'dock', side: 'top', top: 8 });
    expect(banner(1280, 720, [band], { sides: undefined })).toMatchObject({ kind: 'dock', side: 'bottom' });
  });

  it("a left or right dock hangs from its area's top instead of standing on its bottom", () => {
    const form = r(0, 0, 700, 720);
    expect(banner(1280, 720, [form], { panel: { ...BANNER, width: 500 } })).toMatchObject({ side: 'right', top: 8 });
    expect(banner(1280, 720, [form], { panel: { ...BANNER, width: 500 }, anchorY: undefined })).toMatchObject({ side: 'right', top: 720 - 8 - 90 });
  });

  it('no dock fits: the compact bar goes to the top edge first', () => {
    const page = r(0, 60, 1280, 600);
    const p = banner(1280, 720, [page]);
    expect(p).toMatchObject({ kind: 'compact', side: 'top', top: 8, overlaps: false });
    expect(banner(1280, 720, [page], { anchorY: undefined })).toMatchObject({ kind: 'compact', side: 'bottom' });
  });

  it('nothing free at all: the last-resort bar covers no control, preferring the top', () => {
    const controls = [r(0, 0, 800, 40), r(0, 100, 800, 40), r(0, 560, 800, 40)];
    const p = banner(800, 600, [r(0, 0, 800, 600)], { controls });
    expect(p.kind).toBe('compact');
    expect(controls.every((c) => !intersects(placementBox(p), c))).toBe(true);
    expect(p.top).toBeLessThan(300);
  });
});

describe('mergeClose', () => {
  it('leaves up to `max` rects alone (merging costs free space)', () => {
    const rects = [r(0, 0, 100, 30), r(104, 0, 100, 30), r(0, 200, 50, 50)];
    expect(mergeClose(rects, 16, 10)).toEqual(rects);
  });

  it('over `max`: a column of touching rows becomes one rect, a far rect stays', () => {
    const rows = Array.from({ length: 20 }, (_, i) => r(236, 100 + i * 61, 339, 61));
    const far = r(1500, 70, 80, 32);
    const out = mergeClose([...rows, far], 16, 4);
    expect(out).toContainEqual({ left: 236, top: 100, right: 575, bottom: 100 + 20 * 61 });
    expect(out).toContainEqual(far);
  });

  it('does not swallow the room between a sidebar and a list while a looser merge is not needed', () => {
    const links = Array.from({ length: 5 }, (_, i) => r(10, 68 + i * 38, 215, 36));
    const rows = Array.from({ length: 10 }, (_, i) => r(236, 186 + i * 61, 339, 61));
    const out = mergeClose([...links, ...rows], 16, 4);
    expect(out.length).toBeLessThanOrEqual(4);
    // The L they make is not one box: the area right of the links and above the rows stays free.
    expect(out.some((o) => intersects(o, r(230, 68, 5, 100)) && intersects(o, r(10, 68, 215, 36)) && intersects(o, r(236, 186, 339, 61)))).toBe(false);
  });

  it('always gets to `max` (a grid of scattered buttons), and covers every input rect', () => {
    const grid = Array.from({ length: 300 }, (_, i) => r((i % 20) * 60, Math.floor(i / 20) * 45, 40, 24));
    const out = mergeClose(grid, 16, 48);
    expect(out.length).toBeLessThanOrEqual(48);
    for (const g of grid) expect(out.some((o) => o.left <= g.left && o.top <= g.top && o.right >= g.right && o.bottom >= g.bottom)).toBe(true);
  });

  it('clips to the viewport and drops what is off screen or empty', () => {
    expect(mergeClose([r(-10, -10, 30, 30), r(2000, 0, 10, 10), r(5, 5, 0, 10)], 16, 48, { width: 1280, height: 720 })).toEqual([{ left: 0, top: 0, right: 20, bottom: 20 }]);
  });

  it('300 controls merged and placed stay cheap (well under a frame)', () => {
    const controls = Array.from({ length: 300 }, (_, i) => r((i * 97) % 1240, (i * 53) % 700, 36, 20));
    const t0 = performance.now();
    const rects = mergeClose(controls, 16, 48, { width: 1280, height: 720 });
    banner(1280, 720, rects);
    expect(performance.now() - t0).toBeLessThan(200); // generous: shared CI cores; typically a few ms
  });
});
