// API Tokens, variant `drawer-en`: a real React 19 app (bundled by the sandbox server at start, see ../react-bundle.ts),
// served as /assets/react/drawer.js and mounted by app/assets/pages/tokens/drawer-en.js.
//
// The form lives in a side drawer on the right (role="dialog" aria-modal="false": the page stays visible and usable).
// Every control is a React CONTROLLED component: the name <input> has value/onChange (React's own input value
// tracking: a value written by a script through the element's own `value` setter, without the native prototype
// setter and an event, is not seen), scope checkboxes and "Select all" have checked/onChange, expiry is a
// <select value onChange>. Ids come from useId (React 19: "_r_1_"-like), classes from a styled-components-like
// styler ("sc-AbCdEf GhIjKl").
import { useEffect, useId, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { createStyler } from '../app/assets/lib/dom.js';
import { iconMarkup } from '../app/assets/lib/icons.js';
import { FAMILIES, SCOPES } from '../app/assets/catalog.js';
import { copyToClipboard, createToken, expiryFromDays, fmtDate, isExpired, listTokens, revokeToken } from '../app/assets/pages/tokens/common.js';

const IDS = SCOPES.map((s) => s.id);
const EXPIRY = [['never', 'Never', 0], ['30', '30 days', 30], ['90', '90 days', 90], ['180', '180 days', 180], ['365', '1 year', 365]];

function makeStyles(css) {
  return {
    page: css`padding:28px 32px 48px;max-width:1080px;display:flex;flex-direction:column;gap:18px;`,
    head: css`display:flex;align-items:flex-start;justify-content:space-between;gap:24px;`,
    h1: css`font-size:24px;font-weight:700;letter-spacing:-.01em;`,
    lead: css`margin-top:6px;color:var(--ink-2);max-width:620px;`,
    primary: css`display:inline-flex;align-items:center;gap:8px;height:36px;padding:0 14px;border:1px solid #1f2937;border-radius:6px;background:#111827;color:#fff;font-weight:600;white-space:nowrap;
      &:hover{background:#1f2937}&:disabled{opacity:.5;cursor:not-allowed}`,
    secondary: css`display:inline-flex;align-items:center;gap:8px;height:36px;padding:0 14px;border:1px solid #d1d5db;border-radius:6px;background:#fff;font-weight:500;
      &:hover{background:#f9fafb}&:disabled{opacity:.6}`,
    endpoint: css`display:flex;align-items:center;gap:10px;font-size:13px;color:var(--ink-2);& code{font-family:var(--mono);padding:3px 8px;border-radius:6px;background:#fff;border:1px solid var(--line)}`,
    card: css`background:#fff;border:1px solid var(--line);border-radius:10px;overflow:hidden;`,
    table: css`width:100%;border-collapse:collapse;font-size:13.5px;
      & th{text-align:left;font-size:12px;font-weight:600;color:var(--ink-3);padding:10px 18px;border-bottom:1px solid var(--line);background:#fafafa}
      & td{padding:12px 18px;border-bottom:1px solid var(--line-2);vertical-align:top}& tr:last-child td{border-bottom:0}`,
    chip: css`display:inline-block;margin:0 4px 3px 0;padding:1px 7px;border-radius:999px;border:1px solid var(--line);font-family:var(--mono);font-size:11.5px;`,
    dot: css`display:inline-flex;align-items:center;gap:6px;&::before{content:"";width:7px;height:7px;border-radius:50%;background:currentColor}
      &[data-k="a"]{color:#15803d}&[data-k="r"]{color:#6b7280}&[data-k="e"]{color:#b91c1c}`,
    revoke: css`border:1px solid #fecaca;border-radius:6px;background:#fff;color:#b91c1c;font-weight:500;padding:3px 10px;&:hover{background:#fef2f2}&:disabled{opacity:.5}`,
    muted: css`color:var(--ink-3);`,
    empty: css`padding:36px 18px !important;text-align:center;color:var(--ink-3);`,
    drawer: css`position:fixed;top:0;right:0;bottom:0;z-index:1000;width:min(460px,100vw);display:flex;flex-direction:column;background:#fff;
      border-left:1px solid var(--line);box-shadow:-12px 0 32px -12px rgba(17,24,39,.25);animation:sandbox-fade .15s ease-out;`,
    dHead: css`flex:none;display:flex;align-items:center;justify-content:space-between;gap:12px;padding:16px 20px;border-bottom:1px solid var(--line);& h2{font-size:17px;font-weight:650}`,
    close: css`display:grid;place-items:center;width:32px;height:32px;border:0;border-radius:6px;background:none;color:var(--ink-3);&:hover{background:var(--line-2);color:var(--ink)}`,
    dBody: css`flex:1;overflow-y:auto;padding:18px 20px;display:flex;flex-direction:column;gap:18px;`,
    dFoot: css`flex:none;display:flex;justify-content:flex-end;gap:10px;padding:14px 20px;border-top:1px solid var(--line);background:#fafafa;`,
    field: css`display:flex;flex-direction:column;gap:6px;& > label{font-weight:600}`,
    input: css`height:36px;padding:0 10px;border:1px solid #d1d5db;border-radius:6px;background:#fff;
      &:focus{outline:none;border-color:#111827;box-shadow:0 0 0 3px rgba(17,24,39,.12)}&[aria-invalid="true"]{border-color:#dc2626}`,
    hint: css`font-size:12.5px;color:var(--ink-3);`,
    error: css`font-size:12.5px;color:#dc2626;font-weight:500;`,
    fieldset: css`border:0;margin:0;padding:0;min-width:0;& > legend{font-weight:600;padding:0;margin-bottom:6px}`,
    all: css`display:flex;align-items:center;gap:8px;padding:8px 10px;border:1px solid var(--line);border-radius:6px;background:#fafafa;font-weight:500;`,
    family: css`margin:14px 0 4px;font-size:12.5px;font-weight:600;color:var(--ink-2);`,
    scope: css`display:grid;grid-template-columns:auto 1fr;column-gap:8px;padding:5px 0;& input{margin:3px 0 0}
      & label{font-family:var(--mono);font-size:13px}& span{grid-column:2;font-size:12px;color:var(--ink-3)}`,
    warn: css`padding:10px 12px;border-radius:6px;background:#fffbeb;border:1px solid #fde68a;color:#92400e;font-size:13px;`,
    code: css`display:block;padding:10px 12px;border-radius:6px;background:#f3f4f6;font-family:var(--mono);font-size:12.5px;word-break:break-all;user-select:all;`,
    status: css`min-height:18px;font-size:12.5px;color:#15803d;`,
  };
}

function Icon({ name, size = 16 }) {
  return <span aria-hidden="true" style={{ display: 'inline-flex' }} dangerouslySetInnerHTML={{ __html: iconMarkup(name, size) }} />;
}

function TokenList({ s, tokens, onRevoke, busy }) {
  let rows;
  if (tokens === null) rows = <tr><td className={s.empty} colSpan={6}>Loading tokens…</td></tr>;
  else if (!tokens.length) rows = <tr><td className={s.empty} colSpan={6}>No tokens yet.</td></tr>;
  else {
    rows = tokens.map((t) => {
      const [k, label] = t.status === 'revoked' ? ['r', 'Revoked'] : isExpired(t) ? ['e', 'Expired'] : ['a', 'Active'];
      return (
        <tr key={t.id}>
          <td><strong>{t.name}</strong></td>
          <td>{t.scopes.map((x) => <span key={x} className={s.chip}>{x}</span>)}</td>
          <td>{fmtDate(t.createdAt, 'en')}</td>
          <td className={t.expiresAt ? undefined : s.muted}>{t.expiresAt ? fmtDate(t.expiresAt, 'en') : 'Never'}</td>
          <td><span className={s.dot} data-k={k}>{label}</span></td>
          <td>{t.status === 'active' ? (
            <button type="button" className={s.revoke} aria-label={`Revoke ${t.name}`} disabled={busy.includes(t.id)} onClick={() => onRevoke(t.id)}>Revoke</button>
          ) : null}</td>
        </tr>
      );
    });
  }
  return (
    <div className={s.card}>
      <table className={s.table}>
        <thead><tr><th scope="col">Name</th><th scope="col">Scopes</th><th scope="col">Created</th><th scope="col">Expires</th><th scope="col">Status</th><th scope="col"><span style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0,0,0,0)' }}>Actions</span></th></tr></thead>
        <tbody>{rows}</tbody>
      </table>
    </div>
  );
}

function TokenForm({ s, ctx, onCancel, onCreated }) {
  const nameId = useId(), hintId = useId(), errId = useId(), expId = useId();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState([]);
  const [expiry, setExpiry] = useState('30');
  const [errors, setErrors] = useState({});
  const [submitting, setSubmitting] = useState(false);
  const [apiError, setApiError] = useState(null);
  const allRef = useRef(null);
  const nameRef = useRef(null);
  const all = scopes.length === IDS.length;
  const some = scopes.length > 0 && !all;
  useEffect(() => { if (allRef.current) allRef.current.indeterminate = some; }, [some]);
  useEffect(() => { nameRef.current?.focus(); }, []);

  const toggle = (id, on) => {
    setScopes((cur) => IDS.filter((x) => (x === id ? on : cur.includes(x))));
    setErrors((e) => ({ ...e, scopes: undefined }));
  };

  async function submit(e) {
    e.preventDefault();
    if (submitting) return;
    const errs = {};
    if (!name.trim()) errs.name = 'Token name is required.';
    if (!scopes.length) errs.scopes = 'Select at least one scope.';
    setErrors(errs);
    if (errs.name || errs.scopes) return;
    setSubmitting(true);
    setApiError(null);
    try {
      const days = EXPIRY.find(([v]) => v === expiry)?.[2] ?? 0;
      const created = await createToken({ tenantId: ctx.tenantId, name: name.trim(), scopes, expiresAt: expiryFromDays(days) });
      onCreated(created.token);
    } catch (err) {
      setApiError(err.message);
      setSubmitting(false);
    }
  }

  return (
    <form noValidate onSubmit={submit} style={{ display: 'contents' }}>
      <div className={s.dBody}>
        <p className={s.hint}>Tokens are shown once, right after you create them. Give each token only the scopes its integration needs.</p>
        <div className={s.field}>
          <label htmlFor={nameId}>Token name</label>
          <input
            ref={nameRef} id={nameId} className={s.input} type="text" autoComplete="off" maxLength={64} placeholder="e.g. HubSpot sync"
            value={name} aria-invalid={errors.name ? 'true' : undefined} aria-describedby={errors.name ? `${hintId} ${errId}` : hintId}
            onChange={(e) => { setName(e.target.value); setErrors((x) => ({ ...x, name: undefined })); }}
          />
          <p className={s.hint} id={hintId}>What will use it, e.g. "Zapier – production".</p>
          {errors.name ? <p className={s.error} id={errId} role="alert">{errors.name}</p> : null}
        </div>
        <fieldset className={s.fieldset}>
          <legend>Scopes</legend>
          <label className={s.all}>
            <input ref={allRef} type="checkbox" checked={all} onChange={() => { setScopes(all ? [] : [...IDS]); setErrors((x) => ({ ...x, scopes: undefined })); }} />
            Select all
          </label>
          {FAMILIES.map((fam) => <ScopeFamily key={fam.id} s={s} fam={fam} scopes={scopes} toggle={toggle} />)}
          {errors.scopes ? <p className={s.error} role="alert">{errors.scopes}</p> : null}
        </fieldset>
        <div className={s.field}>
          <label htmlFor={expId}>Expires in</label>
          <select id={expId} className={s.input} value={expiry} onChange={(e) => setExpiry(e.target.value)}>
            {EXPIRY.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
          </select>
        </div>
        {apiError ? <p className={s.error} role="alert">{apiError}</p> : null}
      </div>
      <div className={s.dFoot}>
        <button type="button" className={s.secondary} onClick={onCancel} disabled={submitting}>Cancel</button>
        <button type="submit" className={s.primary} disabled={submitting}>{submitting ? 'Creating…' : 'Create token'}</button>
      </div>
    </form>
  );
}

function ScopeFamily({ s, fam, scopes, toggle }) {
  const headId = useId();
  return (
    <div role="group" aria-labelledby={headId}>
      <h3 className={s.family} id={headId}>{fam.en}</h3>
      {SCOPES.filter((sc) => sc.family === fam.id).map((sc) => <ScopeRow key={sc.id} s={s} sc={sc} checked={scopes.includes(sc.id)} toggle={toggle} />)}
    </div>
  );
}

function ScopeRow({ s, sc, checked, toggle }) {
  const boxId = useId(), descId = useId();
  return (
    <div className={s.scope}>
      <input id={boxId} type="checkbox" checked={checked} aria-describedby={descId} onChange={(e) => toggle(sc.id, e.target.checked)} />
      <label htmlFor={boxId}>{sc.id}</label>
      <span id={descId}>{sc.en}</span>
    </div>
  );
}

function Reveal({ s, token, onDone }) {
  const [status, setStatus] = useState('');
  return (
    <>
      <div className={s.dBody}>
        <p className={s.warn}>Make sure to copy your token now. You won&apos;t be able to see it again.</p>
        <code className={s.code}>{token}</code>
        <p className={s.status} role="status">{status}</p>
      </div>
      <div className={s.dFoot}>
        <button type="button" className={s.secondary} onClick={async () => setStatus((await copyToClipboard(token)) ? 'Copied!' : 'Could not copy.')}>
          <Icon name="copy" size={15} />Copy
        </button>
        <button type="button" className={s.primary} onClick={onDone}>Done</button>
      </div>
    </>
  );
}

function Drawer({ s, title, onClose, children }) {
  const titleId = useId();
  useEffect(() => {
    const onKey = (e) => { if (e.key === 'Escape') onClose(); };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className={s.drawer} role="dialog" aria-modal="false" aria-labelledby={titleId}>
      <div className={s.dHead}>
        <h2 id={titleId}>{title}</h2>
        <button type="button" className={s.close} aria-label="Close" onClick={onClose}><Icon name="x" size={18} /></button>
      </div>
      {children}
    </div>
  );
}

function TokensPage({ ctx, s }) {
  const [tokens, setTokens] = useState(null);
  const [busy, setBusy] = useState([]);
  const [panel, setPanel] = useState(null); // null | { mode: 'form' } | { mode: 'reveal', token }
  const openRef = useRef(null);
  const alive = useRef(true);

  async function refresh() {
    try {
      const t = await listTokens(ctx.tenantId);
      if (alive.current) setTokens(t);
    } catch { /* keep */ }
  }
  useEffect(() => {
    alive.current = true;
    refresh();
    return () => { alive.current = false; };
  }, []);

  async function revoke(id) {
    setBusy((b) => [...b, id]);
    try { await revokeToken(id); } catch { /* refresh shows the truth */ }
    if (!alive.current) return;
    setBusy((b) => b.filter((x) => x !== id));
    refresh();
  }
  const close = () => { setPanel(null); openRef.current?.focus(); };

  return (
    <div className={s.page}>
      <div className={s.head}>
        <div>
          <h1 className={s.h1}>API Tokens</h1>
          <p className={s.lead}>Create tokens for the integrations that call the WATI API on behalf of this workspace.</p>
        </div>
        <button ref={openRef} type="button" className={s.primary} aria-expanded={panel ? 'true' : 'false'} onClick={() => setPanel((p) => p ?? { mode: 'form' })}>
          <Icon name="plus" size={16} />New token
        </button>
      </div>
      <div className={s.endpoint}>API endpoint <code>{ctx.apiEndpoint}</code></div>
      <TokenList s={s} tokens={tokens} busy={busy} onRevoke={revoke} />
      {panel?.mode === 'form' ? (
        <Drawer s={s} title="New API token" onClose={close}>
          <TokenForm s={s} ctx={ctx} onCancel={close} onCreated={(token) => { if (!alive.current) return; setPanel({ mode: 'reveal', token }); refresh(); }} />
        </Drawer>
      ) : null}
      {panel?.mode === 'reveal' ? (
        <Drawer s={s} title="Your new token" onClose={close}>
          <Reveal s={s} token={panel.token} onDone={close} />
        </Drawer>
      ) : null}
    </div>
  );
}

/** Mounts the page into `el`; returns the cleanup. */
export function mount(el, ctx) {
  const css = createStyler({ scheme: 'styled', salt: 'drawer-en' });
  const s = makeStyles(css);
  const host = document.createElement('div');
  el.append(host);
  const root = createRoot(host);
  root.render(<TokensPage ctx={ctx} s={s} />);
  return () => {
    root.unmount();
    host.remove();
    css.dispose();
  };
}
