/** The GitLab double speaks GitLab's REST v4 and OAuth shapes: checked here over plain HTTP. */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSampleRepos, SampleRepo } from '../../samples/repos';
import { createFixtureRepo } from '../git-fixtures';
import { GitLabDouble, startGitLabDouble } from './double';

const enc = encodeURIComponent;

describe('GitLab double', () => {
  const root = mkdtempSync(join(tmpdir(), 'linescope-gitlab-double-'));
  const app = createFixtureRepo(root, 'acme/platform/app', [
    {
      files: Object.fromEntries([
        ['README.md', '# app\n'],
        ['src/main.go', 'package main\n'],
        ...Array.from({ length: 5 }, (_, i) => [`pkg/file${i}.go`, `package pkg // ${i}\n`]),
      ]),
      tags: ['v1.0.0'],
    },
    { files: { 'src/main.go': 'package main // v2\n' }, branch: 'feature/x', message: 'Second commit\n\nWith a body.' },
  ]);
  const secret = createFixtureRepo(root, 'acme/secret', [{ files: { 'x.txt': 'hidden\n' } }]);
  let shopGo: SampleRepo;
  let clock = Date.UTC(2026, 11, 2, 5, 0, 0);
  let double: GitLabDouble;
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    shopGo = (await createSampleRepos(join(root, 'samples'))).find((r) =>
      r.fullName.endsWith('/shop-go')
    ) as SampleRepo;
    double = await startGitLabDouble({
      projects: [
        { path: 'acme/platform/app', dir: app.dir },
        { path: 'acme/secret', dir: secret.dir, visibility: 'private', members: ['alice'] },
        { path: 'acme/inside', dir: secret.dir, visibility: 'internal' },
        { path: 'linescope-demo/shop-go', dir: shopGo.dir },
      ],
      now: () => clock,
    });
    alice = double.issueToken('alice').accessToken;
    bob = double.issueToken('bob').accessToken;
  });
  afterAll(async () => {
    await double.stop();
    rmSync(root, { recursive: true, force: true });
  });
  afterEach(() => {
    double.clearRateLimit();
    double.clearServerErrors();
  });

  const get = (path: string, token?: string, init: RequestInit = {}) =>
    fetch(`${double.apiUrl}${path}`, {
      ...init,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers as object) },
    });

  describe('projects', () => {
    it('finds a project of nested groups by its URL-encoded path and by its numeric id', async () => {
      const response = await get(`/projects/${enc('acme/platform/app')}`, alice);
      expect(response.status).toBe(200);
      const project = await response.json();
      expect(project).toMatchObject({
        path_with_namespace: 'acme/platform/app',
        path: 'app',
        name_with_namespace: 'acme / platform / app',
        default_branch: 'main',
        visibility: 'public',
        web_url: `${double.url}/acme/platform/app`,
        http_url_to_repo: `${double.url}/acme/platform/app.git`,
        namespace: { kind: 'group', full_path: 'acme/platform' },
      });
      expect(await (await get(`/projects/${project.id}`)).json()).toMatchObject({
        path_with_namespace: 'acme/platform/app',
      });
    });

    it('answers 404 Project Not Found for unknown projects and for a private one the token cannot read', async () => {
      for (const [path, token] of [
        ['acme/nothing', alice],
        ['acme/secret', bob],
        ['acme/secret', undefined],
      ] as const) {
        const response = await get(`/projects/${enc(path)}/repository/files/x.txt?ref=main`, token);
        expect(response.status).toBe(404);
        expect(await response.json()).toEqual({ message: '404 Project Not Found' });
      }
      expect((await get(`/projects/${enc('acme/secret')}/repository/files/x.txt/raw`, alice)).status).toBe(200);
    });

    it('lets any signed-in user read an internal project, nobody anonymous', async () => {
      expect((await get(`/projects/${enc('acme/inside')}`, bob)).status).toBe(200);
      expect((await get(`/projects/${enc('acme/inside')}`)).status).toBe(404);
    });
  });

  describe('repository files', () => {
    const file = (path: string, query: string) =>
      `/projects/${enc('acme/platform/app')}/repository/files/${enc(path)}${query}`;

    it('serves a file as JSON with base64 content and GitLab’s metadata fields and headers', async () => {
      const response = await get(file('src/main.go', '?ref=v1.0.0'), alice);
      const body = await response.json();
      expect(body).toEqual({
        file_name: 'main.go',
        file_path: 'src/main.go',
        size: 13,
        encoding: 'base64',
        content: Buffer.from('package main\n').toString('base64'),
        content_sha256: createHash('sha256').update('package main\n').digest('hex'),
        ref: 'v1.0.0',
        blob_id: expect.stringMatching(/^[0-9a-f]{40}$/),
        commit_id: app.commits['v1.0.0'],
        last_commit_id: app.commits['v1.0.0'],
        execute_filemode: false,
      });
      expect(response.headers.get('x-gitlab-blob-id')).toBe(body.blob_id);
      expect(response.headers.get('x-gitlab-size')).toBe('13');
    });

    it('gives only the X-Gitlab-* headers for HEAD, and the bytes for /raw (ref optional there)', async () => {
      const head = await get(file('src/main.go', '?ref=main'), alice, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.headers.get('x-gitlab-commit-id')).toBe(app.commits.commit1);
      expect(head.headers.get('x-gitlab-last-commit-id')).toBe(app.commits.commit1);
      expect(await head.text()).toBe('');
      const raw = await get(file('src/main.go', '/raw'), alice);
      expect(raw.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await raw.text()).toBe('package main // v2\n');
      const atBranch = await get(file('src/main.go', `/raw?ref=${enc('feature/x')}`));
      expect(await atBranch.text()).toBe('package main // v2\n');
    });

    it('refuses a missing ref, a bad path, and answers 404 File Not Found for absent files and folders', async () => {
      expect(await (await get(file('src/main.go', ''), alice)).json()).toEqual({
        error: 'ref is missing, ref is empty',
      });
      expect((await get(file('../etc/passwd', '?ref=main'), alice)).status).toBe(400);
      for (const [path, ref] of [
        ['src/none.go', 'main'],
        ['src', 'main'],
        ['src/main.go', 'no-such-ref'],
      ]) {
        const response = await get(file(path, `?ref=${ref}`), alice);
        expect(response.status).toBe(404);
        expect(await response.json()).toEqual({ message: '404 File Not Found' });
      }
    });

    it('serves the sample repositories built from samples/', async () => {
      const response = await get(`/projects/${enc('linescope-demo/shop-go')}/repository/files/go.mod/raw?ref=v1.0.0`);
      expect(await response.text()).toMatch(/^module /m);
      expect(response.headers.get('x-gitlab-commit-id')).toBe(shopGo.tags['v1.0.0']);
    });
  });

  describe('tree', () => {
    const tree = (query: string) => get(`/projects/${enc('acme/platform/app')}/repository/tree?${query}`, alice);

    it('pages with X-Next-Page, X-Total and X-Total-Pages (offset pagination)', async () => {
      const paths: string[] = [];
      let page = '1';
      let pages = 0;
      while (page !== '') {
        const response = await tree(`recursive=true&per_page=3&page=${page}`);
        expect(response.headers.get('x-per-page')).toBe('3');
        expect(response.headers.get('x-total')).toBe('9');
        expect(response.headers.get('x-total-pages')).toBe('3');
        paths.push(...((await response.json()) as Array<{ path: string }>).map((e) => e.path));
        page = response.headers.get('x-next-page') as string;
        pages++;
      }
      expect(pages).toBe(3);
      expect(paths).toEqual(
        expect.arrayContaining(['README.md', 'pkg', 'pkg/file0.go', 'pkg/file4.go', 'src', 'src/main.go'])
      );
      expect(new Set(paths).size).toBe(9);
    });

    it('pages with a Link rel="next" page_token (keyset pagination), and lists one folder', async () => {
      const paths: string[] = [];
      let next: string | undefined =
        `${double.apiUrl}/projects/${enc('acme/platform/app')}/repository/tree?recursive=true&per_page=4&pagination=keyset`;
      while (next) {
        const response: Response = await fetch(next, { headers: { authorization: `Bearer ${alice}` } });
        expect(response.headers.get('x-total')).toBeNull();
        paths.push(...((await response.json()) as Array<{ path: string }>).map((e) => e.path));
        next = /<([^>]+)>; rel="next"/.exec(response.headers.get('link') ?? '')?.[1];
      }
      expect(paths).toHaveLength(9);
      const folder = await (await tree('path=pkg&per_page=100')).json();
      expect(folder).toHaveLength(5);
      expect(folder[0]).toEqual({
        id: expect.any(String),
        name: 'file0.go',
        type: 'blob',
        path: 'pkg/file0.go',
        mode: '100644',
      });
      expect((await tree('pagination=keyset&page_token=bogus')).status).toBe(400);
      expect(await (await tree('ref=nope')).json()).toEqual({ message: '404 Tree Not Found' });
    });
  });

  describe('commits, branches and tags', () => {
    const repo = `/projects/${enc('acme/platform/app')}/repository`;

    it('gives a commit by sha, branch or tag in GitLab’s shape', async () => {
      const bySha = await (await get(`${repo}/commits/${app.commits.commit1}`, alice)).json();
      expect(bySha).toMatchObject({
        id: app.commits.commit1,
        short_id: app.commits.commit1.slice(0, 8),
        title: 'Second commit',
        message: 'Second commit\n\nWith a body.\n',
        author_name: 'Linescope Demo',
        author_email: 'demo@linescope.example',
        authored_date: '2026-01-02T12:00:00.000+00:00',
        committed_date: '2026-01-02T12:00:00.000+00:00',
        parent_ids: [app.commits.commit0],
        web_url: `${double.url}/acme/platform/app/-/commit/${app.commits.commit1}`,
        stats: { additions: 1, deletions: 1, total: 2 },
      });
      expect((await (await get(`${repo}/commits/v1.0.0`)).json()).id).toBe(app.commits.commit0);
      expect((await (await get(`${repo}/commits/${enc('feature/x')}`)).json()).id).toBe(app.commits.commit1);
      expect(await (await get(`${repo}/commits/deadbeef`)).json()).toEqual({ message: '404 Commit Not Found' });
    });

    it('gives branches and tags with their commits, and 404 Branch / Tag Not Found', async () => {
      expect(await (await get(`${repo}/branches/main`)).json()).toMatchObject({
        name: 'main',
        default: true,
        commit: { id: app.commits.commit1 },
      });
      expect(await (await get(`${repo}/branches/${enc('feature/x')}`)).json()).toMatchObject({ name: 'feature/x' });
      expect(await (await get(`${repo}/tags/v1.0.0`)).json()).toMatchObject({
        name: 'v1.0.0',
        target: app.commits.commit0,
        commit: { id: app.commits.commit0 },
      });
      expect(await (await get(`${repo}/branches/nope`)).json()).toEqual({ message: '404 Branch Not Found' });
      expect(await (await get(`${repo}/tags/nope`)).json()).toEqual({ message: '404 Tag Not Found' });
    });
  });

  describe('authentication, rate limits and caching', () => {
    const project = `/projects/${enc('acme/platform/app')}`;

    it('answers 401 for unknown tokens (Bearer or PRIVATE-TOKEN), expired and revoked OAuth tokens', async () => {
      expect(await (await get(project, 'nope')).json()).toEqual({ message: '401 Unauthorized' });
      const pat = double.issueToken('carol', { lifetimeSeconds: 0 }).accessToken;
      expect((await get(project, undefined, { headers: { 'private-token': pat } })).status).toBe(200);
      const shortLived = double.issueToken('carol').accessToken;
      clock += 7201 * 1000;
      const expired = await get(project, shortLived);
      expect(expired.status).toBe(401);
      expect((await expired.json()).error_description).toMatch(/Token is expired/);
      expect(expired.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);
      const revoked = double.issueToken('carol').accessToken;
      double.revokeToken(revoked);
      expect((await (await get(project, revoked)).json()).error_description).toMatch(/revoked/);
      clock -= 7201 * 1000;
    });

    it('answers 403 insufficient_scope for a token without read_api or api', async () => {
      const token = double.issueToken('carol', { scopes: ['read_repository'] }).accessToken;
      const response = await get(project, token);
      expect(response.status).toBe(403);
      expect((await response.json()).error).toBe('insufficient_scope');
    });

    it('sends RateLimit-* headers, and 429 "Retry later" with Retry-After when limited', async () => {
      const ok = await get(project, alice);
      expect(Number(ok.headers.get('ratelimit-limit'))).toBe(2000);
      expect(Number(ok.headers.get('ratelimit-remaining'))).toBeLessThan(2000);
      const resetAt = Math.floor(clock / 1000) + 42;
      double.forceRateLimit({ resetAt, count: 1 });
      const limited = await get(project, alice);
      expect(limited.status).toBe(429);
      expect(await limited.text()).toBe('Retry later\n');
      expect(limited.headers.get('retry-after')).toBe('42');
      expect(limited.headers.get('ratelimit-remaining')).toBe('0');
      expect(limited.headers.get('ratelimit-reset')).toBe(String(resetAt));
      expect((await get(project, alice)).status).toBe(200);
    });

    it('limits requests per minute on its own, per user', async () => {
      const strict = await startGitLabDouble({
        projects: [{ path: 'acme/platform/app', dir: app.dir }],
        authenticatedLimitPerMinute: 2,
      });
      try {
        const token = strict.issueToken('dave').accessToken;
        const call = () => fetch(`${strict.apiUrl}${project}`, { headers: { authorization: `Bearer ${token}` } });
        expect([(await call()).status, (await call()).status, (await call()).status]).toEqual([200, 200, 429]);
        const other = strict.issueToken('erin').accessToken;
        expect(
          (await fetch(`${strict.apiUrl}${project}`, { headers: { authorization: `Bearer ${other}` } })).status
        ).toBe(200);
      } finally {
        await strict.stop();
      }
    });

    it('revalidates with weak ETags: If-None-Match gives 304 without a body', async () => {
      const path = `${project}/repository/files/${enc('README.md')}?ref=main`;
      const first = await get(path, alice);
      const etag = first.headers.get('etag') as string;
      expect(etag).toMatch(/^W\/"/);
      const again = await get(path, alice, { headers: { 'if-none-match': etag } });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
    });

    it('answers forced server errors with GitLab’s message', async () => {
      double.forceServerError({ pathPrefix: '/projects/', status: 502, count: 1 });
      const response = await get(project, alice);
      expect(response.status).toBe(502);
      expect(await response.json()).toEqual({ message: '502 Bad Gateway' });
      expect((await get(project, alice)).status).toBe(200);
    });
  });

  describe('OAuth', () => {
    const redirectUri = 'http://grafana.test/a/linescope-app/github/callback';
    const authorizeQuery = (extra: Record<string, string> = {}) =>
      new URLSearchParams({
        client_id: double.clientId,
        redirect_uri: redirectUri,
        response_type: 'code',
        state: 'one-time',
        scope: 'read_api',
        ...extra,
      });
    const authorize = async (extra: Record<string, string> = {}, button = 'authorize') => {
      const response = await fetch(`${double.url}/oauth/authorize`, {
        method: 'POST',
        body: new URLSearchParams({ ...Object.fromEntries(authorizeQuery(extra)), [button]: '1' }),
        redirect: 'manual',
      });
      expect(response.status).toBe(302);
      return new URL(response.headers.get('location') as string);
    };
    const token = (params: Record<string, string>) =>
      fetch(`${double.url}/oauth/token`, {
        method: 'POST',
        body: new URLSearchParams({ client_id: double.clientId, client_secret: double.clientSecret, ...params }),
      });

    it('shows an authorize page with an Authorize button, and redirects back with the code and state', async () => {
      const page = await (await fetch(`${double.url}/oauth/authorize?${authorizeQuery()}`)).text();
      expect(page).toMatch(/<button type="submit" name="authorize" value="1">Authorize<\/button>/);
      expect(page).toContain('read_api');
      const back = await authorize();
      expect(`${back.origin}${back.pathname}`).toBe(redirectUri);
      expect(back.searchParams.get('state')).toBe('one-time');
      expect(back.searchParams.get('code')).toMatch(/^[0-9a-f]{64}$/);
      const denied = await authorize({}, 'deny');
      expect(denied.searchParams.get('error')).toBe('access_denied');
    });

    it('exchanges a code for a two-hour token, and refreshes it once with a new refresh token', async () => {
      const code = (await authorize({ username: 'alice' })).searchParams.get('code') as string;
      const exchanged = await token({ grant_type: 'authorization_code', code, redirect_uri: redirectUri });
      const granted = await exchanged.json();
      expect(granted).toEqual({
        access_token: expect.any(String),
        token_type: 'Bearer',
        expires_in: 7200,
        refresh_token: expect.any(String),
        scope: 'read_api',
        created_at: Math.floor(clock / 1000),
      });
      expect((await get(`/projects/${enc('acme/secret')}`, granted.access_token)).status).toBe(200);
      const reused = await token({ grant_type: 'authorization_code', code, redirect_uri: redirectUri });
      expect(reused.status).toBe(400);
      expect((await reused.json()).error).toBe('invalid_grant');

      const refreshed = await (
        await token({ grant_type: 'refresh_token', refresh_token: granted.refresh_token })
      ).json();
      expect(refreshed.refresh_token).not.toBe(granted.refresh_token);
      expect((await get(`/user`, refreshed.access_token)).status).toBe(200);
      const again = await token({ grant_type: 'refresh_token', refresh_token: granted.refresh_token });
      expect(again.status).toBe(400);
      expect((await again.json()).error).toBe('invalid_grant');
    });

    it('checks the client, the redirect URI, the grant type and PKCE', async () => {
      const code = (await authorize()).searchParams.get('code') as string;
      const badClient = await token({
        client_secret: 'wrong',
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
      });
      expect(badClient.status).toBe(401);
      expect((await badClient.json()).error).toBe('invalid_client');
      const otherRedirect = await token({ grant_type: 'authorization_code', code, redirect_uri: 'http://evil.test/' });
      expect((await otherRedirect.json()).error).toBe('invalid_grant');
      expect((await (await token({ grant_type: 'password' })).json()).error).toBe('unsupported_grant_type');

      const verifier = 'a-verifier-of-at-least-forty-three-characters-long';
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      const pkce = { code_challenge: challenge, code_challenge_method: 'S256' };
      const wrong = (await authorize(pkce)).searchParams.get('code') as string;
      const refused = await token({
        grant_type: 'authorization_code',
        code: wrong,
        redirect_uri: redirectUri,
        code_verifier: 'x',
      });
      expect((await refused.json()).error).toBe('invalid_grant');
      const right = (await authorize(pkce)).searchParams.get('code') as string;
      const accepted = await token({
        grant_type: 'authorization_code',
        code: right,
        redirect_uri: redirectUri,
        code_verifier: verifier,
      });
      expect(accepted.status).toBe(200);
      const unknownApp = await fetch(`${double.url}/oauth/authorize?${authorizeQuery({ client_id: 'nope' })}`);
      expect(unknownApp.status).toBe(401);
    });
  });

  it('serves a self-managed instance under a path prefix, and nothing outside it', async () => {
    const prefixed = await startGitLabDouble({
      projects: [{ path: 'acme/platform/app', dir: app.dir }],
      pathPrefix: '/gitlab',
    });
    try {
      expect(prefixed.url).toMatch(/\/gitlab$/);
      expect(prefixed.apiUrl).toBe(`${prefixed.url}/api/v4`);
      const raw = await fetch(`${prefixed.apiUrl}/projects/${enc('acme/platform/app')}/repository/files/README.md/raw`);
      expect(await raw.text()).toBe('# app\n');
      const project = await (await fetch(`${prefixed.apiUrl}/projects/${enc('acme/platform/app')}`)).json();
      expect(project.web_url).toBe(`${prefixed.url}/acme/platform/app`);
      expect((await fetch(`${prefixed.url.replace(/\/gitlab$/, '')}/api/v4/projects/1`)).status).toBe(404);
      const page = await (
        await fetch(
          `${prefixed.url}/oauth/authorize?client_id=${prefixed.clientId}&redirect_uri=http://x.test/&response_type=code`
        )
      ).text();
      expect(page).toContain('action="/gitlab/oauth/authorize"');
      expect(prefixed.apiCalls()).toHaveLength(2);
    } finally {
      await prefixed.stop();
    }
  });

  it('serves web pages for file, blame and commit links', async () => {
    const blob = await fetch(`${double.url}/acme/platform/app/-/blob/main/src/main.go#L1`);
    expect(await blob.text()).toContain('package main // v2');
    expect((await fetch(`${double.url}/acme/platform/app/-/blame/v1.0.0/src/main.go`)).status).toBe(200);
    expect(await (await fetch(`${double.url}/acme/platform/app/-/commit/${app.commits.commit1}`)).text()).toContain(
      'Second commit'
    );
    expect((await fetch(`${double.url}/acme/secret/-/blob/main/x.txt`)).status).toBe(404);
  });
});
