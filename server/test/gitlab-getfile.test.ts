/**
 * GetFile, GetCommit and GetCommits for GitLab repositories over real HTTP, against the GitLab double (and the
 * GitHub double for the standard libraries): the resolution cases of GitHub redone, the session, and isolation.
 */
import { Code, ConnectError, createClient } from '@connectrpc/connect';
import { createConnectTransport } from '@connectrpc/connect-node';
import { createFixtureRepo } from '../../e2e/git-fixtures';
import { GitHubDouble, startGitHubDouble } from '../../e2e/github-double';
import { GitLabDouble, startGitLabDouble } from '../../e2e/gitlab-double';
import { ResolutionExplanationSchema, VCSService } from '../../proto/gen/vcs/v1/vcs_pb';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/log';
import { createServer, LinescopeServer } from '../src/server';
import { encodeGitLabSessionCookie, encryptGitLabToken, GITLAB_SESSION_COOKIE } from '../src/hosts/gitlab/cookie';
import { deriveKey } from '../src/session/token';
import { bothHostsConfig, decodeContent, gitlabCookieFor, rpc, SECRET, sessionCookie, tempDir } from './helpers';

const tmp = tempDir('gitlab-getfile');
const GO_MOD = `module gitlab.com/acme/platform/app

go 1.21

require (
	gitlab.com/acme/lib v1.0.0
	github.com/vend/pkg v0.1.0
)
`;
const CONFIG = `version: v1
source_code:
  mappings:
    - path: [{prefix: /opt/ext}]
      language: go
      source: {local: {path: ext}}
    - path: [{prefix: /opt/shared}]
      language: go
      source: {gitlab: {project: acme/lib, ref: v1.1.0, path: shared}}
    - path: [{prefix: java/}]
      function_name: [{prefix: java/}]
      language: java
      source: {github: {owner: openjdk, repo: jdk, ref: jdk-17+0, path: src/java.base/share/classes}}
    - function_name: [{prefix: com/acme}]
      language: java
      source: {local: {path: src/main/java}}
`;
const app = createFixtureRepo(tmp.dir, 'acme/platform/app', [
  {
    files: {
      'go.mod': GO_MOD,
      '.pyroscope.yaml': CONFIG,
      'main.go': 'package main\n\nfunc main() {}\n',
      'internal/cart/cart.go': 'package cart\n\n// Total sums the cart.\nfunc Total() int { return 1 }\n',
      'vendor/github.com/vend/pkg/x.go': 'package pkg // vendored\n',
      'ext/tool.go': 'package ext\n',
      'app/server.py': 'def handler():\n    return 1\n',
      'src/index.js': 'export function handler() {}\n',
      'src/main/java/com/acme/Shop.java': 'package com.acme;\nclass Shop {}\n',
    },
    tags: ['v1'],
    message: 'Add the app',
  },
  { files: { 'main.go': 'package main\n\nfunc main() { run() }\n' }, message: 'Call run' },
]);
const lib = createFixtureRepo(tmp.dir, 'acme/lib', [
  { files: { 'lib.go': 'package lib // v1.0.0\n' }, tags: ['v1.0.0'] },
  { files: { 'lib.go': 'package lib // v1.1.0\n', 'shared/util.go': 'package shared // v1.1.0\n' }, tags: ['v1.1.0'] },
]);
const secret = createFixtureRepo(tmp.dir, 'acme/secret', [{ files: { 'main.go': 'package main // secret\n' } }]);
const goRepo = createFixtureRepo(
  tmp.dir,
  'golang/go',
  [{ files: { 'src/fmt/print.go': 'package fmt // go1.21.3\n' }, tags: ['go1.21.3'] }],
  'master'
);
const jdk = createFixtureRepo(tmp.dir, 'openjdk/jdk', [
  {
    files: { 'src/java.base/share/classes/java/lang/Math.java': 'package java.lang;\npublic final class Math {}\n' },
    tags: ['jdk-17+0'],
  },
]);

const APP_URL = 'https://gitlab.com/acme/platform/app';

describe('GitLab repositories over HTTP', () => {
  let github: GitHubDouble;
  let gitlab: GitLabDouble;
  let server: LinescopeServer;
  let url: string;
  let alice: string;

  /** The cookie the plugin writes after GitlabLogin, for a fresh token of the double. */
  const gitlabCookie = (username: string, tenant = 'anonymous', lifetimeSeconds?: number) =>
    gitlabCookieFor(gitlab, username, tenant, lifetimeSeconds);

  beforeAll(async () => {
    github = await startGitHubDouble({
      repos: [
        { fullName: 'golang/go', dir: goRepo.dir },
        { fullName: 'openjdk/jdk', dir: jdk.dir },
      ],
    });
    gitlab = await startGitLabDouble({
      projects: [
        { path: 'acme/platform/app', dir: app.dir },
        { path: 'acme/lib', dir: lib.dir },
        { path: 'acme/secret', dir: secret.dir, visibility: 'private', members: ['alice'] },
      ],
    });
    server = createServer(bothHostsConfig(github, gitlab), { logger: createLogger('silent') });
    url = await server.listen(0, '127.0.0.1');
    alice = gitlabCookie('alice');
  });
  afterAll(async () => {
    await server.close();
    await github.stop();
    await gitlab.stop();
    tmp.remove();
  });
  afterEach(() => {
    gitlab.clearRateLimit();
    gitlab.setLatency(0);
  });

  const getFile = (body: Record<string, string>, cookie = alice, headers: Record<string, string> = {}) =>
    rpc(url, 'GetFile', { repositoryURL: APP_URL, ref: app.commits.v1, rootPath: '', ...body }, { cookie, ...headers });

  it('counts GitLab calls in /metrics as GitHub calls are, by provider, route template and status', async () => {
    expect((await getFile({ localPath: 'internal/cart/cart.go' })).status).toBe(200);
    expect((await getFile({ localPath: '/usr/local/go/go1.21.3/src/fmt/print.go' })).status).toBe(200);
    const metrics = await (await fetch(`${url}/metrics`)).text();
    const gitlabCalls = metrics.split('\n').filter((line) => line.includes('provider="gitlab"'));
    expect(gitlabCalls.join('\n')).toMatch(
      /linescope_git_host_request_duration_seconds_count\{provider="gitlab",method="GET",route="\/projects\/\{project\}\/repository\/files\/\{path\}\/raw",status_code="200"\} [1-9]/
    );
    expect(metrics).toMatch(
      /linescope_git_host_rate_limit_remaining\{provider="gitlab",resource="throttle_authenticated_api"\} \d+/
    );
    // Go's standard library came from GitHub: the same histogram, GitHub's provider.
    expect(metrics).toMatch(
      /linescope_git_host_request_duration_seconds_count\{provider="github",method="GET",route="\/repos/
    );
    // Routes are templates: no project, path or ref in a label.
    expect(gitlabCalls.some((line) => /acme|cart|internal/.test(line))).toBe(false);
  });

  it.each([
    [
      'Go stdlib (from GitHub, anonymously)',
      { localPath: '/usr/local/go/go1.21.3/src/fmt/print.go' },
      'github',
      'golang/go',
      'go1.21.3',
      'src/fmt/print.go',
      'go:stdlib',
      'go1.21.3',
    ],
    [
      'Go module cache, a module on GitLab at the go.mod version',
      { localPath: '/root/go/pkg/mod/gitlab.com/acme/lib@v1.1.0/lib.go' },
      'gitlab',
      'acme/lib',
      'v1.0.0',
      'lib.go',
      'go:module',
      'package lib // v1.0.0',
    ],
    [
      'Go -trimpath main module (gitlab.com import path, nested groups)',
      { localPath: 'gitlab.com/acme/platform/app/internal/cart/cart.go' },
      'gitlab',
      'acme/platform/app',
      app.commits.v1,
      'internal/cart/cart.go',
      'go:main-module',
      'Total sums',
    ],
    [
      'Go -trimpath module on GitLab',
      { localPath: 'gitlab.com/acme/lib/lib.go' },
      'gitlab',
      'acme/lib',
      'v1.0.0',
      'lib.go',
      'go:module',
      'v1.0.0',
    ],
    [
      'Go -trimpath -mod=vendor dependency',
      { localPath: 'github.com/vend/pkg/x.go' },
      'gitlab',
      'acme/platform/app',
      app.commits.v1,
      'vendor/github.com/vend/pkg/x.go',
      'go:vendor',
      'vendored',
    ],
    [
      'Go relative path with a build prefix',
      { localPath: '/home/ci/build/internal/cart/cart.go' },
      'gitlab',
      'acme/platform/app',
      app.commits.v1,
      'internal/cart/cart.go',
      'relative',
      'Total sums',
    ],
    [
      'Go local mapping',
      { localPath: '/opt/ext/tool.go' },
      'gitlab',
      'acme/platform/app',
      app.commits.v1,
      'ext/tool.go',
      'mapping:local[0]',
      'package ext',
    ],
    [
      'Go gitlab mapping (another project at a tag)',
      { localPath: '/opt/shared/util.go' },
      'gitlab',
      'acme/lib',
      'v1.1.0',
      'shared/util.go',
      'mapping:gitlab[1]',
      'package shared',
    ],
    [
      'Python relative path',
      { localPath: '/srv/app/app/server.py' },
      'gitlab',
      'acme/platform/app',
      app.commits.v1,
      'app/server.py',
      'relative',
      'def handler',
    ],
    [
      'Java local mapping by function name',
      { functionName: 'com/acme/Shop$Cart.checkout', localPath: 'Shop.java' },
      'gitlab',
      'acme/platform/app',
      app.commits.v1,
      'src/main/java/com/acme/Shop.java',
      'mapping:local[3]',
      'class Shop',
    ],
    [
      'Java github mapping from a GitLab project',
      { functionName: 'java/lang/Math.floorMod', localPath: '' },
      'github',
      'openjdk/jdk',
      'jdk-17+0',
      'src/java.base/share/classes/java/lang/Math.java',
      'mapping:github[2]',
      'final class Math',
    ],
    [
      'JavaScript relative path',
      { localPath: '/usr/src/app/src/index.js', functionName: './index.js:handler:1' },
      'gitlab',
      'acme/platform/app',
      app.commits.v1,
      'src/index.js',
      'relative',
      'export function handler',
    ],
  ])('%s', async (_name, body, host, repo, ref, path, rule, snippet) => {
    const res = await getFile(body);
    expect(res.status).toBe(200);
    expect(decodeContent(res.body)).toContain(snippet);
    const web = host === 'gitlab' ? `${gitlab.url}/${repo}` : `${github.url}/${repo}`;
    expect(res.body).toMatchObject({
      resolvedRepositoryUrl: web,
      resolvedRef: ref,
      resolvedPath: path,
      rule,
      URL: host === 'gitlab' ? `${web}/-/blob/${ref}/${path}` : `${web}/blob/${ref}/${path}`,
    });
  });

  it.each([
    ['with .git', `${APP_URL}.git`],
    ['scp-like ssh', 'git@gitlab.com:acme/platform/app.git'],
    ['ssh://', 'ssh://git@gitlab.com/acme/platform/app.git'],
    ['a page of the project', `${APP_URL}/-/tree/main`],
    ['the configured host itself', `GITLAB/acme/platform/app`],
  ])('accepts the repository URL %s', async (_name, repositoryURL) => {
    const res = await getFile({ localPath: 'main.go', repositoryURL: repositoryURL.replace('GITLAB', gitlab.url) });
    expect(res.status).toBe(200);
    expect(res.body.resolvedRepositoryUrl).toBe(`${gitlab.url}/acme/platform/app`);
  });

  it('refuses a host that is not configured, naming the configured ones, and sends no request for it', async () => {
    gitlab.resetRequests();
    const before = github.requests.length;
    const res = await getFile({ localPath: 'main.go', repositoryURL: 'https://bitbucket.org/acme/app' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid_argument');
    expect(String(res.body.message)).toContain('bitbucket.org');
    expect(String(res.body.message)).toContain('gitlab.com');
    expect(String(res.body.message)).toContain('github.com');
    expect(gitlab.requests).toHaveLength(0);
    expect(github.requests).toHaveLength(before);
  });

  it('needs the GitLab session: none, a GitHub one, or a GitHub payload under the GitLab name is unauthenticated', async () => {
    expect((await getFile({ localPath: 'main.go' }, '')).body.code).toBe('unauthenticated');
    const githubCookie = sessionCookie({ accessToken: 'gho_x', expiry: Date.now() + 60_000 });
    expect((await getFile({ localPath: 'main.go' }, githubCookie)).body.code).toBe('unauthenticated');
    const swapped = `${GITLAB_SESSION_COOKIE}=${githubCookie.split('=')[1]}`;
    expect((await getFile({ localPath: 'main.go' }, swapped)).body.code).toBe('unauthenticated');
    // And the GitLab payload under GitHub's name does not read GitHub.
    const asGithub = `pyroscope_git_session=${alice.split('=')[1]}`;
    const res = await rpc(
      url,
      'GetCommit',
      { repositoryURL: 'https://github.com/golang/go', ref: 'go1.21.3' },
      { cookie: asGithub }
    );
    expect(res.body.code).toBe('unauthenticated');
  });

  it('keeps tenants apart: a GitLab session of one tenant does not work for another', async () => {
    const cookie = gitlabCookie('alice', 'tenant-a');
    expect((await getFile({ localPath: 'main.go' }, cookie, { 'x-scope-orgid': 'tenant-b' })).body.code).toBe(
      'unauthenticated'
    );
    expect((await getFile({ localPath: 'main.go' }, cookie, { 'x-scope-orgid': 'tenant-a' })).status).toBe(200);
  });

  it('a token GitLab no longer accepts is unauthenticated, so the panel offers to connect again', async () => {
    const revoked = gitlab.issueToken('alice', { lifetimeSeconds: 0 });
    gitlab.revokeToken(revoked.accessToken);
    const cookie = `${GITLAB_SESSION_COOKIE}=${encodeGitLabSessionCookie(
      encryptGitLabToken({ accessToken: revoked.accessToken, tokenType: 'Bearer' }, deriveKey(SECRET, 'anonymous'))
    )}`;
    expect((await getFile({ localPath: 'main.go', ref: 'main' }, cookie)).body.code).toBe('unauthenticated');
  });

  it('never leaks a private project through the cache: its member reads it, others get not_found', async () => {
    const body = { repositoryURL: 'https://gitlab.com/acme/secret', localPath: 'main.go', ref: secret.commits.commit0 };
    const own = await getFile(body);
    expect(decodeContent(own.body)).toBe('package main // secret\n');
    const bob = gitlabCookie('bob');
    const other = await getFile(body, bob);
    expect(other.body.code).toBe('not_found');
    expect(JSON.stringify(other.body)).not.toContain('secret\\n');
    const commit = await rpc(url, 'GetCommit', { repositoryURL: body.repositoryURL, ref: body.ref }, { cookie: bob });
    expect(commit.body.code).toBe('not_found');
  });

  it('caches by commit sha: the same frame again costs no GitLab file call', async () => {
    await getFile({ localPath: 'internal/cart/cart.go', ref: app.commits.commit1 });
    gitlab.resetRequests();
    await getFile({ localPath: 'internal/cart/cart.go', ref: app.commits.commit1 });
    expect(gitlab.apiCalls().filter((c) => c.path.includes('/repository/files/'))).toHaveLength(0);
  });

  it("turns GitLab's 429 into resource_exhausted with the reset time", async () => {
    const resetAt = Math.floor(Date.now() / 1000) + 900;
    gitlab.forceRateLimit({ resetAt });
    const res = await getFile({ localPath: 'main.go', ref: 'main' }, gitlabCookie('carol'));
    expect(res.status).toBe(429);
    expect(res.body).toMatchObject({ code: 'resource_exhausted' });
    expect(String(res.body.message)).toContain(new Date(resetAt * 1000).toISOString());
  });

  it('bounds every GitLab call with a timeout: a GitLab too slow to answer is not waited for', async () => {
    const slow = createServer(
      loadConfig({
        LOG_LEVEL: 'silent',
        GITHUB_SESSION_SECRET: SECRET,
        GITLAB_URL: gitlab.url,
        GITLAB_CLIENT_ID: gitlab.clientId,
        GITLAB_CLIENT_SECRET: gitlab.clientSecret,
        GITLAB_REPOSITORY_HOSTS: 'gitlab.com',
        GITHUB_TIMEOUT_MS: '200',
      }),
      { logger: createLogger('silent') }
    );
    const slowUrl = await slow.listen(0, '127.0.0.1');
    gitlab.setLatency(1000);
    try {
      const res = await rpc(
        slowUrl,
        'GetFile',
        { repositoryURL: APP_URL, ref: 'main', localPath: 'main.go' },
        { cookie: gitlabCookie('dave') }
      );
      expect(['deadline_exceeded', 'unavailable', 'not_found']).toContain(res.body.code);
      expect(JSON.stringify(res.body)).toMatch(/did not answer within 200 ms/);
    } finally {
      await slow.close();
    }
  });

  it('not found: the explanation lists the GitLab places tried', async () => {
    const client = createClient(VCSService, createConnectTransport({ baseUrl: url, httpVersion: '1.1' }));
    const error = await client
      .getFile(
        { repositoryURL: APP_URL, ref: app.commits.v1, localPath: '/opt/ext/nothing.go' },
        { headers: { cookie: alice } }
      )
      .then(
        () => undefined,
        (e: unknown) => ConnectError.from(e)
      );
    expect(error?.code).toBe(Code.NotFound);
    const explanation = error?.findDetails(ResolutionExplanationSchema)[0];
    expect(explanation?.configFound).toBe(true);
    expect(explanation?.attempts.find((a) => a.rule === 'mapping:local[0]')).toMatchObject({
      rule: 'mapping:local[0]',
      repositoryUrl: `${gitlab.url}/acme/platform/app`,
      path: 'ext/nothing.go',
      outcome: 'not_found',
    });
  });

  describe('GetCommit / GetCommits', () => {
    it('GetCommit gives the commit with its GitLab URL', async () => {
      const res = await rpc(url, 'GetCommit', { repositoryURL: APP_URL, ref: 'v1' }, { cookie: alice });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        sha: app.commits.v1,
        message: 'Add the app\n',
        date: '2026-01-01T12:00:00Z',
        URL: `${gitlab.url}/acme/platform/app/-/commit/${app.commits.v1}`,
        author: { login: 'Linescope Demo' },
      });
    });

    it('GetCommits answers in request order with the ref of each, dropping unknown refs', async () => {
      const res = await rpc(
        url,
        'GetCommits',
        { repository_url: APP_URL, refs: ['main', 'nope', 'v1'] },
        { cookie: alice }
      );
      expect(res.status).toBe(200);
      const commits = res.body.commits as Array<{ sha: string; ref: string }>;
      expect(commits.map((c) => [c.ref, c.sha])).toEqual([
        ['main', app.commits.commit1],
        ['v1', app.commits.v1],
      ]);
    });

    it('GetCommit of an unknown ref is not_found', async () => {
      const res = await rpc(url, 'GetCommit', { repositoryURL: APP_URL, ref: 'nope' }, { cookie: alice });
      expect(res.body.code).toBe('not_found');
    });
  });
});
