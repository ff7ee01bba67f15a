// API Tokens, variant `native-pt` (Portuguese, Brazil): plain uncontrolled HTML, the way a server-rendered or
// "just a <form>" page is built. Native <input type="text">, native checkboxes, the expiry as a native radio group.
// There are NO input/change listeners that keep state or re-render: typing into the name field or ticking a box
// changes a property of the element and nothing else in the DOM moves. The page reads the form only on submit
// (FormData). The one exception: "Selecionar todos" has a change listener that sets the boxes' `.checked`
// properties (never an attribute). Ids are React-useId-like (":r1:"), classes atomic ("x1a2b3c").
import { createIds, createStyler, h, srOnly } from '../../lib/dom.js';
import { icon } from '../../lib/icons.js';
import { SCOPES } from '../../catalog.js';
import { copyToClipboard, createToken, expiryFromDays, fmtDate, isExpired, listTokens, revokeToken } from './common.js';

const EXPIRY = [['never', 'Nunca', 0], ['30', '30 dias', 30], ['90', '90 dias', 90], ['180', '180 dias', 180], ['365', '1 ano', 365]];

function styles(css) {
  return {
    page: css`padding:28px 32px 48px;max-width:1080px;display:flex;flex-direction:column;gap:18px;`,
    crumbs: css`display:flex;gap:6px;align-items:center;font-size:12.5px;color:var(--ink-3);margin-bottom:6px;`,
    head: css`display:flex;align-items:flex-start;justify-content:space-between;gap:24px;`,
    h1: css`font-size:23px;font-weight:700;`,
    lead: css`margin-top:6px;color:var(--ink-2);max-width:640px;`,
    primary: css`display:inline-flex;align-items:center;gap:8px;height:38px;padding:0 16px;border:0;border-radius:6px;background:#1f7a5c;color:#fff;font-weight:600;white-space:nowrap;
      &:hover{background:#17634a}&:disabled{opacity:.55;cursor:not-allowed}`,
    secondary: css`display:inline-flex;align-items:center;gap:8px;height:38px;padding:0 14px;border:1px solid #c9d1d9;border-radius:6px;background:#fff;font-weight:500;
      &:hover{background:#f3f5f7}&:disabled{opacity:.6}`,
    endpoint: css`display:flex;align-items:center;gap:10px;padding:10px 14px;background:#fff;border:1px solid var(--line);border-radius:8px;
      & code{font-family:var(--mono);font-size:13px;padding:2px 6px;border-radius:4px;background:var(--bg)}& strong{color:var(--ink-2)}`,
    card: css`background:#fff;border:1px solid var(--line);border-radius:8px;`,
    cardHead: css`padding:14px 18px;border-bottom:1px solid var(--line-2);& h2{font-size:16px;font-weight:650}& p{color:var(--ink-3);font-size:13px;margin-top:2px}`,
    form: css`padding:18px;display:flex;flex-direction:column;gap:20px;`,
    field: css`display:flex;flex-direction:column;gap:6px;max-width:440px;& > label{font-weight:600}`,
    input: css`height:36px;padding:0 10px;border:1px solid #c9d1d9;border-radius:6px;background:#fff;font:inherit;
      &:focus{outline:2px solid #1f7a5c;outline-offset:-1px}`,
    hint: css`font-size:12.5px;color:var(--ink-3);`,
    error: css`font-size:12.5px;color:var(--danger);font-weight:500;`,
    fieldset: css`border:0;margin:0;padding:0;min-width:0;& > legend{font-weight:600;padding:0;margin-bottom:8px}`,
    all: css`display:inline-flex;align-items:center;gap:8px;margin-bottom:8px;font-weight:500;`,
    grid: css`display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:4px 24px;`,
    row: css`display:flex;flex-direction:column;padding:5px 0;`,
    check: css`display:inline-flex;align-items:center;gap:8px;font-family:var(--mono);font-size:13px;& input{margin:0;width:15px;height:15px}`,
    desc: css`padding-left:23px;font-size:12px;color:var(--ink-3);`,
    radios: css`display:flex;flex-wrap:wrap;gap:6px 18px;& label{display:inline-flex;align-items:center;gap:6px}`,
    actions: css`display:flex;justify-content:flex-end;gap:10px;padding-top:12px;border-top:1px solid var(--line-2);`,
    reveal: css`padding:18px;display:flex;flex-direction:column;gap:12px;& h2{font-size:16px;font-weight:650}`,
    warn: css`padding:10px 12px;border-radius:6px;background:var(--warn-50);color:var(--warn);border:1px solid #f3dcaa;font-size:13px;`,
    secretRow: css`display:flex;gap:8px;& input{flex:1;font-family:var(--mono);font-size:12.5px;background:#fafbfc}`,
    status: css`min-height:18px;font-size:12.5px;color:#17634a;`,
    table: css`width:100%;border-collapse:collapse;font-size:13.5px;
      & th{text-align:left;font-size:12px;font-weight:600;color:var(--ink-3);padding:9px 18px;background:#fafbfc;border-bottom:1px solid var(--line)}
      & td{padding:11px 18px;border-bottom:1px solid var(--line-2);vertical-align:top}& tr:last-child td{border-bottom:0}`,
    chip: css`display:inline-block;margin:0 4px 2px 0;padding:1px 6px;border-radius:4px;background:var(--line-2);font-family:var(--mono);font-size:11.5px;`,
    revoke: css`border:0;background:none;color:var(--danger);font-weight:600;padding:3px 6px;border-radius:4px;&:hover{background:var(--danger-50)}`,
    muted: css`color:var(--ink-3);`,
    empty: css`padding:32px 18px !important;text-align:center;color:var(--ink-3);`,
  };
}

export function renderNativePt(el, ctx) {
  const css = createStyler({ scheme: 'atomic', salt: 'native-pt' });
  const s = styles(css);
  const id = createIds('react');
  let alive = true;
  let open = false;

  const openBtn = h('button', { class: s.primary, type: 'button', onClick: () => openForm() }, icon('plus', 16), 'Gerar novo token');
  const slot = h('div');
  const tbody = h('tbody');
  const listHeading = id();
  const page = h('div', { class: s.page },
    h('div', { class: s.head },
      h('div', null,
        h('nav', { class: s.crumbs, 'aria-label': 'Trilha de navegação' }, 'Conectores', icon('chevronRight', 13), 'API', icon('chevronRight', 13), h('span', { 'aria-current': 'page' }, 'Tokens')),
        h('h1', { class: s.h1 }, 'Tokens de API'),
        h('p', { class: s.lead }, 'Os tokens permitem que suas integrações chamem a API da WATI em nome deste espaço de trabalho. Crie um token por integração, só com os escopos necessários.')),
      openBtn),
    h('div', { class: s.endpoint }, h('strong', null, 'URL do endpoint da API'), h('code', null, ctx.apiEndpoint)),
    slot,
    h('section', { class: s.card, 'aria-labelledby': listHeading },
      h('div', { class: s.cardHead }, h('h2', { id: listHeading }, 'Tokens'), h('p', null, 'Tokens revogados deixam de funcionar imediatamente.')),
      h('table', { class: s.table },
        h('thead', null, h('tr', null, ['Nome', 'Escopos', 'Criado', 'Expira', 'Status'].map((c) => h('th', { scope: 'col' }, c)),
          h('th', { scope: 'col' }, h('span', { style: srOnly }, 'Ações')))),
        tbody)));
  el.append(page);

  function renderList(tokens) {
    if (!tokens) return tbody.replaceChildren(h('tr', null, h('td', { class: s.empty, colspan: '6' }, 'Carregando tokens…')));
    if (!tokens.length) return tbody.replaceChildren(h('tr', null, h('td', { class: s.empty, colspan: '6' }, 'Nenhum token ainda.')));
    tbody.replaceChildren(...tokens.map((t) => {
      const status = t.status === 'revoked' ? 'Revogado' : isExpired(t) ? 'Expirado' : 'Ativo';
      return h('tr', null,
        h('td', null, h('strong', null, t.name)),
        h('td', null, t.scopes.map((x) => h('span', { class: s.chip }, x))),
        h('td', null, fmtDate(t.createdAt, 'pt')),
        h('td', t.expiresAt ? null : { class: s.muted }, t.expiresAt ? fmtDate(t.expiresAt, 'pt') : 'Nunca'),
        h('td', null, status),
        h('td', null, t.status === 'active'
          ? h('button', { class: s.revoke, type: 'button', 'aria-label': `Revogar ${t.name}`, onClick: (e) => revoke(e.currentTarget, t.id) }, 'Revogar')
          : null));
    }));
  }
  async function refresh() {
    try {
      const tokens = await listTokens(ctx.tenantId);
      if (alive) renderList(tokens);
    } catch { /* keep what is shown */ }
  }
  async function revoke(btn, tokenId) {
    btn.disabled = true;
    try { await revokeToken(tokenId); } catch { /* the refresh shows the truth */ }
    await refresh();
  }

  // ---------- the form: plain HTML, read on submit ----------
  function openForm() {
    if (open) return;
    open = true;
    openBtn.disabled = true;
    const nameId = id(), hintId = id(), headId = id(), allId = id();
    const nameErr = h('p', { class: s.error, role: 'alert', hidden: true });
    const scopeErr = h('p', { class: s.error, role: 'alert', hidden: true });
    const apiErr = h('p', { class: s.error, role: 'alert', hidden: true });
    const selectAll = h('input', { type: 'checkbox', id: allId });
    const boxes = [];
    const rows = SCOPES.map((sc) => {
      const descId = id();
      const box = h('input', { type: 'checkbox', name: 'scopes', value: sc.id, 'aria-describedby': descId });
      boxes.push(box);
      return h('div', { class: s.row }, h('label', { class: s.check }, box, h('span', null, sc.id)), h('span', { class: s.desc, id: descId }, sc.pt));
    });
    // The only listener: "Selecionar todos" turns every box on, or all off when all are on (properties only).
    selectAll.addEventListener('change', () => {
      const on = !boxes.every((b) => b.checked);
      for (const b of boxes) b.checked = on;
      selectAll.checked = on;
    });
    const genBtn = h('button', { class: s.primary, type: 'submit' }, 'Gerar');
    const form = h('form', { class: s.form, novalidate: true },
      h('div', { class: s.field },
        h('label', { for: nameId }, 'Nome do token'),
        h('input', { class: s.input, id: nameId, name: 'name', type: 'text', autocomplete: 'off', maxlength: '64', 'aria-describedby': hintId, placeholder: 'ex.: Integração Shopify (produção)' }),
        h('p', { class: s.hint, id: hintId }, 'Um nome que diga qual integração e qual ambiente vão usá-lo.'),
        nameErr),
      h('fieldset', { class: s.fieldset },
        h('legend', null, 'Escopos'),
        h('label', { class: s.all, for: allId }, selectAll, 'Selecionar todos'),
        h('div', { class: s.grid }, rows),
        scopeErr),
      h('fieldset', { class: s.fieldset },
        h('legend', null, 'Expiração'),
        h('div', { class: s.radios }, EXPIRY.map(([value, label], i) =>
          h('label', null, h('input', { type: 'radio', name: 'expiry', value, checked: i === 0 }), label))),
        h('p', { class: s.hint, style: { marginTop: '6px' } }, 'A WATI recomenda trocar os tokens a cada 6 meses.')),
      apiErr,
      h('div', { class: s.actions },
        h('button', { class: s.secondary, type: 'button', onClick: () => closeForm() }, 'Cancelar'),
        genBtn));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      if (genBtn.disabled) return;
      const data = new FormData(form);
      const name = String(data.get('name') ?? '').trim();
      const scopes = data.getAll('scopes').map(String);
      const days = EXPIRY.find(([v]) => v === data.get('expiry'))?.[2] ?? 0;
      nameErr.hidden = !!name;
      nameErr.textContent = name ? '' : 'Informe um nome para o token.';
      scopeErr.hidden = scopes.length > 0;
      scopeErr.textContent = scopes.length ? '' : 'Selecione pelo menos um escopo.';
      apiErr.hidden = true;
      if (!name || !scopes.length) return;
      genBtn.disabled = true;
      genBtn.textContent = 'Gerando…';
      try {
        const created = await createToken({ tenantId: ctx.tenantId, name, scopes, expiresAt: expiryFromDays(days) });
        if (!alive) return;
        showReveal(created.token);
        refresh();
      } catch (err) {
        if (!alive) return;
        apiErr.hidden = false;
        apiErr.textContent = err.message;
        genBtn.disabled = false;
        genBtn.textContent = 'Gerar';
      }
    });
    slot.replaceChildren(h('section', { class: s.card, 'aria-labelledby': headId },
      h('div', { class: s.cardHead }, h('h2', { id: headId }, 'Novo token de API'), h('p', null, 'O token aparece uma única vez, logo depois de ser gerado.')),
      form));
    document.getElementById(nameId)?.focus();
  }
  function closeForm() {
    open = false;
    openBtn.disabled = false;
    slot.replaceChildren();
  }

  function showReveal(token) {
    const headId = id(), fieldId = id();
    const status = h('p', { class: s.status, role: 'status' });
    const field = h('input', { class: s.input, id: fieldId, type: 'text', readonly: true, spellcheck: 'false', autocomplete: 'off', value: token });
    slot.replaceChildren(h('section', { class: s.card, 'aria-labelledby': headId },
      h('div', { class: s.reveal },
        h('h2', { id: headId, tabindex: '-1' }, 'Token gerado'),
        h('p', { class: s.warn }, 'Este token será exibido apenas uma vez. Copie-o agora e guarde-o em local seguro.'),
        h('div', { class: s.field, style: { maxWidth: 'none' } },
          h('label', { for: fieldId }, 'Seu novo token de API'),
          h('div', { class: s.secretRow }, field,
            h('button', { class: s.secondary, type: 'button', onClick: async () => {
              status.textContent = (await copyToClipboard(token)) ? 'Copiado para a área de transferência' : 'Não foi possível copiar.';
            } }, icon('copy', 15), 'Copiar'))),
        status,
        h('div', { class: s.actions }, h('button', { class: s.primary, type: 'button', onClick: () => { token = null; closeForm(); openBtn.focus(); } }, 'Concluir')))));
    slot.querySelector('h2')?.focus();
  }

  renderList(null);
  refresh();
  return () => {
    alive = false;
    css.dispose();
  };
}
