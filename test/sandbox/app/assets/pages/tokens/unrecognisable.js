// API Tokens, variant `unrecognisable`: the page is recognisable (heading "API Tokens", the endpoint line, a
// "Generate new token" button and a readable list), but the form and the reveal give a machine nothing to go on:
// no <form>, no labels, no placeholders, no roles, no aria-*, no ids; every label, scope name, expiry choice and the
// token itself are drawn on <canvas>; scope controls are plain divs toggled by click; actions are icon-only divs;
// descriptions appear as hover tooltips only. Validation errors are a red outline + shake, no text. Classes are
// atomic/obfuscated ("x1k9x2q"). A person can still use it.
import { createStyler, h, textCanvas } from '../../lib/dom.js';
import { icon } from '../../lib/icons.js';
import { SCOPES } from '../../catalog.js';
import { copyToClipboard, createStore, createToken, expiryFromDays, fmtDate, isExpired, listTokens, revokeToken } from './common.js';

const IDS = SCOPES.map((s) => s.id);
const EXPIRY = [['Never', 0], ['30 d', 30], ['90 d', 90], ['180 d', 180], ['1 y', 365]];

function styles(css) {
  return {
    page: css`padding:28px 32px 48px;max-width:1060px;display:flex;flex-direction:column;gap:18px;`,
    head: css`display:flex;align-items:center;justify-content:space-between;`,
    h1: css`font-size:23px;font-weight:700;`,
    sub: css`color:var(--ink-3);font-size:13px;margin-top:3px;`,
    btn: css`display:inline-flex;align-items:center;gap:6px;height:36px;padding:0 14px;border:0;border-radius:18px;background:#5b5bd6;color:#fff;font-weight:600;
      &:hover{background:#4a4ac4}&:disabled{opacity:.5}`,
    panel: css`background:#fff;border:1px solid var(--line);border-radius:14px;padding:20px;display:flex;flex-direction:column;gap:16px;animation:sandbox-fade .15s;`,
    line: css`display:flex;align-items:center;gap:14px;`,
    lab: css`width:90px;flex:none;display:flex;`,
    in: css`flex:1;max-width:380px;height:36px;padding:0 12px;border:1px solid #d5d9e0;border-radius:18px;outline:none;&:focus{border-color:#5b5bd6}`,
    bad: css`border-color:#e5484d !important;box-shadow:0 0 0 3px #ffe5e5;animation:sandbox-shake .35s;`,
    tiles: css`flex:1;display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:8px;padding:10px;border:1px solid transparent;border-radius:12px;`,
    tile: css`position:relative;display:flex;align-items:center;gap:8px;padding:8px 10px;border:1px solid #e3e6eb;border-radius:10px;cursor:pointer;user-select:none;
      &:hover{border-color:#b9bdf5}&[data-on="1"]{border-color:#5b5bd6;background:#f3f3ff}`,
    sq: css`flex:none;width:16px;height:16px;border:2px solid #b4b9c4;border-radius:4px;display:grid;place-items:center;color:#fff;
      [data-on="1"] > &{background:#5b5bd6;border-color:#5b5bd6}& svg{opacity:0}[data-on="1"] > & svg{opacity:1}`,
    tip: css`position:absolute;left:0;bottom:calc(100% + 6px);z-index:10;padding:6px 9px;border-radius:6px;background:#1c2024;color:#fff;font-size:12px;white-space:nowrap;pointer-events:none;`,
    chips: css`display:flex;gap:8px;`,
    chip: css`padding:6px 10px;border:1px solid #e3e6eb;border-radius:16px;cursor:pointer;display:flex;&[data-on="1"]{border-color:#5b5bd6;background:#f3f3ff}`,
    icoBtn: css`display:grid;place-items:center;width:40px;height:40px;border-radius:20px;cursor:pointer;background:#f0f1f4;color:#454b55;&:hover{background:#e4e6ea}`,
    go: css`background:#5b5bd6;color:#fff;&:hover{background:#4a4ac4}`,
    acts: css`display:flex;justify-content:flex-end;gap:10px;`,
    all: css`width:32px;height:32px;display:grid;place-items:center;border-radius:8px;cursor:pointer;color:#5b5bd6;&:hover{background:#f3f3ff}&[data-on="1"]{background:#5b5bd6;color:#fff}`,
    reveal: css`background:#fff;border:2px solid #5b5bd6;border-radius:14px;padding:20px;display:flex;gap:16px;align-items:flex-start;`,
    secret: css`flex:1;display:flex;flex-direction:column;gap:10px;`,
    list: css`background:#fff;border:1px solid var(--line);border-radius:14px;overflow:hidden;`,
    lrow: css`display:grid;grid-template-columns:1.3fr 2fr 1fr 1fr .8fr 40px;gap:12px;align-items:center;padding:12px 18px;border-top:1px solid var(--line-2);font-size:13px;
      &:first-child{border-top:0;background:#fafbfc;color:var(--ink-3);font-size:12px;font-weight:600}`,
    mono: css`font-family:var(--mono);font-size:11.5px;color:var(--ink-2);`,
    trash: css`position:relative;width:30px;height:30px;display:grid;place-items:center;border-radius:8px;color:#e5484d;cursor:pointer;&:hover{background:#ffe5e5}`,
    endpoint: css`font-size:13px;color:var(--ink-2);& code{font-family:var(--mono);color:var(--ink)}`,
  };
}

export function renderUnrecognisable(el, ctx) {
  const css = createStyler({ scheme: 'atomic', salt: 'unrecognisable' });
  const s = styles(css);
  let alive = true;
  const store = createStore({ tokens: null });
  const pen = (text, opts) => textCanvas(text, { font: '500 13px system-ui, sans-serif', ...opts });
  const tooltip = (node, text) => {
    let tip = null;
    node.addEventListener('mouseenter', () => { tip = h('div', { class: s.tip }, text); node.append(tip); });
    node.addEventListener('mouseleave', () => { tip?.remove(); tip = null; });
  };

  const openBtn = h('button', { class: s.btn, type: 'button', onClick: () => openForm() }, icon('plus', 16), 'Generate new token');
  const slot = h('div');
  const listEl = h('div', { class: s.list });
  el.append(h('div', { class: s.page },
    h('div', { class: s.head },
      h('div', null, h('h1', { class: s.h1 }, 'API Tokens'), h('p', { class: s.endpoint }, 'Endpoint ', h('code', null, ctx.apiEndpoint))),
      openBtn),
    slot, listEl));

  function renderList({ tokens }) {
    const headRow = h('div', { class: s.lrow }, h('div', null, 'Name'), h('div', null, 'Scopes'), h('div', null, 'Created'), h('div', null, 'Expires'), h('div', null, 'Status'), h('div'));
    const rows = (tokens ?? []).map((t) => {
      const trash = t.status === 'active' ? h('div', { class: s.trash, onClick: () => revokeToken(t.id).then(refresh, refresh) }, icon('trash', 15)) : h('div');
      if (t.status === 'active') tooltip(trash, 'Revoke');
      return h('div', { class: s.lrow }, h('div', null, t.name), h('div', { class: s.mono }, t.scopes.join(' ')), h('div', null, fmtDate(t.createdAt, 'en')),
        h('div', null, t.expiresAt ? fmtDate(t.expiresAt, 'en') : 'Never'), h('div', null, t.status === 'revoked' ? 'Revoked' : isExpired(t) ? 'Expired' : 'Active'), trash);
    });
    listEl.replaceChildren(headRow, ...rows);
  }
  store.subscribe(renderList);
  renderList(store.get());
  async function refresh() {
    try {
      const tokens = await listTokens(ctx.tenantId);
      if (alive) store.set({ tokens });
    } catch { /* keep */ }
  }

  function openForm() {
    if (slot.firstChild) return;
    openBtn.disabled = true;
    const form = createStore({ name: '', scopes: [], expiry: 0, bad: {} });
    const name = h('input', { class: s.in, type: 'text', autocomplete: 'off', spellcheck: 'false' });
    name.addEventListener('input', () => form.set({ name: name.value, bad: { ...form.get().bad, name: false } }));
    const tiles = new Map();
    const grid = h('div', { class: s.tiles }, SCOPES.map((sc) => {
      const tile = h('div', { class: s.tile, 'data-on': '0', onClick: () => form.set((st) => ({
        scopes: IDS.filter((x) => (x === sc.id ? !st.scopes.includes(x) : st.scopes.includes(x))), bad: { ...st.bad, scopes: false },
      })) }, h('div', { class: s.sq }, icon('check', 11, 'stroke-width="3"')), pen(sc.id, { font: '500 12px ui-monospace, monospace' }));
      tooltip(tile, sc.en);
      tiles.set(sc.id, tile);
      return tile;
    }));
    const all = h('div', { class: s.all, 'data-on': '0', onClick: () => form.set((st) => ({ scopes: st.scopes.length === IDS.length ? [] : [...IDS], bad: { ...st.bad, scopes: false } })) }, icon('checks', 18));
    const chips = EXPIRY.map(([label, days]) => h('div', { class: s.chip, 'data-on': days === 0 ? '1' : '0', onClick: () => form.set({ expiry: days }) }, pen(label, { font: '500 12px system-ui, sans-serif' })));
    const go = h('div', { class: `${s.icoBtn} ${s.go}`, onClick: () => submit() }, icon('arrowRight', 18));
    const cancel = h('div', { class: s.icoBtn, onClick: () => close() }, icon('x', 18));
    const panel = h('div', { class: s.panel },
      h('div', { class: s.line }, h('div', { class: s.lab }, pen('Name', { color: '#60646c' })), name),
      h('div', { class: s.line, style: { alignItems: 'flex-start' } }, h('div', { class: s.lab, style: { flexDirection: 'column', gap: '6px' } }, pen('Access', { color: '#60646c' }), all), grid),
      h('div', { class: s.line }, h('div', { class: s.lab }, pen('Expires', { color: '#60646c' })), h('div', { class: s.chips }, chips)),
      h('div', { class: s.acts }, cancel, go));
    form.subscribe((st) => {
      if (name.value !== st.name) name.value = st.name;
      for (const [sid, tile] of tiles) tile.setAttribute('data-on', st.scopes.includes(sid) ? '1' : '0');
      all.setAttribute('data-on', st.scopes.length === IDS.length ? '1' : '0');
      chips.forEach((c, i) => c.setAttribute('data-on', EXPIRY[i][1] === st.expiry ? '1' : '0'));
      name.classList.toggle(s.bad, !!st.bad.name);
      grid.classList.toggle(s.bad, !!st.bad.scopes);
    });
    async function submit() {
      const st = form.get();
      const bad = { name: !st.name.trim(), scopes: !st.scopes.length };
      if (bad.name || bad.scopes) {
        form.set({ bad: { name: false, scopes: false } });
        requestAnimationFrame(() => form.set({ bad })); // restart the shake
        return;
      }
      go.style.pointerEvents = 'none';
      try {
        const created = await createToken({ tenantId: ctx.tenantId, name: st.name.trim(), scopes: st.scopes, expiresAt: expiryFromDays(st.expiry) });
        if (!alive) return;
        showReveal(created.token);
        refresh();
      } catch {
        go.style.pointerEvents = '';
        grid.classList.add(s.bad);
      }
    }
    slot.replaceChildren(panel);
    name.focus();
  }

  function close() {
    slot.replaceChildren();
    openBtn.disabled = false;
  }

  function showReveal(token) {
    let secret = token;
    const copy = h('div', { class: s.icoBtn, onClick: async () => {
      if (secret && (await copyToClipboard(secret))) copy.replaceChildren(icon('check', 18));
    } }, icon('copy', 18));
    tooltip(copy, 'Copy');
    const done = h('div', { class: `${s.icoBtn} ${s.go}`, onClick: () => { secret = null; close(); } }, icon('check', 18));
    slot.replaceChildren(h('div', { class: s.reveal },
      h('div', { style: { color: '#e5484d' } }, icon('eyeOff', 22)),
      h('div', { class: s.secret },
        pen('Shown once. Copy it now.', { color: '#e5484d', font: '600 13px system-ui, sans-serif' }),
        pen(token, { width: 640, font: '12px ui-monospace, monospace', lineHeight: 17 })),
      copy, done));
  }

  refresh();
  return () => {
    alive = false;
    css.dispose();
  };
}
