/** The six RPCs' protocol and the GitHub session over real HTTP against the GitHub double. */
import { createHash, randomBytes } from 'node:crypto';
import { createClient } from '@connectrpc/connect';
import { createConnectTransport } from '@connectrpc/connect-node';
import { createFixtureRepo } from '../../e2e/git-fixtures';
import { VCSService } from '../../proto/gen/vcs/v1/vcs_pb';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/log';
import { createServer } from '../src/server';
import { decodeSessionCookie, readCookie } from '../src/session/cookie';
import { deriveKey } from '../src/session/token';
import { cookieForToken, rpc, SECRET, sessionCookie, Stack, startStack, tempDir } from './helpers';

describe('vcs.v1 session RPCs', () => {
  const tmp = tempDir('rpc');
  let stack: Stack;
  const repo = createFixtureRepo(tmp.dir, 'acme/app', [
    { files: { 'main.go': 'package main\n' }, message: 'first commit' },
  ]);

  beforeAll(async () => {
    stack = await startStack([{ fullName: 'acme/app', dir: repo.dir }]);
  });
  afterAll(async () => {
    await stack.stop();
    tmp.remove();
  });

  /** GetCommit of acme/app's main with these headers (a data call that needs the session). */
  const getCommit = (headers: Record<string, string>) =>
    rpc(stack.url, 'GetCommit', { repositoryURL: 'https://github.com/acme/app', ref: 'main' }, headers);

  it('GithubApp returns client id, callback URL and the authorize URL of the configured host', async () => {
    const res = await rpc(stack.url, 'GithubApp', {});
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      clientID: stack.double.clientId,
      callbackURL: 'http://grafana.local/a/linescope-app/github/callback',
      authorizeURL: `${stack.double.url}/login/oauth/authorize`,
      pkce: true,
    });
  });

  it('GithubApp without GitHub configured is 501 unimplemented, as Pyroscope', async () => {
    const bare = createServer(loadConfig({ LOG_LEVEL: 'silent' }), { logger: createLogger('silent') });
    const url = await bare.listen(0, '127.0.0.1');
    try {
      const res = await rpc(url, 'GithubApp', {});
      expect(res.status).toBe(501);
      expect(res.body).toEqual({ code: 'unimplemented', message: 'GitHub integration is not configured' });
    } finally {
      await bare.close();
    }
  });

  const callback = 'http://grafana.local/a/linescope-app/github/callback';

  /** The popup's part: the double's authorize page with these parameters, its Authorize button; the callback URL. */
  async function authorize(params: Record<string, string>): Promise<URL> {
    const query = new URLSearchParams({ client_id: stack.double.clientId, redirect_uri: callback, ...params });
    const html = await (await fetch(`${stack.double.url}/login/oauth/authorize?${query}`)).text();
    expect(html).toContain('>Authorize</button>');
    const form = new URLSearchParams(
      [...html.matchAll(/name="([^"]+)" value="([^"]*)"/g)].map((m): [string, string] => [
        m[1],
        m[2].replace(/&amp;/g, '&'),
      ])
    );
    const redirect = await fetch(`${stack.double.url}/login/oauth/authorize`, {
      method: 'POST',
      body: form,
      redirect: 'manual',
    });
    expect(redirect.status).toBe(302);
    return new URL(redirect.headers.get('location') as string);
  }

  it('runs the OAuth popup flow: authorize page, Authorize button, callback with code and state, login', async () => {
    const location = await authorize({ state: 's123', login: 'alice' });
    expect(`${location.origin}${location.pathname}`).toBe(callback);
    expect(location.searchParams.get('state')).toBe('s123');

    const before = Date.now();
    const login = await rpc(stack.url, 'GithubLogin', { authorizationCode: location.searchParams.get('code') });
    expect(login.status).toBe(200);
    expect(login.headers.get('set-cookie')).toBeNull();
    const key = deriveKey(SECRET, 'anonymous');
    const token = decodeSessionCookie(Buffer.from(JSON.stringify({ token: login.body.token })).toString('base64'), key);
    expect(token.accessToken).toMatch(/^ghu_/);
    expect(token.refreshToken).toMatch(/^ghr_/);
    // int64 values travel as decimal strings.
    expect(typeof login.body.tokenExpiresAt).toBe('string');
    expect(Number(login.body.tokenExpiresAt)).toBeGreaterThanOrEqual(before + 28_800_000);
    expect(Number(login.body.refreshTokenExpiresAt)).toBeGreaterThanOrEqual(before + 15_897_600_000);
    // The legacy cookie field carries the same token.
    const legacy = readCookie(String(login.body.cookie).split(';')[0]) as string;
    expect(decodeSessionCookie(legacy, key).accessToken).toBe(token.accessToken);

    // The session works for a data call.
    const cookie = cookieForToken(login.body.token);
    const commit = await getCommit({ cookie });
    expect(commit.status).toBe(200);
  });

  it('passes the PKCE verifier to GitHub: the right one logs in, a wrong or missing one is refused', async () => {
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const pkce = { state: 's1', code_challenge: challenge, code_challenge_method: 'S256' };
    const code = async () => (await authorize(pkce)).searchParams.get('code');

    const right = await rpc(stack.url, 'GithubLogin', { authorizationCode: await code(), code_verifier: verifier });
    expect(right.status).toBe(200);
    expect((await getCommit({ cookie: cookieForToken(right.body.token) })).status).toBe(200);

    const wrongVerifier = randomBytes(32).toString('base64url');
    const wrong = await rpc(stack.url, 'GithubLogin', { authorizationCode: await code(), codeVerifier: wrongVerifier });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({ code: 'unauthenticated', message: 'failed to authorize with GitHub' });
    // A server that ignores the verifier (Pyroscope's) cannot finish a login that started with a challenge.
    expect((await rpc(stack.url, 'GithubLogin', { authorizationCode: await code() })).status).toBe(401);
  });

  it('GithubLogin with a bad code is 401 "failed to authorize with GitHub"', async () => {
    const res = await rpc(stack.url, 'GithubLogin', { authorizationCode: 'nope' });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ code: 'unauthenticated', message: 'failed to authorize with GitHub' });
  });

  it('GithubRefresh swaps the token (even when expired), returns the new expiry, and the old refresh token dies', async () => {
    const granted = stack.double.issueToken('alice');
    const expiredToken = {
      accessToken: granted.accessToken,
      tokenType: 'bearer',
      refreshToken: granted.refreshToken,
      expiry: Date.now() - 1000,
    };
    const cookie = sessionCookie(expiredToken);
    const expired = await getCommit({ cookie });
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual({ code: 'unauthenticated', message: 'token is expired' });

    const before = Date.now();
    const refreshed = await rpc(stack.url, 'GithubRefresh', {}, { cookie });
    expect(refreshed.status).toBe(200);
    // Pyroscope returns the *old* expiry here; we return the new token's.
    expect(Number(refreshed.body.tokenExpiresAt)).toBeGreaterThanOrEqual(before + 28_800_000);
    const next = cookieForToken(refreshed.body.token);
    expect((await getCommit({ cookie: next })).status).toBe(200);

    const again = await rpc(stack.url, 'GithubRefresh', {}, { cookie });
    expect(again.status).toBe(401);
    expect(again.body.message).toBe('failed to refresh token');
  });

  it('GithubRefresh without a cookie is 401 "invalid token"', async () => {
    const res = await rpc(stack.url, 'GithubRefresh', {});
    expect(res).toMatchObject({ status: 401, body: { code: 'unauthenticated', message: 'invalid token' } });
  });

  it('the session is per tenant (X-Scope-OrgID): a cookie of tenant a is invalid for tenant b', async () => {
    const cookie = stack.cookieFor('alice', { tenant: 'tenant-a' });
    expect((await getCommit({ cookie, 'x-scope-orgid': 'tenant-a' })).status).toBe(200);
    const other = await getCommit({ cookie, 'x-scope-orgid': 'tenant-b' });
    expect(other).toMatchObject({ status: 401, body: { message: 'invalid token' } });
    expect((await getCommit({ cookie })).status).toBe(401);
  });

  it('accepts the legacy cookie shape and tokens that never expire', async () => {
    const granted = stack.double.issueToken('alice', 0);
    const value = Buffer.from(
      JSON.stringify({
        metadata: (await import('../src/session/token')).encryptToken(
          { accessToken: granted.accessToken },
          deriveKey(SECRET, 'anonymous')
        ),
        expiry: 0,
      })
    ).toString('base64');
    const res = await getCommit({ cookie: `pyroscope_git_session=${value}` });
    expect(res.status).toBe(200);
  });

  it('answers tampered and missing cookies with 401 before looking at the URL', async () => {
    const cookie = stack.cookieFor('alice');
    const tampered = cookie.slice(0, -6) + (cookie.endsWith('AAAA') ? 'BBBB==' : 'AAAA==');
    expect((await rpc(stack.url, 'GetFile', { repositoryURL: 'nope' }, { cookie: tampered })).body).toEqual({
      code: 'unauthenticated',
      message: 'invalid token',
    });
    expect((await rpc(stack.url, 'GetFile', { repositoryURL: 'nope' })).status).toBe(401);
  });

  it('follows Connect conventions: empty body, wrong content type, GET, binary codec, proto names', async () => {
    const empty = await fetch(`${stack.url}/vcs.v1.VCSService/GithubApp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '',
    });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { code: string }).code).toBe('invalid_argument');
    const wrongType = await fetch(`${stack.url}/vcs.v1.VCSService/GithubApp`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(wrongType.status).toBe(415);
    const get = await fetch(`${stack.url}/vcs.v1.VCSService/GithubApp`);
    expect(get.status).toBe(405);
    // Proto names are accepted on input, unknown fields ignored.
    const cookie = stack.cookieFor('alice');
    const byProtoName = await rpc(
      stack.url,
      'GetCommits',
      { repository_url: 'https://github.com/acme/app', refs: ['main'], extra: 1 },
      { cookie }
    );
    expect(byProtoName.status).toBe(200);

    const client = createClient(
      VCSService,
      createConnectTransport({ baseUrl: stack.url, httpVersion: '1.1', useBinaryFormat: true })
    );
    const app = await client.githubApp({});
    expect(app.clientID).toBe(stack.double.clientId);
  });

  it('accepts gzip bodies and checks Connect-Protocol-Version', async () => {
    const { gzipSync } = await import('node:zlib');
    const zipped = await fetch(`${stack.url}/vcs.v1.VCSService/GithubApp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', 'connect-protocol-version': '1' },
      body: gzipSync('{}'),
    });
    expect(zipped.status).toBe(200);
    const wrongVersion = await rpc(stack.url, 'GithubApp', {}, { 'connect-protocol-version': '2' });
    expect(wrongVersion.status).toBe(400);
    expect(wrongVersion.body.code).toBe('invalid_argument');
  });

  it('serves /healthz and /metrics', async () => {
    expect((await fetch(`${stack.url}/healthz`)).status).toBe(200);
    const cookie = stack.cookieFor('metrics');
    const file = { repositoryURL: 'https://github.com/acme/app', ref: repo.commits.commit0, localPath: 'main.go' };
    for (let i = 0; i < 2; i++) {
      expect((await rpc(stack.url, 'GetFile', file, { cookie })).status).toBe(200);
    }
    const metrics = await (await fetch(`${stack.url}/metrics`)).text();
    expect(metrics).toContain('linescope_rpc_duration_seconds_count{method="GetFile",code="ok"} 2');
    expect(metrics).toMatch(/linescope_cache_requests_total\{cache="files",result="miss"\} [1-9]/);
    expect(metrics).toMatch(/linescope_cache_requests_total\{cache="files",result="hit"\} [1-9]/);
    expect(metrics).toMatch(/linescope_cache_bytes\{cache="files"\} [1-9]/);
    expect(metrics).toContain('linescope_rpc_duration_seconds_count{method="GithubApp",code="ok"}');
    expect(metrics).toMatch(
      /linescope_git_host_request_duration_seconds_count\{provider="github",method="GET",route="\/repos\/\{owner\}\/\{repo\}\/commits\/\{ref\}",status_code="200"\} \d+/
    );
    expect(metrics).toContain('provider="github",method="POST",route="/login/oauth/access_token"');
    expect(metrics).toContain('linescope_git_host_rate_limit_remaining{provider="github",resource="core"}');
  });

  it('refuses bodies over the limit', async () => {
    const res = await rpc(stack.url, 'GetFile', { repositoryURL: 'x'.repeat(200 * 1024) });
    expect(res.status).toBe(429);
    expect(res.body.code).toBe('resource_exhausted');
  });
});
