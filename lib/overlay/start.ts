import { createGuard } from './guard';
import { createSharedObserver } from './observer';
import { createFeatureManager } from './feature-manager';
import { readWorkspaceFromUrl } from '@/lib/wati-page/url';
import { FEATURES } from './features';
import { createOverlayLayout, layoutStats } from './layout';

/** Wires the overlay: one guard, one observer, one feature manager. Returns a stop function. */
export function startOverlay(opts: { container: HTMLElement; shadow: ShadowRoot; host: HTMLElement; signal: AbortSignal }) {
  const controller = new AbortController();
  opts.signal.addEventListener('abort', () => controller.abort(), { once: true });
  const guard = createGuard();
  const observer = createSharedObserver(document.documentElement, {
    throttleMs: 150,
    ignore: (n) => n === opts.host || opts.host.contains(n),
    events: window,
  });
  // The content script's own world only (Wati's page cannot see it): for the bench and the probe tool.
  (globalThis as { __wtgLayoutStats?: typeof layoutStats }).__wtgLayoutStats = layoutStats;
  const layout = createOverlayLayout({ observer, host: opts.host, signal: controller.signal });
  createFeatureManager({
    features: FEATURES,
    guard,
    observer,
    layout,
    container: opts.container,
    signal: controller.signal,
    readPage: () => {
      const ws = readWorkspaceFromUrl(location.href);
      return ws && { url: location.href, host: ws.host, tenantId: ws.tenantId, baseUrl: ws.baseUrl };
    },
  });
  return () => {
    controller.abort();
    observer.disconnect();
  };
}
