/** linescope.v1.GitlabService over real HTTP: app info, the OAuth popup's login, refresh, and cookie swaps refused. */
import { GitLabDouble, startGitLabDouble } from '../../e2e/gitlab-double';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/log';
import { createServer, LinescopeServer } from '../src/server';
import { encodeSessionCookie, SESSION_COOKIE } from '../src/session/cookie';
import { decodeGitLabSessionCookie, GITLAB_SESSION_COOKIE } from '../src/hosts/gitlab/cookie';
import { deriveKey, encryptToken } from '../src/session/token';
import { rpc, RpcResult, SECRET } from './helpers';

const CALLBACK = 'http://grafana.local/a/linescope-app/github/callback';

async function gitlabRpc(
  url: string,
  method: string,
  body: unknown,
  headers: Record<string, string> = {}
): Promise<RpcResult> {
  const response = await fetch(`${url}/linescope.v1.GitlabService/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {}, headers: response.headers };
}

describe('GitLab session RPCs', () => {
  let double: GitLabDouble;
  let server: LinescopeServer;
  let url: string;
  const clock = { now: Date.UTC(2026, 11, 2, 5, 0, 0) };

  const start = (env: Record<string, string>) => {
    const config = loadConfig({ LOG_LEVEL: 'silent', ...env });
    return createServer(config, { logger: createLogger('silent'), now: () => clock.now });
  };

  beforeAll(async () => {
    double = await startGitLabDouble({ projects: [], redirectUris: [CALLBACK] });
    // GitLab alone: no GitHub application.
    server = start({
      GITLAB_URL: double.url,
      GITLAB_CLIENT_ID: double.clientId,
      GITLAB_CLIENT_SECRET: double.clientSecret,
      GITHUB_SESSION_SECRET: SECRET,
      GITHUB_CALLBACK_URL: CALLBACK,
    });
    url = await server.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await server.close();
    await double.stop();
  });

  /** What the popup does: GitLab's authorize page, the Authorize button, the code on the callback page. */
  const authorize = async (username = 'alice') => {
    const response = await fetch(`${double.url}/oauth/authorize`, {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams({
        client_id: double.clientId,
        redirect_uri: CALLBACK,
        response_type: 'code',
        scope: 'read_api',
        state: 'one-time',
        username,
        authorize: '1',
      }),
    });
    return new URL(response.headers.get('location') as string).searchParams.get('code') as string;
  };
  const cookieOf = (token: unknown, name = GITLAB_SESSION_COOKIE) =>
    `${name}=${Buffer.from(JSON.stringify({ token })).toString('base64')}`;

  it('GitlabApp names the application, the authorize page, the scope and the callback', async () => {
    const res = await gitlabRpc(url, 'GitlabApp', {});
    expect(res).toMatchObject({
      status: 200,
      body: {
        clientId: double.clientId,
        callbackUrl: CALLBACK,
        authorizeUrl: `${double.url}/oauth/authorize`,
        scope: 'read_api',
        webUrl: double.url,
      },
    });
    // No GITLAB_REPOSITORY_HOSTS: no other host names (an empty list is left out of the JSON).
    expect(res.body.repositoryHosts).toBeUndefined();
  });

  it('GitlabApp names the other host names repository URLs may use for this GitLab (GITLAB_REPOSITORY_HOSTS)', async () => {
    const aliased = start({
      GITLAB_URL: 'https://example.com/gitlab',
      GITLAB_CLIENT_ID: double.clientId,
      GITLAB_CLIENT_SECRET: double.clientSecret,
      GITHUB_SESSION_SECRET: SECRET,
      GITLAB_REPOSITORY_HOSTS: 'Git.Example.com,example.com,gitlab-old.example.com',
    });
    const aliasedUrl = await aliased.listen(0, '127.0.0.1');
    try {
      expect((await gitlabRpc(aliasedUrl, 'GitlabApp', {})).body).toMatchObject({
        webUrl: 'https://example.com/gitlab',
        repositoryHosts: ['git.example.com', 'gitlab-old.example.com'],
      });
    } finally {
      await aliased.close();
    }
  });

  it('GitlabApp without GitLab configured is unimplemented; the GitHub RPCs are untouched', async () => {
    const bare = start({});
    const bareUrl = await bare.listen(0, '127.0.0.1');
    try {
      expect(await gitlabRpc(bareUrl, 'GitlabApp', {})).toMatchObject({
        status: 501,
        body: { code: 'unimplemented', message: 'GitLab integration is not configured' },
      });
      expect((await rpc(bareUrl, 'GithubApp', {})).body).toEqual({
        code: 'unimplemented',
        message: 'GitHub integration is not configured',
      });
    } finally {
      await bare.close();
    }
  });

  it('logs in with the code: a linescope_gitlab_session token of two hours, marked as GitLab', async () => {
    const res = await gitlabRpc(url, 'GitlabLogin', { authorizationCode: await authorize(), redirectUri: CALLBACK });
    expect(res.status).toBe(200);
    expect(Number(res.body.tokenExpiresAt)).toBe(clock.now + 7_200_000);
    expect(Number(res.body.refreshTokenExpiresAt)).toBeGreaterThan(clock.now + 7_200_000);
    const cookie = cookieOf(res.body.token).split('=')[1];
    const token = decodeGitLabSessionCookie(cookie, deriveKey(SECRET, 'anonymous'));
    expect(token).toMatchObject({ tokenType: 'Bearer', expiry: clock.now + 7_200_000 });
    const user = await fetch(`${double.apiUrl}/user`, { headers: { authorization: `Bearer ${token.accessToken}` } });
    expect(((await user.json()) as { username: string }).username).toBe('alice');
  });

  it("counts the token endpoint's calls in /metrics as GitLab's", async () => {
    const code = await authorize();
    expect((await gitlabRpc(url, 'GitlabLogin', { authorizationCode: code })).status).toBe(200);
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toMatch(
      /linescope_git_host_request_duration_seconds_count\{provider="gitlab",method="POST",route="\/oauth\/token",status_code="200"\} [1-9]/
    );
    expect(metrics).not.toContain('provider="github"');
  });

  it('refuses a used or unknown code as unauthenticated, and an empty one as invalid_argument', async () => {
    const code = await authorize();
    await gitlabRpc(url, 'GitlabLogin', { authorizationCode: code });
    expect((await gitlabRpc(url, 'GitlabLogin', { authorizationCode: code })).body).toMatchObject({
      code: 'unauthenticated',
      message: expect.stringMatching(/^GitLab refused the authorization: oauth2: invalid_grant/),
    });
    expect((await gitlabRpc(url, 'GitlabLogin', { authorizationCode: '' })).body.code).toBe('invalid_argument');
  });

  it('refreshes the session once; the old cookie cannot refresh again', async () => {
    const login = await gitlabRpc(url, 'GitlabLogin', { authorizationCode: await authorize() });
    const first = cookieOf(login.body.token);
    const refreshed = await gitlabRpc(url, 'GitlabRefresh', {}, { cookie: first });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.token).not.toBe(login.body.token);
    expect((await gitlabRpc(url, 'GitlabRefresh', {}, { cookie: first })).body.code).toBe('unauthenticated');
    expect((await gitlabRpc(url, 'GitlabRefresh', {}, { cookie: cookieOf(refreshed.body.token) })).status).toBe(200);
  });

  it('refuses swapped cookies: a GitHub session as GitLab’s and a GitLab session as GitHub’s', async () => {
    const key = deriveKey(SECRET, 'anonymous');
    const github = encodeSessionCookie(
      encryptToken({ accessToken: 'gho_x', refreshToken: 'ghr_x', expiry: clock.now + 60_000 }, key)
    );
    const asGitlab = await gitlabRpc(url, 'GitlabRefresh', {}, { cookie: `${GITLAB_SESSION_COOKIE}=${github}` });
    expect(asGitlab.body).toEqual({
      code: 'unauthenticated',
      message: 'invalid GitLab session: connect to GitLab again',
    });

    const login = await gitlabRpc(url, 'GitlabLogin', { authorizationCode: await authorize() });
    const asGithub = await rpc(url, 'GithubRefresh', {}, { cookie: cookieOf(login.body.token, SESSION_COOKIE) });
    expect(asGithub.body).toMatchObject({ code: 'unauthenticated' });
  });

  it('keeps tenants apart: a session of one tenant is refused under another', async () => {
    const login = await gitlabRpc(
      url,
      'GitlabLogin',
      { authorizationCode: await authorize() },
      { 'x-scope-orgid': 'tenant-a' }
    );
    const cookie = cookieOf(login.body.token);
    expect((await gitlabRpc(url, 'GitlabRefresh', {}, { cookie, 'x-scope-orgid': 'tenant-b' })).body.code).toBe(
      'unauthenticated'
    );
    expect((await gitlabRpc(url, 'GitlabRefresh', {}, { cookie, 'x-scope-orgid': 'tenant-a' })).status).toBe(200);
  });

  it('answers unavailable when GitLab cannot be reached', async () => {
    const offline = start({
      GITLAB_URL: 'http://127.0.0.1:9',
      GITLAB_CLIENT_ID: 'app',
      GITLAB_CLIENT_SECRET: 'secret',
      GITHUB_SESSION_SECRET: SECRET,
      GITHUB_CALLBACK_URL: CALLBACK,
    });
    const offlineUrl = await offline.listen(0, '127.0.0.1');
    try {
      expect((await gitlabRpc(offlineUrl, 'GitlabLogin', { authorizationCode: 'x' })).body).toMatchObject({
        code: 'unavailable',
        message: expect.stringMatching(/^GitLab authorization failed: GitLab's OAuth endpoint cannot be reached/),
      });
    } finally {
      await offline.close();
    }
  });
});
