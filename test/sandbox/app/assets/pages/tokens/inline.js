// API Tokens, variants `inline-en` and `slow-en`.
// Markup conventions: native controls everywhere. The form opens inline on the page; scopes are
// <label><input type=checkbox><span>scope id</span></label> with the description beside it (aria-describedby);
// expiry is <input type=date> labelled "Expiry date (optional)"; the list is a <table>; the reveal is an inline
// panel with the token in a read-only <input>. Ids are React-useId-like (":r1:"), classes emotion-like ("css-xxxx").
// `slow-en` adds skeletons/spinners and delays (heading +1.5 s, list and button +1.5 s more, open form 1 s, generate 1 s).
import { createIds, createStyler, h, sleep, srOnly } from '../../lib/dom.js';
import { icon } from '../../lib/icons.js';
import { SCOPES } from '../../catalog.js';
import { copyToClipboard, createStore, createToken, endOfDay, fmtDate, isExpired, listTokens, revokeToken, todayISODate } from './common.js';

const IDS = SCOPES.map((s) => s.id);

function styles(css) {
  return {
    page: css`padding:28px 32px 48px;max-width:1080px;display:flex;flex-direction:column;gap:20px;`,
    crumbs: css`display:flex;gap:6px;align-items:center;font-size:12.5px;color:var(--ink-3);margin-bottom:6px;& svg{opacity:.6}`,
    head: css`display:flex;align-items:flex-start;justify-content:space-between;gap:24px;`,
    h1: css`font-size:24px;font-weight:700;letter-spacing:-.015em;`,
    lead: css`margin-top:6px;color:var(--ink-2);max-width:640px;& a{font-weight:500;white-space:nowrap}`,
    primary: css`display:inline-flex;align-items:center;gap:8px;height:38px;padding:0 16px;border:0;border-radius:8px;background:var(--brand);color:#fff;font-weight:600;white-space:nowrap;
      box-shadow:0 1px 2px rgba(16,24,40,.1);&:hover{background:var(--brand-600)}&:disabled{opacity:.55;cursor:not-allowed}`,
    secondary: css`display:inline-flex;align-items:center;gap:8px;height:38px;padding:0 14px;border:1px solid var(--line);border-radius:8px;background:#fff;font-weight:500;
      &:hover{background:var(--line-2)}&:disabled{opacity:.6;cursor:not-allowed}`,
    endpoint: css`display:flex;align-items:center;gap:12px;padding:12px 16px;background:#fff;border:1px solid var(--line);border-radius:var(--radius);
      & code{font-family:var(--mono);font-size:13px;padding:3px 8px;border-radius:6px;background:var(--bg)}& > span:first-child{font-weight:600;color:var(--ink-2)}`,
    iconBtn: css`display:grid;place-items:center;width:30px;height:30px;border:0;border-radius:6px;background:none;color:var(--ink-3);&:hover{background:var(--line-2);color:var(--ink)}`,
    card: css`background:#fff;border:1px solid var(--line);border-radius:12px;box-shadow:var(--shadow-sm);`,
    cardHead: css`display:flex;align-items:center;justify-content:space-between;padding:16px 20px;border-bottom:1px solid var(--line-2);
      & h2{font-size:16px;font-weight:650}& p{color:var(--ink-3);font-size:13px;margin-top:2px}`,
    form: css`padding:20px;display:flex;flex-direction:column;gap:22px;animation:sandbox-fade .15s ease-out;`,
    field: css`display:flex;flex-direction:column;gap:6px;max-width:440px;& > label{font-weight:600}`,
    input: css`height:38px;padding:0 12px;border:1px solid #cfd6df;border-radius:8px;background:#fff;
      &:focus{outline:none;border-color:var(--brand);box-shadow:0 0 0 3px var(--brand-50)}&[aria-invalid="true"]{border-color:var(--danger)}`,
    help: css`font-size:12.5px;color:var(--ink-3);`,
    error: css`display:flex;align-items:center;gap:6px;font-size:12.5px;color:var(--danger);font-weight:500;`,
    fieldset: css`border:0;margin:0;padding:0;min-width:0;& legend{font-weight:600;padding:0;margin-bottom:2px}`,
    scopeTop: css`display:flex;align-items:center;justify-content:space-between;gap:12px;margin:4px 0 10px;`,
    selectAll: css`display:inline-flex;align-items:center;gap:8px;font-weight:500;padding:4px 10px;border:1px solid var(--line);border-radius:8px;background:#fafbfc;cursor:pointer;`,
    grid: css`display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:2px 24px;padding:8px 12px;border:1px solid var(--line);border-radius:10px;
      &[aria-invalid="true"]{border-color:var(--danger)}`,
    scopeRow: css`display:flex;flex-direction:column;padding:7px 4px;border-bottom:1px dashed var(--line-2);`,
    check: css`display:inline-flex;align-items:center;gap:8px;cursor:pointer;font-family:var(--mono);font-size:13px;font-weight:500;
      & input{width:16px;height:16px;margin:0;accent-color:var(--brand)}`,
    desc: css`padding-left:24px;font-size:12px;color:var(--ink-3);`,
    actions: css`display:flex;justify-content:flex-end;gap:10px;padding-top:14px;border-top:1px solid var(--line-2);`,
    banner: css`display:flex;gap:10px;align-items:flex-start;padding:12px 14px;border-radius:8px;font-size:13px;& svg{flex:none;margin-top:1px}`,
    warn: css`background:var(--warn-50);color:var(--warn);border:1px solid #f3dcaa;`,
    danger: css`background:var(--danger-50);color:var(--danger);`,
    reveal: css`padding:20px;display:flex;flex-direction:column;gap:14px;animation:sandbox-pop .18s ease-out;& h2{font-size:16px;font-weight:650;display:flex;align-items:center;gap:8px}
      & h2 svg{color:var(--brand)}`,
    secretRow: css`display:flex;gap:8px;& input{flex:1;font-family:var(--mono);font-size:12.5px;background:#fafbfc}`,
    status: css`min-height:18px;font-size:12.5px;color:var(--brand-600);`,
    table: css`width:100%;border-collapse:collapse;font-size:13.5px;
      & th{text-align:left;font-size:12px;font-weight:600;color:var(--ink-3);padding:10px 20px;background:#fafbfc;border-bottom:1px solid var(--line)}
      & td{padding:12px 20px;border-bottom:1px solid var(--line-2);vertical-align:top}& tr:last-child td{border-bottom:0}
      & td:first-child{font-weight:600}`,
    chips: css`display:flex;flex-wrap:wrap;gap:4px;`,
    chip: css`padding:1px 7px;border-radius:6px;background:var(--line-2);font-family:var(--mono);font-size:11.5px;`,
    badge: css`display:inline-flex;align-items:center;gap:5px;padding:2px 9px;border-radius:999px;font-size:12px;font-weight:600;
      &::before{content:"";width:6px;height:6px;border-radius:50%;background:currentColor}
      &[data-status="active"]{background:var(--brand-50);color:var(--brand-600)}&[data-status="revoked"]{background:var(--line-2);color:var(--ink-3)}
      &[data-status="expired"]{background:var(--danger-50);color:var(--danger)}`,
    link: css`border:0;background:none;color:var(--danger);font-weight:600;padding:4px 6px;border-radius:6px;&:hover{background:var(--danger-50)}&:disabled{opacity:.5}`,
    muted: css`color:var(--ink-3);`,
    empty: css`padding:36px 20px !important;text-align:center;color:var(--ink-3);font-weight:400 !important;`,
    spinner: css`width:18px;height:18px;border-radius:50%;border:2px solid currentColor;border-right-color:transparent;animation:sandbox-spin .7s linear infinite;flex:none;`,
    bigSpin: css`display:flex;align-items:center;gap:10px;padding:28px 20px;color:var(--ink-3);`,
    skel: css`border-radius:8px;background:linear-gradient(90deg,#eceff3 0,#f6f8fa 40px,#eceff3 80px) #eceff3;background-size:800px 100%;animation:sandbox-shimmer 1.2s linear infinite;`,
  };
}

export function renderInline(el, ctx, { slow }) {
  const css = createStyler({ scheme: 'emotion', salt: slow ? 'slow-en' : 'inline-en' });
  const s = styles(css);
  const id = createIds('react');
  const delay = (ms) => (slow ? sleep(ms) : Promise.resolve());
  let alive = true;
  let revealed = null; // the secret, only while the reveal is open

  const store = createStore({ tokens: null, loadError: null, phase: 'idle', name: '', scopes: [], expiry: '', errors: {}, submitError: null, busyIds: [] });

  // ---------- page frame ----------
  const spinner = (label) => h('span', { class: s.spinner, role: 'progressbar', 'aria-label': label });
  const openBtn = h('button', { class: s.primary, type: 'button', onClick: () => openForm() }, icon('plus', 17), 'Generate new token');
  const formSlot = h('div');
  const tableBody = h('tbody');
  const table = h('table', { class: s.table },
    h('thead', null, h('tr', null,
      h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'Scopes'), h('th', { scope: 'col' }, 'Created'),
      h('th', { scope: 'col' }, 'Expires'), h('th', { scope: 'col' }, 'Status'), h('th', { scope: 'col' }, h('span', { style: srOnly }, 'Actions')))),
    tableBody);
  const endpointCopied = h('span', { class: s.status, role: 'status' });
  const header = h('div', { class: s.head },
    h('div', null,
      h('nav', { class: s.crumbs, 'aria-label': 'Breadcrumb' }, 'Connectors', icon('chevronRight', 13), 'API', icon('chevronRight', 13), h('span', { 'aria-current': 'page' }, 'Tokens')),
      h('h1', { class: s.h1 }, 'API Tokens'),
      h('p', { class: s.lead }, 'Tokens let your integrations call the WATI API on behalf of this workspace. Create one token per integration and give it only the scopes it needs. ',
        h('a', { href: 'https://support.wati.io/en/articles/api-tokens', target: '_blank', rel: 'noopener' }, 'Learn more'))),
    openBtn);
  const endpoint = h('div', { class: s.endpoint },
    h('span', null, 'API endpoint URL'), h('code', null, ctx.apiEndpoint),
    h('button', { class: s.iconBtn, type: 'button', 'aria-label': 'Copy API endpoint URL', title: 'Copy',
      onClick: async () => { endpointCopied.textContent = (await copyToClipboard(ctx.apiEndpoint)) ? 'Copied' : ''; } }, icon('copy', 15)),
    endpointCopied);
  const listHeadingId = id();
  const listCard = h('section', { class: s.card, 'aria-labelledby': listHeadingId },
    h('div', { class: s.cardHead }, h('div', null, h('h2', { id: listHeadingId }, 'Tokens'), h('p', null, 'Revoked tokens stop working immediately.'))),
    table);

  const page = h('div', { class: s.page });
  el.append(page);

  // ---------- token list ----------
  function statusOf(t) {
    if (t.status === 'revoked') return ['revoked', 'Revoked'];
    if (isExpired(t)) return ['expired', 'Expired'];
    return ['active', 'Active'];
  }
  function renderList(st) {
    table.setAttribute('aria-busy', String(st.tokens === null));
    if (st.tokens === null) {
      tableBody.replaceChildren(h('tr', null, h('td', { class: s.empty, colspan: '6' }, st.loadError ?? 'Loading tokens…')));
      return;
    }
    if (st.tokens.length === 0) {
      tableBody.replaceChildren(h('tr', null, h('td', { class: s.empty, colspan: '6' }, 'No tokens yet. Generate one to connect an integration.')));
      return;
    }
    tableBody.replaceChildren(...st.tokens.map((t) => {
      const [code, label] = statusOf(t);
      const busy = st.busyIds.includes(t.id);
      return h('tr', null,
        h('td', null, t.name),
        h('td', null, h('div', { class: s.chips }, t.scopes.map((sc) => h('span', { class: s.chip }, sc)))),
        h('td', null, fmtDate(t.createdAt, 'en')),
        h('td', t.expiresAt ? null : { class: s.muted }, t.expiresAt ? fmtDate(t.expiresAt, 'en') : 'Never'),
        h('td', null, h('span', { class: s.badge, 'data-status': code }, label)),
        h('td', null, t.status === 'active'
          ? h('button', { class: s.link, type: 'button', 'aria-label': `Revoke ${t.name}`, disabled: busy, onClick: () => revoke(t) }, busy ? 'Revoking…' : 'Revoke')
          : null));
    }));
  }
  let lastTokens, lastBusy;
  store.subscribe((st) => {
    if (st.tokens !== lastTokens || st.busyIds !== lastBusy) {
      lastTokens = st.tokens;
      lastBusy = st.busyIds;
      renderList(st);
    }
  });

  async function refresh() {
    try {
      const tokens = await listTokens(ctx.tenantId);
      if (alive) store.set({ tokens, loadError: null });
    } catch (e) {
      if (alive) store.set({ loadError: e.message });
    }
  }
  async function revoke(t) {
    store.set((st) => ({ busyIds: [...st.busyIds, t.id] }));
    await delay(1000);
    try { await revokeToken(t.id); } catch { /* the list refresh shows the truth */ }
    if (!alive) return;
    store.set((st) => ({ busyIds: st.busyIds.filter((x) => x !== t.id) }));
    await refresh();
  }

  // ---------- the form ----------
  let form = null; // { root, sync(state) }
  function buildForm() {
    const nameId = id(), nameHelp = id(), nameErr = id(), expId = id(), expHelp = id(), expErr = id(), scopeErr = id(), headingId = id();
    const nameInput = h('input', { class: s.input, id: nameId, type: 'text', autocomplete: 'off', spellcheck: 'false', placeholder: 'e.g. Shopify sync – production',
      'aria-describedby': nameHelp, maxlength: '64',
      onInput: (e) => store.set((st) => ({ name: e.target.value, errors: { ...st.errors, name: undefined } })) });
    const nameError = h('p', { class: s.error, id: nameErr, role: 'alert', hidden: true });

    const selectAll = h('input', { type: 'checkbox',
      onChange: () => store.set((st) => ({ scopes: st.scopes.length === IDS.length ? [] : [...IDS], errors: { ...st.errors, scopes: undefined } })) });
    const boxes = new Map();
    const grid = h('div', { class: s.grid }, SCOPES.map((sc) => {
      const descId = id();
      const box = h('input', { type: 'checkbox', 'aria-describedby': descId,
        onChange: (e) => store.set((st) => ({
          scopes: IDS.filter((x) => (x === sc.id ? e.target.checked : st.scopes.includes(x))),
          errors: { ...st.errors, scopes: undefined },
        })) });
      boxes.set(sc.id, box);
      return h('div', { class: s.scopeRow }, h('label', { class: s.check }, box, h('span', null, sc.id)), h('span', { class: s.desc, id: descId }, sc.en));
    }));
    const scopeError = h('p', { class: s.error, id: scopeErr, role: 'alert', hidden: true });

    const expInput = h('input', { class: s.input, id: expId, type: 'date', min: todayISODate(1), 'aria-describedby': expHelp,
      onInput: (e) => store.set((st) => ({ expiry: e.target.value, errors: { ...st.errors, expiry: undefined } })),
      onChange: (e) => store.set((st) => ({ expiry: e.target.value, errors: { ...st.errors, expiry: undefined } })) });
    const expError = h('p', { class: s.error, id: expErr, role: 'alert', hidden: true });
    const submitError = h('div', { class: `${s.banner} ${s.danger}`, role: 'alert', hidden: true });

    const genLabel = h('span', null, 'Generate');
    const genBtn = h('button', { class: s.primary, type: 'submit' }, genLabel);
    const cancelBtn = h('button', { class: s.secondary, type: 'button', onClick: () => store.set({ phase: 'idle' }) }, 'Cancel');

    const root = h('section', { class: s.card, 'aria-labelledby': headingId },
      h('div', { class: s.cardHead }, h('div', null, h('h2', { id: headingId }, 'New API token'), h('p', null, 'The token is shown once, right after you generate it.'))),
      h('form', { class: s.form, novalidate: true, onSubmit: (e) => { e.preventDefault(); submit(); } },
        h('div', { class: s.field },
          h('label', { for: nameId }, 'Token name'), nameInput,
          h('p', { class: s.help, id: nameHelp }, 'Use a name that says which integration and environment will use it.'), nameError),
        h('fieldset', { class: s.fieldset },
          h('legend', null, 'Scope'),
          h('div', { class: s.scopeTop },
            h('p', { class: s.help }, 'Choose what this token can do. Grant only what the integration needs. ',
              h('a', { href: 'https://docs.wati.io/reference/scopes', target: '_blank', rel: 'noopener' }, 'Scope reference')),
            h('label', { class: s.selectAll }, selectAll, 'Select all')),
          grid, scopeError),
        h('div', { class: s.field },
          h('label', { for: expId }, 'Expiry date (optional)'), expInput,
          h('p', { class: s.help, id: expHelp }, 'Leave empty for a token that never expires. WATI recommends rotating tokens every 6 months.'), expError),
        submitError,
        h('div', { class: s.actions }, cancelBtn, genBtn)));

    const showError = (node, input, msg) => {
      node.hidden = !msg;
      node.replaceChildren(...(msg ? [icon('alert', 14), msg] : []));
      if (input) {
        if (msg) input.setAttribute('aria-invalid', 'true');
        else input.removeAttribute('aria-invalid');
        const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter((x) => x && x !== node.id);
        if (msg) ids.push(node.id);
        input.setAttribute('aria-describedby', ids.join(' '));
      }
    };
    return {
      root,
      focus: () => nameInput.focus(),
      sync(st) {
        // controlled checkboxes: the DOM follows the app's state
        for (const [sid, box] of boxes) box.checked = st.scopes.includes(sid);
        selectAll.checked = st.scopes.length === IDS.length;
        selectAll.indeterminate = st.scopes.length > 0 && st.scopes.length < IDS.length;
        showError(nameError, nameInput, st.errors.name);
        showError(scopeError, grid, st.errors.scopes);
        showError(expError, expInput, st.errors.expiry);
        submitError.hidden = !st.submitError;
        submitError.replaceChildren(...(st.submitError ? [icon('alert', 16), st.submitError] : []));
        const generating = st.phase === 'generating';
        genBtn.disabled = generating;
        cancelBtn.disabled = generating;
        genLabel.textContent = generating ? 'Generating…' : 'Generate';
        if (generating && !genBtn.querySelector('[role="progressbar"]')) genBtn.prepend(spinner('Generating'));
        if (!generating) genBtn.querySelector('[role="progressbar"]')?.remove();
      },
    };
  }

  function buildReveal(token) {
    const headingId = id(), inputId = id();
    const status = h('p', { class: s.status, role: 'status', 'aria-live': 'polite' });
    const field = h('input', { class: s.input, id: inputId, type: 'text', readonly: true, spellcheck: 'false', autocomplete: 'off', value: token,
      onFocus: (e) => e.target.select() });
    const root = h('section', { class: s.card, 'aria-labelledby': headingId },
      h('div', { class: s.reveal },
        h('h2', { id: headingId, tabindex: '-1' }, icon('check', 18), 'Token generated'),
        h('div', { class: `${s.banner} ${s.warn}`, role: 'note' }, icon('alert', 16), h('span', null, 'This token will only be shown once. Copy it now and store it securely.')),
        h('div', { class: s.field, style: { maxWidth: 'none' } },
          h('label', { for: inputId }, 'Your new API token'),
          h('div', { class: s.secretRow }, field,
            h('button', { class: s.secondary, type: 'button', onClick: async () => {
              status.textContent = (await copyToClipboard(token)) ? 'Copied to clipboard' : 'Could not copy. Select the token and copy it manually.';
            } }, icon('copy', 15), 'Copy'))),
        status,
        h('div', { class: s.actions }, h('button', { class: s.primary, type: 'button', onClick: () => closeReveal() }, 'Done'))));
    return root;
  }

  // ---------- phases ----------
  let shownPhase = null;
  store.subscribe((st) => {
    openBtn.disabled = st.phase !== 'idle';
    if (st.phase !== shownPhase) {
      const prev = shownPhase;
      shownPhase = st.phase;
      if (st.phase === 'idle') { form = null; formSlot.replaceChildren(); }
      else if (st.phase === 'opening') formSlot.replaceChildren(h('div', { class: s.card }, h('div', { class: s.bigSpin, 'aria-busy': 'true' }, spinner('Loading'), 'Loading form…')));
      else if ((st.phase === 'form' || st.phase === 'generating') && (prev !== 'form' && prev !== 'generating')) {
        form = buildForm();
        formSlot.replaceChildren(form.root);
        form.focus();
      } else if (st.phase === 'reveal') {
        form = null;
        formSlot.replaceChildren(buildReveal(revealed));
        formSlot.querySelector('h2')?.focus();
      }
    }
    form?.sync(st);
  });

  async function openForm() {
    if (store.get().phase !== 'idle') return;
    store.set({ phase: slow ? 'opening' : 'form', name: '', scopes: [], expiry: '', errors: {}, submitError: null });
    if (slow) {
      await delay(1000);
      if (alive && store.get().phase === 'opening') store.set({ phase: 'form' });
    }
  }

  async function submit() {
    const st = store.get();
    if (st.phase !== 'form') return;
    const errors = {};
    if (!st.name.trim()) errors.name = 'Enter a token name.';
    if (st.scopes.length === 0) errors.scopes = 'Select at least one scope.';
    if (st.expiry && st.expiry < todayISODate(1)) errors.expiry = 'Choose a date in the future.';
    if (Object.keys(errors).length) return store.set({ errors });
    store.set({ phase: 'generating', submitError: null });
    try {
      const [created] = await Promise.all([
        createToken({ tenantId: ctx.tenantId, name: st.name.trim(), scopes: st.scopes, expiresAt: st.expiry ? endOfDay(st.expiry) : null }),
        delay(1000),
      ]);
      if (!alive) return;
      revealed = created.token;
      store.set({ phase: 'reveal' });
      refresh();
    } catch (e) {
      if (alive) store.set({ phase: 'form', submitError: e.message });
    }
  }

  function closeReveal() {
    revealed = null; // shown once: forget it
    store.set({ phase: 'idle', name: '', scopes: [], expiry: '' });
    openBtn.focus();
  }

  // ---------- first render ----------
  const timers = [];
  if (!slow) {
    page.append(header, endpoint, formSlot, listCard);
    renderList(store.get());
    refresh();
  } else {
    // skeleton → heading (1.5 s) → endpoint, button and list (another 1.5 s)
    page.setAttribute('aria-busy', 'true');
    const skelHead = h('div', { 'aria-hidden': 'true', style: { display: 'grid', gap: '10px' } },
      h('div', { class: s.skel, style: { width: '160px', height: '26px' } }), h('div', { class: s.skel, style: { width: '520px', height: '14px' } }));
    const skelBody = h('div', { 'aria-hidden': 'true', style: { display: 'grid', gap: '12px' } },
      h('div', { class: s.skel, style: { height: '48px' } }), ...[1, 2, 3, 4].map(() => h('div', { class: s.skel, style: { height: '40px' } })));
    const loading = h('div', { class: s.bigSpin }, spinner('Loading'), 'Loading API tokens…');
    page.append(skelHead, loading, skelBody);
    const listReady = listTokens(ctx.tenantId).catch((e) => { store.set({ loadError: e.message }); return null; });
    timers.push(setTimeout(() => {
      if (!alive) return;
      openBtn.hidden = true;
      skelHead.replaceWith(header);
    }, 1500));
    timers.push(setTimeout(async () => {
      const tokens = await listReady;
      if (!alive) return;
      openBtn.hidden = false;
      loading.remove();
      skelBody.replaceWith(endpoint, formSlot, listCard);
      page.removeAttribute('aria-busy');
      store.set({ tokens: tokens ?? null });
      renderList(store.get());
    }, 3000));
  }

  return () => {
    alive = false;
    revealed = null;
    timers.forEach(clearTimeout);
    css.dispose();
  };
}
