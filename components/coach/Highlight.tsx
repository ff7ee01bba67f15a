import { useEffect, useState } from 'react';

/**
 * Draws a box over a page element without touching Wati's DOM or layout: a fixed-position
 * outline inside our shadow root, re-measured on scroll/resize (in an animation frame, never
 * inside a mutation callback).
 */
export function Highlight(props: { target: Element | undefined; label: string }) {
  const [rect, setRect] = useState<DOMRect | undefined>();
  useEffect(() => {
    const target = props.target;
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
  }, [props.target]);
  if (!rect) return null;
  const pad = 4;
  return (
    <div
      className="wtg-highlight"
      data-testid="coach-highlight"
      aria-hidden="true"
      title={props.label}
      style={{ left: rect.left - pad, top: rect.top - pad, width: rect.width + pad * 2, height: rect.height + pad * 2 }}
    />
  );
}
