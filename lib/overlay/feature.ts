import type { Guard } from './guard';
import type { SharedObserver } from './observer';
import type { OverlayLayout } from './layout';

/** What a feature knows about the page it runs on: from the URL, never from Wati's DOM. */
export interface PageInfo {
  url: string;
  host: string;
  tenantId?: string;
  baseUrl: string;
}

export interface FeatureContext {
  page: PageInfo;
  /** Aborted when the page changes (client-side navigation) or the overlay is torn down. */
  signal: AbortSignal;
  observer: SharedObserver;
  guard: Guard;
  /** Wati's controls as measured for our page-level panels, and our panels' boxes (one per overlay, see layout.ts). */
  layout: OverlayLayout;
  /** A container inside the shadow root that belongs to this feature (removed on abort). */
  mountPoint(): HTMLElement;
}

/**
 * One overlay feature, one module (refined-github's features/<id>.tsx): it says where it runs,
 * starts from `init`, and stops everything it started when `ctx.signal` aborts.
 */
export interface Feature {
  id: string;
  runsOn(page: PageInfo): boolean;
  init(ctx: FeatureContext): void | Promise<void>;
}
