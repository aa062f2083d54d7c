/**
 * linescope.v1.BlameService over real HTTP against the GitHub double (GraphQL blame, REST compare) and the GitLab
 * double (file blame with its range, repository compare): what each line's commit is, the pull request link,
 * caching and joining of blames across users with each user's own access proof, metrics, and bad input.
 */
import { createFixtureRepo, type FixtureCommit } from '../../e2e/git-fixtures';
import { GitHubDouble, startGitHubDouble } from '../../e2e/github-double';
import { GitLabDouble, startGitLabDouble } from '../../e2e/gitlab-double';
import { createLogger } from '../src/log';
import { createServer, LinescopeServer } from '../src/server';
import { OAuthToken } from '../src/session/token';
import { bothHostsConfig, gitlabCookieFor, sessionCookie, tempDir } from './helpers';

const tmp = tempDir('blame');
const V1 = ['package shop', '', 'func Search() {', '\tslow()', '}', ''].join('\n');
const V2 = ['package shop', '', 'func Search() {', '\tfast()', '\tcount()', '}', ''].join('\n');
const history: FixtureCommit[] = [
  { files: { 'shop/search.go': V1, 'README.md': 'shop\n' }, tags: ['v1.0.0'], message: 'Add search' },
  { files: { 'README.md': 'shop, documented\n' }, message: 'Document the shop' },
  { files: { 'shop/search.go': V2 }, tags: ['v1.1.0'], message: 'Search faster (#12)\n\nAnd count the calls.' },
];
const shop = createFixtureRepo(tmp.dir, 'acme/shop', history);
const project = createFixtureRepo(tmp.dir, 'acme/platform/shop', history);
const secret = createFixtureRepo(tmp.dir, 'acme/secret', history);

describe('BlameService over HTTP', () => {
  let github: GitHubDouble;
  let gitlab: GitLabDouble;
  let server: LinescopeServer;
  let url: string;

  const githubCookie = (login: string) => {
    const granted = github.issueToken(login);
    const token: OAuthToken = { accessToken: granted.accessToken, tokenType: 'bearer', expiry: granted.expiresAt };
    return sessionCookie(token);
  };
  const gitlabCookie = (username: string) => gitlabCookieFor(gitlab, username);
  const call = async (method: string, body: unknown, cookie: string) => {
    const response = await fetch(`${url}/linescope.v1.BlameService/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };

  beforeAll(async () => {
    github = await startGitHubDouble({
      repos: [
        { fullName: 'acme/shop', dir: shop.dir },
        { fullName: 'acme/secret', dir: secret.dir, private: true, readers: ['alice'] },
      ],
    });
    gitlab = await startGitLabDouble({ projects: [{ path: 'acme/platform/shop', dir: project.dir }] });
    const config = bothHostsConfig(github, gitlab);
    server = createServer(config, { logger: createLogger('silent') });
    url = await server.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await server.close();
    await github.stop();
    await gitlab.stop();
    tmp.remove();
  });
  beforeEach(() => {
    github.resetRequests();
    gitlab.resetRequests();
  });

  /** Each line's commit sha, from an answer. */
  const lineShas = (body: Record<string, any>) => {
    const byLine: Record<number, string> = {};
    for (const range of body.ranges) {
      for (let line = range.startLine; line <= range.endLine; line++) {
        byLine[line] = body.commits[range.commit ?? 0].sha;
      }
    }
    return byLine;
  };

  it('answers from GitHub GraphQL who last changed each line asked for, with the pull request', async () => {
    const { status, body } = await call(
      'GetBlame',
      {
        repositoryUrl: 'https://github.com/acme/shop',
        ref: 'v1.1.0',
        path: 'shop/search.go',
        startLine: 3,
        endLine: 6,
      },
      githubCookie('bob')
    );
    expect(status).toBe(200);
    expect(body.sha).toBe(shop.commits['v1.1.0']);
    expect(lineShas(body)).toEqual({
      3: shop.commits['v1.0.0'],
      4: shop.commits['v1.1.0'],
      5: shop.commits['v1.1.0'],
      6: shop.commits['v1.0.0'],
    });
    const newest = body.commits.find((c: { sha: string }) => c.sha === shop.commits['v1.1.0']);
    expect(newest).toMatchObject({
      title: 'Search faster (#12)',
      authorName: 'Linescope Demo',
      authorLogin: 'demo',
      url: `${github.url}/acme/shop/commit/${shop.commits['v1.1.0']}`,
      changeRequest: { number: 12, title: 'Search faster' },
    });
    expect(newest.changeRequest.url).toMatch(/\/acme\/shop\/pull\/12$/);
    expect(Number(newest.date)).toBe(Date.UTC(2026, 0, 3, 12));
    expect(github.apiCalls('/graphql')).toHaveLength(1);
  });

  it('costs one GraphQL blame for a burst of users opening the same file, each showing their own access', async () => {
    const cookies = ['carol', 'dave', 'erin', 'frank'].map(githubCookie);
    const request = {
      repositoryUrl: 'https://github.com/acme/shop',
      ref: shop.commits.commit1,
      path: 'shop/search.go',
    };
    const answers = await Promise.all(cookies.map((cookie) => call('GetBlame', request, cookie)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    expect(github.apiCalls('/graphql')).toHaveLength(1);
    // Every other user's token was shown to read the repository (a commits call each), none got it for free.
    const provers = new Set(github.apiCalls('/repos/acme/shop/commits').map((r) => r.login));
    const blamer = github.apiCalls('/graphql')[0].login;
    expect([...provers, blamer].sort()).toEqual(['carol', 'dave', 'erin', 'frank']);
  });

  it('never serves a cached blame of a private repository to a user who cannot read it', async () => {
    const request = {
      repositoryUrl: 'https://github.com/acme/secret',
      ref: secret.commits['v1.0.0'],
      path: 'shop/search.go',
    };
    expect((await call('GetBlame', request, githubCookie('alice'))).status).toBe(200);
    const mallory = await call('GetBlame', request, githubCookie('mallory'));
    expect(mallory.status).toBe(404);
    expect(mallory.body.code).toBe('not_found');
    expect(JSON.stringify(mallory.body)).not.toContain('slow()');
  });

  it('says not_found for a path that is not in the commit', async () => {
    const { status, body } = await call(
      'GetBlame',
      { repositoryUrl: 'https://github.com/acme/shop', ref: 'v1.0.0', path: 'shop/missing.go' },
      githubCookie('bob')
    );
    expect(status).toBe(404);
    expect(body.code).toBe('not_found');
  });

  it('refuses bad line spans and empty paths before calling the host', async () => {
    const cookie = githubCookie('bob');
    const base = { repositoryUrl: 'https://github.com/acme/shop', ref: 'v1.0.0', path: 'shop/search.go' };
    for (const span of [{ startLine: 5, endLine: 2 }, { startLine: 3 }, { startLine: 1, endLine: 50_000 }]) {
      const { status, body } = await call('GetBlame', { ...base, ...span }, cookie);
      expect(status).toBe(400);
      expect(body.code).toBe('invalid_argument');
    }
    expect((await call('GetBlame', { ...base, path: '' }, cookie)).body.code).toBe('invalid_argument');
    expect(github.apiCalls('/graphql')).toHaveLength(0);
  });

  it('counts the GraphQL calls and their point budget in the host metrics', async () => {
    await call(
      'GetBlame',
      { repositoryUrl: 'https://github.com/acme/shop', ref: shop.commits.commit1, path: 'README.md' },
      githubCookie('bob')
    );
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toMatch(
      /linescope_git_host_request_duration_seconds_count\{provider="github",method="POST",route="\/graphql",status_code="200"\} [1-9]/
    );
    expect(metrics).toMatch(/linescope_git_host_rate_limit_remaining\{provider="github",resource="graphql"\} \d+/);
  });

  it("answers resource_exhausted with the reset time when GitHub's GraphQL point budget is spent", async () => {
    const resetAt = Math.floor(Date.now() / 1000) + 1800;
    github.forceRateLimit({ status: 403, resetAt, count: 1 });
    try {
      const { status, body } = await call(
        'GetBlame',
        { repositoryUrl: 'https://github.com/acme/shop', ref: shop.commits.commit1, path: 'shop/search.go' },
        githubCookie('gina')
      );
      expect(status).toBe(429);
      expect(body.code).toBe('resource_exhausted');
      expect(body.message).toContain(new Date(resetAt * 1000).toISOString());
    } finally {
      github.clearRateLimit();
    }
  });

  it('lists the commits between two versions on GitHub, oldest first, with the changed paths', async () => {
    const { status, body } = await call(
      'CompareCommits',
      { repositoryUrl: 'https://github.com/acme/shop', base: 'v1.0.0', head: 'v1.1.0' },
      githubCookie('bob')
    );
    expect(status).toBe(200);
    expect(body.commits.map((c: { sha: string }) => c.sha)).toEqual([shop.commits.commit1, shop.commits['v1.1.0']]);
    expect(body.commits[1].title).toBe('Search faster (#12)');
    expect([...body.changedPaths].sort()).toEqual(['README.md', 'shop/search.go']);
    expect(body.truncated ?? false).toBe(false);
  });

  it('asks GitLab for the lines of the span only, and reads its implicit line numbers', async () => {
    const { status, body } = await call(
      'GetBlame',
      {
        repositoryUrl: 'https://gitlab.com/acme/platform/shop',
        ref: 'v1.1.0',
        path: 'shop/search.go',
        startLine: 4,
        endLine: 6,
      },
      gitlabCookie('alice')
    );
    expect(status).toBe(200);
    expect(lineShas(body)).toEqual({
      4: project.commits['v1.1.0'],
      5: project.commits['v1.1.0'],
      6: project.commits['v1.0.0'],
    });
    const newest = body.commits.find((c: { sha: string }) => c.sha === project.commits['v1.1.0']);
    expect(newest.title).toBe('Search faster (#12)');
    expect(newest.url).toBe(`${gitlab.url}/acme/platform/shop/-/commit/${project.commits['v1.1.0']}`);
    const blames = gitlab.apiCalls().filter((r) => r.path.includes('/blame'));
    expect(blames).toHaveLength(1);
    expect(decodeURIComponent(blames[0].path)).toContain('range[start]=4&range[end]=6');
  });

  it('lists the commits between two versions on GitLab', async () => {
    const { status, body } = await call(
      'CompareCommits',
      { repositoryUrl: 'https://gitlab.com/acme/platform/shop', base: 'v1.0.0', head: 'v1.1.0' },
      gitlabCookie('alice')
    );
    expect(status).toBe(200);
    expect(body.commits.map((c: { sha: string }) => c.sha)).toEqual([
      project.commits.commit1,
      project.commits['v1.1.0'],
    ]);
    expect([...body.changedPaths].sort()).toEqual(['README.md', 'shop/search.go']);
  });
});
