// Grafana's data source proxy rules. Pure. Imitates pkg/util/proxyutil/proxyutil.go (ClearCookieHeader, hop-by-hop
// headers), pkg/api/pluginproxy/ds_proxy.go (director: headers, X-DS-Authorization, basic auth, the target URL) and
// pkg/util/proxyutil/reverse_proxy.go (modifyResponse: Set-Cookie dropped, sandbox CSP, upstream 401 → 400).

export const LOGIN_COOKIE = 'grafana_session';

/** Splits a Cookie header into [name, value] pairs, keeping the order and duplicates. */
export function parseCookieHeader(header: string | undefined): Array<[string, string]> {
  if (!header) {
    return [];
  }
  return header
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const eq = part.indexOf('=');
      return eq < 0 ? [part, ''] : [part.slice(0, eq).trim(), part.slice(eq + 1).trim()];
    });
}

/**
 * ClearCookieHeader (pkg/util/proxyutil/proxyutil.go): only cookies allowed by keepCookies (exact name, `prefix[]`, or `[]` for all) survive, in
 * sorted name order, and the login cookie never. Returns undefined when no cookie is left.
 */
export function keptCookieHeader(header: string | undefined, keepCookies: unknown, skip: string[] = [LOGIN_COOKIE]): string | undefined {
  const rules = Array.isArray(keepCookies) ? keepCookies.filter((k): k is string => typeof k === 'string') : [];
  if (rules.length === 0) {
    return undefined;
  }
  const allowed = (name: string) =>
    !skip.includes(name) &&
    rules.some((rule) => (rule.endsWith('[]') ? name.startsWith(rule.slice(0, -2)) : name === rule));
  // Kept in a map by name, as Grafana does: of several cookies with one name, the last one is sent.
  const byName = new Map(parseCookieHeader(header).filter(([name]) => allowed(name)));
  const kept = [...byName].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return kept.length > 0 ? kept.map(([n, v]) => `${n}=${v}`).join('; ') : undefined;
}

const UID = /^[a-zA-Z0-9_-]*$/;

/** `/api/datasources/proxy/uid/<uid>/<path>` → uid and the rest (query string kept); undefined if not a proxy URL. */
export function splitProxyUrl(url: string): { uid: string; rest: string } | undefined {
  const m = /^\/api\/datasources\/proxy\/uid\/([^/?]*)\/?(.*)$/.exec(url);
  if (!m) {
    return undefined;
  }
  return { uid: decodeURIComponent(m[1]), rest: m[2] };
}

export function isValidUid(uid: string): boolean {
  return uid.length <= 40 && UID.test(uid);
}

/** Target URL: the data source URL's path and the proxy path joined with one slash. */
export function proxyTarget(dsUrl: string, rest: string): URL {
  const base = new URL(dsUrl);
  const [path, query] = rest.split(/\?(.*)/s, 2);
  const joined = `${base.pathname.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
  const target = new URL(base.origin);
  target.pathname = joined;
  target.search = query ? `?${query}` : '';
  return target;
}

const HOP_BY_HOP = ['connection', 'proxy-connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade'];

export type Headers = Record<string, string | string[] | undefined>;

export interface ProxyRequestContext {
  keepCookies: unknown;
  clientIp: string;
  grafanaVersion: string;
  basicAuth?: { user: string; password: string };
}

/** The director's header rewriting for the upstream request. */
export function upstreamRequestHeaders(incoming: Headers, ctx: ProxyRequestContext): Record<string, string> {
  const out: Record<string, string> = {};
  const connectionTokens = String(incoming.connection ?? '')
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);
  for (const [key, value] of Object.entries(incoming)) {
    const k = key.toLowerCase();
    if (value === undefined || HOP_BY_HOP.includes(k) || connectionTokens.includes(k)) {
      continue;
    }
    if (['cookie', 'origin', 'referer', 'host', 'x-grafana-user', 'x-forwarded-host', 'x-forwarded-port', 'x-forwarded-proto', 'x-ds-authorization', 'authorization'].includes(k)) {
      continue;
    }
    out[k] = Array.isArray(value) ? value.join(', ') : value;
  }
  if (ctx.basicAuth) {
    out.authorization = `Basic ${Buffer.from(`${ctx.basicAuth.user}:${ctx.basicAuth.password}`).toString('base64')}`;
  }
  const dsAuth = incoming['x-ds-authorization'];
  if (dsAuth) {
    out.authorization = String(dsAuth);
  }
  const cookie = keptCookieHeader(typeof incoming.cookie === 'string' ? incoming.cookie : undefined, ctx.keepCookies);
  if (cookie) {
    out.cookie = cookie;
  }
  if (incoming.referer) {
    out['x-grafana-referer'] = String(incoming.referer);
  }
  const xff = incoming['x-forwarded-for'];
  out['x-forwarded-for'] = xff ? `${xff}, ${ctx.clientIp}` : ctx.clientIp;
  out['user-agent'] = `Grafana/${ctx.grafanaVersion}`;
  return out;
}

/** Response headers passed back: hop-by-hop and Set-Cookie dropped, the sandbox CSP added. */
export function downstreamResponseHeaders(upstream: Headers): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(upstream)) {
    const k = key.toLowerCase();
    if (value === undefined || HOP_BY_HOP.includes(k) || k === 'set-cookie') {
      continue;
    }
    out[k] = value;
  }
  out['content-security-policy'] = 'sandbox';
  return out;
}

export const DS_AUTH_FAILED = 'Authentication to data source failed';
