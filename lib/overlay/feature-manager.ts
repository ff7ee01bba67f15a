import type { Feature, FeatureContext, PageInfo } from './feature';
import type { Guard } from './guard';
import type { SharedObserver } from './observer';
import type { OverlayLayout } from './layout';

/**
 * Runs every feature that applies to the current page, each in its own guard and its own
 * AbortController; re-runs them when the URL changes. One feature failing never stops another.
 */
export function createFeatureManager(opts: {
  features: Feature[];
  guard: Guard;
  observer: SharedObserver;
  layout: OverlayLayout;
  container: HTMLElement;
  readPage(): PageInfo | undefined;
  signal: AbortSignal;
}) {
  let current: { url: string; controller: AbortController } | undefined;

  const start = () => {
    const page = opts.readPage();
    if (current && page && current.url === page.url) return;
    current?.controller.abort();
    current = undefined;
    if (!page || opts.signal.aborted) return;
    const controller = new AbortController();
    opts.signal.addEventListener('abort', () => controller.abort(), { once: true });
    current = { url: page.url, controller };
    for (const feature of opts.features) {
      if (!opts.guard.run(feature.id, () => feature.runsOn(page))) continue;
      let el: HTMLElement | undefined;
      const ctx: FeatureContext = {
        page,
        signal: controller.signal,
        observer: opts.observer,
        layout: opts.layout,
        guard: opts.guard,
        mountPoint() {
          if (!el) {
            el = document.createElement('div');
            el.dataset.feature = feature.id;
            opts.container.append(el);
            controller.signal.addEventListener('abort', () => el?.remove(), { once: true });
          }
          return el;
        },
      };
      opts.guard.run(feature.id, () => feature.init(ctx));
    }
  };

  opts.observer.subscribe(start, opts.signal); // URL changes arrive with DOM mutations
  addEventListener('popstate', start, { signal: opts.signal });
  start();
  return { restart: start };
}
