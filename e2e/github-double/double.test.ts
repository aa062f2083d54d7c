/** The GitHub double speaks GitHub's shapes: checked here with plain HTTP and with Octokit itself. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Octokit } from '@octokit/rest';
import { createFixtureRepo } from '../git-fixtures';
import { GitHubDouble, startGitHubDouble } from './double';

describe('GitHub double', () => {
  const root = mkdtempSync(join(tmpdir(), 'linescope-double-'));
  const repo = createFixtureRepo(root, 'acme/app', [
    {
      files: { 'README.md': '# app\n', 'src/a.go': 'package src\n', 'big.bin': Buffer.alloc(1024 * 1024 + 1, 7) },
      tags: ['v1'],
    },
    { files: { 'src/a.go': 'package src // 2\n' }, branch: 'release' },
  ]);
  const secret = createFixtureRepo(root, 'acme/secret', [{ files: { 'x.txt': 'hidden\n' } }]);
  let double: GitHubDouble;
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    double = await startGitHubDouble({
      repos: [
        { fullName: 'acme/app', dir: repo.dir },
        { fullName: 'acme/secret', dir: secret.dir, private: true, readers: ['alice'] },
      ],
    });
    alice = double.issueToken('alice').accessToken;
    bob = double.issueToken('bob').accessToken;
  });
  afterAll(async () => {
    await double.stop();
    rmSync(root, { recursive: true, force: true });
  });

  const octokit = (token?: string) =>
    new Octokit({ auth: token, baseUrl: double.apiUrl, log: { debug() {}, info() {}, warn() {}, error() {} } });
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${double.apiUrl}${path}`, { headers });

  it('serves file contents as JSON with base64 in 60-character lines, and raw', async () => {
    const { data } = await octokit(alice).rest.repos.getContent({
      owner: 'acme',
      repo: 'app',
      path: 'src/a.go',
      ref: 'v1',
    });
    expect(data).toMatchObject({
      type: 'file',
      encoding: 'base64',
      name: 'a.go',
      path: 'src/a.go',
      size: 12,
      html_url: `${double.url}/acme/app/blob/v1/src/a.go`,
    });
    expect(Buffer.from((data as { content: string }).content, 'base64').toString()).toBe('package src\n');
    const raw = await get('/repos/acme/app/contents/src/a.go?ref=release', { accept: 'application/vnd.github.raw' });
    expect(await raw.text()).toBe('package src // 2\n');
  });

  it('lists directories as arrays and says encoding "none" over 1 MB', async () => {
    const dir = await (await get('/repos/acme/app/contents/src?ref=v1')).json();
    expect(dir).toEqual([expect.objectContaining({ type: 'file', name: 'a.go', path: 'src/a.go' })]);
    const big = (await (await get('/repos/acme/app/contents/big.bin')).json()) as {
      encoding: string;
      content: string;
      size: number;
    };
    expect(big).toMatchObject({ encoding: 'none', content: '', size: 1024 * 1024 + 1 });
  });

  it("answers 404 with GitHub's body, for missing files, refs and hidden private repositories", async () => {
    const missing = await get('/repos/acme/app/contents/nope.go');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      message: 'Not Found',
      documentation_url: 'https://docs.github.com/rest',
      status: '404',
    });
    expect((await get('/repos/acme/app/contents/README.md?ref=nope')).status).toBe(404);
    expect((await get('/repos/acme/secret/contents/x.txt', { authorization: `Bearer ${bob}` })).status).toBe(404);
    expect((await get('/repos/acme/secret/contents/x.txt')).status).toBe(404);
    expect((await get('/repos/acme/secret/contents/x.txt', { authorization: `token ${alice}` })).status).toBe(200);
  });

  it('serves commits by sha, branch, tag, heads/ and tags/, the sha media type, and 422 for unknown refs', async () => {
    const { data } = await octokit(alice).rest.repos.getCommit({ owner: 'acme', repo: 'app', ref: 'heads/release' });
    expect(data).toMatchObject({
      sha: repo.commits.commit1,
      commit: { message: 'commit 1', author: { date: '2026-01-02T12:00:00Z' } },
      author: { login: 'demo' },
      parents: [{ sha: repo.commits.v1 }],
    });
    const sha = await get(`/repos/acme/app/commits/tags%2Fv1`, { accept: 'application/vnd.github.sha' });
    expect(await sha.text()).toBe(repo.commits.v1);
    const unknown = await get('/repos/acme/app/commits/nope');
    expect(unknown.status).toBe(422);
    expect(((await unknown.json()) as { message: string }).message).toBe('No commit found for SHA: nope');
  });

  it('serves recursive trees and repository metadata', async () => {
    const { data } = await octokit(alice).rest.git.getTree({
      owner: 'acme',
      repo: 'app',
      tree_sha: repo.commits.v1,
      recursive: '1',
    });
    expect(data.truncated).toBe(false);
    expect(
      data.tree
        .filter((e) => e.type === 'blob')
        .map((e) => e.path)
        .sort()
    ).toEqual(['README.md', 'big.bin', 'src/a.go']);
    const meta = await octokit(alice).rest.repos.get({ owner: 'acme', repo: 'secret' });
    expect(meta.data).toMatchObject({ full_name: 'acme/secret', private: true, default_branch: 'main' });
  });

  it('supports ETag / If-None-Match with 304s that do not count against the rate limit', async () => {
    const first = await get('/repos/acme/app/contents/README.md', { authorization: `Bearer ${alice}` });
    const etag = first.headers.get('etag') as string;
    const remaining = Number(first.headers.get('x-ratelimit-remaining'));
    expect(etag).toMatch(/^W\/"/);
    expect(first.headers.get('x-ratelimit-limit')).toBe('5000');
    const again = await get('/repos/acme/app/contents/README.md', {
      authorization: `Bearer ${alice}`,
      'if-none-match': etag,
    });
    expect(again.status).toBe(304);
    expect(Number(again.headers.get('x-ratelimit-remaining'))).toBe(remaining);
    expect(
      Number((await get('/repos/acme/app', { authorization: `Bearer ${alice}` })).headers.get('x-ratelimit-remaining'))
    ).toBe(remaining - 1);
  });

  it('can force a rate limit (403 primary, 429 secondary) and lift it', async () => {
    double.forceRateLimit({ status: 403, resetAt: 2_000_000_000, count: 1 });
    const limited = await get('/repos/acme/app', { authorization: `Bearer ${alice}` });
    expect(limited.status).toBe(403);
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(limited.headers.get('x-ratelimit-reset')).toBe('2000000000');
    expect((await get('/repos/acme/app', { authorization: `Bearer ${alice}` })).status).toBe(200);
    double.forceRateLimit({ status: 429 });
    const secondary = await get('/repos/acme/app');
    expect(secondary.status).toBe(429);
    expect(secondary.headers.get('retry-after')).not.toBeNull();
    double.clearRateLimit();
    expect((await get('/repos/acme/app')).status).toBe(200);
  });

  it('can answer a 5xx for the API paths under a prefix, a number of times or until cleared', async () => {
    double.forceServerError({ pathPrefix: '/repos/acme/app/contents/', status: 502, count: 1 });
    double.forceServerError({ pathPrefix: '/repos/acme/app/git/', status: 503 });
    const outage = await get('/repos/acme/app/contents/README.md');
    expect(outage.status).toBe(502);
    expect(await outage.json()).toEqual({ message: 'Bad Gateway' });
    expect((await get('/repos/acme/app/contents/README.md')).status).toBe(200);
    expect((await get('/repos/acme/app/commits/v1')).status).toBe(200);
    expect((await get('/api/v3/repos/acme/app/git/trees/v1')).status).toBe(503);
    expect((await get('/repos/acme/app/git/trees/v1')).status).toBe(503);
    double.clearServerErrors();
    expect((await get('/repos/acme/app/git/trees/v1')).status).toBe(200);
  });

  it('rejects unknown and expired tokens with 401 Bad credentials', async () => {
    const res = await get('/repos/acme/app', { authorization: 'Bearer ghu_nope' });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { message: string }).message).toBe('Bad credentials');
  });

  describe('OAuth', () => {
    const token = (body: Record<string, string>, headers: Record<string, string> = {}) =>
      fetch(`${double.url}/login/oauth/access_token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: new URLSearchParams(body),
      });

    it('exchanges a code for an expiring token with a refresh token (form reply), once', async () => {
      const code = double.issueCode('alice');
      const res = await token({
        client_id: double.clientId,
        client_secret: double.clientSecret,
        code,
        grant_type: 'authorization_code',
      });
      const values = new URLSearchParams(await res.text());
      expect(values.get('access_token')).toMatch(/^ghu_/);
      expect(values.get('refresh_token')).toMatch(/^ghr_/);
      expect(values.get('expires_in')).toBe('28800');
      expect(values.get('refresh_token_expires_in')).toBe('15897600');
      expect(values.get('scope')).toBe('');
      expect(values.get('token_type')).toBe('bearer');
      const reused = new URLSearchParams(
        await (await token({ client_id: double.clientId, client_secret: double.clientSecret, code })).text()
      );
      expect(reused.get('error')).toBe('bad_verification_code');
    });

    it('takes PKCE with S256 only, as GitHub does', async () => {
      const query = (method: string) =>
        new URLSearchParams({
          client_id: double.clientId,
          code_challenge: 'x'.repeat(43),
          code_challenge_method: method,
        });
      expect((await fetch(`${double.url}/login/oauth/authorize?${query('plain')}`)).status).toBe(400);
      const page = await (await fetch(`${double.url}/login/oauth/authorize?${query('S256')}`)).text();
      expect(page).toContain('name="code_challenge" value="xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"');
      expect(page).toContain('name="code_challenge_method" value="S256"');
    });

    it('answers JSON when asked, accepts Basic client auth, and rotates refresh tokens', async () => {
      const basic = `Basic ${Buffer.from(`${double.clientId}:${double.clientSecret}`).toString('base64')}`;
      const first = (await (
        await token({ code: double.issueCode('bob') }, { accept: 'application/json', authorization: basic })
      ).json()) as Record<string, string>;
      expect(first.expires_in).toBe(28800);
      const refresh = async (refreshToken: string) =>
        (await (
          await token(
            {
              grant_type: 'refresh_token',
              refresh_token: refreshToken,
              client_id: double.clientId,
              client_secret: double.clientSecret,
            },
            { accept: 'application/json' }
          )
        ).json()) as Record<string, string>;
      const refreshed = await refresh(first.refresh_token);
      expect(refreshed.access_token).not.toBe(first.access_token);
      // The refresh token was rotated: the old one is spent.
      expect((await refresh(first.refresh_token)).error).toBe('bad_refresh_token');
    });

    it('sends the browser to the configured callback when the authorize request has no redirect_uri', async () => {
      const withCallback = await startGitHubDouble({
        repos: [],
        callbackUrl: 'http://grafana.local/a/linescope-app/github/callback',
        defaultLogin: 'alice',
      });
      try {
        const res = await fetch(`${withCallback.url}/login/oauth/authorize`, {
          method: 'POST',
          body: new URLSearchParams({ client_id: withCallback.clientId, state: 'st' }),
          redirect: 'manual',
        });
        const location = new URL(res.headers.get('location') as string);
        expect(location.pathname).toBe('/a/linescope-app/github/callback');
        expect(location.searchParams.get('state')).toBe('st');
        expect(location.searchParams.get('code')).toMatch(/^[0-9a-f]{20}$/);
      } finally {
        await withCallback.stop();
      }
    });

    it('refuses wrong client credentials', async () => {
      const values = new URLSearchParams(
        await (await token({ client_id: double.clientId, client_secret: 'wrong', code: double.issueCode('x') })).text()
      );
      expect(values.get('error')).toBe('incorrect_client_credentials');
    });

    it('expires tokens after their lifetime', async () => {
      let now = Date.now();
      const timed = await startGitHubDouble({
        repos: [{ fullName: 'acme/app', dir: repo.dir }],
        now: () => now,
        tokenLifetimeSeconds: 60,
      });
      try {
        const { accessToken } = timed.issueToken('alice');
        expect(
          (await fetch(`${timed.apiUrl}/repos/acme/app`, { headers: { authorization: `Bearer ${accessToken}` } }))
            .status
        ).toBe(200);
        now += 61_000;
        expect(
          (await fetch(`${timed.apiUrl}/repos/acme/app`, { headers: { authorization: `Bearer ${accessToken}` } }))
            .status
        ).toBe(401);
      } finally {
        await timed.stop();
      }
    });
  });
});
