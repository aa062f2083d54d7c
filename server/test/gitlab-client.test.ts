/** The GitLab REST client against the GitLab double, over real HTTP. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFixtureRepo } from '../../e2e/git-fixtures';
import { GitLabDouble, startGitLabDouble } from '../../e2e/gitlab-double';
import { loadConfig } from '../src/config';
import { encodeSegment, GitLabClient, GitLabClientOptions } from '../src/hosts/gitlab/client';
import { GitLabAuthError, GitLabError, GitLabNotFoundError, GitLabRateLimitError } from '../src/hosts/gitlab/errors';
import { FileNotFoundError, RateLimitError } from '../src/hosts/errors';

describe('GitLab client', () => {
  const root = mkdtempSync(join(tmpdir(), 'linescope-gitlab-client-'));
  const many = Object.fromEntries(
    Array.from({ length: 230 }, (_, i) => [`gen/f${String(i).padStart(3, '0')}.go`, `package gen\n`])
  );
  const app = createFixtureRepo(root, 'group/subgroup/my.app', [
    { files: { 'main.go': 'package main\n', 'docs/big.txt': 'x'.repeat(5000), ...many }, tags: ['v1.2.0'] },
    { files: { 'main.go': 'package main // 2\n' }, branch: 'release/1.x' },
  ]);
  let double: GitLabDouble;
  let token: string;
  const signals: AbortController[] = [];

  beforeAll(async () => {
    double = await startGitLabDouble({
      projects: [
        { path: 'group/subgroup/my.app', dir: app.dir },
        { path: 'group/private', dir: app.dir, visibility: 'private', members: ['owner'] },
      ],
    });
    token = double.issueToken('alice').accessToken;
  });
  afterAll(async () => {
    signals.forEach((c) => c.abort());
    await double.stop();
    rmSync(root, { recursive: true, force: true });
  });
  afterEach(() => {
    double.clearRateLimit();
    double.clearServerErrors();
    double.setLatency(0);
  });

  const client = (options: Partial<GitLabClientOptions> = {}) =>
    new GitLabClient({ apiUrl: double.apiUrl, timeoutMs: 5000, token, ...options });

  it('encodes project and file paths as one segment, dots included', () => {
    expect(encodeSegment('group/subgroup/my.app')).toBe('group%2Fsubgroup%2Fmy%2Eapp');
    expect(encodeSegment('lib/class.rb')).toBe('lib%2Fclass%2Erb');
  });

  it('reads a project of nested groups by its path', async () => {
    const project = await client().getProject('group/subgroup/my.app');
    expect(project).toMatchObject({ path_with_namespace: 'group/subgroup/my.app', default_branch: 'main' });
    expect(double.apiCalls().map((c) => c.path)).toContain('/api/v4/projects/group%2Fsubgroup%2Fmy%2Eapp');
  });

  it('reads raw files at a sha, a branch with a slash, a tag and the default branch', async () => {
    const c = client();
    const atTag = await c.getRawFile('group/subgroup/my.app', 'main.go', 'v1.2.0', 1024);
    expect(atTag).toMatchObject({ content: Buffer.from('package main\n'), commitId: app.commits['v1.2.0'], size: 13 });
    expect((await c.getRawFile('group/subgroup/my.app', 'main.go', 'release/1.x', 1024)).content.toString()).toBe(
      'package main // 2\n'
    );
    expect((await c.getRawFile('group/subgroup/my.app', 'main.go', '', 1024)).commitId).toBe(app.commits.commit1);
    const json = await c.getFile('group/subgroup/my.app', 'main.go', app.commits.commit0);
    expect(json.bytes.toString()).toBe('package main\n');
    expect(json.last_commit_id).toBe(app.commits.commit0);
  });

  it('refuses a file over the size limit before downloading it', async () => {
    const big = await client().getRawFile('group/subgroup/my.app', 'docs/big.txt', 'main', 1000);
    expect(big).toMatchObject({ size: 5000, content: Buffer.alloc(0) });
  });

  it('lists a tree of more than one page with keyset pagination, and gives up past the limit', async () => {
    double.resetRequests();
    const entries = await client().listTree('group/subgroup/my.app', 'main', 10_000);
    const blobs = (entries ?? []).filter((e) => e.type === 'blob').map((e) => e.path);
    expect(blobs).toHaveLength(232);
    expect(blobs).toContain('gen/f229.go');
    expect(double.apiCalls('/projects/group%2Fsubgroup%2Fmy%2Eapp/repository/tree')).toHaveLength(3);
    expect(await client().listTree('group/subgroup/my.app', 'main', 150)).toBeUndefined();
  });

  it('reads commits, branches and tags, and revalidates a commit with its ETag', async () => {
    const c = client();
    const first = await c.getCommit('group/subgroup/my.app', 'release/1.x');
    expect(first.notModified).toBe(false);
    if (first.notModified) {
      return;
    }
    expect(first.data).toMatchObject({ id: app.commits.commit1, title: 'commit 1', author_name: 'Linescope Demo' });
    expect(await c.getCommit('group/subgroup/my.app', 'release/1.x', first.etag)).toEqual({ notModified: true });
    expect((await c.getBranch('group/subgroup/my.app', 'release/1.x')).commit.id).toBe(app.commits.commit1);
    expect((await c.getTag('group/subgroup/my.app', 'v1.2.0')).commit.id).toBe(app.commits.commit0);
  });

  it('tells a project the token cannot see from a missing file, commit or branch', async () => {
    const failure = (promise: Promise<unknown>) =>
      promise.then(
        () => undefined,
        (e: unknown) => e
      );
    const hidden = await failure(client().getRawFile('group/private', 'main.go', 'main', 1024));
    expect(hidden).toBeInstanceOf(GitLabNotFoundError);
    expect(hidden).toBeInstanceOf(FileNotFoundError);
    expect(hidden).toMatchObject({ missing: 'project', message: expect.stringMatching(/404 Project Not Found$/) });
    const owner = double.issueToken('owner').accessToken;
    expect((await client({ token: owner }).getRawFile('group/private', 'main.go', 'main', 1024)).size).toBe(18);
    expect(await failure(client().getRawFile('group/subgroup/my.app', 'nope.go', 'main', 1024))).toMatchObject({
      missing: 'file',
    });
    expect(await failure(client().getCommit('group/subgroup/my.app', 'nope'))).toMatchObject({ missing: 'commit' });
    expect(await failure(client().getBranch('group/subgroup/my.app', 'nope'))).toMatchObject({ missing: 'branch' });
  });

  it('reports a 401 (revoked or unknown token) as an authentication error', async () => {
    const revoked = double.issueToken('alice').accessToken;
    double.revokeToken(revoked);
    await expect(client({ token: revoked }).getProject('group/subgroup/my.app')).rejects.toThrow(GitLabAuthError);
    await expect(client({ token: 'unknown' }).getProject('group/subgroup/my.app')).rejects.toThrow(
      /: 401 Unauthorized$/
    );
  });

  it('turns a 429 into a rate-limit error with the reset time from RateLimit-Reset', async () => {
    const resetAt = Math.floor(Date.now() / 1000) + 600;
    double.forceRateLimit({ resetAt });
    const error = await client()
      .getProject('group/subgroup/my.app')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitLabRateLimitError);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ resetAt: resetAt * 1000, status: 429 });
    expect((error as Error).message).toBe(
      `GitLab rate limit exceeded; it resets at ${new Date(resetAt * 1000).toISOString()}`
    );
  });

  it('takes the reset time from Retry-After when RateLimit-Reset is missing', async () => {
    double.forceRateLimit({ resetAt: Math.floor(Date.now() / 1000) + 90 });
    const withoutReset: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const headers = new Headers(response.headers);
      headers.delete('ratelimit-reset');
      return new Response(await response.arrayBuffer(), { status: response.status, headers });
    };
    const now = Date.UTC(2026, 11, 2, 5, 0, 0);
    const error = await client({ fetch: withoutReset, now: () => now })
      .getProject('group/subgroup/my.app')
      .catch((e: unknown) => e);
    expect((error as GitLabRateLimitError).resetAt).toBeGreaterThanOrEqual(now + 89_000);
    expect((error as GitLabRateLimitError).resetAt).toBeLessThanOrEqual(now + 90_000);
  });

  it('retries once when the rate limit lifts within the allowed wait, and a transient 502 once', async () => {
    double.forceRateLimit({ resetAt: Math.floor(Date.now() / 1000), count: 1 });
    double.resetRequests();
    expect((await client().getProject('group/subgroup/my.app')).id).toBeGreaterThan(0);
    expect(double.apiCalls().map((c) => c.status)).toEqual([429, 200]);

    double.forceServerError({ pathPrefix: '/projects/', status: 502, count: 1 });
    expect((await client().getProject('group/subgroup/my.app')).id).toBeGreaterThan(0);
    double.forceServerError({ pathPrefix: '/projects/', status: 503, count: 2 });
    const error = await client()
      .getProject('group/subgroup/my.app')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitLabError);
    expect(error).toMatchObject({ status: 503, message: expect.stringMatching(/: 503 Service Unavailable$/) });
  });

  it('times out a call GitLab does not answer, and stops when the caller cancels', async () => {
    double.setLatency(1000);
    await expect(client({ timeoutMs: 100 }).getProject('group/subgroup/my.app')).rejects.toThrow(
      'GitLab did not answer within 100 ms'
    );
    const cancel = new AbortController();
    signals.push(cancel);
    const pending = client({ signal: cancel.signal }).getProject('group/subgroup/my.app');
    cancel.abort(new Error('client went away'));
    await expect(pending).rejects.toThrow('client went away');
  });

  it('never follows a next-page link to another host', async () => {
    const elsewhere: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const headers = new Headers(response.headers);
      const link = headers.get('link');
      if (link) {
        headers.set('link', link.replace(/^<http:\/\/[^/]+/, '<http://evil.example'));
      }
      return new Response(await response.arrayBuffer(), { status: response.status, headers });
    };
    await expect(client({ fetch: elsewhere }).listTree('group/subgroup/my.app', 'main', 10_000)).rejects.toThrow(
      'is not on'
    );
  });

  it('works with a self-managed instance under a path prefix (GITLAB_URL with a path)', async () => {
    const prefixed = await startGitLabDouble({
      projects: [{ path: 'group/subgroup/my.app', dir: app.dir }],
      pathPrefix: '/gitlab',
    });
    try {
      const config = loadConfig({ GITLAB_URL: `${prefixed.url}/` });
      expect(config.gitlabUrl).toBe(prefixed.url);
      expect(config.gitlabApiUrl).toBe(`${prefixed.url}/api/v4`);
      const c = new GitLabClient({ apiUrl: config.gitlabApiUrl, timeoutMs: 5000 });
      expect((await c.listTree('group/subgroup/my.app', 'main', 10_000))?.length).toBeGreaterThan(200);
      expect((await c.getRawFile('group/subgroup/my.app', 'main.go', 'v1.2.0', 1024)).content.toString()).toBe(
        'package main\n'
      );
    } finally {
      await prefixed.stop();
    }
  });
});

describe('GitLab configuration', () => {
  it('defaults to gitlab.com and derives the API URL; either host may be configured alone', () => {
    expect(loadConfig({})).toMatchObject({
      gitlabUrl: 'https://gitlab.com',
      gitlabApiUrl: 'https://gitlab.com/api/v4',
    });
    expect(
      loadConfig({ GITLAB_URL: 'https://example.com/gitlab', GITLAB_API_URL: 'https://api.example.com/v4/' })
    ).toMatchObject({ gitlabUrl: 'https://example.com/gitlab', gitlabApiUrl: 'https://api.example.com/v4' });
    const gitlabOnly = loadConfig({
      GITLAB_CLIENT_ID: 'app',
      GITLAB_CLIENT_SECRET: 'secret',
      GITHUB_SESSION_SECRET: 'a-long-enough-session-secret',
    });
    expect(gitlabOnly).toMatchObject({ gitlabClientId: 'app', githubClientId: '' });
  });

  it('says what is missing when the GitLab application is half configured', () => {
    expect(() => loadConfig({ GITLAB_CLIENT_ID: 'app' })).toThrow(
      'GITLAB_CLIENT_ID, GITLAB_CLIENT_SECRET and SESSION_SECRET must be set together'
    );
    expect(() => loadConfig({ GITLAB_URL: 'gitlab.example.com' })).toThrow(
      'GITLAB_URL="gitlab.example.com" must be an http(s) URL, e.g. https://gitlab.example.com'
    );
    expect(() => loadConfig({ GITHUB_SESSION_SECRET: 'a-long-enough-session-secret' })).toThrow(
      'GITHUB_CLIENT_ID, GITHUB_CLIENT_SECRET and SESSION_SECRET must be set together'
    );
  });
});
