/**
 * A GitHub double for tests and the standalone host: GitHub's REST shapes for what Octokit calls (contents as
 * JSON/base64 and raw, commits, git trees, branches, repositories), ETag/304, x-ratelimit-* headers with a switch
 * to force a rate limit, GitHub's 404 bodies, private repositories readable by chosen users only, and the OAuth
 * web flow (authorize page with an Authorize button, token endpoint with code and refresh grants and expiring
 * tokens). Repositories are real local git repositories read with the git CLI, or generated in memory (see
 * store.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { gitStore, RepoStore } from '../git-fixtures';
import { githubCompare } from './compare';
import { answerGraphql } from './graphql';

export type DoubleRepo = {
  /** owner/name */
  fullName: string;
  defaultBranch?: string;
  /** Private repositories are visible only to `readers` (logins); others get GitHub's 404. */
  private?: boolean;
  readers?: string[];
} & (
  | {
      /** A local git repository. */
      dir: string;
    }
  | {
      /** What to serve instead of a git repository (e.g. generatedStore's files). */
      store: RepoStore;
    }
);

/** A repository as the double reads it. */
type ServedRepo = DoubleRepo & { git: RepoStore };

export interface GithubDoubleOptions {
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

export interface ForcedRateLimit {
  /** 403 (primary limit, as GitHub answers) or 429 (secondary). */
  status: 403 | 429;
  /** Unix seconds when the limit resets; default in an hour. */
  resetAt?: number;
  /** How many requests it applies to; default: until cleared. */
  count?: number;
}

/** A server error GitHub answers for API paths starting with `pathPrefix` (without a GHE /api/v3 prefix). */
export interface ForcedServerError {
  pathPrefix: string;
  /** 500, 502, 503 (GitHub's outages and "Server Error" pages). */
  status: 500 | 502 | 503;
  /** How many requests it applies to; default: until cleared. */
  count?: number;
}

export interface GithubDouble {
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

interface TokenRecord {
  login: string;
  expiresAt?: number;
}

const DOCS = 'https://docs.github.com/rest';
const RATE_LIMIT = 5000;
const ANONYMOUS_RATE_LIMIT = 60;
const CONTENTS_JSON_MAX = 1024 * 1024;
const MAX_RECORDED_REQUESTS = 10_000;

export async function startGithubDouble(options: GithubDoubleOptions): Promise<GithubDouble> {
  const now = options.now ?? Date.now;
  const clientId = options.clientId ?? 'linescope-test-client';
  const clientSecret = options.clientSecret ?? 'linescope-test-secret';
  const tokenLifetime = options.tokenLifetimeSeconds ?? 28_800;
  const refreshLifetime = options.refreshTokenLifetimeSeconds ?? 15_897_600;
  const treeLimit = options.treeEntryLimit ?? 100_000;
  let latencyMs = options.latencyMs ?? 0;
  const repos = new Map<string, ServedRepo>();
  const tokens = new Map<string, TokenRecord>();
  const refreshTokens = new Map<string, string>(); // refresh token → login
  /** A code issued for a PKCE challenge (GitHub takes S256 only) is exchanged only with its verifier. */
  const codes = new Map<string, { login: string; expiresAt: number; challenge?: string }>();
  const used = new Map<string, { count: number; windowReset: number }>();
  const requests: RequestRecord[] = [];
  let forced: (ForcedRateLimit & { remaining: number }) | undefined;
  let serverErrors: Array<ForcedServerError & { remaining: number }> = [];
  let baseUrl = '';

  const addRepo = (repo: DoubleRepo) =>
    repos.set(repo.fullName.toLowerCase(), { ...repo, git: 'store' in repo ? repo.store : gitStore(repo.dir) });
  options.repos.forEach(addRepo);

  const issueToken = (login: string, lifetimeSeconds = tokenLifetime) => {
    const accessToken = `ghu_${randomBytes(18).toString('hex')}`;
    const expiresAt = lifetimeSeconds > 0 ? now() + lifetimeSeconds * 1000 : undefined;
    tokens.set(accessToken, { login, expiresAt });
    if (lifetimeSeconds <= 0) {
      return { accessToken };
    }
    const refreshToken = `ghr_${randomBytes(38).toString('hex')}`;
    refreshTokens.set(refreshToken, login);
    return { accessToken, refreshToken, expiresAt };
  };
  const issueCode = (login: string, challenge?: string) => {
    const code = randomBytes(10).toString('hex');
    codes.set(code, { login, expiresAt: now() + 10 * 60_000, ...(challenge ? { challenge } : {}) });
    return code;
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const record: RequestRecord = { method: req.method ?? 'GET', path: req.url ?? '/', status: 0, login: null };
      requests.push(record);
      // A long-running double (the standalone host) keeps only the recent requests.
      if (requests.length > MAX_RECORDED_REQUESTS) {
        requests.splice(0, requests.length - MAX_RECORDED_REQUESTS);
      }
      const send = (status: number, headers: http.OutgoingHttpHeaders, payload?: string | Buffer) => {
        record.status = status;
        const write = () => {
          res.writeHead(status, headers);
          res.end(payload);
        };
        if (latencyMs > 0) {
          // unref: a pending simulated round trip must not keep a finished test process alive.
          setTimeout(write, latencyMs).unref();
        } else {
          write();
        }
      };
      handle(req, body, record, send).catch((error: Error) => {
        send(
          500,
          { 'content-type': 'application/json' },
          JSON.stringify({ message: `double error: ${error.message}` })
        );
      });
    });
  });

  type Send = (status: number, headers: http.OutgoingHttpHeaders, payload?: string | Buffer) => void;

  async function handle(req: http.IncomingMessage, body: Buffer, record: RequestRecord, send: Send): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://double');
    // GitHub Enterprise Server serves the REST API under /api/v3; the double answers there too.
    // …and its GraphQL API at /api/graphql.
    const path = url.pathname.replace(/^\/api\/v3(?=\/)/, '').replace(/^\/api(?=\/graphql$)/, '');
    if (path.startsWith('/login/oauth/')) {
      return oauth(req, url, body, send);
    }
    if (path.startsWith('/avatars/')) {
      return send(
        200,
        { 'content-type': 'image/svg+xml' },
        '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" fill="#8ab8ff"/></svg>'
      );
    }
    const segments = path.split('/').filter((s) => s !== '');
    const isApi = ['repos', 'user', 'rate_limit', 'graphql'].includes(segments[0] ?? '');
    if (!isApi) {
      return webPage(segments, send);
    }

    // Authentication as GitHub does it: a bad or expired token is 401 even for public data.
    const auth = req.headers.authorization ?? '';
    const token = /^(?:token|bearer)\s+(\S+)$/i.exec(auth)?.[1];
    let login: string | null = null;
    if (token) {
      const known = tokens.get(token);
      if (!known || (known.expiresAt !== undefined && now() > known.expiresAt)) {
        return send(
          401,
          jsonHeaders(),
          JSON.stringify({ message: 'Bad credentials', documentation_url: DOCS, status: '401' })
        );
      }
      login = known.login;
    }
    record.login = login;

    const outage = serverErrors.find((e) => e.remaining > 0 && path.startsWith(e.pathPrefix));
    if (outage) {
      outage.remaining--;
      const message =
        outage.status === 503 ? 'Service Unavailable' : outage.status === 502 ? 'Bad Gateway' : 'Server Error';
      return send(outage.status, jsonHeaders(), JSON.stringify({ message }));
    }

    const identity = login ?? `ip:${req.socket.remoteAddress}`;
    const limit = login ? RATE_LIMIT : ANONYMOUS_RATE_LIMIT;
    const windowNow = Math.floor(now() / 1000);
    let usage = used.get(identity);
    if (!usage || usage.windowReset <= windowNow) {
      usage = { count: 0, windowReset: windowNow + 3600 };
      used.set(identity, usage);
    }
    if (forced && forced.remaining > 0) {
      forced.remaining--;
      const reset = forced.resetAt ?? windowNow + 3600;
      const headers = { ...jsonHeaders(), ...rateHeaders(limit, 0, reset, limit) };
      if (segments[0] === 'graphql' && forced.status === 403) {
        // GraphQL's primary limit: HTTP 200, an error of type RATE_LIMITED, nothing left of the point budget.
        return send(
          200,
          { ...headers, 'x-ratelimit-resource': 'graphql' },
          JSON.stringify({
            errors: [{ type: 'RATE_LIMITED', message: `API rate limit exceeded for user ${login ?? 'anonymous'}.` }],
          })
        );
      }
      if (forced.status === 429) {
        return send(
          429,
          { ...headers, 'retry-after': String(Math.max(1, reset - windowNow)) },
          JSON.stringify({
            message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
            documentation_url: DOCS,
            status: '429',
          })
        );
      }
      return send(
        403,
        headers,
        JSON.stringify({
          message: `API rate limit exceeded for user ${login ?? 'anonymous'}.`,
          documentation_url: DOCS,
          status: '403',
        })
      );
    }

    const isGraphql = segments[0] === 'graphql';
    const reply = isGraphql
      ? await graphqlReply(req, body, login, {
          limit,
          remaining: Math.max(0, limit - usage.count - 1),
          used: usage.count + 1,
          resetAt: usage.windowReset,
        })
      : await api(segments, url, req, login);
    const etag = `W/"${createHash('sha256').update(reply.body).digest('hex').slice(0, 40)}"`;
    const notModified = reply.status === 200 && etagMatches(req.headers['if-none-match'], etag);
    // GitHub: a 304 does not count against the rate limit.
    if (!notModified) {
      usage.count++;
    }
    const headers: http.OutgoingHttpHeaders = {
      ...rateHeaders(limit, Math.max(0, limit - usage.count), usage.windowReset, usage.count),
      'content-type': reply.contentType,
      'x-github-media-type': 'github.v3; format=json',
      vary: 'Accept, Authorization, Cookie',
      ...(isGraphql ? { 'x-ratelimit-resource': 'graphql' } : {}),
      ...reply.headers,
    };
    if (reply.status === 200) {
      headers.etag = etag;
      headers['cache-control'] = login ? 'private, max-age=60, s-maxage=60' : 'public, max-age=60, s-maxage=60';
    }
    if (notModified) {
      return send(304, headers);
    }
    return send(reply.status, headers, reply.body);
  }

  interface Reply {
    status: number;
    contentType: string;
    body: Buffer;
    headers?: Record<string, string>;
  }

  /** POST /graphql: authenticated only (GitHub's 401 otherwise), errors as 200 with `errors[]` (see graphql.ts). */
  async function graphqlReply(
    req: http.IncomingMessage,
    body: Buffer,
    login: string | null,
    rateLimit: { limit: number; remaining: number; used: number; resetAt: number }
  ): Promise<Reply> {
    if (req.method !== 'POST') {
      return notFound();
    }
    if (!login) {
      return json(401, {
        message: 'This endpoint requires you to be authenticated.',
        documentation_url: `${DOCS}/overview/resources-in-the-rest-api#authentication`,
      });
    }
    return json(
      200,
      await answerGraphql(body, {
        baseUrl,
        visibleRepo: (owner, name) => {
          // Blame reads git itself: a repository served from a store (the load benchmark's) has none to give.
          const repo = visibleRepo(owner, name, login);
          return repo && 'dir' in repo ? { fullName: `${owner}/${name}`, dir: repo.dir } : undefined;
        },
        loginOf: (email) => options.authors?.[email] ?? email.split('@')[0],
        rateLimit,
      })
    );
  }
  const json = (status: number, value: unknown): Reply => ({
    status,
    contentType: 'application/json; charset=utf-8',
    body: Buffer.from(JSON.stringify(value)),
  });
  const notFound = (): Reply => json(404, { message: 'Not Found', documentation_url: DOCS, status: '404' });

  function visibleRepo(owner: string, name: string, login: string | null): ServedRepo | undefined {
    const repo = repos.get(`${owner}/${name}`.toLowerCase());
    if (!repo) {
      return undefined;
    }
    if (repo.private && (!login || !(repo.readers ?? []).includes(login))) {
      return undefined;
    }
    return repo;
  }

  async function defaultBranchOf(repo: ServedRepo): Promise<string> {
    return repo.defaultBranch ?? (await repo.git.currentBranch());
  }

  async function api(segments: string[], url: URL, req: http.IncomingMessage, login: string | null): Promise<Reply> {
    const accept = String(req.headers.accept ?? '');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return json(404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
    }
    if (segments[0] === 'user' && segments.length === 1) {
      return login
        ? json(200, userJson(login))
        : json(401, { message: 'Requires authentication', documentation_url: DOCS, status: '401' });
    }
    if (segments[0] === 'rate_limit') {
      return json(200, {
        resources: {
          core: { limit: RATE_LIMIT, remaining: RATE_LIMIT, reset: Math.floor(now() / 1000) + 3600, used: 0 },
        },
      });
    }
    const [, owner, name, kind, ...rest] = segments.map((s) => decodeURIComponent(s));
    const repo = owner && name ? visibleRepo(owner, name, login) : undefined;
    if (!repo) {
      return notFound();
    }
    const fullName = `${owner}/${name}`;
    if (kind === undefined) {
      return json(200, {
        id: hashNumber(fullName),
        name,
        full_name: fullName,
        private: !!repo.private,
        owner: userJson(owner),
        html_url: `${baseUrl}/${fullName}`,
        default_branch: await defaultBranchOf(repo),
        url: `${baseUrl}/repos/${fullName}`,
      });
    }
    if (kind === 'contents') {
      const path = rest.join('/').replace(/\/+$/, '');
      const ref = url.searchParams.get('ref') || (await defaultBranchOf(repo));
      const commit = await repo.git.resolveCommit(ref);
      if (!commit) {
        return json(404, { message: `No commit found for the ref ${ref}`, documentation_url: DOCS, status: '404' });
      }
      const object = await repo.git.objectAt(commit, path);
      if (!object) {
        return notFound();
      }
      if (object.type === 'tree') {
        const entries = await repo.git.listTree(commit, path, false);
        return json(
          200,
          entries.map((e) =>
            contentEntry(
              fullName,
              ref,
              path ? `${path}/${e.path}` : e.path,
              e.type === 'tree' ? 'dir' : e.type === 'commit' ? 'submodule' : 'file',
              e.sha,
              e.size ?? 0
            )
          )
        );
      }
      if (object.type !== 'blob') {
        return notFound();
      }
      const content = await repo.git.readBlob(object.sha);
      if (/application\/vnd\.github(?:\.v3)?\.raw/.test(accept)) {
        return { status: 200, contentType: 'application/vnd.github.raw', body: content };
      }
      const entry = contentEntry(fullName, ref, path, 'file', object.sha, content.length);
      const tooLarge = content.length > CONTENTS_JSON_MAX;
      return json(200, {
        ...entry,
        encoding: tooLarge ? 'none' : 'base64',
        content: tooLarge ? '' : wrap60(content.toString('base64')),
      });
    }
    if (kind === 'commits') {
      const ref = rest.join('/');
      if (ref === '') {
        const head = await repo.git.resolveCommit(url.searchParams.get('sha') || (await defaultBranchOf(repo)));
        const shas = head ? await repo.git.recentCommits(head, Number(url.searchParams.get('per_page') ?? 30)) : [];
        return json(200, await Promise.all(shas.map((sha) => commitJson(repo, fullName, sha))));
      }
      const sha = await repo.git.resolveCommit(ref);
      if (!sha) {
        return json(422, { message: `No commit found for SHA: ${ref}`, documentation_url: DOCS, status: '422' });
      }
      if (/application\/vnd\.github(?:\.v3)?\.sha/.test(accept)) {
        return { status: 200, contentType: 'application/vnd.github.sha; charset=utf-8', body: Buffer.from(sha) };
      }
      return json(200, await commitJson(repo, fullName, sha));
    }
    if (kind === 'compare' && rest.length > 0 && 'dir' in repo) {
      const compared = await githubCompare(repo.dir, fullName, rest.join('/'), url, baseUrl, (sha) =>
        commitJson(repo, fullName, sha)
      );
      return { ...json(compared.status, compared.body), headers: compared.headers };
    }
    if (kind === 'branches' && rest.length > 0) {
      const branch = rest.join('/');
      const sha = await repo.git.resolveCommit(`heads/${branch}`);
      if (!sha) {
        return json(404, { message: 'Branch not found', documentation_url: DOCS, status: '404' });
      }
      return json(200, { name: branch, commit: await commitJson(repo, fullName, sha), protected: false });
    }
    if (kind === 'git' && rest[0] === 'trees' && rest.length >= 2) {
      const ref = rest.slice(1).join('/');
      const commit = await repo.git.resolveCommit(ref);
      if (!commit) {
        return notFound();
      }
      const recursive = url.searchParams.has('recursive');
      const entries = await repo.git.listTree(commit, '', recursive);
      const truncated = entries.length > treeLimit;
      const treeSha = (await repo.git.objectAt(commit, ''))?.sha;
      return json(200, {
        sha: treeSha,
        url: `${baseUrl}/repos/${fullName}/git/trees/${treeSha}`,
        tree: entries.slice(0, treeLimit).map((e) => ({
          path: e.path,
          mode: e.mode,
          type: e.type,
          sha: e.sha,
          ...(e.size !== undefined ? { size: e.size } : {}),
          url: `${baseUrl}/repos/${fullName}/git/${e.type}s/${e.sha}`,
        })),
        truncated,
      });
    }
    if (kind === 'git' && rest[0] === 'ref' && rest.length >= 2) {
      const ref = rest.slice(1).join('/');
      const sha = await repo.git.resolveCommit(ref);
      if (!sha || !(ref.startsWith('heads/') || ref.startsWith('tags/'))) {
        return notFound();
      }
      return json(200, {
        ref: `refs/${ref}`,
        object: { sha, type: 'commit', url: `${baseUrl}/repos/${fullName}/git/commits/${sha}` },
      });
    }
    return notFound();
  }

  function contentEntry(fullName: string, ref: string, path: string, type: string, sha: string, size: number) {
    const self = `${baseUrl}/repos/${fullName}/contents/${encodePath(path)}?ref=${encodeURIComponent(ref)}`;
    const html = `${baseUrl}/${fullName}/${type === 'dir' ? 'tree' : 'blob'}/${ref}/${encodePath(path)}`;
    const gitUrl = `${baseUrl}/repos/${fullName}/git/${type === 'dir' ? 'trees' : 'blobs'}/${sha}`;
    return {
      type,
      size,
      name: path.slice(path.lastIndexOf('/') + 1),
      path,
      sha,
      url: self,
      git_url: gitUrl,
      html_url: html,
      download_url: type === 'file' ? `${baseUrl}/raw/${fullName}/${ref}/${encodePath(path)}` : null,
      _links: { self, git: gitUrl, html },
    };
  }

  async function commitJson(repo: ServedRepo, fullName: string, sha: string) {
    const c = await repo.git.commitInfo(sha);
    const authorLogin = options.authors?.[c.authorEmail] ?? c.authorEmail.split('@')[0];
    const committerLogin = options.authors?.[c.committerEmail] ?? c.committerEmail.split('@')[0];
    return {
      sha: c.sha,
      node_id: Buffer.from(`commit:${c.sha}`).toString('base64'),
      commit: {
        author: { name: c.authorName, email: c.authorEmail, date: toGitHubDate(c.authorDate) },
        committer: { name: c.committerName, email: c.committerEmail, date: toGitHubDate(c.committerDate) },
        message: c.message,
        tree: { sha: c.tree, url: `${baseUrl}/repos/${fullName}/git/trees/${c.tree}` },
        url: `${baseUrl}/repos/${fullName}/git/commits/${c.sha}`,
        comment_count: 0,
        verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
      },
      url: `${baseUrl}/repos/${fullName}/commits/${c.sha}`,
      html_url: `${baseUrl}/${fullName}/commit/${c.sha}`,
      comments_url: `${baseUrl}/repos/${fullName}/commits/${c.sha}/comments`,
      author: authorLogin ? userJson(authorLogin) : null,
      committer: committerLogin ? userJson(committerLogin) : null,
      parents: c.parents.map((p) => ({
        sha: p,
        url: `${baseUrl}/repos/${fullName}/commits/${p}`,
        html_url: `${baseUrl}/${fullName}/commit/${p}`,
      })),
    };
  }

  function userJson(login: string) {
    return {
      login,
      id: hashNumber(login),
      avatar_url: `${baseUrl}/avatars/${encodeURIComponent(login)}`,
      html_url: `${baseUrl}/${login}`,
      type: 'User',
      site_admin: false,
    };
  }

  /** github.com/<owner>/<repo>/blob/<ref>/<path>: the file as a plain page, so links from the plugin lead somewhere. */
  async function webPage(segments: string[], send: Send): Promise<void> {
    const [owner, name, kind, ref, ...rest] = segments.map((s) => decodeURIComponent(s));
    const repo = owner && name ? repos.get(`${owner}/${name}`.toLowerCase()) : undefined;
    if (repo && !repo.private) {
      if (segments.length === 2) {
        return send(
          200,
          { 'content-type': 'text/html; charset=utf-8' },
          `<!doctype html><title>${escapeHtml(`${owner}/${name}`)}</title><h1>${escapeHtml(`${owner}/${name}`)}</h1>`
        );
      }
      if ((kind === 'blob' || kind === 'commit' || kind === 'blame') && ref) {
        const commit = await repo.git.resolveCommit(ref);
        const object = commit && kind !== 'commit' ? await repo.git.objectAt(commit, rest.join('/')) : undefined;
        if (commit && kind === 'commit') {
          const c = await repo.git.commitInfo(commit);
          return send(
            200,
            { 'content-type': 'text/html; charset=utf-8' },
            `<!doctype html><title>${c.sha}</title><h1>${escapeHtml(c.message)}</h1><p>${c.sha}</p>`
          );
        }
        if (object?.type === 'blob') {
          const content = await repo.git.readBlob(object.sha);
          return send(
            200,
            { 'content-type': 'text/html; charset=utf-8' },
            `<!doctype html><title>${escapeHtml(rest.join('/'))}</title><pre>${escapeHtml(content.toString('utf8'))}</pre>`
          );
        }
      }
    }
    send(
      404,
      { 'content-type': 'text/html; charset=utf-8' },
      '<!doctype html><title>Page not found</title><h1>404</h1>'
    );
  }

  async function oauth(req: http.IncomingMessage, url: URL, body: Buffer, send: Send): Promise<void> {
    const params = new URLSearchParams(url.search);
    const contentType = String(req.headers['content-type'] ?? '');
    if (contentType.includes('json') && body.length > 0) {
      try {
        for (const [k, v] of Object.entries(JSON.parse(body.toString('utf8')) as Record<string, unknown>)) {
          params.set(k, String(v));
        }
      } catch {
        return send(
          400,
          jsonHeaders(),
          JSON.stringify({ error: 'invalid_request', error_description: 'Problems parsing JSON' })
        );
      }
    } else if (body.length > 0) {
      new URLSearchParams(body.toString('utf8')).forEach((v, k) => params.set(k, v));
    }

    if (url.pathname === '/login/oauth/authorize') {
      if (params.get('client_id') !== clientId) {
        return send(
          404,
          { 'content-type': 'text/html; charset=utf-8' },
          '<!doctype html><title>Not Found</title><h1>The application was not found</h1>'
        );
      }
      const challenge = params.get('code_challenge') ?? undefined;
      if (challenge !== undefined && params.get('code_challenge_method') !== 'S256') {
        return send(
          400,
          { 'content-type': 'text/html; charset=utf-8' },
          '<!doctype html><title>Bad request</title><h1>code_challenge_method must be S256</h1>'
        );
      }
      if (req.method === 'POST') {
        const redirect = params.get('redirect_uri') || options.callbackUrl;
        if (!redirect) {
          return send(
            400,
            { 'content-type': 'text/plain' },
            'no redirect_uri and no callbackUrl configured for this double'
          );
        }
        const target = new URL(redirect);
        target.searchParams.set('code', issueCode(params.get('login') || options.defaultLogin || 'octocat', challenge));
        if (params.get('state') !== null) {
          target.searchParams.set('state', params.get('state') as string);
        }
        return send(302, { location: target.toString(), 'content-type': 'text/html' }, '');
      }
      const hidden = ['client_id', 'redirect_uri', 'state', 'scope', 'login', 'code_challenge', 'code_challenge_method']
        .filter((k) => params.get(k) !== null)
        .map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(params.get(k) as string)}">`)
        .join('');
      return send(
        200,
        { 'content-type': 'text/html; charset=utf-8' },
        `<!doctype html><html><head><title>Authorize application</title></head><body>` +
          `<h1>Authorize Linescope</h1><p>Linescope wants to read your repositories as <b>${escapeHtml(params.get('login') || options.defaultLogin || 'octocat')}</b>.</p>` +
          `<form method="post" action="/login/oauth/authorize">${hidden}<button type="submit" name="authorize" value="1">Authorize</button></form></body></html>`
      );
    }

    if (url.pathname === '/login/oauth/access_token' && req.method === 'POST') {
      const basic = /^Basic\s+(\S+)$/i.exec(String(req.headers.authorization ?? ''))?.[1];
      const [basicId, basicSecret] = basic ? Buffer.from(basic, 'base64').toString('utf8').split(':') : [];
      const id = params.get('client_id') ?? basicId;
      const secret = params.get('client_secret') ?? basicSecret;
      const wantsJson = String(req.headers.accept ?? '').includes('json');
      const reply = (values: Record<string, string | number>) =>
        send(
          200,
          {
            'content-type': wantsJson
              ? 'application/json; charset=utf-8'
              : 'application/x-www-form-urlencoded; charset=utf-8',
          },
          wantsJson
            ? JSON.stringify(values)
            : new URLSearchParams(Object.entries(values).map(([k, v]): [string, string] => [k, String(v)])).toString()
        );
      if (id !== clientId || secret !== clientSecret) {
        return reply({
          error: 'incorrect_client_credentials',
          error_description: 'The client_id and/or client_secret passed are incorrect.',
        });
      }
      const grant = params.get('grant_type') ?? (params.get('code') ? 'authorization_code' : '');
      let login: string | undefined;
      if (grant === 'refresh_token') {
        const refresh = params.get('refresh_token') ?? '';
        login = refreshTokens.get(refresh);
        if (!login) {
          return reply({
            error: 'bad_refresh_token',
            error_description: 'The refresh token passed is incorrect or expired.',
          });
        }
        refreshTokens.delete(refresh);
      } else if (grant === 'authorization_code') {
        const code = codes.get(params.get('code') ?? '');
        codes.delete(params.get('code') ?? '');
        // RFC 7636 S256: BASE64URL(SHA256(code_verifier)) must equal the challenge the authorize request carried.
        const verifier = params.get('code_verifier') ?? '';
        const verified =
          code?.challenge === undefined || createHash('sha256').update(verifier).digest('base64url') === code.challenge;
        if (!code || now() > code.expiresAt || !verified) {
          return reply({
            error: 'bad_verification_code',
            error_description: 'The code passed is incorrect or expired.',
          });
        }
        login = code.login;
      } else {
        return reply({ error: 'unsupported_grant_type', error_description: `grant_type ${grant} is not supported` });
      }
      const granted = issueToken(login);
      if (!granted.refreshToken) {
        return reply({ access_token: granted.accessToken, scope: 'repo', token_type: 'bearer' });
      }
      // GitHub App user tokens: scope is empty.
      return reply({
        access_token: granted.accessToken,
        expires_in: tokenLifetime,
        refresh_token: granted.refreshToken,
        refresh_token_expires_in: refreshLifetime,
        scope: '',
        token_type: 'bearer',
      });
    }
    return send(404, jsonHeaders(), JSON.stringify({ message: 'Not Found' }));
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  baseUrl = `http://${options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1'}:${address.port}`;

  return {
    url: baseUrl,
    apiUrl: baseUrl,
    clientId,
    clientSecret,
    requests,
    apiCalls: (prefix = '/repos/') => requests.filter((r) => r.path.replace(/^\/api\/v3(?=\/)/, '').startsWith(prefix)),
    resetRequests: () => {
      requests.length = 0;
    },
    issueCode,
    issueToken,
    revokeToken: (token) => {
      tokens.delete(token);
    },
    addRepo,
    forceRateLimit: (limit) => {
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
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function jsonHeaders(): http.OutgoingHttpHeaders {
  return { 'content-type': 'application/json; charset=utf-8' };
}

function rateHeaders(limit: number, remaining: number, reset: number, usedCount: number): http.OutgoingHttpHeaders {
  return {
    'x-ratelimit-limit': String(limit),
    'x-ratelimit-remaining': String(remaining),
    'x-ratelimit-reset': String(reset),
    'x-ratelimit-used': String(usedCount),
    'x-ratelimit-resource': 'core',
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

/** GitHub's base64 content: lines of 60 characters, each ending in "\n". */
function wrap60(base64: string): string {
  return base64.replace(/.{1,60}/g, '$&\n');
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string
  );
}

function hashNumber(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0);
}

/** git's ISO dates with offset → GitHub's UTC "2026-01-01T12:00:00Z". */
function toGitHubDate(iso: string): string {
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
