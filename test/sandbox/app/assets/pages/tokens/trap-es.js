// API Tokens, variant `trap-es` (Spanish): the form opens in a large focus-trapping modal built like a component
// library's (see trap.js: portalled to <body>, aria-hidden on every other child of <body> including ones added later,
// Tab trapped, a capture-phase focusin listener pulling focus back, Escape / backdrop click close it).
// The controls are native and UNCONTROLLED: nothing listens to input/change on them and nothing re-renders while
// the user types or ticks; the form is read with FormData on submit. "Seleccionar todo" has one change listener
// that sets the boxes' `.checked` properties. Scopes are named with the `wati_` prefix (as in modal-es) and POSTed
// as shown. Ids look like MUI's ("mui-123") and React's useId (":r1:"), classes like emotion under MUI ("css-1k9x2q").
import { createIds, createStyler, h } from '../../lib/dom.js';
import { icon } from '../../lib/icons.js';
import { FAMILIES, SCOPES, prefixed } from '../../catalog.js';
import { openTrap } from './trap.js';
import { copyToClipboard, createToken, endOfDay, fmtDate, isExpired, listTokens, revokeToken, todayISODate } from './common.js';

let muiCounter = 0;
const muiId = () => `mui-${++muiCounter + 100}`;

function styles(css) {
  return {
    page: css`padding:24px 28px 48px;max-width:1120px;display:flex;flex-direction:column;gap:16px;`,
    head: css`display:flex;align-items:flex-start;justify-content:space-between;gap:20px;`,
    h1: css`font-size:24px;font-weight:500;letter-spacing:0;color:rgba(0,0,0,.87);`,
    lead: css`margin-top:4px;color:rgba(0,0,0,.6);font-size:14px;max-width:680px;`,
    btn: css`display:inline-flex;align-items:center;justify-content:center;gap:8px;min-width:64px;height:36px;padding:0 16px;border:0;border-radius:4px;
      font-weight:500;font-size:14px;letter-spacing:.02857em;white-space:nowrap;background:none;color:#1976d2;
      &:hover{background:rgba(25,118,210,.04)}&:disabled{color:rgba(0,0,0,.26)}`,
    contained: css`background:#1976d2;color:#fff;box-shadow:0 3px 1px -2px rgba(0,0,0,.2),0 2px 2px 0 rgba(0,0,0,.14),0 1px 5px 0 rgba(0,0,0,.12);
      &:hover{background:#1565c0}&:disabled{background:rgba(0,0,0,.12);color:rgba(0,0,0,.26);box-shadow:none}`,
    paper: css`background:#fff;border-radius:4px;box-shadow:0 2px 1px -1px rgba(0,0,0,.2),0 1px 1px 0 rgba(0,0,0,.14),0 1px 3px 0 rgba(0,0,0,.12);`,
    endpoint: css`display:flex;align-items:center;gap:8px;padding:12px 16px;font-size:14px;color:rgba(0,0,0,.6);& code{font-family:var(--mono);color:rgba(0,0,0,.87)}`,
    table: css`width:100%;border-collapse:collapse;font-size:14px;
      & th{text-align:left;font-weight:500;padding:14px 16px;border-bottom:1px solid rgba(224,224,224,1);color:rgba(0,0,0,.87)}
      & td{padding:14px 16px;border-bottom:1px solid rgba(224,224,224,1);color:rgba(0,0,0,.87);vertical-align:top}`,
    chip: css`display:inline-flex;align-items:center;height:24px;margin:0 4px 4px 0;padding:0 8px;border-radius:12px;background:rgba(0,0,0,.08);font-size:12px;font-family:var(--mono);`,
    statusChip: css`display:inline-flex;align-items:center;height:24px;padding:0 10px;border-radius:12px;font-size:13px;
      &[data-s="a"]{background:#e8f5e9;color:#1b5e20}&[data-s="r"]{background:#eeeeee;color:#616161}&[data-s="e"]{background:#ffebee;color:#b71c1c}`,
    empty: css`padding:40px 16px !important;text-align:center;color:rgba(0,0,0,.6) !important;`,
    // modal
    root: css`position:fixed;inset:0;z-index:1300;display:flex;align-items:center;justify-content:center;`,
    backdrop: css`position:fixed;inset:0;z-index:-1;background:rgba(0,0,0,.5);animation:sandbox-fade .2s ease-out;`,
    dialog: css`position:relative;display:flex;flex-direction:column;width:min(720px,94vw);max-height:calc(100% - 48px);margin:24px;background:#fff;border-radius:4px;
      box-shadow:0 11px 15px -7px rgba(0,0,0,.2),0 24px 38px 3px rgba(0,0,0,.14),0 9px 46px 8px rgba(0,0,0,.12);outline:0;animation:sandbox-pop .2s ease-out;`,
    title: css`flex:none;margin:0;padding:16px 24px;font-size:20px;font-weight:500;line-height:1.6;color:rgba(0,0,0,.87);`,
    body: css`flex:1 1 auto;overflow-y:auto;padding:4px 24px 20px;border-top:1px solid rgba(0,0,0,.12);border-bottom:1px solid rgba(0,0,0,.12);`,
    actions: css`flex:none;display:flex;justify-content:flex-end;gap:8px;padding:8px 16px;`,
    text: css`margin:16px 0 8px;color:rgba(0,0,0,.6);font-size:14px;`,
    field: css`display:flex;flex-direction:column;gap:4px;margin:16px 0;& > label{font-size:13px;color:rgba(0,0,0,.6)}`,
    input: css`height:40px;padding:0 12px;border:1px solid rgba(0,0,0,.23);border-radius:4px;font:inherit;font-size:15px;background:#fff;
      &:hover{border-color:rgba(0,0,0,.87)}&:focus{outline:none;border-color:#1976d2;box-shadow:inset 0 0 0 1px #1976d2}`,
    helper: css`font-size:12px;color:rgba(0,0,0,.6);margin:0 2px;`,
    error: css`font-size:12px;color:#d32f2f;margin:2px 2px 0;`,
    fieldset: css`border:0;margin:8px 0 0;padding:0;min-width:0;& > legend{padding:0;font-size:13px;color:rgba(0,0,0,.6);margin-bottom:4px}`,
    allRow: css`display:flex;align-items:center;gap:8px;padding:6px 0;border-bottom:1px solid rgba(0,0,0,.08);font-weight:500;`,
    family: css`margin:12px 0 2px;font-size:12px;font-weight:500;text-transform:uppercase;letter-spacing:.08em;color:rgba(0,0,0,.6);`,
    scopeRow: css`display:flex;align-items:flex-start;gap:10px;padding:6px 0;& input{margin:3px 0 0;width:18px;height:18px;accent-color:#1976d2}`,
    scopeText: css`display:flex;flex-direction:column;line-height:1.35;& span:first-child{font-family:var(--mono);font-size:13.5px}& span + span{font-size:12.5px;color:rgba(0,0,0,.6)}`,
    alert: css`display:flex;gap:10px;padding:8px 14px;margin:12px 0;border-radius:4px;background:#fff4e5;color:#663c00;font-size:14px;& svg{flex:none;margin-top:2px;color:#ed6c02}`,
    secret: css`width:100%;padding:10px 12px;border:1px solid rgba(0,0,0,.23);border-radius:4px;font-family:var(--mono);font-size:13px;resize:none;word-break:break-all;background:#fafafa;`,
    ok: css`min-height:20px;margin-top:6px;font-size:13px;color:#2e7d32;`,
  };
}

export function renderTrapEs(el, ctx) {
  const css = createStyler({ scheme: 'emotion', salt: 'trap-es' });
  const s = styles(css);
  const rid = createIds('react');
  let alive = true;
  let formTrap = null;
  let revealTrap = null;

  const tbody = h('tbody');
  const openBtn = h('button', { class: `${s.btn} ${s.contained}`, type: 'button', 'aria-haspopup': 'dialog', onClick: () => openForm() }, icon('plus', 16), 'Generar nuevo token');
  el.append(h('div', { class: s.page },
    h('div', { class: s.head },
      h('div', null, h('h1', { class: s.h1 }, 'Tokens de API'),
        h('p', { class: s.lead }, 'Los tokens permiten que sus integraciones llamen a la API de WATI. Conceda a cada token solo los alcances que necesita.')),
      openBtn),
    h('div', { class: `${s.paper} ${s.endpoint}` }, 'URL del endpoint de la API:', h('code', null, ctx.apiEndpoint)),
    h('div', { class: s.paper },
      h('table', { class: s.table, 'aria-label': 'Tokens de API' },
        h('thead', null, h('tr', null, ['Nombre', 'Alcances', 'Creado', 'Caducidad', 'Estado', ''].map((c) => h('th', { scope: 'col' }, c)))),
        tbody))));

  function renderList(tokens) {
    if (!tokens) return tbody.replaceChildren(h('tr', null, h('td', { class: s.empty, colspan: '6' }, 'Cargando…')));
    if (!tokens.length) return tbody.replaceChildren(h('tr', null, h('td', { class: s.empty, colspan: '6' }, 'Todavía no hay tokens.')));
    tbody.replaceChildren(...tokens.map((t) => {
      const st = t.status === 'revoked' ? ['r', 'Revocado'] : isExpired(t) ? ['e', 'Caducado'] : ['a', 'Activo'];
      return h('tr', null,
        h('td', null, t.name),
        h('td', null, t.scopes.map((x) => h('span', { class: s.chip }, prefixed(x)))),
        h('td', null, fmtDate(t.createdAt, 'es')),
        h('td', null, t.expiresAt ? fmtDate(t.expiresAt, 'es') : 'Nunca'),
        h('td', null, h('span', { class: s.statusChip, 'data-s': st[0] }, st[1])),
        h('td', null, t.status === 'active'
          ? h('button', { class: s.btn, type: 'button', 'aria-label': `Revocar ${t.name}`, style: { color: '#d32f2f' }, onClick: (e) => revoke(e.currentTarget, t.id) }, 'Revocar')
          : null));
    }));
  }
  async function refresh() {
    try {
      const tokens = await listTokens(ctx.tenantId);
      if (alive) renderList(tokens);
    } catch { /* keep */ }
  }
  async function revoke(btn, tokenId) {
    btn.disabled = true;
    try { await revokeToken(tokenId); } catch { /* refresh shows the truth */ }
    await refresh();
  }

  // ---------- form modal ----------
  function openForm() {
    if (formTrap || revealTrap) return;
    const titleId = muiId(), nameId = muiId(), nameHelp = muiId(), dateId = muiId(), dateHelp = muiId(), allId = muiId();
    const nameErr = h('p', { class: s.error, role: 'alert', hidden: true });
    const scopeErr = h('p', { class: s.error, role: 'alert', hidden: true });
    const dateErr = h('p', { class: s.error, role: 'alert', hidden: true });
    const apiErr = h('p', { class: s.error, role: 'alert', hidden: true });
    const nameInput = h('input', { class: s.input, id: nameId, name: 'name', type: 'text', autocomplete: 'off', maxlength: '64', 'aria-describedby': nameHelp });
    const selectAll = h('input', { type: 'checkbox', id: allId });
    const boxes = [];
    const groups = FAMILIES.map((fam) => {
      const gid = rid();
      return h('div', { role: 'group', 'aria-labelledby': gid },
        h('h3', { class: s.family, id: gid }, fam.es),
        SCOPES.filter((sc) => sc.family === fam.id).map((sc) => {
          const lid = rid(), did = rid();
          const box = h('input', { type: 'checkbox', name: 'scopes', value: prefixed(sc.id), id: lid, 'aria-describedby': did });
          boxes.push(box);
          return h('div', { class: s.scopeRow }, box,
            h('div', { class: s.scopeText }, h('label', { for: lid }, prefixed(sc.id)), h('span', { id: did }, sc.es)));
        }));
    });
    selectAll.addEventListener('change', () => {
      const on = !boxes.every((b) => b.checked);
      for (const b of boxes) b.checked = on;
      selectAll.checked = on;
    });
    const dateInput = h('input', { class: s.input, id: dateId, name: 'expiresOn', type: 'date', min: todayISODate(1), 'aria-describedby': dateHelp });
    const genBtn = h('button', { class: `${s.btn} ${s.contained}`, type: 'submit' }, 'Generar token');
    const form = h('form', { novalidate: true, style: { display: 'contents' } },
      h('div', { class: s.body },
        h('p', { class: s.text }, 'El token se muestra una sola vez, justo después de generarlo. Conceda solo los alcances que la integración necesita.'),
        h('div', { class: s.field },
          h('label', { for: nameId }, 'Nombre del token'), nameInput,
          h('p', { class: s.helper, id: nameHelp }, 'Por ejemplo, el nombre de la integración y el entorno.'), nameErr),
        h('fieldset', { class: s.fieldset },
          h('legend', null, 'Alcances'),
          h('div', { class: s.allRow }, selectAll, h('label', { for: allId }, 'Seleccionar todo')),
          groups, scopeErr),
        h('div', { class: s.field },
          h('label', { for: dateId }, 'Fecha de caducidad (opcional)'), dateInput,
          h('p', { class: s.helper, id: dateHelp }, 'Déjela vacía para un token que no caduca.'), dateErr),
        apiErr),
      h('div', { class: s.actions },
        h('button', { class: s.btn, type: 'button', onClick: () => closeForm() }, 'Cancelar'),
        genBtn));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      if (genBtn.disabled) return;
      const data = new FormData(form);
      const name = String(data.get('name') ?? '').trim();
      const scopes = data.getAll('scopes').map(String);
      const date = String(data.get('expiresOn') ?? '');
      const show = (node, msg) => { node.hidden = !msg; node.textContent = msg ?? ''; };
      show(nameErr, name ? null : 'Introduzca un nombre para el token.');
      show(scopeErr, scopes.length ? null : 'Seleccione al menos un alcance.');
      show(dateErr, date && date < todayISODate(1) ? 'Elija una fecha futura.' : null);
      show(apiErr, null);
      if (!name || !scopes.length || (date && date < todayISODate(1))) return;
      genBtn.disabled = true;
      genBtn.textContent = 'Generando…';
      try {
        const created = await createToken({ tenantId: ctx.tenantId, name, scopes, expiresAt: date ? endOfDay(date) : null });
        if (!alive) return;
        closeForm();
        openReveal(created.token);
        refresh();
      } catch (err) {
        if (!alive) return;
        show(apiErr, err.message);
        genBtn.disabled = false;
        genBtn.textContent = 'Generar token';
      }
    });
    const dialog = h('div', { class: s.dialog, role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': titleId, tabindex: '-1' },
      h('h2', { class: s.title, id: titleId }, 'Generar nuevo token'),
      form);
    formTrap = openTrap({ content: dialog, rootClass: s.root, backdropClass: s.backdrop, onDismiss: () => { formTrap = null; }, initialFocus: () => nameInput });
  }
  function closeForm() {
    const t = formTrap;
    formTrap = null;
    t?.close();
  }

  // ---------- reveal modal ----------
  function openReveal(token) {
    const titleId = muiId(), areaId = muiId();
    let secret = token;
    const ok = h('p', { class: s.ok, role: 'status' });
    const area = h('textarea', { class: s.secret, id: areaId, readonly: true, rows: '6', spellcheck: 'false' });
    area.value = token;
    const dialog = h('div', { class: s.dialog, role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': titleId, tabindex: '-1', style: { width: 'min(600px,94vw)' } },
      h('h2', { class: s.title, id: titleId }, 'Token generado'),
      h('div', { class: s.body },
        h('div', { class: s.alert, role: 'alert' }, icon('alert', 16), h('span', null, 'Este token solo se mostrará una vez. Cópielo ahora y guárdelo de forma segura.')),
        h('div', { class: s.field }, h('label', { for: areaId }, 'Token de API'), area, ok)),
      h('div', { class: s.actions },
        h('button', { class: s.btn, type: 'button', onClick: async () => {
          if (secret) ok.textContent = (await copyToClipboard(secret)) ? 'Copiado al portapapeles' : 'No se pudo copiar';
        } }, icon('copy', 15), 'Copiar'),
        h('button', { class: `${s.btn} ${s.contained}`, type: 'button', onClick: () => {
          secret = null;
          area.value = '';
          const t = revealTrap;
          revealTrap = null;
          t?.close();
        } }, 'Cerrar')));
    // The show-once reveal closes only with "Cerrar" (no Escape, no backdrop click): the token would be lost.
    revealTrap = openTrap({ content: dialog, rootClass: s.root, backdropClass: s.backdrop, dismissable: false, initialFocus: () => area });
  }

  renderList(null);
  refresh();
  return () => {
    alive = false;
    formTrap?.close();
    revealTrap?.close();
    css.dispose();
  };
}
