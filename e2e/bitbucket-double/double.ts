/**
 * A Bitbucket Cloud double for tests and the standalone host: REST API 2.0 under `<url>/2.0` (rest.ts), the
 * OAuth 2.0 consumer flow under `<url>/site/oauth2` (oauth.ts), plain web pages for `src`, `annotate` and
 * `commits` links, and Bitbucket's authentication (`Authorization: Bearer` only; 401 for unknown or expired
 * tokens, 403 when the token lacks the `repository` scope), private repositories (403 to others), and its
 * rolling hourly rate limit (429 "Rate limit for this resource has been exceeded", no `Retry-After`; the
 * `X-RateLimit-*` headers only where Bitbucket sends them: access tokens on scaled workspaces).
 */
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { commitInfo, objectAt, readBlob, resolveCommit } from '../git-fixtures';
import { issueCode, issueToken, oauth, OAuthState } from './oauth';
import { restApi } from './rest';
import { BitbucketDoubleRepository, canRead, error, escapeHtml, html, json, Reply, RestContext } from './shapes';

export interface BitbucketDoubleOptions {
  repositories: BitbucketDoubleRepository[];
  port?: number;
  host?: string;
  /** OAuth consumer; defaults: `linescope-bitbucket-key`, `linescope-bitbucket-secret`. */
  clientId?: string;
  clientSecret?: string;
  /** The consumer's callback URL; default: any. */
  callbackUrl?: string;
  /** The consumer's scopes; default `repository`. */
  scopes?: string[];
  /** Who signs in on the authorize page unless the request names a `username`. */
  defaultUsername?: string;
  /** Access-token lifetime (Bitbucket: 7200 s). */
  tokenLifetimeSeconds?: number;
  /** Requests per rolling hour to `/2.0/repositories/*` (Bitbucket: 1,000; 60 anonymous). */
  limitPerHour?: number;
  anonymousLimitPerHour?: number;
  /** Send `X-RateLimit-*` headers as Bitbucket does for access tokens on scaled workspaces. */
  scaledRateLimitHeaders?: boolean;
  now?: () => number;
}

export interface BitbucketRequestRecord {
  method: string;
  path: string;
  status: number;
  username: string | null;
}

export interface BitbucketDouble {
  /** Web URL (BITBUCKET_URL). */
  url: string;
  /** REST base (BITBUCKET_API_URL): `<url>/2.0`. */
  apiUrl: string;
  clientId: string;
  clientSecret: string;
  requests: BitbucketRequestRecord[];
  /** REST calls so far whose path after /2.0 starts with prefix. */
  apiCalls(prefix?: string): BitbucketRequestRecord[];
  resetRequests(): void;
  issueCode(username: string, redirectUri?: string): string;
  issueToken(username: string, lifetimeSeconds?: number): { accessToken: string; refreshToken: string };
  revokeToken(accessToken: string): void;
  addRepository(repository: BitbucketDoubleRepository): void;
  /** The next `count` API calls (default: until cleared) answer 429. */
  forceRateLimit(count?: number): void;
  clearRateLimit(): void;
  /** The next `count` API calls answer this status (500, 502, 503). */
  forceServerError(status: 500 | 502 | 503, count?: number): void;
  stop(): Promise<void>;
}

const MAX_RECORDED_REQUESTS = 10_000;
const WINDOW_MS = 3_600_000;

export async function startBitbucketDouble(options: BitbucketDoubleOptions): Promise<BitbucketDouble> {
  const now = options.now ?? Date.now;
  const limit = options.limitPerHour ?? 1000;
  const anonymousLimit = options.anonymousLimitPerHour ?? 60;
  const repositories = new Map<string, BitbucketDoubleRepository>();
  const requests: BitbucketRequestRecord[] = [];
  const usage = new Map<string, number[]>();
  let forcedLimit = 0;
  let forcedError: { status: 500 | 502 | 503; remaining: number } | undefined;
  const state: OAuthState = {
    clientId: options.clientId ?? 'linescope-bitbucket-key',
    clientSecret: options.clientSecret ?? 'linescope-bitbucket-secret',
    callbackUrl: options.callbackUrl ?? '',
    scopes: options.scopes ?? ['repository'],
    defaultUsername: options.defaultUsername ?? 'bitbucket-user',
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 7200,
    tokens: new Map(),
    refreshTokens: new Map(),
    codes: new Map(),
    now,
  };
  const addRepository = (repository: BitbucketDoubleRepository) =>
    repositories.set(repository.fullName.toLowerCase(), repository);
  options.repositories.forEach(addRepository);
  let webUrl = '';
  const ctx: RestContext = {
    get webUrl() {
      return webUrl;
    },
    get apiUrl() {
      return `${webUrl}/2.0`;
    },
    findRepository: (workspace, slug) => repositories.get(`${workspace}/${slug}`.toLowerCase()),
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://double');
      const record: BitbucketRequestRecord = {
        method: req.method ?? 'GET',
        path: `${url.pathname}${url.search}`,
        status: 0,
        username: null,
      };
      requests.push(record);
      if (requests.length > MAX_RECORDED_REQUESTS) {
        requests.splice(0, requests.length - MAX_RECORDED_REQUESTS);
      }
      const send = (reply: Reply) => {
        record.status = reply.status;
        res.writeHead(reply.status, reply.headers);
        res.end(req.method === 'HEAD' ? undefined : reply.body);
      };
      handle(req, url, Buffer.concat(chunks), record).then(send, (e: Error) =>
        send(error(500, `Something went wrong (double: ${e.message})`))
      );
    });
  });

  async function handle(req: http.IncomingMessage, url: URL, body: Buffer, record: BitbucketRequestRecord) {
    const method = req.method ?? 'GET';
    if (url.pathname.startsWith('/site/oauth2/')) {
      const params = new URLSearchParams(url.search);
      // Bitbucket reads form bodies only: a JSON body leaves grant_type unread.
      if (String(req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
        new URLSearchParams(body.toString('utf8')).forEach((v, k) => params.set(k, v));
      }
      return oauth(state, method, url.pathname, params, String(req.headers.authorization ?? ''));
    }
    if (url.pathname === '/2.0' || url.pathname.startsWith('/2.0/')) {
      return api(req, url, record);
    }
    return webPage(
      url.pathname
        .split('/')
        .filter((s) => s !== '')
        .map(decodeURIComponent)
    );
  }

  async function api(req: http.IncomingMessage, url: URL, record: BitbucketRequestRecord): Promise<Reply> {
    if (url.searchParams.has('access_token')) {
      return error(400, 'Access tokens are accepted only in the Authorization header.');
    }
    const bearer = /^Bearer\s+(\S+)$/i.exec(String(req.headers.authorization ?? ''))?.[1];
    let username: string | null = null;
    if (req.headers.authorization !== undefined) {
      const known = bearer ? state.tokens.get(bearer) : undefined;
      if (!known || known.revoked) {
        return error(401, 'Token is invalid, expired, or not supported for this endpoint.');
      }
      if (now() > known.expiresAt) {
        return error(401, 'Access token expired. Use your refresh token to obtain a new access token.');
      }
      if (!known.scopes.includes('repository') && !known.scopes.includes('repository:write')) {
        return json403Scope(known.scopes);
      }
      username = known.username;
    }
    record.username = username;
    const rateHeaders: Record<string, string> = {};
    const identity = username ? `user:${username}` : `ip:${req.socket.remoteAddress}`;
    const hits = (usage.get(identity) ?? []).filter((t) => t > now() - WINDOW_MS);
    hits.push(now());
    usage.set(identity, hits);
    const allowed = username ? limit : anonymousLimit;
    if (options.scaledRateLimitHeaders && username) {
      rateHeaders['x-ratelimit-limit'] = String(allowed);
      rateHeaders['x-ratelimit-resource'] = 'api-repository';
      rateHeaders['x-ratelimit-nearlimit'] = String(allowed - hits.length < allowed * 0.05);
    }
    if (forcedLimit > 0 || hits.length > allowed) {
      forcedLimit = Math.max(0, forcedLimit - 1);
      return error(429, 'Rate limit for this resource has been exceeded', rateHeaders);
    }
    if (forcedError && forcedError.remaining > 0) {
      forcedError.remaining--;
      return error(forcedError.status, 'Something went wrong', rateHeaders);
    }
    const segments = url.pathname
      .slice('/2.0'.length)
      .split('/')
      .filter((s) => s !== '')
      .map(decodeURIComponent);
    const reply = await restApi(
      ctx,
      req.method ?? 'GET',
      segments,
      url.searchParams,
      username,
      url.pathname.endsWith('/')
    );
    return { ...reply, headers: { ...rateHeaders, ...reply.headers } };
  }

  /** `<ws>/<repo>/src|annotate/<ref>/<path>`, `<ws>/<repo>/commits/<sha>` and the repository page. */
  async function webPage(segments: string[]): Promise<Reply> {
    const [workspace, slug, kind, ref, ...rest] = segments;
    const repo = workspace && slug ? ctx.findRepository(workspace, slug) : undefined;
    const missing = html(404, '<h1>Repository not found</h1>');
    if (!repo || !canRead(repo, null)) {
      return missing;
    }
    if (kind === undefined) {
      return html(200, `<h1>${escapeHtml(repo.fullName)}</h1>`);
    }
    const commit = ref ? await resolveCommit(repo.dir, ref) : undefined;
    if (commit && kind === 'commits') {
      const c = await commitInfo(repo.dir, commit);
      return html(200, `<h1>${escapeHtml(c.message.split('\n')[0])}</h1><p>${c.sha}</p>`);
    }
    if (commit && (kind === 'src' || kind === 'annotate')) {
      const object = await objectAt(repo.dir, commit, rest.join('/'));
      if (object?.type === 'blob') {
        const content = await readBlob(repo.dir, object.sha);
        return html(200, `<h1>${escapeHtml(rest.join('/'))}</h1><pre>${escapeHtml(content.toString('utf8'))}</pre>`);
      }
    }
    return missing;
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
  webUrl = `http://${host}:${address.port}`;

  return {
    url: webUrl,
    apiUrl: `${webUrl}/2.0`,
    clientId: state.clientId,
    clientSecret: state.clientSecret,
    requests,
    apiCalls: (prefix = '/repositories/') => requests.filter((r) => r.path.startsWith(`/2.0${prefix}`)),
    resetRequests: () => {
      requests.length = 0;
    },
    issueCode: (username, redirectUri) => issueCode(state, username, redirectUri),
    issueToken: (username, lifetimeSeconds) => issueToken(state, username, lifetimeSeconds),
    revokeToken: (accessToken) => {
      const record = state.tokens.get(accessToken);
      if (record) {
        record.revoked = true;
      }
    },
    addRepository,
    forceRateLimit: (count = Number.POSITIVE_INFINITY) => {
      forcedLimit = count;
    },
    clearRateLimit: () => {
      forcedLimit = 0;
    },
    forceServerError: (status, count = Number.POSITIVE_INFINITY) => {
      forcedError = { status, remaining: count };
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Bitbucket's answer to a token whose consumer lacks the scope, naming what it has and what is needed. */
function json403Scope(granted: string[]): Reply {
  return json(403, {
    type: 'error',
    error: {
      message: 'Your credentials lack one or more required privilege scopes.',
      detail: { granted, required: ['repository'] },
    },
  });
}
