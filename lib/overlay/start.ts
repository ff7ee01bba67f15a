import { createGuard } from './guard';
import { createSharedObserver } from './observer';
import { createFeatureManager } from './feature-manager';
import { readWorkspaceFromUrl } from '@/lib/wati-page/url';
import { FEATURES } from './features';

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
  createFeatureManager({
    features: FEATURES,
    guard,
    observer,
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
