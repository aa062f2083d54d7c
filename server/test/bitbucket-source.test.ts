/** Bitbucket Cloud as a Git host: files, refs and commits with caching, per-user access proof, its failures. */
import { BitbucketDouble, startBitbucketDouble } from '../../e2e/bitbucket-double';
import { toConnectError } from '../src/hosts/error-policy';
import {
  BlameUnavailableError,
  FileNotFoundError,
  HostAuthError,
  HostError,
  RateLimitError,
} from '../src/hosts/errors';
import { Repository } from '../src/hosts/git-host';
import { BitbucketSource, BitbucketSourceOptions } from '../src/hosts/bitbucket/source';
import { createMetrics } from '../src/metrics';
import { failure } from './helpers';
import { expectRefusals, expectRefusedToOthers, readText, SOURCE_LIMITS, sourceSuite } from './source-fixture';

describe('Bitbucket source', () => {
  let double: BitbucketDouble;
  let clock = Date.UTC(2026, 11, 2, 5, 0, 0);
  const { app, tokens } = sourceSuite(
    'acme/app',
    async (app) =>
      (double = await startBitbucketDouble({
        repositories: [
          { fullName: 'acme/app', dir: app.dir },
          { fullName: 'acme/private', dir: app.dir, isPrivate: true, members: ['owner', 'member'] },
        ],
        now: () => clock,
      })),
    (user) => double.issueToken(user, 86_400).accessToken
  );
  const repository = (fullName: string): Repository => {
    const [owner, repo] = fullName.split('/');
    return { owner, repo, fullName, webUrl: `${double.url}/${fullName}` };
  };
  beforeEach(() => {
    double.resetRequests();
    double.clearRateLimit();
  });

  const source = (options: Partial<BitbucketSourceOptions> = {}) =>
    new BitbucketSource({ apiUrl: double.apiUrl, ...SOURCE_LIMITS, now: () => clock, ...options });
  const calls = () => double.apiCalls().map((c) => c.path.replace(/\?.*/, '').replace('/2.0/repositories/acme/', ''));

  it('reads a file at a branch (with a slash), a tag, a sha, a short sha and the main branch, with its web URL', async () => {
    const host = source().forUser(tokens.owner);
    const repo = repository('acme/app');
    expect(await host.readFile(repo, 'main.go', 'release/1.x')).toEqual({
      content: Buffer.from('package main // 2\n'),
      url: `${double.url}/acme/app/src/release/1.x/main.go`,
    });
    expect((await host.readFile(repo, '/lib/util.go', 'v1.0.0')).content.toString()).toBe('package lib\n');
    expect((await host.readFile(repo, 'main.go', app.commits.commit0)).content.toString()).toBe('package main\n');
    expect((await host.readFile(repo, 'main.go', app.commits.commit0.slice(0, 10))).content.toString()).toBe(
      'package main\n'
    );
    expect((await host.readFile(repo, 'main.go', 'refs/tags/v1.0.0')).content.toString()).toBe('package main\n');
    expect((await host.readFile(repo, 'main.go', '')).url).toBe(`${double.url}/acme/app/src/HEAD/main.go`);
    // Files are always read at the resolved commit, never at a branch name (`src` is documented for commits).
    expect(
      calls()
        .filter((c) => c.startsWith('app/src/'))
        .every((c) => /^app\/src\/[0-9a-f]{40}\//.test(c))
    ).toBe(true);
  });

  it('caches files by commit and refs for their TTL: a second read costs no call', async () => {
    const shared = source();
    const repo = repository('acme/app');
    await shared.forUser(tokens.owner).readFile(repo, 'main.go', 'release/1.x');
    const first = calls();
    expect(first).toEqual(['app/refs/branches/release/1.x', `app/src/${app.commits.commit1}/main.go`]);
    await shared.forUser(tokens.owner).readFile(repo, 'main.go', 'release/1.x');
    expect(calls()).toEqual(first);
    clock += 61_000;
    await shared.forUser(tokens.owner).readFile(repo, 'main.go', 'release/1.x');
    expect(calls()).toEqual([...first, 'app/refs/branches/release/1.x']);
  });

  it('never serves a private repository from the cache to a user whose token cannot read it', async () => {
    const shared = source();
    const repo = repository('acme/private');
    const sha = app.commits.commit1;
    await expectRefusedToOthers(shared, repo, sha, tokens, (error) => {
      expect(error).toBeInstanceOf(HostError);
      expect(toConnectError(error).rawMessage).toMatch(/403 Access denied/);
    });
    double.resetRequests();
    expect(await readText(shared.forUser(tokens.member), repo, 'main.go', sha)).toBe('package main // 2\n');
    expect(double.apiCalls().map((c) => [c.username, c.path])).toEqual([
      ['member', `/2.0/repositories/acme/private/commit/${sha}`],
    ]);
    await shared.forUser(tokens.owner).getCommit(repo, sha);
    expect(await failure(shared.forUser(tokens.outsider).getCommit(repo, sha))).toBeInstanceOf(HostError);
  });

  it('keeps a "missing" answer to the user who got it until their access is known', async () => {
    // A proxy that words "you cannot read this" as Bitbucket's 404 for the outsider.
    const hiding: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (response.status !== 403) {
        return response;
      }
      await response.body?.cancel();
      return new Response(JSON.stringify({ type: 'error', error: { message: 'You may not have access' } }), {
        status: 404,
      });
    };
    const shared = source({ fetch: hiding });
    const repo = repository('acme/private');
    expect(await failure(shared.forUser(tokens.outsider).readFile(repo, 'main.go', 'main'))).toBeInstanceOf(
      FileNotFoundError
    );
    expect((await shared.forUser(tokens.owner).readFile(repo, 'main.go', 'main')).content.toString()).toBe(
      'package main // 2\n'
    );
    const missing = await failure(shared.forUser(tokens.owner).readFile(repo, 'main.go', 'no-such-branch'));
    expect((missing as Error).message).toMatch(/no commit 'no-such-branch' in acme\/private readable with this token/);
    double.resetRequests();
    // Known missing for everyone with access now: no call for the member either.
    expect(await failure(shared.forUser(tokens.owner).readFile(repo, 'main.go', 'no-such-branch'))).toBeInstanceOf(
      FileNotFoundError
    );
    expect(calls()).toEqual([]);
  });

  it('refuses files over the size limit, binary files, directories and paths that climb out', async () => {
    await expectRefusals(source().forUser(tokens.owner), repository('acme/app'), 'not_a_file');
  });

  it('gives a commit by branch, tag or sha in the host-neutral shape, with the Bitbucket link', async () => {
    const host = source().forUser(tokens.owner);
    const repo = repository('acme/app');
    const commit = await host.getCommit(repo, 'release/1.x');
    expect(commit).toEqual({
      sha: app.commits.commit1,
      message: 'commit 1',
      date: '2026-01-02T12:00:00Z',
      url: `${double.url}/acme/app/commits/${app.commits.commit1}`,
      author: { login: expect.any(String), avatarUrl: '' },
    });
    expect((await host.getCommit(repo, 'v1.0.0')).sha).toBe(app.commits.commit0);
    expect(await host.commitSha(repo, '')).toBe(app.commits.commit1);
    expect(host.commitUrl(repo, 'abc')).toBe(`${double.url}/acme/app/commits/abc`);
  });

  it('classifies a refused token, the rate limit and an outage through the one error policy', async () => {
    const repo = repository('acme/app');
    const refused = await failure(source().forUser('revoked').readFile(repo, 'main.go', 'main'));
    expect(refused).toBeInstanceOf(HostAuthError);
    expect(toConnectError(refused).code).toBe(16); // Unauthenticated
    double.forceRateLimit();
    const limited = await failure(source().forUser(tokens.owner).readFile(repo, 'main.go', 'main'));
    expect(limited).toBeInstanceOf(RateLimitError);
    expect((limited as RateLimitError).resetAt).toBeUndefined();
    double.clearRateLimit();
    // One transient 503 is retried; two are not.
    double.forceServerError(503, 1);
    expect((await source().forUser(tokens.owner).readFile(repo, 'main.go', 'main')).content.toString()).toBe(
      'package main // 2\n'
    );
    double.forceServerError(503, 2);
    expect(await failure(source().forUser(tokens.owner).readFile(repo, 'main.go', 'main'))).toMatchObject({
      status: 503,
    });
  });

  it('answers blame and compare as unavailable: the 2.0 API has neither', async () => {
    const host = source().forUser(tokens.owner);
    const repo = repository('acme/app');
    const blame = await failure(host.blame(repo, 'main', 'main.go'));
    expect(blame).toBeInstanceOf(BlameUnavailableError);
    expect(toConnectError(blame).code).toBe(12); // Unimplemented
    expect(await failure(host.compare(repo, 'v1.0.0', 'main'))).toBeInstanceOf(BlameUnavailableError);
    expect(calls()).toEqual([]);
  });

  it('counts its calls by provider and route template, never by names', async () => {
    const metrics = createMetrics();
    await source({ metrics }).forUser(tokens.owner).readFile(repository('acme/app'), 'main.go', 'v1.0.0');
    const text = await metrics.registry.metrics();
    expect(text).toMatch(
      /provider="bitbucket",method="GET",route="\/repositories\/\{workspace\}\/\{repo_slug\}\/refs\/branches\/\{name\}",status_code="404"/
    );
    expect(text).toMatch(
      /provider="bitbucket",method="GET",route="\/repositories\/\{workspace\}\/\{repo_slug\}\/src\/\{commit\}\/\{path\}",status_code="200"/
    );
    expect(text).not.toMatch(/acme/);
  });
});
