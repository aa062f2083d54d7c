/**
 * An Azure DevOps Services double for tests and the standalone host: the Git REST API under
 * `<url>/{org}/{project}/_apis/git/repositories/{repo}` (rest.ts) with its required `api-version`, Microsoft Entra
 * ID's v2 authorize and token endpoints under `<url>/{tenant}/oauth2/v2.0/` (entra.ts), and web pages for the
 * `_git` file, blame and commit links. Authentication: `Authorization: Bearer`; a bad token is 401 when the client
 * sends `X-TFS-FedAuthRedirect: Suppress`, else the 203 sign-in page Azure DevOps gives browsers. Private
 * repositories are 404 TF401019 to others (as missing ones). Throttling: 429 TF400733 with `Retry-After` and
 * `X-RateLimit-*`.
 */
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { commitInfo, objectAt, readBlob, resolveCommit } from '../git-fixtures';
import { AZURE_DEVOPS_RESOURCE, entra, EntraState, issueCode, issueToken } from './entra';
import { restApi } from './rest';
import { azureError, AzureDoubleRepository, canRead, escapeHtml, html, Reply, RestContext } from './shapes';

export interface AzureDevopsDoubleOptions {
  repositories: AzureDoubleRepository[];
  port?: number;
  host?: string;
  /** The Entra tenant of the app registration; `common` and `organizations` are accepted too. */
  tenant?: string;
  clientId?: string;
  clientSecret?: string;
  redirectUris?: string[];
  defaultUsername?: string;
  /** Entra access tokens: 60-90 minutes. */
  tokenLifetimeSeconds?: number;
  now?: () => number;
}

export interface AzureRequestRecord {
  method: string;
  path: string;
  status: number;
  username: string | null;
}

export interface AzureDevopsDouble {
  /** AZURE_DEVOPS_URL (web and API). */
  url: string;
  /** The Entra login base (AZURE_DEVOPS_LOGIN_URL): the same server. */
  loginUrl: string;
  tenant: string;
  clientId: string;
  clientSecret: string;
  requests: AzureRequestRecord[];
  /** Git REST calls so far (paths with `/_apis/git/`). */
  apiCalls(): AzureRequestRecord[];
  resetRequests(): void;
  issueCode(username: string, redirectUri?: string): string;
  issueToken(username: string, lifetimeSeconds?: number): { accessToken: string; refreshToken?: string };
  addRepository(repository: AzureDoubleRepository): void;
  /** The next `count` API calls (default: until cleared) are throttled, `retryAfter` seconds. */
  forceThrottle(retryAfter?: number, count?: number): void;
  clearThrottle(): void;
  stop(): Promise<void>;
}

const MAX_RECORDED_REQUESTS = 10_000;
const API_VERSION = /^(\d+)\.(\d+)(-preview(\.\d+)?)?$/;

export async function startAzureDevopsDouble(options: AzureDevopsDoubleOptions): Promise<AzureDevopsDouble> {
  const now = options.now ?? Date.now;
  const repositories = new Map<string, AzureDoubleRepository>();
  const requests: AzureRequestRecord[] = [];
  let throttle: { retryAfter: number; remaining: number } | undefined;
  const state: EntraState = {
    tenant: options.tenant ?? '11111111-2222-3333-4444-555555555555',
    clientId: options.clientId ?? '66666666-7777-8888-9999-000000000000',
    clientSecret: options.clientSecret ?? 'linescope-azure-test-secret',
    redirectUris: options.redirectUris ?? [],
    defaultUsername: options.defaultUsername ?? 'azure-user@example.com',
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3599,
    tokens: new Map(),
    refreshTokens: new Map(),
    codes: new Map(),
    now,
  };
  const key = (org: string, project: string, name: string) => `${org}/${project}/${name}`.toLowerCase();
  const addRepository = (r: AzureDoubleRepository) => repositories.set(key(r.organization, r.project, r.name), r);
  options.repositories.forEach(addRepository);
  const ctx: RestContext = { url: '' };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://double');
      const record: AzureRequestRecord = {
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
        res.end(reply.body);
      };
      handle(req, url, Buffer.concat(chunks), record).then(send, (e: Error) =>
        send(azureError(500, 'Exception', `TF400898: An Internal Error Occurred (double: ${e.message}).`))
      );
    });
  });

  async function handle(req: http.IncomingMessage, url: URL, body: Buffer, record: AzureRequestRecord): Promise<Reply> {
    const segments = url.pathname
      .split('/')
      .filter((s) => s !== '')
      .map(decodeURIComponent);
    const method = req.method ?? 'GET';
    if (segments[1] === 'oauth2' && segments[2] === 'v2.0' && segments.length === 4) {
      if (![state.tenant, 'common', 'organizations'].includes(segments[0])) {
        return html(
          400,
          `<p>AADSTS90002: Tenant '${escapeHtml(segments[0])}' not found.</p>`,
          'Sign in to your account'
        );
      }
      const params = new URLSearchParams(url.search);
      if (String(req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
        new URLSearchParams(body.toString('utf8')).forEach((v, k) => params.set(k, v));
      }
      return entra(state, method, segments[3], params, String(req.headers.authorization ?? ''));
    }
    const [org, project, area, kind, resource, name, ...rest] = segments;
    if (area === '_apis' && kind === 'git' && resource === 'repositories' && name) {
      return api(req, url, record, org, project, name, rest);
    }
    if (area === '_git' && kind) {
      return webPage(org, project, kind, resource === 'commit' ? name : undefined, url.searchParams);
    }
    return html(404, '<h1>404 - Page not found</h1>');
  }

  async function api(
    req: http.IncomingMessage,
    url: URL,
    record: AzureRequestRecord,
    org: string,
    project: string,
    name: string,
    rest: string[]
  ): Promise<Reply> {
    const accept = String(req.headers.accept ?? '');
    const version = url.searchParams.get('api-version') ?? /api-version=([^;,\s]+)/.exec(accept)?.[1];
    if (!version) {
      return azureError(
        400,
        'VssVersionNotSpecifiedException',
        'No api-version was supplied for the "GET" request. The version must be supplied either as part of the Accept header (e.g. "application/json; api-version=1.0") or as a query parameter (e.g. \'?api-version=1.0\').'
      );
    }
    const parsed = API_VERSION.exec(version);
    if (!parsed || Number(parsed[1]) > 7 || (Number(parsed[1]) === 7 && Number(parsed[2]) > 1)) {
      return azureError(
        400,
        'VssVersionOutOfRangeException',
        `The requested REST API version of ${version} is out of range for this server. The latest REST API version this server supports is 7.1.`
      );
    }
    const bearer = /^Bearer\s+(\S+)$/i.exec(String(req.headers.authorization ?? ''))?.[1];
    let username: string | null = null;
    if (req.headers.authorization !== undefined) {
      const known = bearer ? state.tokens.get(bearer) : undefined;
      const scoped = known?.scopes.some(
        (s) => s === `${AZURE_DEVOPS_RESOURCE}/vso.code` || s === `${AZURE_DEVOPS_RESOURCE}/.default`
      );
      if (!known || known.revoked || now() > known.expiresAt || !scoped) {
        // Without the header, Azure DevOps sends browsers (and naive clients) its sign-in page with a 203.
        if (String(req.headers['x-tfs-fedauthredirect'] ?? '').toLowerCase() !== 'suppress') {
          return html(203, '<h1>Sign in to your account</h1>', 'Sign in to your account');
        }
        return {
          status: 401,
          headers: {
            'content-type': 'text/plain',
            'www-authenticate': `Bearer authorization_uri=https://login.microsoftonline.com/${state.tenant}`,
          },
          body: Buffer.from('Unauthorized'),
        };
      }
      username = known.username;
    }
    record.username = username;
    if (throttle && throttle.remaining > 0) {
      throttle.remaining--;
      const reset = Math.floor(now() / 1000) + throttle.retryAfter;
      return azureError(
        429,
        'RequestBlockedException',
        "TF400733: The request has been canceled: Request was blocked due to exceeding usage of resource 'Core' in namespace 'User'.",
        {
          'retry-after': String(throttle.retryAfter),
          'x-ratelimit-resource': 'Core',
          'x-ratelimit-delay': '0',
          'x-ratelimit-limit': '200',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': String(reset),
        }
      );
    }
    const repo = repositories.get(key(org, project, name));
    if (!repo || !canRead(repo, username)) {
      return azureError(
        404,
        'GitRepositoryNotFoundException',
        `TF401019: The Git repository with name or identifier ${name} does not exist or you do not have permissions for the operation you are attempting.`
      );
    }
    return restApi(ctx, repo, rest, url.searchParams, accept);
  }

  /** `_git/{repo}?path=/x&version=GB…|GT…|GC…&_a=contents|blame` and `_git/{repo}/commit/{sha}`. */
  async function webPage(org: string, project: string, name: string, sha: string | undefined, query: URLSearchParams) {
    const repo = repositories.get(key(org, project, name));
    if (!repo || !canRead(repo, null)) {
      return html(404, '<h1>TF401019: The Git repository does not exist</h1>');
    }
    if (sha) {
      const commit = await resolveCommit(repo.dir, sha);
      if (!commit) {
        return html(404, '<h1>Commit not found</h1>');
      }
      const c = await commitInfo(repo.dir, commit);
      return html(200, `<h1>${escapeHtml(c.message.split('\n')[0])}</h1><p>${c.sha}</p>`);
    }
    const path = query.get('path');
    if (!path) {
      return html(200, `<h1>${escapeHtml(repo.name)}</h1>`);
    }
    const version = query.get('version') ?? '';
    const ref = version.startsWith('GC')
      ? version.slice(2)
      : version.startsWith('GT')
        ? `refs/tags/${version.slice(2)}`
        : `refs/heads/${version.slice(2)}`;
    const commit = await resolveCommit(repo.dir, ref);
    const object = commit ? await objectAt(repo.dir, commit, path.replace(/^\/+/, '')) : undefined;
    if (!object || object.type !== 'blob') {
      return html(404, '<h1>TF401174: The item could not be found</h1>');
    }
    const content = await readBlob(repo.dir, object.sha);
    return html(200, `<h1>${escapeHtml(path)}</h1><pre>${escapeHtml(content.toString('utf8'))}</pre>`);
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
  const webUrl = `http://${host}:${address.port}`;
  ctx.url = webUrl;

  return {
    url: webUrl,
    loginUrl: webUrl,
    tenant: state.tenant,
    clientId: state.clientId,
    clientSecret: state.clientSecret,
    requests,
    apiCalls: () => requests.filter((r) => r.path.includes('/_apis/git/')),
    resetRequests: () => {
      requests.length = 0;
    },
    issueCode: (username, redirectUri) => issueCode(state, username, redirectUri),
    issueToken: (username, lifetimeSeconds) =>
      issueToken(state, username, [`${AZURE_DEVOPS_RESOURCE}/vso.code`, 'offline_access'], lifetimeSeconds),
    addRepository,
    forceThrottle: (retryAfter = 30, count = Number.POSITIVE_INFINITY) => {
      throttle = { retryAfter, remaining: count };
    },
    clearThrottle: () => {
      throttle = undefined;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
