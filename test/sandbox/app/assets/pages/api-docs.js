// The legacy "API Docs" page: API Endpoint URL and the user's (legacy) Bearer Token.
import { createIds, createStyler, h } from '../lib/dom.js';
import { icon } from '../lib/icons.js';

let css;
function styles() {
  css ??= createStyler({ scheme: 'emotion', salt: 'apidocs' });
  return {
    page: css`padding:28px 32px;max-width:920px;`,
    h1: css`font-size:22px;font-weight:700;`,
    sub: css`margin:4px 0 20px;color:var(--ink-2);`,
    card: css`background:#fff;border:1px solid var(--line);border-radius:var(--radius);box-shadow:var(--shadow-sm);padding:22px;display:grid;gap:18px;`,
    label: css`display:block;font-weight:600;margin-bottom:6px;`,
    row: css`display:flex;gap:8px;align-items:flex-start;`,
    field: css`flex:1;padding:9px 12px;border:1px solid var(--line);border-radius:8px;background:#fafbfc;font-family:var(--mono);font-size:12.5px;color:var(--ink);
      resize:none;word-break:break-all;`,
    btn: css`display:inline-flex;align-items:center;gap:6px;height:36px;padding:0 12px;border:1px solid var(--line);border-radius:8px;background:#fff;font-weight:500;
      &:hover{background:var(--line-2)}`,
    note: css`display:flex;gap:10px;padding:12px 14px;border-radius:8px;background:var(--warn-50);color:var(--warn);font-size:13px;& svg{flex:none;margin-top:1px}`,
    status: css`min-height:18px;font-size:12.5px;color:var(--brand-600);`,
    links: css`display:flex;gap:16px;font-weight:500;`,
  };
}

export function renderApiDocs(el, ctx) {
  const s = styles();
  const t = ctx.t.apiDocs;
  const id = createIds('react');
  const endpointId = id();
  const tokenId = id();
  const status = h('p', { class: s.status, role: 'status', 'aria-live': 'polite' });
  const copy = (getText) => async () => {
    try {
      await navigator.clipboard.writeText(getText());
      status.textContent = t.copied;
    } catch {
      status.textContent = '';
    }
  };
  const endpoint = h('input', { class: s.field, id: endpointId, readonly: true, value: ctx.apiEndpoint, spellcheck: 'false' });
  const token = h('textarea', { class: s.field, id: tokenId, readonly: true, rows: '4', spellcheck: 'false', 'aria-busy': 'true' });
  token.value = t.loading;
  el.append(h('div', { class: s.page },
    h('h1', { class: s.h1 }, t.title),
    h('p', { class: s.sub }, t.intro),
    h('div', { class: s.card },
      h('div', null, h('label', { class: s.label, for: endpointId }, t.endpoint),
        h('div', { class: s.row }, endpoint, h('button', { class: s.btn, type: 'button', onClick: copy(() => endpoint.value) }, icon('copy', 15), t.copy))),
      h('div', null, h('label', { class: s.label, for: tokenId }, t.bearer),
        h('div', { class: s.row }, token, h('button', { class: s.btn, type: 'button', onClick: copy(() => token.value) }, icon('copy', 15), t.copy))),
      status,
      h('div', { class: s.note, role: 'note' }, icon('alert', 17), h('span', null, t.legacyNotice)),
      h('div', { class: s.links }, h('a', { href: ctx.href('/connectors/api-tokens') }, t.goTokens), h('a', { href: 'https://docs.wati.io/', target: '_blank', rel: 'noopener' }, t.reference)))));

  let alive = true;
  fetch(`/__sandbox/api/legacy-token?tenantId=${encodeURIComponent(ctx.tenantId)}`)
    .then((r) => r.json())
    .then((d) => {
      if (!alive) return;
      token.value = d.token;
      token.removeAttribute('aria-busy');
    })
    .catch(() => { if (alive) token.value = ''; });
  return () => { alive = false; };
}
