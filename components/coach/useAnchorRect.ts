import { useEffect, useState } from 'react';

/** The viewport rect of a page element, re-measured on scroll/resize/size changes (in an animation frame). */
export function useAnchorRect(target: Element | undefined): DOMRect | undefined {
  const [rect, setRect] = useState<DOMRect | undefined>();
  useEffect(() => {
    if (!target) {
      setRect(undefined);
      return;
    }
    let frame = 0;
    const measure = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const r = target.isConnected ? target.getBoundingClientRect() : undefined;
        setRect(r && r.width + r.height > 0 ? r : undefined);
      });
    };
    measure();
    addEventListener('scroll', measure, { capture: true, passive: true });
    addEventListener('resize', measure, { passive: true });
    const ro = new ResizeObserver(measure);
    ro.observe(target);
    return () => {
      cancelAnimationFrame(frame);
      removeEventListener('scroll', measure, { capture: true });
      removeEventListener('resize', measure);
      ro.disconnect();
    };
  }, [target]);
  return rect;
}
