import { useAnchorRect } from './useAnchorRect';

/**
 * Draws a box over a page element without touching Wati's DOM or layout: a fixed-position
 * outline inside our shadow root, re-measured on scroll/resize (never inside a mutation callback).
 */
export function Highlight(props: { target: Element | undefined; label: string }) {
  const rect = useAnchorRect(props.target);
  if (!rect) return null;
  const pad = 4;
  return (
    <div
      className="wtg-highlight"
      data-testid="coach-highlight"
      data-target={props.label}
      aria-hidden="true"
      style={{ left: rect.left - pad, top: rect.top - pad, width: rect.width + pad * 2, height: rect.height + pad * 2 }}
    />
  );
}
