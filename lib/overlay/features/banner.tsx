import { createRoot } from 'react-dom/client';
import type { Feature } from '../feature';
import { isDashboardUrl } from '@/lib/wati-page/url';
import { sendToBackground } from '@/lib/platform/messages';
import { parseCoachSession } from '@/lib/coach/session';
import type { AttentionItem } from '@/lib/reminders/engine';
import { ExpiryBanner } from '@/components/ExpiryBanner';

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
    root.render(<ExpiryBanner items={items} onRotate={(id) => void sendToBackground({ type: 'token:rotate', id })} onDismiss={dismiss} />);
    ctx.signal.addEventListener('abort', () => root.unmount(), { once: true });
  },
};
