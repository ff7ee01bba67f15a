import type { SyntheticEvent } from 'react';

/**
 * Runs `fn` only for an event the user made. The overlay's shadow root is open (the test contract
 * reaches into it), so a script in Wati's page can find our buttons and call `.click()` on them; the
 * browser marks such an event `isTrusted: false`, a real click, tap or key press `true`. Every button
 * of the overlay (coach, capture panel, banner, sync prompt) goes through this.
 */
export function onTrusted<E extends SyntheticEvent>(fn: (e: E) => void): (e: E) => void {
  return (e) => {
    if (e.nativeEvent.isTrusted !== true) return;
    fn(e);
  };
}
