import { createRoot } from 'react-dom/client';
import type { Feature } from '../feature';
import { isDashboardUrl } from '@/lib/wati-page/url';
import { sendToBackground } from '@/lib/platform/messages';
import { parseCoachSession } from '@/lib/coach/session';
import type { AttentionItem } from '@/lib/reminders/engine';
import { ExpiryBanner, type ExpiryBannerProps } from '@/components/ExpiryBanner';
import { usePanelLayout } from '@/components/usePanelLayout';
import type { OverlayLayout } from '../layout';

/** The banner, placed clear of Wati's controls, the coach's form and our other panels (lib/overlay/layout). */
function PlacedBanner(props: Omit<ExpiryBannerProps, 'keepClear' | 'controls' | 'onPlaced'> & { layout: OverlayLayout }) {
  const { keepClear, controls } = usePanelLayout(props.layout, 'banner', 8);
  return <ExpiryBanner {...props} keepClear={keepClear} controls={controls} onPlaced={(box) => props.layout.setBox('banner', box)} />;
}

/** Expiry / rotation banner on every dashboard page of a workspace with tokens needing attention. */
export const bannerFeature: Feature = {
  id: 'banner',
  runsOn: (page) => isDashboardUrl(page.url),
  async init(ctx) {
    const [items, fromBg] = await Promise.all([
      sendToBackground<AttentionItem[]>({ type: 'attention:get', workspace: { host: ctx.page.host, tenantId: ctx.page.tenantId } }),
      sendToBackground<{ session: unknown }>({ type: 'coach:session:get' }),
    ]);
    const session = parseCoachSession(fromBg?.session);
    if (ctx.signal.aborted || !Array.isArray(items) || items.length === 0 || session.bannerDismissed) return;
    const root = createRoot(ctx.mountPoint());
    const dismiss = () => {
      root.render(null);
      void sendToBackground({ type: 'coach:session:set', session: { ...session, bannerDismissed: true } });
    };
    root.render(<PlacedBanner layout={ctx.layout} items={items} onRotate={(id) => void sendToBackground({ type: 'token:rotate', id })} onDismiss={dismiss} />);
    ctx.signal.addEventListener('abort', () => root.unmount(), { once: true });
  },
};
