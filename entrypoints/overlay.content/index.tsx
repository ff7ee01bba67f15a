import { z } from 'zod';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { startOverlay } from '@/lib/overlay/start';
import { overlayCss } from '@/components/overlay-css';

// zod 4 probes `new Function` to decide on its JIT: switch it off (no eval, no CSP noise).
z.config({ jitless: true });

/**
 * The overlay: React UI in an open shadow root on <wati-token-guard>. Not in the manifest
 * (registration: 'runtime'): the background injects it only into Wati pages that need it.
 */
export default defineContentScript({
  matches: ['https://*.wati.io/*'],
  registration: 'runtime',
  cssInjectionMode: 'manual',
  async main(ctx) {
    const g = globalThis as { __watiTokenGuardOverlay?: boolean };
    if (g.__watiTokenGuardOverlay) return; // injected twice into the same document
    g.__watiTokenGuardOverlay = true;
    const ui = await createShadowRootUi(ctx, {
      name: 'wati-token-guard',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      css: overlayCss,
      onMount: (container, shadow, host) => {
        // The host takes no space and catches no events; panels inside position themselves.
        host.style.setProperty('position', 'fixed', 'important');
        host.style.setProperty('inset', '0 auto auto 0', 'important');
        host.style.setProperty('width', '0', 'important');
        host.style.setProperty('height', '0', 'important');
        return startOverlay({ container, shadow, host, signal: ctx.signal });
      },
      onRemove: (stop) => stop?.(),
    });
    ui.mount();
  },
});
