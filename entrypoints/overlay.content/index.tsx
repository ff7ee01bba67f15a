import { z } from 'zod';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { startOverlay } from '@/lib/overlay/start';
import { overlayCss } from '@/components/overlay-css';

// zod 4 probes `new Function` to decide on its JIT: switch it off (no eval, no CSP noise).
z.config({ jitless: true });

const ISOLATED_EVENTS = [
  'pointerdown', 'pointerup', 'mousedown', 'mouseup', 'click', 'dblclick', 'contextmenu',
  'focusin', 'focusout', 'keydown', 'keyup', 'keypress', 'input', 'change', 'beforeinput',
  'touchstart', 'touchend', 'paste', 'copy', 'cut',
];

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
      // Events from our UI must not reach Wati's handlers: a pointerdown "outside" its dialog would
      // close the dialog, and a focusin outside would trip its focus trap.
      isolateEvents: ISOLATED_EVENTS,
      onMount: (container, shadow, host) => {
        // The host takes no space and catches no events; panels inside position themselves.
        host.style.setProperty('position', 'fixed', 'important');
        host.style.setProperty('inset', '0 auto auto 0', 'important');
        host.style.setProperty('width', '0', 'important');
        host.style.setProperty('height', '0', 'important');
        // A fixed host is its own stacking context: give it the top layer so Wati's modals never cover our panels.
        host.style.setProperty('z-index', '2147483647', 'important');
        return startOverlay({ container, shadow, host, signal: ctx.signal });
      },
      onRemove: (stop) => stop?.(),
    });
    ui.mount();
  },
});
