import { createRoot } from 'react-dom/client';
import type { Feature } from '../feature';
import { isDashboardUrl } from '@/lib/wati-page/url';
import { looksLikeTokenPage, readApiEndpoint } from '@/lib/wati-page/detect';
import { readTokenList } from '@/lib/wati-page/list';
import { sendToBackground } from '@/lib/platform/messages';
import { SyncPrompt, type SyncPromptProps } from '@/components/SyncPrompt';
import { usePanelLayout } from '@/components/usePanelLayout';
import type { OverlayLayout } from '../layout';

/** The prompt, placed clear of Wati's controls, the coach's form and our other panels (lib/overlay/layout). */
function PlacedSyncPrompt(props: Omit<SyncPromptProps, 'keepClear' | 'controls' | 'onPlaced'> & { layout: OverlayLayout }) {
  const { keepClear, controls } = usePanelLayout(props.layout, 'sync', 8);
  return <SyncPrompt {...props} keepClear={keepClear} controls={controls} onPlaced={(box) => props.layout.setBox('sync', box)} />;
}

/**
 * Reads Wati's token list (whatever its columns) and reconciles the inventory with it: tokens
 * made elsewhere are added, changed expiries updated; tokens gone from the list are offered for
 * marking as revoked (never marked silently: the list may be paginated or filtered).
 */
export const listSyncFeature: Feature = {
  id: 'list-sync',
  runsOn: (page) => isDashboardUrl(page.url),
  init(ctx) {
    let lastSignature = '';
    let timer: ReturnType<typeof setTimeout> | undefined;
    let root: ReturnType<typeof createRoot> | undefined;
    const render = (missing: Array<{ id: string; name: string }>) => {
      if (!missing.length) {
        root?.render(null);
        return;
      }
      root ??= createRoot(ctx.mountPoint());
      root.render(
        <PlacedSyncPrompt
          layout={ctx.layout}
          missing={missing}
          onMarkRevoked={async (ids) => {
            await sendToBackground({ type: 'inventory:mark-revoked', ids });
            render([]);
          }}
          onDismiss={() => render([])}
        />,
      );
    };
    const sync = async () => {
      if (!looksLikeTokenPage(document)) return;
      const rows = readTokenList(document);
      if (!rows) return;
      const plain = rows.map((r) => ({
        name: r.name,
        scopes: r.scopes,
        createdAt: r.createdAt,
        expiresAt: r.expiresAt,
        status: r.status === 'expired' ? 'active' : r.status,
      }));
      const signature = JSON.stringify(plain);
      if (signature === lastSignature) return;
      lastSignature = signature;
      const res = await sendToBackground<{ missing?: Array<{ id: string; name: string }>; leftForNextTime?: number; workspaceFull?: boolean }>({
        type: 'inventory:sync',
        // app.wati.io's URL does not carry the tenant; the page's API endpoint URL does.
        workspace: { host: ctx.page.host, tenantId: ctx.page.tenantId ?? readApiEndpoint(document)?.tenantId },
        rows: plain,
      });
      if (!ctx.signal.aborted) render(res?.missing ?? []);
      // A pass adds at most 200 new records: take the rest on the next passes (unless the workspace is full,
      // which the background reports in the popup).
      if (!ctx.signal.aborted && (res?.leftForNextTime ?? 0) > 0 && !res?.workspaceFull) {
        lastSignature = '';
        schedule();
      }
    };
    // The list changes rarely; wait for it to settle (slow pages render it late).
    const schedule = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void ctx.guard.run('list-sync', sync), 800);
    };
    ctx.observer.subscribe(schedule, ctx.signal);
    ctx.signal.addEventListener('abort', () => {
      if (timer) clearTimeout(timer);
      root?.unmount();
    });
    schedule();
  },
};
