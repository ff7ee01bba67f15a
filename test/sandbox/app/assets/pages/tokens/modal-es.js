// API Tokens, variant `modal-es` (a Spanish, Vue/Element-Plus-like app).
// Markup conventions: everything in Spanish; the dialog is rendered in place inside the page (not portalled);
// scopes are shown WITH the `wati_` prefix (`wati_contacts:read`; `api` and `wati_integration:*` unchanged) as
// switches <div role="switch" aria-checked tabindex="0" aria-labelledby> (click on the switch or its label, Space or
// Enter); "Seleccionar todo" is a toggle <button aria-pressed>; expiry is a <select> labelled "Caducidad"; the reveal
// is a second dialog with the token in a read-only <textarea>; the list is an ARIA table built from divs
// (role=table/rowgroup/row/columnheader/cell). Every element carries a Vue scoped-style attribute (data-v-xxxxxxxx),
// ids look like "el-id-4821-7" and classes like CSS modules ("_a1b2c_7"). v-model-like inputs: state follows
// `input`/`change` events and is written back to the DOM on every re-render.
import { createIds, createStyler, h, hash } from '../../lib/dom.js';
import { icon } from '../../lib/icons.js';
import { FAMILIES, SCOPES, prefixed } from '../../catalog.js';
import { openDialog } from './dialog.js';
import { copyToClipboard, createStore, createToken, expiryFromDays, fmtDate, isExpired, listTokens, revokeToken } from './common.js';

const IDS = SCOPES.map((s) => s.id);
const EXPIRY = [['0', 'Nunca', 0], ['30', '30 días', 30], ['90', '90 días', 90], ['180', '180 días', 180], ['365', '1 año', 365]];
const SCOPE_ATTR = `data-v-${hash('TokensView.vue').padStart(8, '0').slice(0, 8)}`;

/** Vue's scoped CSS marks every element of a component with the same data-v attribute. */
function scoped(root) {
  root.setAttribute(SCOPE_ATTR, '');
  for (const el of root.querySelectorAll('*')) el.setAttribute(SCOPE_ATTR, '');
  return root;
}

function styles(css) {
  return {
    page: css`padding:24px 28px 48px;max-width:1120px;`,
    panel: css`background:#fff;border:1px solid #ebeef5;border-radius:4px;box-shadow:0 2px 12px rgba(0,0,0,.05);`,
    panelHead: css`display:flex;align-items:center;justify-content:space-between;gap:20px;padding:18px 20px;border-bottom:1px solid #ebeef5;`,
    h1: css`font-size:20px;font-weight:600;color:#303133;`,
    lead: css`margin-top:4px;color:#606266;font-size:13px;`,
    endpoint: css`display:flex;align-items:center;gap:8px;padding:12px 20px;background:#f4f4f5;color:#606266;font-size:13px;border-bottom:1px solid #ebeef5;
      & code{font-family:var(--mono);color:#303133;background:#fff;padding:2px 6px;border:1px solid #e4e7ed;border-radius:3px}`,
    btn: css`display:inline-flex;align-items:center;gap:6px;height:34px;white-space:nowrap;flex:none;padding:0 15px;border:1px solid #dcdfe6;border-radius:4px;background:#fff;color:#606266;font-size:13.5px;
      &:hover{color:#409eff;border-color:#c6e2ff;background:#ecf5ff}&:disabled{opacity:.6;cursor:not-allowed}`,
    primary: css`background:#409eff;border-color:#409eff;color:#fff;&:hover{background:#66b1ff;border-color:#66b1ff;color:#fff}`,
    text: css`height:28px;padding:0 8px;border:0;background:none;color:#f56c6c;&:hover{background:#fef0f0;color:#f56c6c}`,
    table: css`display:table;width:100%;font-size:13px;color:#606266;`,
    rowgroup: css`display:table-row-group;`,
    hrow: css`display:table-row;background:#fafafa;`,
    row: css`display:table-row;&:hover{background:#f5f7fa}`,
    th: css`display:table-cell;padding:10px 14px;font-weight:600;color:#909399;border-bottom:1px solid #ebeef5;white-space:nowrap;`,
    td: css`display:table-cell;padding:12px 14px;border-bottom:1px solid #ebeef5;vertical-align:middle;`,
    tag: css`display:inline-block;margin:2px 4px 2px 0;padding:0 7px;height:22px;line-height:20px;border:1px solid #d9ecff;border-radius:4px;background:#ecf5ff;color:#409eff;font-size:12px;font-family:var(--mono);`,
    status: css`display:inline-block;padding:0 8px;height:22px;line-height:20px;border-radius:4px;font-size:12px;border:1px solid;
      &[data-s="ok"]{background:#f0f9eb;border-color:#e1f3d8;color:#67c23a}&[data-s="off"]{background:#f4f4f5;border-color:#e9e9eb;color:#909399}
      &[data-s="exp"]{background:#fef0f0;border-color:#fde2e2;color:#f56c6c}`,
    emptyCell: css`display:table-cell;padding:40px;text-align:center;color:#909399;`,
    overlay: css`position:fixed;inset:0;z-index:2000;background:rgba(0,0,0,.5);`,
    wrap: css`position:fixed;inset:0;z-index:2001;overflow:auto;pointer-events:none;& > *{pointer-events:auto}`,
    dialog: css`position:relative;width:600px;max-width:calc(100% - 32px);margin:8vh auto 40px;background:#fff;border-radius:4px;box-shadow:0 12px 32px rgba(0,0,0,.2);
      animation:sandbox-pop .16s ease-out;`,
    dHeader: css`padding:18px 20px 10px;font-size:17px;color:#303133;`,
    dClose: css`position:absolute;top:12px;right:12px;width:30px;height:30px;display:grid;place-items:center;border:0;background:none;color:#909399;&:hover{color:#409eff}`,
    dBody: css`padding:10px 20px;color:#606266;font-size:13.5px;`,
    dFooter: css`display:flex;justify-content:flex-end;gap:10px;padding:12px 20px 20px;`,
    formItem: css`display:grid;grid-template-columns:150px 1fr;align-items:start;gap:12px;margin-bottom:18px;& > label{padding-top:7px;text-align:right;color:#606266}
      & [data-req]{color:#f56c6c;margin-right:4px}`,
    inputWrap: css`display:flex;flex-direction:column;gap:4px;`,
    input: css`height:34px;padding:0 11px;border:1px solid #dcdfe6;border-radius:4px;background:#fff;
      &:hover{border-color:#c0c4cc}&:focus{outline:none;border-color:#409eff}&[aria-invalid="true"]{border-color:#f56c6c}`,
    errText: css`font-size:12px;color:#f56c6c;`,
    scopes: css`border:1px solid #ebeef5;border-radius:4px;padding:6px 12px;max-height:300px;overflow:auto;&[data-invalid]{border-color:#f56c6c}`,
    scopeTools: css`display:flex;justify-content:flex-end;margin-bottom:4px;`,
    groupTitle: css`margin:8px 0 4px;font-size:12px;font-weight:600;color:#909399;`,
    switchRow: css`display:flex;align-items:center;gap:10px;padding:5px 0;`,
    sw: css`position:relative;flex:none;width:36px;height:20px;border-radius:10px;background:#dcdfe6;cursor:pointer;transition:background .15s;
      &::after{content:"";position:absolute;top:2px;left:2px;width:16px;height:16px;border-radius:50%;background:#fff;transition:left .15s;box-shadow:0 1px 2px rgba(0,0,0,.2)}
      &[aria-checked="true"]{background:#409eff}&[aria-checked="true"]::after{left:18px}&:focus-visible{outline:2px solid #409eff;outline-offset:2px}`,
    swLabel: css`font-family:var(--mono);font-size:12.5px;color:#303133;cursor:pointer;`,
    swText: css`display:flex;flex-direction:column;line-height:1.35;`,
    swDesc: css`font-size:12px;color:#909399;`,
    pressed: css`&[aria-pressed="true"]{color:#409eff;border-color:#409eff;background:#ecf5ff}`,
    alert: css`display:flex;gap:8px;padding:10px 14px;border-radius:4px;background:#fdf6ec;color:#e6a23c;margin-bottom:12px;& svg{flex:none;margin-top:2px}`,
    secret: css`width:100%;padding:8px 11px;border:1px solid #dcdfe6;border-radius:4px;font-family:var(--mono);font-size:12.5px;resize:none;background:#f5f7fa;color:#303133;word-break:break-all;`,
    okText: css`min-height:18px;margin-top:6px;font-size:12px;color:#67c23a;`,
    label: css`display:block;margin-bottom:6px;color:#606266;`,
  };
}

export function renderModalEs(el, ctx) {
  const css = createStyler({ scheme: 'modules', salt: 'modal-es' });
  const s = styles(css);
  const id = createIds('element');
  let alive = true;
  let formDlg = null;
  let revealDlg = null;
  const store = createStore({ tokens: null, busy: [] });

  // ---------- page ----------
  const body = h('div', { class: s.rowgroup, role: 'rowgroup' });
  const table = h('div', { class: s.table, role: 'table', 'aria-label': 'Tokens de API', 'aria-rowcount': '-1' },
    h('div', { class: s.rowgroup, role: 'rowgroup' },
      h('div', { class: s.hrow, role: 'row' }, ['Nombre', 'Alcances', 'Creado', 'Caducidad', 'Estado', 'Revocar'].map((c) => h('div', { class: s.th, role: 'columnheader' }, c)))),
    body);
  const dialogHost = h('div');
  const openBtn = h('button', { class: `${s.btn} ${s.primary}`, type: 'button', onClick: () => openForm() }, icon('plus', 15), 'Generar nuevo token');
  const page = scoped(h('div', { class: s.page },
    h('div', { class: s.panel },
      h('div', { class: s.panelHead },
        h('div', null, h('h1', { class: s.h1 }, 'Tokens de API'),
          h('p', { class: s.lead }, 'Cree tokens para que sus integraciones usen la API de WATI. Conceda a cada token solo los alcances que necesita. ',
            h('a', { href: 'https://support.wati.io/es/articles/api-tokens', target: '_blank', rel: 'noopener' }, 'Más información'))),
        openBtn),
      h('div', { class: s.endpoint }, icon('info', 15), 'URL del endpoint de la API:', h('code', null, ctx.apiEndpoint)),
      table),
    dialogHost));
  el.append(page);

  function renderList({ tokens, busy }) {
    if (tokens === null) {
      body.replaceChildren(h('div', { class: s.row, role: 'row' }, h('div', { class: s.emptyCell, role: 'cell' }, 'Cargando…')));
    } else if (!tokens.length) {
      body.replaceChildren(h('div', { class: s.row, role: 'row' }, h('div', { class: s.emptyCell, role: 'cell' }, 'Todavía no hay tokens.')));
    } else {
      body.replaceChildren(...tokens.map((t) => {
        const st = t.status === 'revoked' ? ['off', 'Revocado'] : isExpired(t) ? ['exp', 'Caducado'] : ['ok', 'Activo'];
        return h('div', { class: s.row, role: 'row' },
          h('div', { class: s.td, role: 'cell' }, h('strong', null, t.name)),
          h('div', { class: s.td, role: 'cell' }, t.scopes.map((x) => h('span', { class: s.tag }, prefixed(x)))),
          h('div', { class: s.td, role: 'cell' }, fmtDate(t.createdAt, 'es')),
          h('div', { class: s.td, role: 'cell' }, t.expiresAt ? fmtDate(t.expiresAt, 'es') : 'Nunca'),
          h('div', { class: s.td, role: 'cell' }, h('span', { class: s.status, 'data-s': st[0] }, st[1])),
          h('div', { class: s.td, role: 'cell' }, t.status === 'active'
            ? h('button', { class: `${s.btn} ${s.text}`, type: 'button', 'aria-label': `Revocar token ${t.name}`, disabled: busy.includes(t.id), onClick: () => revoke(t.id) }, 'Revocar')
            : '—'));
      }));
    }
    scoped(body);
  }
  store.subscribe(renderList);
  renderList(store.get());

  async function refresh() {
    try {
      const tokens = await listTokens(ctx.tenantId);
      if (alive) store.set({ tokens });
    } catch { /* keep */ }
  }
  async function revoke(tokenId) {
    store.set((st) => ({ busy: [...st.busy, tokenId] }));
    try { await revokeToken(tokenId); } catch { /* refresh shows the truth */ }
    if (alive) store.set((st) => ({ busy: st.busy.filter((x) => x !== tokenId) }));
    await refresh();
  }

  // ---------- form dialog ----------
  function openForm() {
    if (formDlg || revealDlg) return;
    const form = createStore({ name: '', scopes: [], expiry: '0', errors: {}, submitting: false, apiError: null });
    const titleId = id(), nameId = id(), expId = id(), scopesTitle = id();

    const nameInput = h('input', { class: s.input, id: nameId, type: 'text', autocomplete: 'off', placeholder: 'p. ej., Shopify (producción)' });
    nameInput.addEventListener('input', () => form.set((st) => ({ name: nameInput.value, errors: { ...st.errors, name: null } })));
    const nameErr = h('div', { class: s.errText, role: 'alert', hidden: true });
    const select = h('select', { class: s.input, id: expId }, EXPIRY.map(([v, l]) => h('option', { value: v }, l)));
    select.addEventListener('change', () => form.set({ expiry: select.value }));

    const toggle = (sid) => form.set((st) => ({
      scopes: IDS.filter((x) => (x === sid ? !st.scopes.includes(x) : st.scopes.includes(x))),
      errors: { ...st.errors, scopes: null },
    }));
    const allBtn = h('button', { class: `${s.btn} ${s.pressed}`, type: 'button', 'aria-pressed': 'false',
      onClick: () => form.set((st) => ({ scopes: st.scopes.length === IDS.length ? [] : [...IDS], errors: { ...st.errors, scopes: null } })) },
    icon('checks', 15), 'Seleccionar todo');
    const switches = new Map();
    const groups = FAMILIES.map((fam) => {
      const gid = id();
      return h('div', { role: 'group', 'aria-labelledby': gid },
        h('div', { class: s.groupTitle, id: gid }, fam.es),
        SCOPES.filter((sc) => sc.family === fam.id).map((sc) => {
          const lid = id(), did = id();
          const sw = h('div', { class: s.sw, role: 'switch', 'aria-checked': 'false', tabindex: '0', 'aria-labelledby': lid, 'aria-describedby': did,
            onClick: () => toggle(sc.id),
            onKeyDown: (e) => { if (e.key === ' ' || e.key === 'Enter') { e.preventDefault(); toggle(sc.id); } } });
          switches.set(sc.id, sw);
          return h('div', { class: s.switchRow }, sw,
            h('div', { class: s.swText },
              h('span', { class: s.swLabel, id: lid, onClick: () => { toggle(sc.id); sw.focus(); } }, prefixed(sc.id)),
              h('span', { class: s.swDesc, id: did }, sc.es)));
        }));
    });
    const scopesBox = h('div', { class: s.scopes, role: 'group', 'aria-labelledby': scopesTitle },
      h('div', { class: s.scopeTools }, allBtn), groups);
    const scopeErr = h('div', { class: s.errText, role: 'alert', hidden: true });
    const apiErr = h('div', { class: s.errText, role: 'alert', hidden: true });
    const genLabel = h('span', null, 'Generar');
    const genBtn = h('button', { class: `${s.btn} ${s.primary}`, type: 'submit' }, genLabel);

    const dialog = scoped(h('div', { class: s.dialog, role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': titleId, id: id() },
      h('header', { class: s.dHeader }, h('span', { id: titleId, role: 'heading', 'aria-level': '2' }, 'Generar nuevo token'),
        h('button', { class: s.dClose, type: 'button', 'aria-label': 'Cerrar diálogo', onClick: () => closeForm() }, icon('x', 16))),
      h('form', { novalidate: true, onSubmit: (e) => { e.preventDefault(); submit(); } },
        h('div', { class: s.dBody },
          h('div', { class: s.formItem }, h('label', { for: nameId }, h('span', { 'data-req': '', 'aria-hidden': 'true' }, '*'), 'Nombre del token'), h('div', { class: s.inputWrap }, nameInput, nameErr)),
          h('div', { class: s.formItem }, h('label', { for: expId }, 'Caducidad'), h('div', { class: s.inputWrap }, select)),
          h('div', { class: s.formItem }, h('label', { id: scopesTitle }, h('span', { 'data-req': '', 'aria-hidden': 'true' }, '*'), 'Alcances'), h('div', { class: s.inputWrap }, scopesBox, scopeErr)),
          apiErr),
        h('footer', { class: s.dFooter },
          h('button', { class: s.btn, type: 'button', onClick: () => closeForm() }, 'Cancelar'),
          genBtn))));

    form.subscribe((st) => {
      if (nameInput.value !== st.name) nameInput.value = st.name; // v-model writes the model back on re-render
      if (select.value !== st.expiry) select.value = st.expiry;
      for (const [sid, sw] of switches) sw.setAttribute('aria-checked', String(st.scopes.includes(sid)));
      allBtn.setAttribute('aria-pressed', String(st.scopes.length === IDS.length));
      nameErr.hidden = !st.errors.name;
      nameErr.textContent = st.errors.name ?? '';
      if (st.errors.name) nameInput.setAttribute('aria-invalid', 'true'); else nameInput.removeAttribute('aria-invalid');
      scopeErr.hidden = !st.errors.scopes;
      scopeErr.textContent = st.errors.scopes ?? '';
      if (st.errors.scopes) scopesBox.setAttribute('data-invalid', ''); else scopesBox.removeAttribute('data-invalid');
      apiErr.hidden = !st.apiError;
      apiErr.textContent = st.apiError ?? '';
      genBtn.disabled = st.submitting;
      genLabel.textContent = st.submitting ? 'Generando…' : 'Generar';
    });

    async function submit() {
      const st = form.get();
      if (st.submitting) return;
      const errors = {};
      if (!st.name.trim()) errors.name = 'Introduzca un nombre para el token.';
      if (!st.scopes.length) errors.scopes = 'Seleccione al menos un alcance.';
      if (errors.name || errors.scopes) return form.set({ errors });
      form.set({ submitting: true, apiError: null });
      try {
        const days = EXPIRY.find(([v]) => v === st.expiry)?.[2] ?? 0;
        // the form names scopes with the wati_ prefix, and sends them as shown
        const created = await createToken({ tenantId: ctx.tenantId, name: st.name.trim(), scopes: st.scopes.map(prefixed), expiresAt: expiryFromDays(days) });
        if (!alive) return;
        closeForm();
        openReveal(created.token);
        refresh();
      } catch (e) {
        if (alive) form.set({ submitting: false, apiError: e.message });
      }
    }
    formDlg = openDialog({ content: dialog, overlayClass: s.overlay, containerClass: s.wrap, host: dialogHost, portal: false, onDismiss: () => closeForm(), initialFocus: () => nameInput });
  }
  function closeForm() {
    const d = formDlg;
    formDlg = null;
    d?.close();
  }

  // ---------- reveal dialog ----------
  function openReveal(token) {
    const titleId = id(), areaId = id();
    let secret = token;
    const ok = h('p', { class: s.okText, role: 'status' });
    const area = h('textarea', { class: s.secret, id: areaId, readonly: true, rows: '4', spellcheck: 'false' });
    area.value = token;
    const closeBtn = h('button', { class: `${s.btn} ${s.primary}`, type: 'button', onClick: () => { secret = null; area.value = ''; const d = revealDlg; revealDlg = null; d?.close(); } }, 'Cerrar');
    const dialog = scoped(h('div', { class: s.dialog, role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': titleId, id: id() },
      h('header', { class: s.dHeader }, h('span', { id: titleId, role: 'heading', 'aria-level': '2' }, 'Token generado')),
      h('div', { class: s.dBody },
        h('div', { class: s.alert, role: 'alert' }, icon('alert', 15), h('span', null, 'Este token solo se mostrará una vez. Cópielo ahora y guárdelo de forma segura.')),
        h('label', { class: s.label, for: areaId }, 'Token de API'),
        area, ok),
      h('footer', { class: s.dFooter },
        h('button', { class: s.btn, type: 'button', onClick: async () => {
          if (secret) ok.textContent = (await copyToClipboard(secret)) ? 'Copiado al portapapeles' : 'No se pudo copiar';
        } }, icon('copy', 14), 'Copiar'),
        closeBtn)));
    revealDlg = openDialog({ content: dialog, overlayClass: s.overlay, containerClass: s.wrap, host: dialogHost, portal: false, dismissable: false, initialFocus: () => area });
  }

  refresh();
  return () => {
    alive = false;
    formDlg?.close();
    revealDlg?.close();
    css.dispose();
  };
}
