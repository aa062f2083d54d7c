/**
 * Azure DevOps over real HTTP: HostSessionService's app info (Entra's authorize page, the vso.code scope, PKCE),
 * login through the double's consent page, refresh, expiry, invalid and swapped cookies; GetFile through both URL
 * forms (dev.azure.com and <org>.visualstudio.com, https and ssh) to the same repository, the per-user access proof,
 * the throttle through the error policy, blame unimplemented, the calls counted by provider; Go modules hosted there
 * and `source.azure_devops` mappings.
 */
import { createHash } from 'node:crypto';
import { AzureDevopsDouble, startAzureDevopsDouble } from '../../e2e/azure-devops-double';
import { createFixtureRepo } from '../../e2e/git-fixtures';
import { loadConfig } from '../src/config';
import { azureDevopsCookie } from '../src/hosts/azure-devops/cookie';
import { bitbucketCookie } from '../src/hosts/bitbucket/cookie';
import { createLogger } from '../src/log';
import { createMetrics } from '../src/metrics';
import { createServer, LinescopeServer } from '../src/server';
import { deriveKey } from '../src/session/token';
import { callService, RpcResult, SECRET, sessionCookie, tempDir } from './helpers';

const CALLBACK = 'http://grafana.local/a/linescope-app/github/callback';
const SCOPE = '499b84ac-1321-427f-aa17-267ca6975798/vso.code offline_access';

describe('Azure DevOps through the source server', () => {
  const root = tempDir('azure-rpc');
  const app = createFixtureRepo(root.dir, 'contoso/app', [
    {
      files: {
        'main.go': 'package main\n',
        '.pyroscope.yaml': [
          'version: v1',
          'source_code:',
          '  mappings:',
          '    - path: [{ prefix: /opt/shared }]',
          '      language: go',
          '      source: { azure_devops: { organization: contoso, project: Platform, repo: lib, ref: v1.2.0, path: "" } }',
          '',
        ].join('\n'),
      },
      tags: ['v1.0.0'],
    },
  ]);
  const lib = createFixtureRepo(root.dir, 'contoso/lib', [
    { files: { 'retry/retry.go': 'package retry // v1.2.0\n' }, tags: ['v1.2.0'] },
  ]);
  let double: AzureDevopsDouble;
  let server: LinescopeServer;
  let url: string;
  const metrics = createMetrics();
  const clock = { now: Date.UTC(2026, 11, 2, 5, 0, 0) };

  beforeAll(async () => {
    double = await startAzureDevopsDouble({
      repositories: [
        {
          organization: 'contoso',
          project: 'Shop Floor',
          name: 'app',
          dir: app.dir,
          visibility: 'private',
          members: ['alice@contoso.com'],
        },
        {
          organization: 'contoso',
          project: 'Platform',
          name: 'lib',
          dir: lib.dir,
          visibility: 'private',
          members: ['alice@contoso.com'],
        },
      ],
      redirectUris: [CALLBACK],
      now: () => clock.now,
    });
    // Azure DevOps alone (no GitHub App), standing in for dev.azure.com.
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      AZURE_DEVOPS_URL: double.url,
      AZURE_DEVOPS_LOGIN_URL: double.loginUrl,
      AZURE_DEVOPS_TENANT_ID: double.tenant,
      AZURE_DEVOPS_CLIENT_ID: double.clientId,
      AZURE_DEVOPS_CLIENT_SECRET: double.clientSecret,
      AZURE_DEVOPS_REPOSITORY_HOSTS: 'dev.azure.com',
      SESSION_SECRET: SECRET,
      GITHUB_CALLBACK_URL: CALLBACK,
    });
    server = createServer(config, { logger: createLogger('silent'), now: () => clock.now, metrics });
    url = await server.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await server.close();
    await double.stop();
    root.remove();
  });
  beforeEach(() => double.clearThrottle());

  const session = (body: unknown, headers?: Record<string, string>, method = 'HostLogin') =>
    callService(url, `linescope.v1.HostSessionService/${method}`, body, headers);
  const cookieOf = (token: unknown) =>
    `${azureDevopsCookie.name}=${Buffer.from(JSON.stringify({ token })).toString('base64')}`;
  const getFile = (cookie: string, repositoryURL = 'https://dev.azure.com/contoso/Shop%20Floor/_git/app') =>
    callService(url, 'vcs.v1.VCSService/GetFile', { repositoryURL, ref: 'v1.0.0', localPath: 'main.go' }, { cookie });
  const sealed = (user: string) =>
    azureDevopsCookie.seal(
      { accessToken: double.issueToken(user, 3600).accessToken, tokenType: 'Bearer' },
      deriveKey(SECRET, 'anonymous')
    );

  /** The popup's way: HostApp's authorize page with a PKCE challenge, the consent accepted: the code handed back. */
  async function consentCode(user: string, verifier: string): Promise<string> {
    const hostApp = (await session({ host: 'azure-devops' }, {}, 'HostApp')).body;
    const consent = await fetch(hostApp.authorizeUrl as string, {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams({
        client_id: hostApp.clientId as string,
        response_type: 'code',
        redirect_uri: hostApp.callbackUrl as string,
        scope: hostApp.scope as string,
        code_challenge: createHash('sha256').update(verifier).digest('base64url'),
        code_challenge_method: 'S256',
        login_hint: user,
        accept: '1',
      }),
    });
    return new URL(consent.headers.get('location') as string).searchParams.get('code') as string;
  }

  /** HostLogin with the code and this verifier. */
  const login = (code: string, verifier: string) =>
    session({ host: 'azure-devops', authorizationCode: code, redirectUri: CALLBACK, codeVerifier: verifier });

  async function signIn(user: string, verifier: string): Promise<RpcResult['body']> {
    const answer = await login(await consentCode(user, verifier), verifier);
    expect(answer.status).toBe(200);
    return answer.body;
  }

  it("HostApp names the Entra app, Entra's authorize page for the tenant, vso.code with offline_access, and PKCE", async () => {
    expect(await session({ host: 'azure-devops' }, {}, 'HostApp')).toMatchObject({
      status: 200,
      body: {
        clientId: double.clientId,
        callbackUrl: CALLBACK,
        authorizeUrl: `${double.loginUrl}/${double.tenant}/oauth2/v2.0/authorize`,
        scope: SCOPE,
        webUrl: double.url,
        repositoryHosts: ['dev.azure.com'],
        pkce: true,
        loginUrl: double.loginUrl,
      },
    });
  });

  it('signs in with a code and its verifier, reads a private file, refreshes the session, and refuses a wrong verifier', async () => {
    const login = await signIn('alice@contoso.com', 'v'.repeat(43));
    expect(Number(login.tokenExpiresAt)).toBe(clock.now + 3599_000);
    const file = await getFile(cookieOf(login.token));
    expect(file.status).toBe(200);
    expect(Buffer.from(file.body.content as string, 'base64').toString()).toBe('package main\n');
    expect(file.body.URL).toBe(`${double.url}/contoso/Shop%20Floor/_git/app?path=%2Fmain.go&version=GBv1.0.0`);
    const refreshed = await session({ host: 'azure-devops' }, { cookie: cookieOf(login.token) }, 'HostRefresh');
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.token).not.toBe(login.token);
    expect((await getFile(cookieOf(refreshed.body.token))).status).toBe(200);
  });

  it('answers an expired session unauthenticated, and refreshes it into a working one', async () => {
    const login = await signIn('alice@contoso.com', 'w'.repeat(43));
    clock.now += 3600_000;
    try {
      expect(await getFile(cookieOf(login.token))).toMatchObject({
        status: 401,
        body: { message: 'the Azure DevOps session has expired: refresh it or connect again' },
      });
      const refreshed = await session({ host: 'azure-devops' }, { cookie: cookieOf(login.token) }, 'HostRefresh');
      expect(refreshed.status).toBe(200);
      expect((await getFile(cookieOf(refreshed.body.token))).status).toBe(200);
    } finally {
      clock.now -= 3600_000;
    }
  });

  it('refuses a code exchanged with the wrong verifier as final (connect again)', async () => {
    const code = await consentCode('alice@contoso.com', 'right'.repeat(9));
    expect(await login(code, 'wrong'.repeat(9))).toMatchObject({
      status: 401,
      body: { message: expect.stringMatching(/^Azure DevOps refused the authorization: .*AADSTS501481/) },
    });
  });

  it("answers unauthenticated without its cookie, with garbage, or with GitHub's or Bitbucket's in its place", async () => {
    expect((await getFile('')).status).toBe(401);
    expect(await getFile(`${azureDevopsCookie.name}=not-a-session`)).toMatchObject({
      status: 401,
      body: { message: 'invalid Azure DevOps session: connect to Azure DevOps again' },
    });
    const github = sessionCookie({ accessToken: 'x', tokenType: 'Bearer' }).replace(
      /^[^=]+=/,
      `${azureDevopsCookie.name}=`
    );
    const bitbucket = cookieOf(
      bitbucketCookie.seal({ accessToken: 'x', tokenType: 'Bearer' }, deriveKey(SECRET, 'anonymous'))
    );
    for (const swapped of [github, bitbucket]) {
      expect(await getFile(swapped)).toMatchObject({
        status: 401,
        body: { message: 'invalid Azure DevOps session: connect to Azure DevOps again' },
      });
    }
  });

  it.each([
    'https://dev.azure.com/contoso/Shop%20Floor/_git/app',
    'https://contoso.visualstudio.com/Shop%20Floor/_git/app',
    'https://contoso.visualstudio.com/DefaultCollection/Shop%20Floor/_git/app.git',
    'git@ssh.dev.azure.com:v3/contoso/Shop%20Floor/app',
    'contoso@vs-ssh.visualstudio.com:v3/contoso/Shop%20Floor/app',
  ])('reads %s as the same repository, on the configured API', async (repositoryURL) => {
    const before = double.apiCalls().length;
    const file = await getFile(cookieOf(sealed('alice@contoso.com')), repositoryURL);
    expect(file).toMatchObject({
      status: 200,
      body: { URL: `${double.url}/contoso/Shop%20Floor/_git/app?path=%2Fmain.go&version=GBv1.0.0` },
    });
    expect(
      double
        .apiCalls()
        .slice(before)
        .every((c) => c.path.startsWith('/contoso/Shop%20Floor/_apis/git/repositories/app/'))
    ).toBe(true);
  });

  it('refuses another host named in the URL, and a visualstudio.com lookalike', async () => {
    for (const repositoryURL of [
      'https://contoso.visualstudio.com.evil.example/Shop/_git/app',
      'https://github.com/contoso/app',
    ]) {
      const answer = await getFile(cookieOf(sealed('alice@contoso.com')), repositoryURL);
      expect(answer).toMatchObject({ status: 400, body: { code: 'invalid_argument' } });
    }
  });

  it('never serves the file cached for a member to a user whose token cannot read the repository (TF401019)', async () => {
    expect((await getFile(cookieOf(sealed('alice@contoso.com')))).status).toBe(200);
    double.resetRequests();
    const outsider = await getFile(cookieOf(sealed('mallory@contoso.com')));
    expect(outsider).toMatchObject({ status: 404, body: { code: 'not_found' } });
    expect(outsider.body.content).toBeUndefined();
    // The cache asked Azure DevOps with the outsider's token, and Azure DevOps said TF401019 (404).
    const asked = double.apiCalls().filter((c) => c.username === 'mallory@contoso.com');
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((c) => c.status === 404)).toBe(true);
  });

  it('passes the throttle on as resource_exhausted with its reset, and a revoked token as unauthenticated', async () => {
    double.forceThrottle(30);
    const limited = await callService(
      url,
      'vcs.v1.VCSService/GetFile',
      {
        repositoryURL: 'https://dev.azure.com/contoso/Shop%20Floor/_git/app',
        ref: 'main',
        localPath: 'other.go',
      },
      { cookie: cookieOf(sealed('alice@contoso.com')) }
    );
    expect(limited).toMatchObject({ status: 429, body: { code: 'resource_exhausted' } });
    expect(limited.headers.get('x-ratelimit-reset')).toBe(String(Math.floor(clock.now / 1000) + 30));
    double.clearThrottle();
    const revoked = cookieOf(
      azureDevopsCookie.seal({ accessToken: 'revoked', tokenType: 'Bearer' }, deriveKey(SECRET, 'anonymous'))
    );
    expect(await getFile(revoked, 'https://dev.azure.com/contoso/Shop%20Floor/_git/app')).toMatchObject({
      status: 401,
      body: { code: 'unauthenticated' },
    });
  });

  it('says blame is not available from Azure DevOps (unimplemented)', async () => {
    const blame = await callService(
      url,
      'linescope.v1.BlameService/GetBlame',
      { repositoryUrl: 'https://dev.azure.com/contoso/Shop%20Floor/_git/app', ref: 'v1.0.0', path: 'main.go' },
      { cookie: cookieOf(sealed('alice@contoso.com')) }
    );
    expect(blame).toMatchObject({ status: 501, body: { code: 'unimplemented' } });
  });

  it('counts the Git REST and Entra calls under provider="azure-devops", by route template only', async () => {
    const text = await metrics.registry.metrics();
    expect(text).toMatch(
      /provider="azure-devops",method="POST",route="\/\{tenant\}\/oauth2\/v2\.0\/token",status_code="200"/
    );
    expect(text).toMatch(
      /provider="azure-devops",method="GET",route="\/\{organization\}\/\{project\}\/_apis\/git\/repositories\/\{repository\}\/items",status_code="200"/
    );
    expect(text).not.toMatch(/contoso|Shop|alice/);
  });

  it('reads Go modules hosted on Azure DevOps (both host forms) and a .pyroscope.yaml mapping to another repository', async () => {
    for (const [localPath, rule] of [
      ['/root/go/pkg/mod/dev.azure.com/contoso/!platform/_git/lib.git@v1.2.0/retry/retry.go', 'go:module'],
      ['/root/go/pkg/mod/contoso.visualstudio.com/!platform/_git/lib.git@v1.2.0/retry/retry.go', 'go:module'],
      ['/opt/shared/retry/retry.go', 'mapping:azure_devops[0]'],
    ]) {
      const file = await callService(
        url,
        'vcs.v1.VCSService/GetFile',
        { repositoryURL: 'https://dev.azure.com/contoso/Shop%20Floor/_git/app', ref: 'v1.0.0', localPath },
        { cookie: cookieOf(sealed('alice@contoso.com')) }
      );
      expect([localPath, file.status, file.body.rule]).toEqual([localPath, 200, rule]);
      expect(Buffer.from(file.body.content as string, 'base64').toString()).toBe('package retry // v1.2.0\n');
      expect(file.body.resolvedRepositoryUrl).toBe(`${double.url}/contoso/Platform/_git/lib`);
    }
  });
});
