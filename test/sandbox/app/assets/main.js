// Sandbox dashboard entry: reads the server's config, picks the API Tokens variant, renders the shell and routes
// client-side (history.pushState / popstate, no full reloads).
import { STRINGS } from './i18n.js';
import { createShell } from './shell.js';
import { renderInbox } from './pages/inbox.js';
import { renderSimple, renderPlaceholder } from './pages/simple.js';
import { renderApiDocs } from './pages/api-docs.js';
import { renderTokens } from './pages/tokens/index.js';

const config = JSON.parse(document.getElementById('__sandbox_config').textContent);
const VARIANT_KEY = 'wati_sandbox_variant';

/** ?variant= on this page load (remembered for the tab) → sessionStorage → cookie → server default. */
function resolveVariant() {
  const ok = (v) => typeof v === 'string' && config.variants.includes(v);
  const fromUrl = new URLSearchParams(location.search).get('variant');
  if (fromUrl !== null && !ok(fromUrl)) console.warn(`[sandbox] unknown variant "${fromUrl}"; known: ${config.variants.join(', ')}`);
  if (ok(fromUrl)) {
    try { sessionStorage.setItem(VARIANT_KEY, fromUrl); } catch { /* storage disabled */ }
    return fromUrl;
  }
  let fromSession = null;
  try { fromSession = sessionStorage.getItem(VARIANT_KEY); } catch { /* storage disabled */ }
  if (ok(fromSession)) return fromSession;
  const cookie = document.cookie.split(/;\s*/).find((c) => c.startsWith(`${VARIANT_KEY}=`));
  const fromCookie = cookie ? decodeURIComponent(cookie.slice(VARIANT_KEY.length + 1)) : null;
  if (ok(fromCookie)) return fromCookie;
  return config.variant;
}

const variant = resolveVariant();
const LOCALES = { 'modal-es': 'es', 'trap-es': 'es', 'native-pt': 'pt' };
const locale = LOCALES[variant] ?? 'en';
const t = STRINGS[locale];
document.documentElement.lang = locale === 'pt' ? 'pt-BR' : locale;
const quiet = new URLSearchParams(location.search).get('quiet') === '1';

const basePath = config.basePath;
const href = (route) => basePath + route;

/** the app route: the path after the workspace base, without a trailing slash */
function currentRoute() {
  let p = location.pathname;
  if (basePath && (p === basePath || p.startsWith(basePath + '/'))) p = p.slice(basePath.length);
  p = p.replace(/\/+$/, '');
  return p || '/';
}

function navigate(route, { replace = false } = {}) {
  const url = href(route);
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  render();
}

const ctx = {
  config,
  variant,
  locale,
  t,
  tenantId: config.tenantId,
  apiEndpoint: `${config.apiHost}/${config.tenantId}`,
  href,
  navigate,
  quiet,
};

const shell = createShell(document.getElementById('root'), ctx);

const ROUTES = {
  '/teamInbox': { title: t.nav.teamInbox, render: renderInbox },
  '/broadcast': { title: t.nav.broadcast, render: (el, c) => renderSimple(el, c, 'broadcast') },
  '/contacts': { title: t.nav.contacts, render: (el, c) => renderSimple(el, c, 'contacts') },
  '/automation': { title: t.nav.automation, render: (el, c) => renderSimple(el, c, 'automation') },
  '/connectors/api-tokens': { title: t.nav.apiTokens, render: renderTokens },
  '/connectors/integrations': { title: t.nav.integrations, render: (el, c) => renderPlaceholder(el, c, t.nav.integrations) },
  '/connectors/webhooks': { title: t.nav.webhooks, render: (el, c) => renderPlaceholder(el, c, t.nav.webhooks) },
  '/api-docs': { title: t.nav.apiDocs, render: renderApiDocs },
  '/settings': { title: t.nav.settings, render: (el, c) => renderPlaceholder(el, c, t.nav.settings) },
};

let cleanup = null;
let renderedRoute = null;
function render() {
  const route = currentRoute();
  if (route === '/') return navigate('/teamInbox', { replace: true });
  if (route === renderedRoute) return; // same page (e.g. a hash or query change)
  renderedRoute = route;
  try { cleanup?.(); } catch (e) { console.error(e); }
  cleanup = null;
  const page = ROUTES[route] ?? { title: t.page, render: (el, c) => renderPlaceholder(el, c, t.page, t.pageBody) };
  document.title = `${page.title} | WATI`;
  shell.setActive(route);
  shell.main.replaceChildren();
  shell.main.scrollTop = 0;
  cleanup = page.render(shell.main, ctx) ?? null;
}

// Client-side navigation for same-origin links (what a router's <Link> does)
document.addEventListener('click', (e) => {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = e.target instanceof Element ? e.target.closest('a[href]') : null;
  if (!a || a.target || a.hasAttribute('download')) return;
  const url = new URL(a.href);
  if (url.origin !== location.origin) return;
  e.preventDefault();
  if (url.pathname + url.search !== location.pathname + location.search) history.pushState(null, '', url.pathname + url.search);
  render();
});
window.addEventListener('popstate', render);
render();
