// A focus-trapping modal built the way common component libraries build one (MUI's Modal + FocusTrap,
// react-aria's useModalOverlay / ariaHideOutside, the focus-trap package), for the `trap-es` variant:
//   - portalled to the end of <body>: a role="presentation" root holding a backdrop and the dialog;
//   - while open, every other child of <body> gets aria-hidden="true", INCLUDING children added after opening
//     (a MutationObserver on <body>'s child list, like react-aria's ariaHideOutside), so an extension's host
//     element appended to <body> is hidden too; all of it is undone on close (only what this modal hid);
//   - Tab / Shift+Tab cycle inside the dialog (focus sentinels at both ends plus a keydown handler);
//   - a document capture-phase `focusin` listener pulls focus back into the dialog when it lands outside
//     (an element in a shadow root counts as its host, which is outside);
//   - Escape and a click on the backdrop close it (unless `dismissable: false`);
//   - scroll lock: <body> gets overflow:hidden while open.
import { h } from '../../lib/dom.js';

const FOCUSABLE = 'a[href],button:not([disabled]),input:not([disabled]):not([type="hidden"]),select:not([disabled]),textarea:not([disabled]),[tabindex]:not([tabindex="-1"])';

export function openTrap({ content, rootClass, backdropClass, dismissable = true, onDismiss, initialFocus }) {
  const previouslyFocused = document.activeElement;
  const backdrop = h('div', { class: backdropClass, 'aria-hidden': 'true' });
  const sentinelStart = h('div', { tabindex: '0' });
  const sentinelEnd = h('div', { tabindex: '0' });
  const root = h('div', { class: rootClass, role: 'presentation' }, backdrop, sentinelStart, content, sentinelEnd);
  document.body.append(root);

  // ---- aria-hidden on everything else under <body>, now and later ----
  const hidden = new Set();
  const hide = (el) => {
    if (el === root || el.localName === 'script' || el.localName === 'style' || el.getAttribute('aria-hidden') === 'true') return;
    el.setAttribute('aria-hidden', 'true');
    hidden.add(el);
  };
  for (const el of [...document.body.children]) hide(el);
  const observer = new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1) hide(n);
  });
  observer.observe(document.body, { childList: true });

  // ---- scroll lock ----
  const prevOverflow = document.body.style.overflow;
  document.body.style.overflow = 'hidden';

  // ---- focus ----
  const focusables = () => [...content.querySelectorAll(FOCUSABLE)].filter((x) => !x.closest('[hidden]'));
  let lastInside = null;
  const focusFirst = () => (focusables()[0] ?? content).focus({ preventScroll: true });
  const focusLast = () => (focusables().at(-1) ?? content).focus({ preventScroll: true });
  sentinelStart.addEventListener('focus', focusLast);
  sentinelEnd.addEventListener('focus', focusFirst);
  const onFocusIn = (e) => {
    if (content.contains(e.target)) {
      lastInside = e.target;
      return;
    }
    if (e.target === sentinelStart || e.target === sentinelEnd) return;
    // focus landed outside the dialog (the page, or something appended to <body>): pull it back
    (lastInside && lastInside.isConnected ? lastInside : focusables()[0] ?? content).focus({ preventScroll: true });
  };
  document.addEventListener('focusin', onFocusIn, true);
  const onKeyDown = (e) => {
    if (e.key === 'Escape' && dismissable) {
      e.stopPropagation();
      close('escape');
    } else if (e.key === 'Tab') {
      const items = focusables();
      if (!items.length) { e.preventDefault(); return; }
      const first = items[0], last = items[items.length - 1];
      if (e.shiftKey && (document.activeElement === first || !content.contains(document.activeElement))) { e.preventDefault(); last.focus(); }
      else if (!e.shiftKey && (document.activeElement === last || !content.contains(document.activeElement))) { e.preventDefault(); first.focus(); }
    }
  };
  document.addEventListener('keydown', onKeyDown, true);
  backdrop.addEventListener('click', () => dismissable && close('backdrop'));

  let closed = false;
  function close(reason = 'programmatic') {
    if (closed) return;
    closed = true;
    observer.disconnect();
    document.removeEventListener('focusin', onFocusIn, true);
    document.removeEventListener('keydown', onKeyDown, true);
    for (const el of hidden) el.removeAttribute('aria-hidden');
    hidden.clear();
    document.body.style.overflow = prevOverflow;
    root.remove();
    if (reason !== 'programmatic') onDismiss?.(reason);
    if (previouslyFocused instanceof HTMLElement && previouslyFocused.isConnected) previouslyFocused.focus({ preventScroll: true });
  }
  requestAnimationFrame(() => { if (!closed) (initialFocus?.() ?? focusables()[0] ?? content).focus({ preventScroll: true }); });
  return { close, root };
}
