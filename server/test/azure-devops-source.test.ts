/** Azure DevOps as a Git host: files, refs and commits with caching, per-user access proof, its failures. */
import { AzureDevopsDouble, startAzureDevopsDouble } from '../../e2e/azure-devops-double';
import { AzureDevopsSource, AzureDevopsSourceOptions } from '../src/hosts/azure-devops/source';
import { toConnectError } from '../src/hosts/error-policy';
import { BlameUnavailableError, FileNotFoundError, HostAuthError, RateLimitError } from '../src/hosts/errors';
import { Repository } from '../src/hosts/git-host';
import { createMetrics } from '../src/metrics';
import { failure } from './helpers';
import { expectRefusals, expectRefusedToOthers, readText, SOURCE_LIMITS, sourceSuite } from './source-fixture';

describe('Azure DevOps source', () => {
  let double: AzureDevopsDouble;
  const clock = Date.UTC(2026, 11, 2, 5, 0, 0);
  const { app, tokens } = sourceSuite(
    'contoso/app',
    async (app) =>
      (double = await startAzureDevopsDouble({
        repositories: [
          { organization: 'contoso', project: 'Shop Floor', name: 'app', dir: app.dir },
          {
            organization: 'contoso',
            project: 'Shop Floor',
            name: 'private',
            dir: app.dir,
            visibility: 'private',
            members: ['owner', 'member'],
          },
        ],
        now: () => clock,
      })),
    (user) => double.issueToken(user, 86_400).accessToken
  );
  const repository = (name: string): Repository => ({
    owner: 'contoso/Shop Floor',
    repo: name,
    fullName: `contoso/Shop Floor/${name}`,
    webUrl: `${double.url}/contoso/Shop%20Floor/_git/${name}`,
  });
  beforeEach(() => {
    double.resetRequests();
    double.clearThrottle();
  });

  const source = (options: Partial<AzureDevopsSourceOptions> = {}) =>
    new AzureDevopsSource({ apiUrl: double.url, ...SOURCE_LIMITS, now: () => clock, ...options });

  it('reads a file at a branch, a tag, a sha and the default branch, with its web URL and an explicit api-version', async () => {
    const host = source().forUser(tokens.owner);
    const repo = repository('app');
    expect(await host.readFile(repo, 'main.go', 'release/1.x')).toEqual({
      content: Buffer.from('package main // 2\n'),
      url: `${double.url}/contoso/Shop%20Floor/_git/app?path=%2Fmain.go&version=GBrelease%2F1.x`,
    });
    expect((await host.readFile(repo, '/lib/util.go', 'v1.0.0')).content.toString()).toBe('package lib\n');
    expect((await host.readFile(repo, 'main.go', app.commits.commit0)).content.toString()).toBe('package main\n');
    expect((await host.readFile(repo, 'main.go', 'refs/tags/v1.0.0')).content.toString()).toBe('package main\n');
    expect((await host.readFile(repo, 'main.go', '')).content.toString()).toBe('package main // 2\n');
    const calls = double.apiCalls();
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((c) => new URL(c.path, double.url).searchParams.get('api-version') === '7.1')).toBe(true);
    // Items are read at the resolved commit only.
    expect(
      calls
        .filter((c) => c.path.includes('/items?'))
        .every((c) => new URL(c.path, double.url).searchParams.get('versionDescriptor.versionType') === 'commit')
    ).toBe(true);
  });

  it('caches files by commit and refs for their TTL: a second read costs no call', async () => {
    const shared = source();
    const repo = repository('app');
    await shared.forUser(tokens.owner).readFile(repo, 'main.go', 'release/1.x');
    const first = double.apiCalls().length;
    expect(first).toBe(2);
    await shared.forUser(tokens.owner).readFile(repo, 'main.go', 'release/1.x');
    expect(double.apiCalls()).toHaveLength(first);
  });

  it('never serves a private repository from the cache to a user whose token cannot read it (TF401019)', async () => {
    const shared = source();
    const repo = repository('private');
    const sha = app.commits.commit1;
    await expectRefusedToOthers(shared, repo, sha, tokens, (error) => {
      expect(error).toBeInstanceOf(FileNotFoundError);
      expect((error as Error).message).toMatch(/TF401019/);
    });
    double.resetRequests();
    expect(await readText(shared.forUser(tokens.member), repo, 'main.go', sha)).toBe('package main // 2\n');
    expect(double.apiCalls().map((c) => [c.username, c.path.replace(/\?.*/, '')])).toEqual([
      ['member', `/contoso/Shop%20Floor/_apis/git/repositories/private/commits/${sha}`],
    ]);
  });

  it('keeps a branch missing from a readable repository missing for everyone, without asking again', async () => {
    const shared = source();
    const repo = repository('app');
    const missing = await failure(shared.forUser(tokens.owner).readFile(repo, 'main.go', 'no-such-branch'));
    expect((missing as Error).message).toBe(
      "no commit 'no-such-branch' in contoso/Shop Floor/app readable with this token"
    );
    double.resetRequests();
    expect(await failure(shared.forUser(tokens.member).readFile(repo, 'main.go', 'no-such-branch'))).toBeInstanceOf(
      FileNotFoundError
    );
    expect(double.apiCalls()).toEqual([]);
  });

  it('refuses files over the size limit, binary files, folders and paths that climb out', async () => {
    await expectRefusals(source().forUser(tokens.owner), repository('app'), 'not_a_file');
  });

  it('gives a commit in the host-neutral shape, with the Azure DevOps link', async () => {
    const host = source().forUser(tokens.owner);
    const repo = repository('app');
    expect(await host.getCommit(repo, 'release/1.x')).toEqual({
      sha: app.commits.commit1,
      message: 'commit 1',
      date: '2026-01-02T12:00:00Z',
      url: `${double.url}/contoso/Shop%20Floor/_git/app/commit/${app.commits.commit1}`,
      author: { login: expect.any(String), avatarUrl: '' },
    });
    expect(host.fileUrl(repo, 'v1.0.0', 'a.go')).toMatch(/version=GBv1\.0\.0$/);
    expect(host.fileUrl(repo, 'refs/tags/v1.0.0', 'a.go')).toMatch(/version=GTv1\.0\.0$/);
    expect(host.fileUrl(repo, app.commits.commit0, 'a.go')).toMatch(new RegExp(`version=GC${app.commits.commit0}$`));
  });

  it('classifies a refused token, the throttle and blame through the one error policy', async () => {
    const repo = repository('app');
    const refused = await failure(source().forUser('revoked').readFile(repo, 'main.go', 'main'));
    expect(refused).toBeInstanceOf(HostAuthError);
    double.forceThrottle(7);
    const limited = await failure(source().forUser(tokens.owner).readFile(repo, 'main.go', 'main'));
    expect(limited).toBeInstanceOf(RateLimitError);
    expect((limited as RateLimitError).resetAt).toBe(clock + 7000);
    expect(toConnectError(limited).metadata.get('x-ratelimit-reset')).toBe(String(Math.floor((clock + 7000) / 1000)));
    double.clearThrottle();
    const blame = await failure(source().forUser(tokens.owner).blame(repo, 'main', 'main.go'));
    expect(blame).toBeInstanceOf(BlameUnavailableError);
    expect(toConnectError(blame).code).toBe(12); // Unimplemented
  });

  it('reads a 203 sign-in page as a refused token', async () => {
    const signIn: typeof fetch = async () =>
      new Response('<html>Sign in</html>', { status: 203, headers: { 'content-type': 'text/html' } });
    const error = await failure(
      source({ fetch: signIn }).forUser(tokens.owner).readFile(repository('app'), 'a', 'main')
    );
    expect(error).toBeInstanceOf(HostAuthError);
    expect((error as Error).message).toMatch(/sign-in page/);
  });

  it('counts its calls by provider and route template, never by names', async () => {
    const metrics = createMetrics();
    await source({ metrics }).forUser(tokens.owner).readFile(repository('app'), 'main.go', 'v1.0.0');
    const text = await metrics.registry.metrics();
    expect(text).toMatch(
      /provider="azure-devops",method="GET",route="\/\{organization\}\/\{project\}\/_apis\/git\/repositories\/\{repository\}\/refs",status_code="200"/
    );
    expect(text).not.toMatch(/contoso|Shop/);
  });
});
