// API Tokens, variant `drawer-en`: loads the React 19 app (test/sandbox/react/drawer.jsx, bundled by the sandbox
// server and served as /assets/react/drawer.js) and mounts it, the way a code-split route loads its chunk.
// `ctx.reactBundle` may name another URL for the bundle (the happy-dom tests pass a file: URL).
import { h } from '../../lib/dom.js';

export function renderDrawerEn(el, ctx) {
  let cleanup = null;
  let alive = true;
  const loading = h('div', { role: 'progressbar', 'aria-label': 'Loading', style: { padding: '28px 32px', color: 'var(--ink-3)' } }, 'Loading…');
  el.append(loading);
  import(ctx.reactBundle ?? '/assets/react/drawer.js')
    .then((mod) => {
      loading.remove();
      if (alive) cleanup = mod.mount(el, ctx);
    })
    .catch((e) => {
      console.error('[sandbox] could not load the drawer-en bundle', e);
      loading.textContent = 'Could not load this page.';
    });
  return () => {
    alive = false;
    cleanup?.();
  };
}
