// API Tokens, variant `modal-en` (Radix-UI/shadcn-like React app).
// Markup conventions: the form is a modal (role="dialog" aria-modal="true" aria-labelledby/aria-describedby,
// portalled to <body>, see dialog.js); scopes are custom checkboxes <div role="checkbox" aria-checked tabindex="0"
// aria-labelledby=<sibling span>> grouped by family under <h4> headings, toggled by click (on the box or its row)
// and Space; "Select all" is the same kind of checkbox (aria-checked true/false/mixed); expiry is a <select>
// labelled "Expiry duration"; the reveal is a second dialog with the token in <code>; the list is cards
// (role="list" / role="listitem"). Ids look like "radix-:r5:", classes like styled-components ("sc-abcDEF ghIJkl"),
// state in data-state="checked|unchecked|open". The name field tracks its value like React (see trackValue).
import { createIds, createStyler, h, trackValue } from '../../lib/dom.js';
import { icon } from '../../lib/icons.js';
import { FAMILIES, SCOPES } from '../../catalog.js';
import { openDialog } from './dialog.js';
import { copyToClipboard, createStore, createToken, expiryFromDays, fmtDate, isExpired, listTokens, revokeToken } from './common.js';

const IDS = SCOPES.map((s) => s.id);
const EXPIRY = [['never', 'Never', 0], ['30', '30 days', 30], ['90', '90 days', 90], ['180', '180 days', 180], ['365', '1 year', 365]];

function styles(css) {
  return {
    page: css`padding:32px 36px 56px;max-width:1040px;display:flex;flex-direction:column;gap:24px;`,
    head: css`display:flex;align-items:center;justify-content:space-between;gap:24px;`,
    h1: css`font-size:26px;font-weight:700;letter-spacing:-.02em;`,
    lead: css`margin-top:4px;color:#64748b;`,
    btn: css`display:inline-flex;align-items:center;justify-content:center;gap:8px;height:40px;padding:0 16px;border-radius:8px;font-weight:600;font-size:14px;
      border:1px solid transparent;transition:background .12s;&:disabled{opacity:.5;pointer-events:none}`,
    dark: css`background:#0f172a;color:#fff;&:hover{background:#1e293b}`,
    outline: css`background:#fff;border-color:#e2e8f0;color:#0f172a;&:hover{background:#f1f5f9}`,
    ghostDanger: css`height:28px;padding:0 8px;margin-right:-6px;background:none;color:#dc2626;font-size:13px;&:hover{background:#fef2f2}`,
    info: css`display:grid;grid-template-columns:repeat(3,auto) 1fr;gap:4px 28px;margin:0;padding:16px 20px;background:#fff;border:1px solid #e2e8f0;border-radius:12px;
      & dt{font-size:12px;color:#64748b;grid-row:1}& dd{margin:0;grid-row:2;font-weight:600}& code{font-family:var(--mono);font-size:13px;font-weight:500}`,
    list: css`display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:14px;`,
    card: css`display:flex;flex-direction:column;gap:12px;padding:16px 18px;background:#fff;border:1px solid #e2e8f0;border-radius:12px;box-shadow:0 1px 2px rgba(15,23,42,.04);
      &[data-state="revoked"]{background:#f8fafc;& h3{color:#94a3b8;text-decoration:line-through}}`,
    cardTop: css`display:flex;align-items:center;gap:10px;& h3{flex:1;font-size:15px;font-weight:650;min-width:0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}`,
    keyIcon: css`display:grid;place-items:center;width:32px;height:32px;border-radius:8px;background:#f1f5f9;color:#475569;flex:none;`,
    pill: css`padding:2px 8px;border-radius:999px;font-size:11.5px;font-weight:600;border:1px solid;
      &[data-variant="active"]{color:#15803d;border-color:#bbf7d0;background:#f0fdf4}&[data-variant="revoked"]{color:#64748b;border-color:#e2e8f0;background:#f8fafc}
      &[data-variant="expired"]{color:#b91c1c;border-color:#fecaca;background:#fef2f2}`,
    chips: css`display:flex;flex-wrap:wrap;gap:5px;& span{padding:2px 7px;border-radius:6px;background:#f1f5f9;color:#334155;font-family:var(--mono);font-size:11.5px}`,
    meta: css`display:flex;flex-wrap:wrap;gap:4px 14px;font-size:12.5px;color:#64748b;& span{display:inline-flex;align-items:center;gap:5px;white-space:nowrap}`,
    empty: css`display:flex;flex-direction:column;align-items:center;gap:8px;padding:48px;border:1px dashed #cbd5e1;border-radius:12px;color:#64748b;text-align:center;
      & strong{color:#0f172a}`,
    skeleton: css`height:126px;border-radius:12px;background:#f1f5f9;animation:sandbox-fade 1s ease-in-out infinite alternate;`,
    overlay: css`position:fixed;inset:0;z-index:100;background:rgba(15,23,42,.55);backdrop-filter:blur(2px);animation:sandbox-fade .15s ease-out;`,
    container: css`position:fixed;inset:0;z-index:101;display:grid;place-items:center;padding:24px;pointer-events:none;& > *{pointer-events:auto}`,
    dialog: css`position:relative;width:min(640px,100%);max-height:calc(100vh - 48px);display:flex;flex-direction:column;background:#fff;border-radius:14px;
      box-shadow:0 25px 50px -12px rgba(0,0,0,.35);animation:sandbox-pop .18s ease-out;outline:none;`,
    dHead: css`padding:22px 24px 14px;& h2{font-size:18px;font-weight:650;letter-spacing:-.01em}& p{margin-top:4px;color:#64748b;font-size:13.5px}`,
    close: css`position:absolute;top:14px;right:14px;display:grid;place-items:center;width:32px;height:32px;border:0;border-radius:8px;background:none;color:#64748b;
      &:hover{background:#f1f5f9;color:#0f172a}`,
    dBody: css`padding:4px 24px 8px;overflow:auto;display:flex;flex-direction:column;gap:18px;`,
    dFoot: css`display:flex;justify-content:flex-end;gap:10px;padding:16px 24px;border-top:1px solid #f1f5f9;`,
    twoCol: css`display:grid;grid-template-columns:3fr 2fr;gap:16px;`,
    field: css`display:flex;flex-direction:column;gap:6px;& label{font-size:13.5px;font-weight:600}`,
    control: css`height:40px;padding:0 12px;border:1px solid #e2e8f0;border-radius:8px;background:#fff;font-size:14px;
      &:focus{outline:none;border-color:#94a3b8;box-shadow:0 0 0 3px #e2e8f0}&[aria-invalid="true"]{border-color:#dc2626;box-shadow:0 0 0 3px #fee2e2}`,
    hint: css`font-size:12px;color:#64748b;`,
    err: css`font-size:12.5px;color:#dc2626;font-weight:500;`,
    scopeBox: css`border:1px solid #e2e8f0;border-radius:10px;overflow:hidden;&[data-invalid]{border-color:#dc2626}`,
    scopeHead: css`display:flex;align-items:center;justify-content:space-between;padding:10px 14px;background:#f8fafc;border-bottom:1px solid #e2e8f0;
      & h3{font-size:13.5px;font-weight:650}`,
    family: css`padding:8px 14px 6px;& h4{font-size:11px;font-weight:700;letter-spacing:.07em;text-transform:uppercase;color:#94a3b8;margin:4px 0 2px}`,
    row: css`display:flex;align-items:flex-start;gap:10px;padding:6px 4px;border-radius:6px;cursor:pointer;user-select:none;&:hover{background:#f8fafc}`,
    box: css`flex:none;display:grid;place-items:center;width:18px;height:18px;margin-top:1px;border:1.5px solid #94a3b8;border-radius:5px;background:#fff;color:#fff;cursor:pointer;
      & svg{opacity:0}&[data-state="checked"],&[data-state="indeterminate"]{background:#0f172a;border-color:#0f172a;& svg{opacity:1}}
      &:focus-visible{outline:2px solid #0f172a;outline-offset:2px}`,
    rowText: css`display:flex;flex-direction:column;& span:first-child{font-family:var(--mono);font-size:13px;font-weight:500}& span + span{font-size:12px;color:#64748b}`,
    selAll: css`display:flex;align-items:center;gap:8px;cursor:pointer;user-select:none;font-size:13px;font-weight:500;`,
    callout: css`display:flex;gap:10px;padding:12px 14px;border-radius:10px;background:#fffbeb;border:1px solid #fde68a;color:#92400e;font-size:13.5px;& svg{flex:none;margin-top:2px}`,
    code: css`display:block;padding:14px;border-radius:10px;background:#0f172a;color:#e2e8f0;font-family:var(--mono);font-size:12.5px;line-height:1.6;word-break:break-all;user-select:all;`,
    copied: css`min-height:18px;font-size:12.5px;color:#15803d;`,
    spinner: css`width:16px;height:16px;border-radius:50%;border:2px solid currentColor;border-right-color:transparent;animation:sandbox-spin .7s linear infinite;`,
    apiError: css`padding:10px 12px;border-radius:8px;background:#fef2f2;color:#b91c1c;font-size:13px;`,
  };
}

export function renderModalEn(el, ctx) {
  const css = createStyler({ scheme: 'styled', salt: 'modal-en' });
  const s = styles(css);
  const id = createIds('radix');
  let alive = true;
  let formDialog = null;
  let revealDialog = null;
  const store = createStore({ tokens: null, busy: [] });

  // ---------- page ----------
  const listRoot = h('div', { class: s.list, role: 'list', 'aria-label': 'API tokens', 'aria-busy': 'true' },
    [1, 2, 3].map(() => h('div', { class: s.skeleton, 'aria-hidden': 'true' })));
  const trigger = h('button', { class: `${s.btn} ${s.dark}`, type: 'button', 'aria-haspopup': 'dialog', 'aria-expanded': 'false', 'data-state': 'closed',
    onClick: () => openForm() }, icon('plus', 16), 'Generate new token');
  el.append(h('div', { class: s.page },
    h('div', { class: s.head },
      h('div', null, h('h1', { class: s.h1 }, 'API Tokens'),
        h('p', { class: s.lead }, 'Manage tokens for the WATI API. ', h('a', { href: 'https://docs.wati.io/', target: '_blank', rel: 'noopener' }, 'API reference'))),
      trigger),
    h('dl', { class: s.info },
      h('dt', null, 'API endpoint'), h('dd', null, h('code', null, ctx.apiEndpoint)),
      h('dt', null, 'Tenant ID'), h('dd', null, ctx.tenantId),
      h('dt', null, 'Auth header'), h('dd', null, h('code', null, 'Authorization: Bearer <token>'))),
    listRoot));

  function renderList({ tokens, busy }) {
    if (tokens === null) return;
    listRoot.setAttribute('aria-busy', 'false');
    if (!tokens.length) {
      listRoot.replaceChildren();
      listRoot.after(h('div', { class: s.empty, 'data-empty': '' }, icon('key', 22), h('strong', null, 'No API tokens yet'), 'Generate a token to connect your first integration.'));
      return;
    }
    listRoot.parentElement.querySelector('[data-empty]')?.remove();
    listRoot.replaceChildren(...tokens.map((t) => {
      const nameId = id();
      const state = t.status === 'revoked' ? 'revoked' : isExpired(t) ? 'expired' : 'active';
      const label = { revoked: 'Revoked', expired: 'Expired', active: 'Active' }[state];
      return h('div', { class: s.card, role: 'listitem', 'aria-labelledby': nameId, 'data-state': state },
        h('div', { class: s.cardTop },
          h('span', { class: s.keyIcon }, icon('key', 16)),
          h('h3', { id: nameId }, t.name),
          h('span', { class: s.pill, 'data-variant': state }, label),
          t.status === 'active'
            ? h('button', { class: `${s.btn} ${s.ghostDanger}`, type: 'button', 'aria-describedby': nameId,
              disabled: busy.includes(t.id), onClick: () => revoke(t.id) }, 'Revoke')
            : null),
        h('div', { class: s.chips, 'aria-label': 'Scopes' }, t.scopes.map((x) => h('span', null, x))),
        h('div', { class: s.meta },
          h('span', null, icon('calendar', 13), `Created ${fmtDate(t.createdAt, 'en')}`),
          h('span', null, icon('clock', 13), t.expiresAt ? `Expires ${fmtDate(t.expiresAt, 'en')}` : 'Never expires')));
    }));
  }
  store.subscribe(renderList);

  async function refresh() {
    try {
      const tokens = await listTokens(ctx.tenantId);
      if (alive) store.set({ tokens });
    } catch { /* keep the old list */ }
  }
  async function revoke(tokenId) {
    store.set((st) => ({ busy: [...st.busy, tokenId] }));
    try { await revokeToken(tokenId); } catch { /* refresh shows the truth */ }
    if (alive) store.set((st) => ({ busy: st.busy.filter((x) => x !== tokenId) }));
    await refresh();
  }

  // ---------- the form dialog ----------
  function checkbox(labelId, descId) {
    return h('div', { class: s.box, role: 'checkbox', 'aria-checked': 'false', tabindex: '0', 'aria-labelledby': labelId,
      'aria-describedby': descId ?? null, 'data-state': 'unchecked' }, icon('check', 13, 'stroke-width="3"'));
  }
  function openForm() {
    if (formDialog || revealDialog) return;
    const form = createStore({ name: '', scopes: [], expiry: 'never', errors: {}, submitting: false, apiError: null });
    const titleId = id(), descId = id(), nameId = id(), nameErrId = id(), expId = id(), expHint = id(), scopeHeadId = id(), selAllLabel = id();

    const nameInput = h('input', { class: s.control, id: nameId, type: 'text', autocomplete: 'off', placeholder: 'e.g. Zapier (production)', 'aria-required': 'true' });
    const tracker = trackValue(nameInput);
    nameInput.addEventListener('input', () => {
      if (tracker.changed()) form.set((st) => ({ name: nameInput.value, errors: { ...st.errors, name: null } }));
    });
    const nameErr = h('p', { class: s.err, id: nameErrId, role: 'alert', hidden: true });

    const select = h('select', { class: s.control, id: expId, 'aria-describedby': expHint },
      EXPIRY.map(([value, label]) => h('option', { value }, label)));
    select.addEventListener('change', () => form.set({ expiry: select.value }));

    const toggle = (sid) => form.set((st) => ({
      scopes: IDS.filter((x) => (x === sid ? !st.scopes.includes(x) : st.scopes.includes(x))),
      errors: { ...st.errors, scopes: null },
    }));
    const toggleAll = () => form.set((st) => ({ scopes: st.scopes.length === IDS.length ? [] : [...IDS], errors: { ...st.errors, scopes: null } }));
    const keyToggle = (fn) => (e) => { if (e.key === ' ') { e.preventDefault(); fn(); } };

    const allBox = checkbox(selAllLabel);
    allBox.addEventListener('keydown', keyToggle(toggleAll));
    const boxes = new Map();
    const families = FAMILIES.map((fam) => {
      const famHead = id();
      return h('div', { class: s.family, role: 'group', 'aria-labelledby': famHead },
        h('h4', { id: famHead }, fam.en),
        SCOPES.filter((sc) => sc.family === fam.id).map((sc) => {
          const labelId = id(), dId = id();
          const box = checkbox(labelId, dId);
          box.addEventListener('keydown', keyToggle(() => toggle(sc.id)));
          const row = h('div', { class: s.row, 'data-radix-collection-item': '', onClick: () => { toggle(sc.id); box.focus({ preventScroll: true }); } },
            box, h('div', { class: s.rowText }, h('span', { id: labelId }, sc.id), h('span', { id: dId }, sc.en)));
          boxes.set(sc.id, { box, row });
          return row;
        }));
    });
    const scopeErr = h('p', { class: s.err, role: 'alert', hidden: true });
    const scopeBox = h('div', { class: s.scopeBox, role: 'group', 'aria-labelledby': scopeHeadId },
      h('div', { class: s.scopeHead }, h('h3', { id: scopeHeadId }, 'Scope'),
        h('div', { class: s.selAll, onClick: () => { toggleAll(); allBox.focus({ preventScroll: true }); } }, allBox, h('span', { id: selAllLabel }, 'Select all'))),
      families);
    const apiError = h('div', { class: s.apiError, role: 'alert', hidden: true });
    const submitLabel = h('span', null, 'Generate');
    const submitBtn = h('button', { class: `${s.btn} ${s.dark}`, type: 'submit' }, submitLabel);

    const dialog = h('div', { class: s.dialog, role: 'dialog', id: id(), 'aria-modal': 'true', 'aria-labelledby': titleId, 'aria-describedby': descId, tabindex: '-1', 'data-state': 'open' },
      h('form', { novalidate: true, style: { display: 'contents' }, onSubmit: (e) => { e.preventDefault(); submit(); } },
        h('div', { class: s.dHead }, h('h2', { id: titleId }, 'Generate new token'),
          h('p', { id: descId }, 'Give the token a name and only the scopes your integration needs.')),
        h('div', { class: s.dBody },
          h('div', { class: s.twoCol },
            h('div', { class: s.field }, h('label', { for: nameId }, 'Token name'), nameInput, nameErr),
            h('div', { class: s.field }, h('label', { for: expId }, 'Expiry duration'), select,
              h('p', { class: s.hint, id: expHint }, 'Rotate tokens at least every 6 months.'))),
          scopeBox, scopeErr, apiError),
        h('div', { class: s.dFoot },
          h('button', { class: `${s.btn} ${s.outline}`, type: 'button', onClick: () => closeForm() }, 'Cancel'),
          submitBtn)),
      h('button', { class: s.close, type: 'button', 'aria-label': 'Close', onClick: () => closeForm() }, icon('x', 17)));

    const setState = (node, checked) => {
      node.setAttribute('aria-checked', checked === 'mixed' ? 'mixed' : String(checked));
      node.setAttribute('data-state', checked === 'mixed' ? 'indeterminate' : checked ? 'checked' : 'unchecked');
    };
    form.subscribe((st) => {
      tracker.sync(st.name); // controlled input
      for (const [sid, { box, row }] of boxes) {
        setState(box, st.scopes.includes(sid));
        row.setAttribute('data-state', st.scopes.includes(sid) ? 'checked' : 'unchecked');
      }
      setState(allBox, st.scopes.length === IDS.length ? true : st.scopes.length ? 'mixed' : false);
      nameErr.hidden = !st.errors.name;
      nameErr.textContent = st.errors.name ?? '';
      if (st.errors.name) { nameInput.setAttribute('aria-invalid', 'true'); nameInput.setAttribute('aria-errormessage', nameErrId); }
      else { nameInput.removeAttribute('aria-invalid'); nameInput.removeAttribute('aria-errormessage'); }
      scopeErr.hidden = !st.errors.scopes;
      scopeErr.textContent = st.errors.scopes ?? '';
      if (st.errors.scopes) scopeBox.setAttribute('data-invalid', ''); else scopeBox.removeAttribute('data-invalid');
      apiError.hidden = !st.apiError;
      apiError.textContent = st.apiError ?? '';
      submitBtn.disabled = st.submitting;
      submitLabel.textContent = st.submitting ? 'Generating…' : 'Generate';
      const sp = submitBtn.querySelector('[data-spinner]');
      if (st.submitting && !sp) submitBtn.prepend(h('span', { class: s.spinner, 'data-spinner': '', 'aria-hidden': 'true' }));
      if (!st.submitting && sp) sp.remove();
    });

    async function submit() {
      const st = form.get();
      if (st.submitting) return;
      const errors = {};
      if (!st.name.trim()) errors.name = 'Token name is required';
      if (!st.scopes.length) errors.scopes = 'Select at least one scope';
      if (errors.name || errors.scopes) return form.set({ errors });
      form.set({ submitting: true, apiError: null });
      try {
        const days = EXPIRY.find(([v]) => v === st.expiry)?.[2] ?? 0;
        const created = await createToken({ tenantId: ctx.tenantId, name: st.name.trim(), scopes: st.scopes, expiresAt: expiryFromDays(days) });
        if (!alive) return;
        closeForm();
        openReveal(created.token);
        refresh();
      } catch (e) {
        if (alive) form.set({ submitting: false, apiError: e.message });
      }
    }

    trigger.setAttribute('aria-expanded', 'true');
    trigger.setAttribute('data-state', 'open');
    formDialog = openDialog({ content: dialog, overlayClass: s.overlay, containerClass: s.container, portal: true, onDismiss: () => closeForm(), initialFocus: () => nameInput });
  }
  function closeForm() {
    const d = formDialog;
    formDialog = null;
    trigger.setAttribute('aria-expanded', 'false');
    trigger.setAttribute('data-state', 'closed');
    d?.close();
  }

  // ---------- the reveal dialog ----------
  function openReveal(token) {
    const titleId = id(), descId = id();
    const copied = h('p', { class: s.copied, role: 'status', 'aria-live': 'polite' });
    let secret = token;
    const done = h('button', { class: `${s.btn} ${s.dark}`, type: 'button', onClick: () => { secret = null; const d = revealDialog; revealDialog = null; d?.close(); } }, 'Done');
    const dialog = h('div', { class: s.dialog, role: 'dialog', id: id(), 'aria-modal': 'true', 'aria-labelledby': titleId, 'aria-describedby': descId, tabindex: '-1', 'data-state': 'open' },
      h('div', { class: s.dHead }, h('h2', { id: titleId }, 'Copy your new token')),
      h('div', { class: s.dBody },
        h('div', { class: s.callout }, icon('alert', 16), h('p', { id: descId }, 'This token will only be shown once. Copy it now and store it securely.')),
        h('code', { class: s.code }, token),
        copied),
      h('div', { class: s.dFoot },
        h('button', { class: `${s.btn} ${s.outline}`, type: 'button', onClick: async () => {
          if (secret) copied.textContent = (await copyToClipboard(secret)) ? 'Copied!' : 'Copy failed: select the token and copy it manually';
        } }, icon('copy', 15), 'Copy'),
        done));
    revealDialog = openDialog({ content: dialog, overlayClass: s.overlay, containerClass: s.container, portal: true, dismissable: false, initialFocus: () => done });
  }

  refresh();
  return () => {
    alive = false;
    formDialog?.close();
    revealDialog?.close();
    css.dispose();
  };
}
