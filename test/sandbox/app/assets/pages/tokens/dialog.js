// Modal dialog plumbing for the modal variants.
//
// `portal: true` imitates Radix UI's Dialog (modal-en): the dialog is portalled to the end of <body>; while it is
// open, <body> gets `pointer-events: none` (the dialog re-enables them), every other child of <body> gets
// `aria-hidden="true"` (hideOthers), Tab is trapped inside, focus that moves outside is pulled back, and a
// pointerdown outside the dialog dismisses it (unless `dismissable: false`). Escape dismisses too.
//
// `portal: false` imitates a Vue/Element-Plus-like dialog (modal-es): rendered in place inside the page, with an
// overlay; Escape and a click on the overlay close it; a simple Tab trap; nothing else is touched.
import { h } from '../../lib/dom.js';

const FOCUSABLE = 'a[href],button:not([disabled]),input:not([disabled]),select:not([disabled]),textarea:not([disabled]),[tabindex]:not([tabindex="-1"])';

export function openDialog({ content, overlayClass, containerClass, host, portal, dismissable = true, onDismiss, initialFocus }) {
  const previouslyFocused = document.activeElement;
  const overlay = h('div', { class: overlayClass, 'data-state': 'open', 'aria-hidden': 'true' });
  const container = h('div', { class: containerClass, 'data-state': 'open' }, content);
  const cleanups = [];
  let root;

  if (portal) {
    root = h('div', { 'data-radix-portal': '' }, overlay, container);
    overlay.style.pointerEvents = 'auto';
    content.style.pointerEvents = 'auto';
    // hideOthers(): aria-hidden on every other child of <body> present at open time
    const hidden = [];
    for (const el of document.body.children) {
      if (el.getAttribute('aria-hidden') === 'true' || el.tagName === 'SCRIPT') continue;
      el.setAttribute('aria-hidden', 'true');
      el.setAttribute('data-aria-hidden', 'true');
      hidden.push(el);
    }
    cleanups.push(() => hidden.forEach((el) => { el.removeAttribute('aria-hidden'); el.removeAttribute('data-aria-hidden'); }));
    // scroll lock + pointer-events lock, like react-remove-scroll / DismissableLayer
    const prevPE = document.body.style.pointerEvents;
    document.body.style.pointerEvents = 'none';
    document.body.setAttribute('data-scroll-locked', '1');
    cleanups.push(() => { document.body.style.pointerEvents = prevPE; document.body.removeAttribute('data-scroll-locked'); });
    document.body.append(root);
    // pointerdown outside → dismiss (bubble phase on document, like usePointerDownOutside)
    const onPointerDown = (e) => {
      if (!container.contains(e.target) && dismissable) close('outside');
    };
    const t = setTimeout(() => document.addEventListener('pointerdown', onPointerDown), 0);
    cleanups.push(() => { clearTimeout(t); document.removeEventListener('pointerdown', onPointerDown); });
    // FocusScope (trapped): focus that lands outside is moved back inside
    let lastInside = null;
    const onFocusIn = (e) => {
      if (container.contains(e.target)) lastInside = e.target;
      else (lastInside ?? container.querySelector(FOCUSABLE) ?? container).focus({ preventScroll: true });
    };
    document.addEventListener('focusin', onFocusIn);
    cleanups.push(() => document.removeEventListener('focusin', onFocusIn));
  } else {
    root = h('div', null, overlay, container);
    overlay.addEventListener('click', () => dismissable && close('outside'));
    host.append(root);
  }

  const onKeyDown = (e) => {
    if (e.key === 'Escape' && dismissable) {
      e.stopPropagation();
      close('escape');
    } else if (e.key === 'Tab') {
      const items = [...container.querySelectorAll(FOCUSABLE)].filter((x) => x.offsetParent !== null || x === document.activeElement);
      if (!items.length) return;
      const first = items[0], last = items[items.length - 1];
      if (e.shiftKey && document.activeElement === first) { e.preventDefault(); last.focus(); }
      else if (!e.shiftKey && document.activeElement === last) { e.preventDefault(); first.focus(); }
    }
  };
  container.addEventListener('keydown', onKeyDown);

  let closed = false;
  function close(reason = 'programmatic') {
    if (closed) return;
    closed = true;
    cleanups.forEach((fn) => fn());
    root.remove();
    if (reason !== 'programmatic') onDismiss?.(reason);
    if (previouslyFocused instanceof HTMLElement && previouslyFocused.isConnected) previouslyFocused.focus({ preventScroll: true });
  }
  // focus the first field (or the given element) once in the document
  requestAnimationFrame(() => { if (!closed) (initialFocus?.() ?? container.querySelector(FOCUSABLE) ?? container).focus({ preventScroll: true }); });
  return { close, container };
}
