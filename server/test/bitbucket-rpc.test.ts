/**
 * Bitbucket over real HTTP: HostSessionService's app info, login and refresh with the consumer, the session cookie
 * GetFile reads source with (Go modules hosted on Bitbucket and `source.bitbucket` mappings too), cookies of other
 * hosts refused, and the blame RPC saying Bitbucket has none.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BitbucketDouble, startBitbucketDouble } from '../../e2e/bitbucket-double';
import { createFixtureRepo } from '../../e2e/git-fixtures';
import { loadConfig } from '../src/config';
import { bitbucketCookie } from '../src/hosts/bitbucket/cookie';
import { createLogger } from '../src/log';
import { createServer, LinescopeServer } from '../src/server';
import { deriveKey } from '../src/session/token';
import { callService, SECRET, sessionCookie } from './helpers';

const CALLBACK = 'http://grafana.local/a/linescope-app/github/callback';

describe('Bitbucket through the source server', () => {
  const root = mkdtempSync(join(tmpdir(), 'linescope-bitbucket-rpc-'));
  const app = createFixtureRepo(root, 'acme/app', [
    {
      files: {
        'main.go': 'package main\n',
        'go.mod': 'module bitbucket.org/acme/app\n\ngo 1.22\n\nrequire bitbucket.org/acme/lib v1.2.0\n',
        '.pyroscope.yaml': [
          'version: v1',
          'source_code:',
          '  mappings:',
          '    - path: [{ prefix: /opt/shared }]',
          '      language: go',
          '      source: { bitbucket: { workspace: acme, repo: lib, ref: v1.2.0, path: "" } }',
          '',
        ].join('\n'),
      },
      tags: ['v1.0.0'],
    },
  ]);
  const lib = createFixtureRepo(root, 'acme/lib', [
    { files: { 'retry/retry.go': 'package retry // v1.2.0\n' }, tags: ['v1.2.0'] },
  ]);
  let double: BitbucketDouble;
  let server: LinescopeServer;
  let url: string;
  const clock = { now: Date.UTC(2026, 11, 2, 5, 0, 0) };

  beforeAll(async () => {
    double = await startBitbucketDouble({
      repositories: [
        { fullName: 'acme/app', dir: app.dir, isPrivate: true, members: ['alice'] },
        { fullName: 'acme/lib', dir: lib.dir, isPrivate: true, members: ['alice'] },
      ],
      callbackUrl: CALLBACK,
      now: () => clock.now,
    });
    // Bitbucket alone: no GitHub App.
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      BITBUCKET_URL: double.url,
      BITBUCKET_API_URL: double.apiUrl,
      BITBUCKET_CLIENT_ID: double.clientId,
      BITBUCKET_CLIENT_SECRET: double.clientSecret,
      BITBUCKET_REPOSITORY_HOSTS: 'bitbucket.org',
      SESSION_SECRET: SECRET,
      GITHUB_CALLBACK_URL: CALLBACK,
    });
    server = createServer(config, { logger: createLogger('silent'), now: () => clock.now });
    url = await server.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await server.close();
    await double.stop();
    rmSync(root, { recursive: true, force: true });
  });

  const session = (body: unknown, headers?: Record<string, string>, method = 'HostLogin') =>
    callService(url, `linescope.v1.HostSessionService/${method}`, body, headers);
  const cookieOf = (token: unknown) =>
    `${bitbucketCookie.name}=${Buffer.from(JSON.stringify({ token })).toString('base64')}`;
  const getFile = (cookie: string) =>
    callService(
      url,
      'vcs.v1.VCSService/GetFile',
      { repositoryURL: 'https://bitbucket.org/acme/app', ref: 'v1.0.0', localPath: 'main.go' },
      { cookie }
    );

  it('HostApp names the consumer, its authorize page and the callback, and no scope (fixed on the consumer)', async () => {
    expect(await session({ host: 'bitbucket' }, {}, 'HostApp')).toMatchObject({
      status: 200,
      body: {
        clientId: double.clientId,
        callbackUrl: CALLBACK,
        authorizeUrl: `${double.url}/site/oauth2/authorize`,
        webUrl: double.url,
        repositoryHosts: ['bitbucket.org'],
      },
    });
    const unknown = await session({ host: 'github' }, {}, 'HostApp');
    expect(unknown.status).toBe(400);
  });

  it('logs in with a code, reads a private file with the session, refreshes it, and refuses a used code', async () => {
    const code = double.issueCode('alice', CALLBACK);
    const login = await session({ host: 'bitbucket', authorizationCode: code, redirectUri: CALLBACK });
    expect(login.status).toBe(200);
    expect(Number(login.body.tokenExpiresAt)).toBe(clock.now + 7200_000);
    const file = await getFile(cookieOf(login.body.token));
    expect(file.status).toBe(200);
    expect(Buffer.from(file.body.content as string, 'base64').toString()).toBe('package main\n');
    expect(file.body.URL).toBe(`${double.url}/acme/app/src/v1.0.0/main.go`);
    const refreshed = await session({ host: 'bitbucket' }, { cookie: cookieOf(login.body.token) }, 'HostRefresh');
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.token).not.toBe(login.body.token);
    const again = await session({ host: 'bitbucket', authorizationCode: code, redirectUri: CALLBACK });
    expect(again).toMatchObject({
      status: 401,
      body: { message: expect.stringMatching(/^Bitbucket refused the authorization/) },
    });
  });

  it('reads a Go module hosted on Bitbucket, and a .pyroscope.yaml mapping to another Bitbucket repository', async () => {
    const login = await session({
      host: 'bitbucket',
      authorizationCode: double.issueCode('alice', CALLBACK),
      redirectUri: CALLBACK,
    });
    const frame = (localPath: string) =>
      callService(
        url,
        'vcs.v1.VCSService/GetFile',
        { repositoryURL: 'https://bitbucket.org/acme/app', ref: 'v1.0.0', localPath },
        { cookie: cookieOf(login.body.token) }
      );
    for (const [localPath, rule] of [
      ['/root/go/pkg/mod/bitbucket.org/acme/lib@v1.2.0/retry/retry.go', 'go:module'],
      ['bitbucket.org/acme/lib/retry/retry.go', 'go:module'],
      ['/opt/shared/retry/retry.go', 'mapping:bitbucket[0]'],
    ]) {
      const file = await frame(localPath);
      expect([localPath, file.status, file.body.rule]).toEqual([localPath, 200, rule]);
      expect(Buffer.from(file.body.content as string, 'base64').toString()).toBe('package retry // v1.2.0\n');
      expect(file.body.resolvedRepositoryUrl).toBe(`${double.url}/acme/lib`);
      expect(file.body.resolvedRef).toBe('v1.2.0');
    }
  });

  it("answers unauthenticated without Bitbucket's cookie, or with GitHub's in its place", async () => {
    expect((await getFile('')).status).toBe(401);
    const github = sessionCookie({ accessToken: 'x', tokenType: 'Bearer' }).replace(
      /^[^=]+=/,
      `${bitbucketCookie.name}=`
    );
    const swapped = await getFile(github);
    expect(swapped).toMatchObject({
      status: 401,
      body: { message: 'invalid Bitbucket session: connect to Bitbucket again' },
    });
  });

  it('says blame is not available from Bitbucket (unimplemented)', async () => {
    const token = bitbucketCookie.seal(
      { accessToken: double.issueToken('alice').accessToken, tokenType: 'Bearer' },
      deriveKey(SECRET, 'anonymous')
    );
    const blame = await callService(
      url,
      'linescope.v1.BlameService/GetBlame',
      { repositoryUrl: 'https://bitbucket.org/acme/app', ref: 'v1.0.0', path: 'main.go' },
      { cookie: cookieOf(token) }
    );
    expect(blame).toMatchObject({ status: 501, body: { code: 'unimplemented' } });
  });
});
