// Shared plumbing for the API Tokens variants: the dashboard's own token endpoints, formatting, and a tiny store.

export async function listTokens(tenantId) {
  const r = await fetch(`/__sandbox/api/tokens?tenantId=${encodeURIComponent(tenantId)}`, { headers: { accept: 'application/json' } });
  if (!r.ok) throw new Error(`Could not load tokens (${r.status})`);
  const { tokens } = await r.json();
  return tokens.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

/** POST /__sandbox/api/tokens → { id, token, ... }; throws with the server's message. */
export async function createToken({ tenantId, name, scopes, expiresAt }) {
  const r = await fetch('/__sandbox/api/tokens', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ tenantId, name, scopes, expiresAt }),
  });
  const data = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(data.message || `Request failed (${r.status})`);
  return data;
}

export async function revokeToken(id) {
  const r = await fetch(`/__sandbox/api/tokens/${encodeURIComponent(id)}/revoke`, { method: 'POST' });
  if (!r.ok) throw new Error(`Could not revoke (${r.status})`);
  return r.json();
}

export function fmtDate(iso, locale) {
  if (!iso) return null;
  return new Intl.DateTimeFormat({ es: 'es-ES', pt: 'pt-BR' }[locale] ?? 'en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(iso));
}

export const isExpired = (t) => t.expiresAt !== null && Date.parse(t.expiresAt) <= Date.now();

/** "YYYY-MM-DD" (a date input's value) → the end of that day, UTC, as ISO. */
export const endOfDay = (date) => `${date}T23:59:59.000Z`;

/** Preset durations → ISO expiry (or null for never). */
export function expiryFromDays(days) {
  if (!days) return null;
  return new Date(Date.now() + days * 86400_000).toISOString();
}

export const todayISODate = (offsetDays = 0) => new Date(Date.now() + offsetDays * 86400_000).toISOString().slice(0, 10);

/** Writes to the clipboard; resolves true/false instead of throwing. */
export async function copyToClipboard(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Minimal state container: set(patch) re-runs subscribers (the app's "render"). */
export function createStore(initial) {
  let state = initial;
  const subs = new Set();
  return {
    get: () => state,
    set(patch) {
      state = { ...state, ...(typeof patch === 'function' ? patch(state) : patch) };
      for (const fn of subs) fn(state);
    },
    subscribe(fn) {
      subs.add(fn);
      return () => subs.delete(fn);
    },
  };
}

/** Toggling helper for scope sets kept as arrays in catalog order. */
export function toggled(list, id, catalogIds) {
  const set = new Set(list);
  if (set.has(id)) set.delete(id);
  else set.add(id);
  return catalogIds.filter((x) => set.has(x));
}
