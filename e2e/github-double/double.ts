/**
 * A GitHub double for tests and the standalone host: GitHub's REST shapes for what Octokit calls (rest.ts, with
 * compare.ts), GraphQL blame (graphql.ts), the OAuth web flow (oauth.ts), plain web pages for links (web.ts), and
 * here what every API request goes through as on GitHub: a bad or expired token is 401 even for public data,
 * forced outages, the hourly rate limit with a switch to force one (rate-limit.ts), and weak ETags with 304s that
 * do not count against the limit. Repositories come from git-fixtures: real local git repositories read with the
 * git CLI, or generated in memory.
 */
import { createHash } from 'node:crypto';
import type http from 'node:http';
import { recordRequest, startDoubleServer } from '../double-server';
import { gitStore } from '../git-fixtures';
import { graphqlRoute } from './graphql';
import { issueCode, issueToken, loginOfToken, oauth, OAuthState } from './oauth';
import { forcedLimitReply, ForcedRateLimit, rateHeaders, RateLimits, windowOf } from './rate-limit';
import { restApi } from './rest';
import { apiError, DoubleRepo, GitHubContext, json, Reply, ServedRepo } from './shapes';
import { avatar, webPage } from './web';

export interface GitHubDoubleOptions {
  repos: DoubleRepo[];
  port?: number;
  host?: string;
  /** OAuth app credentials; defaults: client id `linescope-test-client`, secret `linescope-test-secret`. */
  clientId?: string;
  clientSecret?: string;
  /** Where the authorize page sends the browser when the request has no redirect_uri (the App's callback URL). */
  callbackUrl?: string;
  /** Login used when the authorize page is submitted without choosing one. */
  defaultLogin?: string;
  /** Seconds; 0 = non-expiring tokens without refresh tokens (an OAuth App, or expiry switched off). */
  tokenLifetimeSeconds?: number;
  refreshTokenLifetimeSeconds?: number;
  /** Simulated round trip added to every request (ms). */
  latencyMs?: number;
  /** Recursive tree listings with more entries than this come back `truncated` (GitHub: 100,000). */
  treeEntryLimit?: number;
  /** Commit author e-mail → GitHub login (GitHub links commits to users by e-mail). */
  authors?: Record<string, string>;
  now?: () => number;
}

export interface RequestRecord {
  method: string;
  path: string;
  status: number;
  login: string | null;
}

/** A server error GitHub answers for API paths starting with `pathPrefix` (without a GHE /api/v3 prefix). */
export interface ForcedServerError {
  pathPrefix: string;
  /** 500, 502, 503 (GitHub's outages and "Server Error" pages). */
  status: 500 | 502 | 503;
  /** How many requests it applies to; default: until cleared. */
  count?: number;
}

export interface GitHubDouble {
  /** Web base URL (GITHUB_URL). */
  url: string;
  /** REST base URL (GITHUB_API_URL); the same server. */
  apiUrl: string;
  clientId: string;
  clientSecret: string;
  requests: RequestRecord[];
  /** REST calls so far (not OAuth or web pages) whose path, without a GHE /api/v3 prefix, starts with prefix. */
  apiCalls(prefix?: string): RequestRecord[];
  resetRequests(): void;
  /** A one-time authorization code for a login, as the authorize page would hand out. */
  issueCode(login: string): string;
  /** A token for a login, as the token endpoint would grant (lifetime in seconds, 0 = never expires). */
  issueToken(
    login: string,
    lifetimeSeconds?: number
  ): { accessToken: string; refreshToken?: string; expiresAt?: number };
  revokeToken(accessToken: string): void;
  addRepo(repo: DoubleRepo): void;
  forceRateLimit(limit: ForcedRateLimit): void;
  clearRateLimit(): void;
  forceServerError(error: ForcedServerError): void;
  clearServerErrors(): void;
  setLatency(ms: number): void;
  stop(): Promise<void>;
}

export async function startGitHubDouble(options: GitHubDoubleOptions): Promise<GitHubDouble> {
  const now = options.now ?? Date.now;
  let latencyMs = options.latencyMs ?? 0;
  const repos = new Map<string, ServedRepo>();
  const requests: RequestRecord[] = [];
  let serverErrors: Array<ForcedServerError & { remaining: number }> = [];
  const limits: RateLimits = { windows: new Map(), now };
  const state: OAuthState = {
    clientId: options.clientId ?? 'linescope-test-client',
    clientSecret: options.clientSecret ?? 'linescope-test-secret',
    callbackUrl: options.callbackUrl,
    defaultLogin: options.defaultLogin || 'octocat',
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 28_800,
    refreshTokenLifetimeSeconds: options.refreshTokenLifetimeSeconds ?? 15_897_600,
    tokens: new Map(),
    refreshTokens: new Map(),
    codes: new Map(),
    now,
  };
  let baseUrl = '';
  const ctx: GitHubContext = {
    get baseUrl() {
      return baseUrl;
    },
    visibleRepo: (owner, name, login) => {
      const repo = repos.get(`${owner}/${name}`.toLowerCase());
      return repo && (!repo.private || (login !== null && (repo.readers ?? []).includes(login))) ? repo : undefined;
    },
    loginOf: (email) => options.authors?.[email] ?? email.split('@')[0],
    treeEntryLimit: options.treeEntryLimit ?? 100_000,
    now,
  };

  const addRepo = (repo: DoubleRepo) =>
    repos.set(repo.fullName.toLowerCase(), { ...repo, git: 'store' in repo ? repo.store : gitStore(repo.dir) });
  options.repos.forEach(addRepo);

  async function handle(req: http.IncomingMessage, body: Buffer): Promise<Reply> {
    const record: RequestRecord = { method: req.method ?? 'GET', path: req.url ?? '/', status: 0, login: null };
    recordRequest(requests, record);
    const reply = await route(req, body, record).catch((error: Error): Reply => ({
      status: 500,
      headers: { 'content-type': 'application/json' },
      body: Buffer.from(JSON.stringify({ message: `double error: ${error.message}` })),
    }));
    record.status = reply.status;
    return reply;
  }

  async function route(req: http.IncomingMessage, body: Buffer, record: RequestRecord): Promise<Reply> {
    const url = new URL(req.url ?? '/', 'http://double');
    // GitHub Enterprise Server serves the REST API under /api/v3 and its GraphQL API at /api/graphql.
    const path = url.pathname.replace(/^\/api\/v3(?=\/)/, '').replace(/^\/api(?=\/graphql$)/, '');
    if (path.startsWith('/login/oauth/')) {
      return oauth(state, {
        method: req.method ?? 'GET',
        url,
        body,
        contentType: String(req.headers['content-type'] ?? ''),
        accept: String(req.headers.accept ?? ''),
        authorization: String(req.headers.authorization ?? ''),
      });
    }
    if (path.startsWith('/avatars/')) {
      return avatar();
    }
    const segments = path.split('/').filter((s) => s !== '');
    if (!['repos', 'user', 'rate_limit', 'graphql'].includes(segments[0] ?? '')) {
      return webPage(ctx, segments);
    }
    return api(req, url, path, segments, body, record);
  }

  /** An API request: authentication, forced outages and rate limits, then the route, then ETag and headers. */
  async function api(
    req: http.IncomingMessage,
    url: URL,
    path: string,
    segments: string[],
    body: Buffer,
    record: RequestRecord
  ): Promise<Reply> {
    const token = /^(?:token|bearer)\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    let login: string | null = null;
    if (token) {
      const known = loginOfToken(state, token);
      if (known === undefined) {
        return apiError(401, 'Bad credentials');
      }
      login = known;
    }
    record.login = login;

    const outage = serverErrors.find((e) => e.remaining > 0 && path.startsWith(e.pathPrefix));
    if (outage) {
      outage.remaining--;
      const message =
        outage.status === 503 ? 'Service Unavailable' : outage.status === 502 ? 'Bad Gateway' : 'Server Error';
      return json(outage.status, { message });
    }

    const isGraphql = segments[0] === 'graphql';
    const { usage, limit } = windowOf(limits, login ?? `ip:${req.socket.remoteAddress}`, login);
    const limited = forcedLimitReply(limits, login, limit, isGraphql);
    if (limited) {
      return limited;
    }

    const method = req.method ?? 'GET';
    const reply = isGraphql
      ? await graphqlRoute(ctx, method, body, login, {
          limit,
          remaining: Math.max(0, limit - usage.count - 1),
          used: usage.count + 1,
          resetAt: usage.windowReset,
        })
      : await restApi(ctx, method, segments, url, String(req.headers.accept ?? ''), login);
    const etag = `W/"${createHash('sha256')
      .update(reply.body ?? '')
      .digest('hex')
      .slice(0, 40)}"`;
    const notModified = reply.status === 200 && etagMatches(req.headers['if-none-match'], etag);
    // GitHub: a 304 does not count against the rate limit.
    if (!notModified) {
      usage.count++;
    }
    const headers: Record<string, string> = {
      ...rateHeaders(limit, Math.max(0, limit - usage.count), usage.windowReset, usage.count),
      'x-github-media-type': 'github.v3; format=json',
      vary: 'Accept, Authorization, Cookie',
      ...(isGraphql ? { 'x-ratelimit-resource': 'graphql' } : {}),
      ...reply.headers,
    };
    if (reply.status === 200) {
      headers.etag = etag;
      headers['cache-control'] = login ? 'private, max-age=60, s-maxage=60' : 'public, max-age=60, s-maxage=60';
    }
    return notModified ? { status: 304, headers } : { ...reply, headers };
  }

  const server = await startDoubleServer({
    port: options.port,
    host: options.host,
    latencyMs: () => latencyMs,
    handle,
  });
  baseUrl = server.origin;

  return {
    url: baseUrl,
    apiUrl: baseUrl,
    clientId: state.clientId,
    clientSecret: state.clientSecret,
    requests,
    apiCalls: (prefix = '/repos/') => requests.filter((r) => r.path.replace(/^\/api\/v3(?=\/)/, '').startsWith(prefix)),
    resetRequests: () => {
      requests.length = 0;
    },
    issueCode: (login) => issueCode(state, login),
    issueToken: (login, lifetimeSeconds) => issueToken(state, login, lifetimeSeconds),
    revokeToken: (token) => {
      state.tokens.delete(token);
    },
    addRepo,
    forceRateLimit: (limit) => {
      limits.forced = { ...limit, remaining: limit.count ?? Number.POSITIVE_INFINITY };
    },
    clearRateLimit: () => {
      limits.forced = undefined;
    },
    forceServerError: (error) => {
      serverErrors.push({ ...error, remaining: error.count ?? Number.POSITIVE_INFINITY });
    },
    clearServerErrors: () => {
      serverErrors = [];
    },
    setLatency: (ms) => {
      latencyMs = ms;
    },
    stop: server.stop,
  };
}

function etagMatches(header: string | string[] | undefined, etag: string): boolean {
  if (!header) {
    return false;
  }
  const strip = (t: string) => t.trim().replace(/^W\//, '');
  return String(header)
    .split(',')
    .some((t) => t.trim() === '*' || strip(t) === strip(etag));
}
