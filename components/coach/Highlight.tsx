/**
 * Draws a box over a page element without touching Wati's DOM or layout: a fixed-position
 * outline inside our shadow root. The caller measures the element (useAnchorRect), once.
 * `pointer-events: none` (overlay-css): it never takes a click meant for Wati.
 */
export function Highlight(props: { rect: { left: number; top: number; width: number; height: number } | undefined; label: string }) {
  const rect = props.rect;
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
