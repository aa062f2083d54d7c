/** GitLab as a Git host: files, trees, refs and commits with caching, and per-user authorization before cache. */
import { GitLabDouble, startGitLabDouble } from '../../e2e/gitlab-double';
import { FileNotFoundError } from '../src/hosts/errors';
import { Repository } from '../src/hosts/git-host';
import { GitLabSource, GitLabSourceOptions } from '../src/hosts/gitlab/source';
import { failure } from './helpers';
import { expectRefusals, expectRefusedToOthers, readText, SOURCE_LIMITS, sourceSuite } from './source-fixture';

describe('GitLab source', () => {
  let double: GitLabDouble;
  let clock = Date.UTC(2026, 11, 2, 5, 0, 0);
  const { app, tokens } = sourceSuite(
    'group/sub/app',
    async (app) =>
      (double = await startGitLabDouble({
        projects: [
          { path: 'group/sub/app', dir: app.dir },
          { path: 'group/private', dir: app.dir, visibility: 'private', members: ['owner', 'member'] },
        ],
        now: () => clock,
      })),
    (user) => double.issueToken(user, { lifetimeSeconds: 0 }).accessToken
  );
  const project = (path: string): Repository => {
    const segments = path.split('/');
    return {
      owner: segments.slice(0, -1).join('/'),
      repo: segments[segments.length - 1],
      fullName: path,
      webUrl: `${double.url}/${path}`,
    };
  };
  beforeEach(() => double.resetRequests());

  const source = (options: Partial<GitLabSourceOptions> = {}) =>
    new GitLabSource({ apiUrl: double.apiUrl, ...SOURCE_LIMITS, now: () => clock, ...options });

  it('reads a file at a branch, a tag and a sha, with its GitLab web URL', async () => {
    const host = source().forUser(tokens.owner);
    const repo = project('group/sub/app');
    const atBranch = await host.readFile(repo, 'main.go', 'release/1.x');
    expect(atBranch).toEqual({
      content: Buffer.from('package main // 2\n'),
      url: `${double.url}/group/sub/app/-/blob/release/1.x/main.go`,
    });
    expect((await host.readFile(repo, '/lib/util.go', 'v1.0.0')).content.toString()).toBe('package lib\n');
    expect((await host.readFile(repo, 'main.go', app.commits.commit0)).content.toString()).toBe('package main\n');
    expect((await host.readFile(repo, 'main.go', '')).url).toBe(`${double.url}/group/sub/app/-/blob/HEAD/main.go`);
  });

  it('caches files by commit sha: a second read of the same place costs no file call', async () => {
    const shared = source();
    const repo = project('group/sub/app');
    await shared.forUser(tokens.owner).readFile(repo, 'main.go', app.commits.commit1);
    await shared.forUser(tokens.owner).readFile(repo, 'main.go', app.commits.commit1);
    expect(double.apiCalls('/projects/group%2Fsub%2Fapp/repository/files/')).toHaveLength(1);
  });

  it('resolves a branch once per TTL, then revalidates it with its ETag (304)', async () => {
    const shared = source();
    const repo = project('group/sub/app');
    await shared.forUser(tokens.owner).readFile(repo, 'main.go', 'main');
    await shared.forUser(tokens.owner).readFile(repo, 'lib/util.go', 'main');
    expect(double.apiCalls('/projects/group%2Fsub%2Fapp/repository/commits/')).toHaveLength(1);
    clock += 61_000;
    await shared.forUser(tokens.owner).readFile(repo, 'main.go', 'main');
    const commitCalls = double.apiCalls('/projects/group%2Fsub%2Fapp/repository/commits/');
    expect(commitCalls.map((c) => c.status)).toEqual([200, 304]);
  });

  it('never serves a private project from the cache to a user whose token cannot read it', async () => {
    const shared = source();
    const repo = project('group/private');
    const sha = app.commits.commit1;
    await expectRefusedToOthers(shared, repo, sha, tokens, (error) => {
      expect(error).toBeInstanceOf(FileNotFoundError);
      expect((error as Error).message).toMatch(/readable with this token/);
    });
    // A member proves access with one call, then gets the cached file.
    double.resetRequests();
    expect(await readText(shared.forUser(tokens.member), repo, 'main.go', sha)).toBe('package main // 2\n');
    expect(double.apiCalls().map((c) => [c.username, c.path.replace(/\?.*/, '')])).toEqual([
      ['member', `/api/v4/projects/group%2Fprivate/repository/commits/${sha}`],
    ]);
    // Nor is a listing or a commit shared with the outsider.
    await shared.forUser(tokens.owner).listFiles(repo, sha);
    expect(await failure(shared.forUser(tokens.outsider).listFiles(repo, sha))).toBeInstanceOf(FileNotFoundError);
    await shared.forUser(tokens.owner).getCommit(repo, sha);
    expect(await failure(shared.forUser(tokens.outsider).getCommit(repo, sha))).toBeInstanceOf(FileNotFoundError);
  });

  it('keeps a "missing" answer from a project the user cannot see to that user only', async () => {
    const shared = source();
    const repo = project('group/private');
    await failure(shared.forUser(tokens.outsider).readFile(repo, 'main.go', 'main'));
    expect((await shared.forUser(tokens.owner).readFile(repo, 'main.go', 'main')).content.toString()).toBe(
      'package main // 2\n'
    );
  });

  it.each([
    ['404 Not Found', 404],
    ['404 File Not Found', 404],
    ['404 Commit Not Found', 404],
    ['403 Forbidden', 403],
  ])(
    "fails closed: an outsider's %s (a private project's answer in other words) is no access",
    async (message, status) => {
      // A GitLab version or a proxy in front of it that words "you cannot see this project" differently.
      const reworded: typeof fetch = async (input, init) => {
        const response = await fetch(input, init);
        const auth = new Headers(init?.headers).get('authorization') ?? '';
        if (response.status !== 404 || !auth.endsWith(tokens.outsider)) {
          return response;
        }
        await response.body?.cancel();
        return new Response(JSON.stringify({ message }), { status, headers: { 'content-type': 'application/json' } });
      };
      const shared = source({ fetch: reworded });
      const repo = project('group/private');
      const sha = app.commits.commit1;
      await shared.forUser(tokens.owner).readFile(repo, 'main.go', sha);
      await shared.forUser(tokens.owner).listFiles(repo, sha);
      for (const attempt of [1, 2]) {
        const outsider = shared.forUser(tokens.outsider);
        expect({ attempt, file: await failure(outsider.readFile(repo, 'main.go', sha)) }).toEqual({
          attempt,
          file: expect.any(Error),
        });
        expect(await failure(outsider.listFiles(repo, sha))).toEqual(expect.any(Error));
        expect(await failure(outsider.getCommit(repo, sha))).toEqual(expect.any(Error));
      }
    }
  );

  it('refuses files over the size limit, binary files and paths that climb out; a missing ref is named', async () => {
    const host = source().forUser(tokens.owner);
    const repo = project('group/sub/app');
    await expectRefusals(host, repo, 'not_found');
    expect(await failure(host.readFile(repo, 'main.go', 'no-such-branch'))).toMatchObject({
      message: "no commit 'no-such-branch' in group/sub/app readable with this token",
    });
  });

  it('lists the files of a tree, and none when the tree is larger than allowed', async () => {
    const repo = project('group/sub/app');
    const paths = await source().forUser(tokens.owner).listFiles(repo, 'v1.0.0');
    expect([...(paths ?? [])].sort()).toEqual(['lib/util.go', 'logo.png', 'main.go']);
    expect(await source({ maxTreeEntries: 2 }).forUser(tokens.owner).listFiles(repo, 'v1.0.0')).toBeUndefined();
  });

  it('gives a commit by branch, tag or sha in the host-neutral shape, with GitLab links', async () => {
    const host = source().forUser(tokens.owner);
    const repo = project('group/sub/app');
    const commit = await host.getCommit(repo, 'release/1.x');
    expect(commit).toEqual({
      sha: app.commits.commit1,
      message: 'commit 1\n',
      date: '2026-01-02T12:00:00Z',
      url: `${double.url}/group/sub/app/-/commit/${app.commits.commit1}`,
      author: { login: 'Linescope Demo', avatarUrl: '' },
    });
    expect((await host.getCommit(repo, 'refs/tags/v1.0.0')).sha).toBe(app.commits.commit0);
    expect(await host.commitSha(repo, 'v1.0.0')).toBe(app.commits.commit0);
    expect(host.commitUrl(repo, 'abc')).toBe(`${double.url}/group/sub/app/-/commit/abc`);
    expect(host.fileUrl(repo, 'v1.0.0', 'lib/util.go')).toBe(`${double.url}/group/sub/app/-/blob/v1.0.0/lib/util.go`);
  });
});
