import { useEffect, useRef, useState } from 'react';
import type { Rect } from '@/lib/overlay/placement';

/** A measured viewport rect (what getBoundingClientRect gives, as plain numbers). */
export interface MeasuredRect extends Rect {
  width: number;
  height: number;
}

const ids = new WeakMap<Element, number>();
let nextId = 1;
function idOf(e: Element) {
  let id = ids.get(e);
  if (!id) ids.set(e, (id = nextId++));
  return id;
}

function sameRects(a: readonly MeasuredRect[], b: readonly MeasuredRect[]) {
  return a.length === b.length && a.every((r, i) => r.left === b[i]!.left && r.top === b[i]!.top && r.right === b[i]!.right && r.bottom === b[i]!.bottom);
}

/**
 * The viewport rects of page elements, re-measured in an animation frame on scroll (any scroller: capture phase),
 * resize and size changes of the elements. Elements that are gone or have no box are left out. The subscription
 * is renewed only when the set of elements changes (the page adapter hands new arrays on every read).
 */
export function useRects(elements: ReadonlyArray<Element | undefined>): MeasuredRect[] {
  const [rects, setRects] = useState<MeasuredRect[]>([]);
  const current = useRef<Element[]>([]);
  const list = [...new Set(elements.filter((e): e is Element => !!e))];
  current.current = list;
  const key = list.map(idOf).join(',');
  useEffect(() => {
    const els = current.current;
    if (!els.length) {
      setRects((old) => (old.length ? [] : old));
      return;
    }
    let frame = 0;
    const measure = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const out: MeasuredRect[] = [];
        for (const el of els) {
          if (!el.isConnected) continue;
          const r = el.getBoundingClientRect();
          if (r.width + r.height > 0) out.push({ left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height });
        }
        setRects((old) => (sameRects(old, out) ? old : out));
      });
    };
    measure();
    addEventListener('scroll', measure, { capture: true, passive: true });
    addEventListener('resize', measure, { passive: true });
    const ro = new ResizeObserver(measure);
    for (const el of els) ro.observe(el);
    return () => {
      cancelAnimationFrame(frame);
      removeEventListener('scroll', measure, { capture: true });
      removeEventListener('resize', measure);
      ro.disconnect();
    };
  }, [key]);
  return rects;
}

/** The viewport rect of one page element (see useRects). */
export function useAnchorRect(target: Element | undefined): MeasuredRect | undefined {
  return useRects([target])[0];
}
