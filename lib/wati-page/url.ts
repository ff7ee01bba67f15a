/**
 * Pure URL predicates for Wati hosts. They take a URL (string or URL), never the DOM.
 *
 * Known shapes (see shared/reference/wati.md):
 *   dashboard  https://app.wati.io, https://live.wati.io/<tenantId|vanity>/..., https://live-<n>.wati.io,
 *              https://<company>.wati.io (vanity); regional hosts are unknown, so any other *.wati.io
 *              sub-domain that is not an API, help, marketing or asset host counts as a dashboard.
 *   API        https://live-mt-server.wati.io, https://live-server-<id>.wati.io, https://app-server.wati.io,
 *              anything with "server" in a host label, api.wati.io / api-*.wati.io.
 *   help       https://support.wati.io, https://docs.wati.io, https://help.wati.io, developers.wati.io.
 */

const WATI_DOMAIN = 'wati.io';

/** Sub-domains that are Wati's help and reference sites. */
const HELP_SUBDOMAINS = new Set(['support', 'docs', 'help', 'developers', 'developer', 'kb', 'knowledge', 'academy']);

/** Sub-domains that are neither dashboard, API nor help: marketing, status, assets, mail. */
const OTHER_SUBDOMAINS = new Set([
  'www', 'blog', 'status', 'community', 'partners', 'partner', 'cdn', 'static', 'assets', 'media', 'img', 'images',
  'mail', 'email', 'go', 'info', 'careers', 'jobs', 'shop', 'store', 'marketplace', 'events', 'news', 'landing',
]);

/** Path segments on live.wati.io that are routes, not a tenant id or vanity name. */
const NON_TENANT_SEGMENTS = new Set(['login', 'logout', 'signup', 'register', 'auth', 'static', 'assets', 'favicon.ico']);

function toUrl(url: string | URL): URL | undefined {
  if (typeof url !== 'string') return url;
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

function hostOf(u: URL): string {
  return u.hostname.toLowerCase().replace(/\.$/, '');
}

/** Sub-domain labels under wati.io ("live-mt-server.wati.io" → ["live-mt-server"]), or undefined if not Wati. */
function watiLabels(u: URL): string[] | undefined {
  const host = hostOf(u);
  if (host === WATI_DOMAIN) return [];
  if (!host.endsWith(`.${WATI_DOMAIN}`)) return undefined;
  const sub = host.slice(0, -(WATI_DOMAIN.length + 1));
  if (!sub) return undefined;
  return sub.split('.');
}

function isWebScheme(u: URL): boolean {
  return u.protocol === 'https:' || u.protocol === 'http:';
}

/** Any wati.io host (http or https), including the bare domain. Rejects look-alikes (wati.io.evil.com, evilwati.io). */
export function isWatiHost(url: string | URL): boolean {
  const u = toUrl(url);
  return !!u && isWebScheme(u) && watiLabels(u) !== undefined;
}

function isApiLabels(labels: readonly string[]): boolean {
  return labels.some((l) => l.includes('server') || l === 'api' || l.startsWith('api-'));
}

/** An API host: live-mt-server.wati.io, live-server-<id>.wati.io, app-server.wati.io, *-server*.wati.io, api.wati.io. https only. */
export function isApiHostUrl(url: string | URL): boolean {
  const u = toUrl(url);
  if (!u || u.protocol !== 'https:') return false;
  const labels = watiLabels(u);
  return !!labels && labels.length > 0 && isApiLabels(labels);
}

/** Wati's help and API-reference sites (support.wati.io, docs.wati.io, help.wati.io…). https only. */
export function isHelpSiteUrl(url: string | URL): boolean {
  const u = toUrl(url);
  if (!u || u.protocol !== 'https:') return false;
  const labels = watiLabels(u);
  return !!labels && labels.length === 1 && HELP_SUBDOMAINS.has(labels[0]!);
}

/** The Wati dashboard (where the token page lives). https only; not API, help, marketing or asset hosts. */
export function isDashboardUrl(url: string | URL): boolean {
  const u = toUrl(url);
  if (!u || u.protocol !== 'https:') return false;
  const labels = watiLabels(u);
  if (!labels || labels.length === 0) return false; // bare wati.io is the marketing site
  if (isApiLabels(labels)) return false;
  const first = labels[0]!;
  if (labels.length === 1 && (HELP_SUBDOMAINS.has(first) || OTHER_SUBDOMAINS.has(first))) return false;
  if (labels.some((l) => HELP_SUBDOMAINS.has(l) || OTHER_SUBDOMAINS.has(l))) return false;
  return true;
}

export interface WatiWorkspace {
  host: string;
  tenantId?: string;
  /** Where the workspace's dashboard starts, e.g. https://live.wati.io/10234 or https://app.wati.io */
  baseUrl: string;
}

/**
 * The workspace a dashboard URL belongs to. On live.wati.io the first path segment is the tenant id (or a
 * vanity name, which Wati uses in the same place); other hosts carry no tenant id in the URL.
 */
export function readWorkspaceFromUrl(url: string | URL): WatiWorkspace | undefined {
  const u = toUrl(url);
  if (!u || !isDashboardUrl(u)) return undefined;
  const host = hostOf(u);
  const origin = `https://${host}${u.port ? `:${u.port}` : ''}`;
  if (host === `live.${WATI_DOMAIN}`) {
    const seg = u.pathname.split('/').find((s) => s.length > 0);
    if (seg && /^[A-Za-z0-9_-]{1,64}$/.test(seg) && !NON_TENANT_SEGMENTS.has(seg.toLowerCase())) {
      return { host, tenantId: seg, baseUrl: `${origin}/${seg}` };
    }
  }
  return { host, baseUrl: origin };
}

/**
 * The tenant id in an API endpoint URL (https://live-mt-server.wati.io/10234 → "10234"), as Wati's token page
 * shows it. v3 paths (/api/ext/v3/...) carry no tenant id.
 */
export function readTenantIdFromApiUrl(url: string | URL): string | undefined {
  const u = toUrl(url);
  if (!u || !isApiHostUrl(u)) return undefined;
  const seg = u.pathname.split('/').find((s) => s.length > 0);
  if (!seg || seg.toLowerCase() === 'api' || !/^[A-Za-z0-9_-]{1,64}$/.test(seg)) return undefined;
  return seg;
}
