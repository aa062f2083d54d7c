/**
 * A GitLab double for tests and the standalone host: REST API v4 under `<url>/api/v4` (see rest.ts), the
 * OAuth provider under `<url>/oauth` (see oauth.ts), plain web pages for file, blame and commit links, and
 * GitLab's authentication (`Authorization: Bearer` or `PRIVATE-TOKEN`; 401 for unknown or expired tokens, 403
 * insufficient_scope), visibility (private projects are 404 Project Not Found to others), rate limits
 * (`RateLimit-*` headers, 429 "Retry later" with `Retry-After`), weak ETags with 304, and an optional path
 * prefix as a self-managed instance at `https://example.com/gitlab` has.
 */
import { createHash } from 'node:crypto';
import type http from 'node:http';
import { oauthParams, recordRequest, startDoubleServer } from '../double-server';
import { commitInfo, objectAt, readBlob, resolveCommit } from '../git-fixtures';
import { escapeHtml, issueCode, issueToken, oauth, OAuthState } from './oauth';
import { canRead, restApi } from './rest';
import { GitLabDoubleProject, hashNumber, json, Reply, RestContext } from './shapes';

export interface GitLabDoubleOptions {
  projects: GitLabDoubleProject[];
  port?: number;
  host?: string;
  /** A self-managed instance under a path, e.g. `/gitlab`; default none. */
  pathPrefix?: string;
  /** OAuth application; defaults: `linescope-gitlab-test-app`, `linescope-gitlab-test-secret`. */
  clientId?: string;
  clientSecret?: string;
  /** Registered redirect URIs; default: any. */
  redirectUris?: string[];
  /** Who signs in on the authorize page unless the request names a `username`. */
  defaultUsername?: string;
  /** Access-token lifetime (GitLab: 7200 s). */
  tokenLifetimeSeconds?: number;
  /** Requests per minute before 429 (GitLab.com: 2000 authenticated, 500 unauthenticated). */
  authenticatedLimitPerMinute?: number;
  unauthenticatedLimitPerMinute?: number;
  /** Simulated round trip added to every request (ms). */
  latencyMs?: number;
  now?: () => number;
}

export interface GitLabRequestRecord {
  method: string;
  /** The path without the instance's path prefix, with its query. */
  path: string;
  status: number;
  username: string | null;
}

export interface ForcedGitLabRateLimit {
  /** Unix seconds when the limit resets; default in a minute. */
  resetAt?: number;
  /** How many requests it applies to; default: until cleared. */
  count?: number;
}

export interface ForcedGitLabServerError {
  /** API path (after /api/v4) prefix, e.g. `/projects/`. */
  pathPrefix: string;
  status: 500 | 502 | 503;
  count?: number;
}

export interface GitLabDouble {
  /** Web URL (GITLAB_URL), including the path prefix. */
  url: string;
  /** REST base (GITLAB_API_URL): `<url>/api/v4`. */
  apiUrl: string;
  clientId: string;
  clientSecret: string;
  requests: GitLabRequestRecord[];
  /** REST calls so far whose path after /api/v4 starts with prefix. */
  apiCalls(prefix?: string): GitLabRequestRecord[];
  resetRequests(): void;
  issueCode(username: string, redirectUri?: string): string;
  /** A token as the token endpoint grants it (lifetime in seconds, 0 = never expires, like a PAT). */
  issueToken(
    username: string,
    options?: { scopes?: string[]; lifetimeSeconds?: number }
  ): { accessToken: string; refreshToken: string; expiresAt?: number };
  revokeToken(accessToken: string): void;
  addProject(project: GitLabDoubleProject): void;
  forceRateLimit(limit?: ForcedGitLabRateLimit): void;
  clearRateLimit(): void;
  forceServerError(error: ForcedGitLabServerError): void;
  clearServerErrors(): void;
  setLatency(ms: number): void;
  stop(): Promise<void>;
}

const WINDOW_SECONDS = 60;

export async function startGitLabDouble(options: GitLabDoubleOptions): Promise<GitLabDouble> {
  const now = options.now ?? Date.now;
  const prefix = (options.pathPrefix ?? '').replace(/\/+$/, '').replace(/^(?=[^/])/, '/');
  const authLimit = options.authenticatedLimitPerMinute ?? 2000;
  const anonLimit = options.unauthenticatedLimitPerMinute ?? 500;
  let latencyMs = options.latencyMs ?? 0;
  const projects = new Map<string, GitLabDoubleProject>();
  const projectsById = new Map<number, GitLabDoubleProject>();
  const requests: GitLabRequestRecord[] = [];
  const usage = new Map<string, { count: number; reset: number }>();
  let forced: (ForcedGitLabRateLimit & { remaining: number }) | undefined;
  let serverErrors: Array<ForcedGitLabServerError & { remaining: number }> = [];
  const state: OAuthState = {
    clientId: options.clientId ?? 'linescope-gitlab-test-app',
    clientSecret: options.clientSecret ?? 'linescope-gitlab-test-secret',
    redirectUris: options.redirectUris ?? [],
    defaultUsername: options.defaultUsername ?? 'gitlab-user',
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 7200,
    tokens: new Map(),
    refreshTokens: new Map(),
    codes: new Map(),
    now,
    prefix,
  };
  const projectId = (project: GitLabDoubleProject) => hashNumber(project.path.toLowerCase());
  const addProject = (project: GitLabDoubleProject) => {
    projects.set(project.path.toLowerCase(), project);
    projectsById.set(projectId(project), project);
  };
  options.projects.forEach(addProject);
  let webUrl = '';
  const ctx: RestContext = {
    get webUrl() {
      return webUrl;
    },
    get apiUrl() {
      return `${webUrl}/api/v4`;
    },
    findProject: (id) => (/^\d+$/.test(id) ? projectsById.get(Number(id)) : projects.get(id.toLowerCase())),
    projectId,
  };

  /** A request outside a self-managed instance's prefix never reaches GitLab: not recorded. */
  async function answer(req: http.IncomingMessage, body: Buffer): Promise<Reply> {
    const url = new URL(req.url ?? '/', 'http://double');
    if (prefix !== '' && !url.pathname.startsWith(`${prefix}/`)) {
      return page(404, '<h1>404 Page Not Found</h1>');
    }
    const path = url.pathname.slice(prefix.length);
    const record: GitLabRequestRecord = {
      method: req.method ?? 'GET',
      path: `${path}${url.search}`,
      status: 0,
      username: null,
    };
    recordRequest(requests, record);
    const reply = await handle(req, url, path, body, record).catch((error: Error) =>
      json(500, { message: `500 Internal Server Error (double: ${error.message})` })
    );
    record.status = reply.status;
    return reply;
  }

  async function handle(
    req: http.IncomingMessage,
    url: URL,
    path: string,
    body: Buffer,
    record: GitLabRequestRecord
  ): Promise<Reply> {
    const method = req.method ?? 'GET';
    if (path.startsWith('/oauth/')) {
      const params = oauthParams(url, body, String(req.headers['content-type'] ?? ''));
      if (!params) {
        return json(400, { error: 'invalid_request', error_description: 'The request body is not valid JSON.' });
      }
      return oauth(state, method, path, params, String(req.headers.authorization ?? ''));
    }
    if (path === '/api/v4' || path.startsWith('/api/v4/')) {
      return api(req, url, path.slice('/api/v4'.length), record);
    }
    return webPage(
      path
        .split('/')
        .filter((s) => s !== '')
        .map((s) => decodeURIComponent(s))
    );
  }

  async function api(
    req: http.IncomingMessage,
    url: URL,
    apiPath: string,
    record: GitLabRequestRecord
  ): Promise<Reply> {
    const bearer = /^Bearer\s+(\S+)$/i.exec(String(req.headers.authorization ?? ''))?.[1];
    const token =
      bearer ?? (req.headers['private-token'] as string | undefined) ?? url.searchParams.get('private_token');
    let username: string | null = null;
    if (token) {
      const known = state.tokens.get(token);
      if (!known) {
        return json(401, { message: '401 Unauthorized' });
      }
      if (known.revoked || (known.expiresAt !== undefined && now() > known.expiresAt)) {
        const description = known.revoked
          ? 'Token was revoked. You have to re-authorize from the user.'
          : 'Token is expired. You can either do re-authorization or token refresh.';
        return json(
          401,
          { error: 'invalid_token', error_description: description },
          {
            'www-authenticate': `Bearer realm="Protected by OAuth 2.0", error="invalid_token", error_description="${description}"`,
          }
        );
      }
      if (!known.scopes.includes('api') && !known.scopes.includes('read_api')) {
        return json(403, {
          error: 'insufficient_scope',
          error_description: 'The request requires higher privileges than provided by the access token.',
          scope: 'api read_api',
        });
      }
      username = known.username;
    }
    record.username = username;

    const nowSeconds = Math.floor(now() / 1000);
    const identity = username ? `user:${username}` : `ip:${req.socket.remoteAddress}`;
    const limit = username ? authLimit : anonLimit;
    let window = usage.get(identity);
    if (!window || window.reset <= nowSeconds) {
      window = { count: 0, reset: nowSeconds + WINDOW_SECONDS };
      usage.set(identity, window);
    }
    window.count++;
    const throttled = forced !== undefined && forced.remaining > 0;
    const reset = throttled ? (forced?.resetAt ?? nowSeconds + WINDOW_SECONDS) : window.reset;
    const rateHeaders: Record<string, string> = {
      'ratelimit-name': username ? 'throttle_authenticated_api' : 'throttle_unauthenticated_api',
      'ratelimit-limit': String(limit),
      'ratelimit-observed': String(throttled ? limit + 1 : window.count),
      'ratelimit-remaining': String(throttled ? 0 : Math.max(0, limit - window.count)),
      'ratelimit-reset': String(reset),
      'ratelimit-resettime': new Date(reset * 1000).toUTCString(),
    };
    if (throttled || window.count > limit) {
      if (forced) {
        forced.remaining--;
      }
      return {
        status: 429,
        headers: {
          ...rateHeaders,
          'content-type': 'text/plain',
          'retry-after': String(Math.max(0, reset - nowSeconds)),
        },
        body: Buffer.from('Retry later\n'),
      };
    }
    const outage = serverErrors.find((e) => e.remaining > 0 && apiPath.startsWith(e.pathPrefix));
    if (outage) {
      outage.remaining--;
      const text = { 500: '500 Internal Server Error', 502: '502 Bad Gateway', 503: '503 Service Unavailable' };
      return json(outage.status, { message: text[outage.status] }, rateHeaders);
    }

    const segments = apiPath.split('/').filter((s) => s !== '');
    const reply = await restApi(ctx, req.method ?? 'GET', segments, url.searchParams, username);
    const headers: Record<string, string> = { ...rateHeaders, ...reply.headers, 'x-content-type-options': 'nosniff' };
    if (reply.status !== 200) {
      return { ...reply, headers };
    }
    const etag = `W/"${createHash('md5')
      .update(reply.body)
      .update(reply.headers['x-gitlab-blob-id'] ?? '')
      .digest('hex')}"`;
    headers.etag = etag;
    headers['cache-control'] = 'max-age=0, private, must-revalidate';
    const match = String(req.headers['if-none-match'] ?? '')
      .split(',')
      .some((t) => t.trim() === etag || t.trim() === etag.slice(2));
    return match ? { status: 304, headers, body: Buffer.alloc(0) } : { ...reply, headers };
  }

  /** `<group>/<project>/-/blob|blame/<ref>/<path>`, `…/-/commit/<sha>` and the project page. */
  async function webPage(segments: string[]): Promise<Reply> {
    const dash = segments.indexOf('-');
    const projectPath = (dash < 0 ? segments : segments.slice(0, dash)).join('/');
    const project = projects.get(projectPath.toLowerCase());
    if (!project || !canRead(project, null)) {
      return page(404, '<h1>404 Page Not Found</h1>');
    }
    if (dash < 0) {
      return page(200, `<h1>${escapeHtml(project.path)}</h1>`);
    }
    const [kind, ref, ...rest] = segments.slice(dash + 1);
    const commit = ref ? await resolveCommit(project.dir, ref) : undefined;
    if (commit && kind === 'commit') {
      const c = await commitInfo(project.dir, commit);
      return page(200, `<h1>${escapeHtml(c.message.split('\n')[0])}</h1><p>${c.sha}</p>`);
    }
    if (commit && (kind === 'blob' || kind === 'blame')) {
      const object = await objectAt(project.dir, commit, rest.join('/'));
      if (object?.type === 'blob') {
        const content = await readBlob(project.dir, object.sha);
        return page(200, `<h1>${escapeHtml(rest.join('/'))}</h1><pre>${escapeHtml(content.toString('utf8'))}</pre>`);
      }
    }
    return page(404, '<h1>404 Page Not Found</h1>');
  }

  const server = await startDoubleServer({
    port: options.port,
    host: options.host,
    latencyMs: () => latencyMs,
    handle: answer,
  });
  webUrl = `${server.origin}${prefix}`;

  return {
    url: webUrl,
    apiUrl: `${webUrl}/api/v4`,
    clientId: state.clientId,
    clientSecret: state.clientSecret,
    requests,
    apiCalls: (pathPrefix = '/projects/') => requests.filter((r) => r.path.startsWith(`/api/v4${pathPrefix}`)),
    resetRequests: () => {
      requests.length = 0;
    },
    issueCode: (username, redirectUri) => issueCode(state, username, redirectUri),
    issueToken: (username, tokenOptions = {}) =>
      issueToken(state, username, tokenOptions.scopes, tokenOptions.lifetimeSeconds ?? state.tokenLifetimeSeconds),
    revokeToken: (accessToken) => {
      const record = state.tokens.get(accessToken);
      if (record) {
        record.revoked = true;
      }
    },
    addProject,
    forceRateLimit: (limit = {}) => {
      forced = { ...limit, remaining: limit.count ?? Number.POSITIVE_INFINITY };
    },
    clearRateLimit: () => {
      forced = undefined;
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

function page(status: number, body: string): Reply {
  return {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: Buffer.from(`<!doctype html><html><head><title>GitLab</title></head><body>${body}</body></html>`),
  };
}
