// The dashboard frame: sidebar navigation (Team Inbox, Broadcast, Contacts, Automation, Connectors › API › API Tokens,
// More › API Docs), a top bar, and the main area pages render into.
import { createStyler, createIds, h } from './lib/dom.js';
import { icon } from './lib/icons.js';

export function createShell(root, ctx) {
  const { t, href, tenantId } = ctx;
  const css = createStyler({ scheme: 'emotion', salt: 'shell' });
  const id = createIds('react');

  const s = {
    layout: css`display:grid;grid-template-columns:236px minmax(0,1fr);height:100vh;overflow:hidden;`,
    side: css`display:flex;flex-direction:column;background:#fff;border-right:1px solid var(--line);min-height:0;`,
    brand: css`display:flex;align-items:center;gap:10px;height:56px;padding:0 18px;border-bottom:1px solid var(--line-2);
      font-weight:800;font-size:20px;letter-spacing:-.02em;color:var(--ink);
      & svg{flex:none}`,
    brandMark: css`display:grid;place-items:center;width:30px;height:30px;border-radius:8px;background:var(--brand);color:#fff;`,
    nav: css`flex:1;overflow:auto;padding:12px 10px;display:flex;flex-direction:column;gap:2px;`,
    item: css`display:flex;align-items:center;gap:10px;width:100%;padding:8px 10px;border:0;border-radius:8px;background:none;
      color:var(--ink-2);font-weight:500;text-align:left;text-decoration:none;
      &:hover{background:var(--line-2);color:var(--ink);text-decoration:none}
      &[aria-current="page"]{background:var(--brand-50);color:var(--brand-600);font-weight:600}
      & > svg:first-child{color:var(--ink-3);flex:none}
      &[aria-current="page"] > svg:first-child{color:var(--brand)}`,
    chev: css`margin-left:auto;transition:transform .15s;color:var(--ink-3);
      [aria-expanded="true"] > &{transform:rotate(180deg)}`,
    sub: css`display:flex;flex-direction:column;gap:2px;padding:2px 0 6px 28px;&[hidden]{display:none}`,
    subItem: css`display:flex;align-items:center;gap:8px;padding:6px 10px;border-radius:7px;color:var(--ink-2);font-size:13.5px;
      &:hover{background:var(--line-2);color:var(--ink);text-decoration:none}
      &[aria-current="page"]{background:var(--brand-50);color:var(--brand-600);font-weight:600}`,
    groupLabel: css`margin:8px 10px 2px;font-size:11px;font-weight:700;letter-spacing:.06em;text-transform:uppercase;color:var(--ink-3);`,
    groupList: css`display:flex;flex-direction:column;gap:2px;padding-left:6px;border-left:1px solid var(--line);margin-left:10px;`,
    bottom: css`position:relative;padding:10px;border-top:1px solid var(--line-2);`,
    menu: css`position:absolute;left:calc(100% - 6px);bottom:10px;z-index:50;min-width:210px;padding:6px;background:#fff;
      border:1px solid var(--line);border-radius:10px;box-shadow:var(--shadow-lg);animation:sandbox-pop .12s ease-out;&[hidden]{display:none}`,
    menuItem: css`display:flex;align-items:center;gap:10px;padding:8px 10px;border-radius:7px;color:var(--ink);
      & svg{color:var(--ink-3)}&:hover,&:focus{background:var(--line-2);text-decoration:none;outline:none}`,
    col: css`display:flex;flex-direction:column;min-width:0;min-height:0;`,
    top: css`display:flex;align-items:center;gap:14px;height:56px;padding:0 20px;background:#fff;border-bottom:1px solid var(--line);flex:none;`,
    ws: css`display:flex;align-items:center;gap:10px;padding:4px 8px;border:0;background:none;border-radius:8px;text-align:left;
      &:hover{background:var(--line-2)}`,
    wsBadge: css`display:grid;place-items:center;width:30px;height:30px;border-radius:8px;background:#243b53;color:#fff;font-weight:700;font-size:12px;`,
    wsName: css`font-weight:600;line-height:1.15;`,
    wsSub: css`font-size:12px;color:var(--ink-3);line-height:1.2;`,
    search: css`position:relative;flex:1;max-width:440px;margin-left:12px;
      & svg{position:absolute;left:10px;top:50%;transform:translateY(-50%);color:var(--ink-3)}
      & input{width:100%;height:36px;padding:0 12px 0 34px;border:1px solid var(--line);border-radius:8px;background:var(--bg);
        &:focus{outline:none;border-color:var(--brand);background:#fff;box-shadow:0 0 0 3px var(--brand-50)}}`,
    spacer: css`flex:1;`,
    chip: css`padding:3px 10px;border-radius:999px;background:#fff3d6;color:#8a5a00;font-size:12px;font-weight:600;`,
    iconBtn: css`position:relative;display:grid;place-items:center;width:36px;height:36px;border:0;border-radius:8px;background:none;color:var(--ink-2);
      &:hover{background:var(--line-2)}`,
    dot: css`position:absolute;top:8px;right:9px;width:7px;height:7px;border-radius:50%;background:var(--danger);border:2px solid #fff;box-sizing:content-box;`,
    avatar: css`display:grid;place-items:center;width:34px;height:34px;border:0;border-radius:50%;background:#d8e9ff;color:#1d4f91;font-weight:700;font-size:13px;`,
    main: css`flex:1;min-height:0;overflow:auto;position:relative;`,
  };

  const links = new Map(); // route → anchor(s)
  const link = (route, label, iconName, cls = s.item) => {
    const a = h('a', { class: cls, href: href(route) }, iconName ? icon(iconName) : null, h('span', null, label));
    links.set(route, [...(links.get(route) ?? []), a]);
    return a;
  };

  // Connectors: a disclosure button with a submenu (Integrations, Webhooks, and the API group with API Tokens)
  const subId = id();
  const connectorsBtn = h(
    'button',
    { class: s.item, type: 'button', 'aria-expanded': 'false', 'aria-controls': subId },
    icon('plug'), h('span', null, t.nav.connectors), (() => { const c = icon('chevronDown', 16); c.setAttribute('class', s.chev); return c; })(),
  );
  const apiGroupId = id();
  const sub = h(
    'div',
    { class: s.sub, id: subId, hidden: true },
    link('/connectors/integrations', t.nav.integrations, null, s.subItem),
    link('/connectors/webhooks', t.nav.webhooks, null, s.subItem),
    h('div', { class: s.groupLabel, id: apiGroupId }, t.nav.api),
    h('div', { class: s.groupList, role: 'group', 'aria-labelledby': apiGroupId }, link('/connectors/api-tokens', t.nav.apiTokens, null, s.subItem)),
  );
  const setConnectorsOpen = (open) => {
    connectorsBtn.setAttribute('aria-expanded', String(open));
    sub.hidden = !open;
  };
  connectorsBtn.addEventListener('click', () => setConnectorsOpen(sub.hidden));

  // More: a menu button (legacy API Docs lives here)
  const menuId = id();
  const moreBtn = h('button', { class: s.item, type: 'button', 'aria-haspopup': 'menu', 'aria-expanded': 'false', 'aria-controls': menuId },
    icon('more'), h('span', null, t.nav.more));
  const menu = h('div', { class: s.menu, role: 'menu', id: menuId, hidden: true, 'aria-label': t.nav.more },
    h('a', { class: s.menuItem, role: 'menuitem', href: href('/api-docs'), tabindex: '-1' }, icon('book', 16), t.nav.apiDocs),
    h('a', { class: s.menuItem, role: 'menuitem', href: href('/settings'), tabindex: '-1' }, icon('settings', 16), t.nav.settings),
    h('a', { class: s.menuItem, role: 'menuitem', href: 'https://support.wati.io/', target: '_blank', rel: 'noopener', tabindex: '-1' }, icon('help', 16), t.nav.helpCenter),
  );
  const items = () => [...menu.querySelectorAll('[role="menuitem"]')];
  const setMenuOpen = (open, focusFirst = false) => {
    menu.hidden = !open;
    moreBtn.setAttribute('aria-expanded', String(open));
    if (open && focusFirst) items()[0]?.focus();
  };
  moreBtn.addEventListener('click', (e) => { e.stopPropagation(); setMenuOpen(menu.hidden, e.detail === 0); });
  menu.addEventListener('click', () => setMenuOpen(false));
  menu.addEventListener('keydown', (e) => {
    const list = items();
    const i = list.indexOf(document.activeElement);
    if (e.key === 'ArrowDown') { e.preventDefault(); list[(i + 1) % list.length].focus(); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); list[(i - 1 + list.length) % list.length].focus(); }
    else if (e.key === 'Escape') { setMenuOpen(false); moreBtn.focus(); }
  });
  document.addEventListener('click', (e) => { if (!menu.hidden && !menu.contains(e.target)) setMenuOpen(false); });

  const side = h('aside', { class: s.side },
    h('div', { class: s.brand }, h('span', { class: s.brandMark }, icon('inbox', 17)), 'wati'),
    h('nav', { class: s.nav, 'aria-label': t.nav.main },
      link('/teamInbox', t.nav.teamInbox, 'inbox'),
      link('/broadcast', t.nav.broadcast, 'broadcast'),
      link('/contacts', t.nav.contacts, 'contacts'),
      link('/automation', t.nav.automation, 'automation'),
      connectorsBtn,
      sub,
    ),
    h('div', { class: s.bottom }, moreBtn, menu),
  );

  const top = h('header', { class: s.top },
    h('button', { class: s.ws, type: 'button', 'aria-haspopup': 'listbox' },
      h('span', { class: s.wsBadge, 'aria-hidden': 'true' }, 'AR'),
      h('span', null, h('div', { class: s.wsName }, t.workspace), h('div', { class: s.wsSub }, `${t.workspaceLabel} ${tenantId}`)),
      icon('chevronDown', 16)),
    h('div', { class: s.search, role: 'search' }, icon('search', 16),
      h('input', { type: 'search', 'aria-label': t.search, placeholder: t.searchPlaceholder, autocomplete: 'off' })),
    h('div', { class: s.spacer }),
    h('span', { class: s.chip }, t.plan),
    h('button', { class: s.iconBtn, type: 'button', 'aria-label': t.help, title: t.help }, icon('help')),
    h('button', { class: s.iconBtn, type: 'button', 'aria-label': t.notifications, title: t.notifications }, icon('bell'), h('span', { class: s.dot })),
    h('button', { class: s.avatar, type: 'button', 'aria-label': t.account }, 'JD'),
  );

  const main = h('main', { class: s.main });
  root.replaceChildren(h('div', { class: s.layout }, side, h('div', { class: s.col }, top, main)));

  return {
    main,
    /** marks the current route's links and opens the Connectors submenu on its routes */
    setActive(route) {
      for (const [r, anchors] of links) for (const a of anchors) {
        if (r === route) a.setAttribute('aria-current', 'page');
        else a.removeAttribute('aria-current');
      }
      if (route.startsWith('/connectors/')) setConnectorsOpen(true);
      setMenuOpen(false);
    },
  };
}
