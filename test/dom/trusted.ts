import { fireEvent } from '@testing-library/react';

/**
 * happy-dom has no trusted events (isTrusted is undefined); a browser sets isTrusted only on what the
 * user did. This marks an event as the user's, to model a real click or key press in a DOM test.
 */
export function trusted<E extends Event>(e: E): E {
  Object.defineProperty(e, 'isTrusted', { value: true });
  return e;
}

/** A click the user made (as puppeteer's real clicks in E2E). `fireEvent.click` alone is a page script's `.click()`. */
export function userClick(el: Element): boolean {
  return fireEvent(el, trusted(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 })));
}
