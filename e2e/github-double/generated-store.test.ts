/**
 * The generated store behind the GitHub double answers as a git repository with the same files does: the same
 * contents JSON (blob shas are git's), directory listings, trees, refs and ETag revalidation, for files made
 * from their path.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Octokit } from '@octokit/rest';
import { createFixtureRepo, generatedStore } from '../git-fixtures';
import { GitHubDouble, startGitHubDouble } from './double';

const contentOf = (path: string) => `// ${path}\n${'x'.repeat(path.length * 7)}\n`;
const PATHS = ['go.mod', 'cmd/server/main.go', 'pkg/p0/f0.go', 'pkg/p0/f1.go', 'pkg/p1/f2.go'];

describe('generated repository store', () => {
  const root = mkdtempSync(join(tmpdir(), 'linescope-memory-store-'));
  const real = createFixtureRepo(root, 'acme/app', [
    { files: Object.fromEntries(PATHS.map((p) => [p, contentOf(p)])), tags: ['v1'] },
  ]);
  let madeCalls = 0;
  const store = generatedStore({
    paths: PATHS,
    content: (path) => {
      madeCalls++;
      return contentOf(path);
    },
    tags: ['v1'],
  });
  let git: GitHubDouble;
  let generated: GitHubDouble;
  let token: string;

  beforeAll(async () => {
    git = await startGitHubDouble({ repos: [{ fullName: 'acme/app', dir: real.dir }] });
    generated = await startGitHubDouble({ repos: [{ fullName: 'acme/app', store }] });
    token = generated.issueToken('alice').accessToken;
  });
  afterAll(async () => {
    await Promise.all([git.stop(), generated.stop()]);
    rmSync(root, { recursive: true, force: true });
  });

  /** An answer of a double with its own base URL taken out, so that the two doubles' answers compare. */
  const answer = async (double: GitHubDouble, path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${double.apiUrl}${path}`, { headers });
    return {
      status: res.status,
      body: (await res.text()).split(double.url).join('<base>'),
      etag: res.headers.get('etag'),
    };
  };

  it('answers contents JSON, raw files and directory listings exactly as the git repository does', async () => {
    for (const path of [
      '/repos/acme/app/contents/pkg/p0/f1.go?ref=v1',
      '/repos/acme/app/contents/go.mod',
      '/repos/acme/app/contents/pkg?ref=main',
      '/repos/acme/app/contents/pkg/p1?ref=v1',
      '/repos/acme/app/contents/pkg/p0/nope.go?ref=v1',
      '/repos/acme/app/contents/pkg/p0/f0.go?ref=nope',
    ]) {
      const [fromGit, fromMemory] = await Promise.all([answer(git, path), answer(generated, path)]);
      // The ETags are digests of bodies that name each double's own URL.
      const comparable = ({ status, body, etag }: Awaited<ReturnType<typeof answer>>) => ({
        path,
        status,
        body,
        etag: etag === null ? null : 'an ETag',
      });
      expect(comparable(fromMemory)).toEqual(comparable(fromGit));
    }
    const raw = await answer(generated, '/repos/acme/app/contents/cmd/server/main.go', {
      accept: 'application/vnd.github.raw',
    });
    expect(raw.body).toBe(contentOf('cmd/server/main.go'));
  });

  it('makes each file when it is read, not before', async () => {
    const before = madeCalls;
    await answer(generated, '/repos/acme/app/contents/pkg/p1/f2.go?ref=v1');
    expect(madeCalls).toBeGreaterThan(before);
    expect(madeCalls - before).toBeLessThanOrEqual(2);
  });

  it('resolves the tag, the branch, HEAD and the commit sha, with the sha media type, and 422 otherwise', async () => {
    const octokit = new Octokit({ auth: token, baseUrl: generated.apiUrl });
    const sha = await answer(generated, '/repos/acme/app/commits/tags%2Fv1', { accept: 'application/vnd.github.sha' });
    expect(sha.body).toBe(real.commits.v1);
    for (const ref of ['v1', 'main', 'heads/main', 'HEAD', sha.body, sha.body.slice(0, 7)]) {
      const { data } = await octokit.rest.repos.getCommit({ owner: 'acme', repo: 'app', ref });
      expect(data).toMatchObject({ sha: sha.body, commit: { author: { date: '2026-01-01T12:00:00Z' } }, parents: [] });
    }
    expect((await answer(generated, '/repos/acme/app/commits/v2')).status).toBe(422);
    expect((await answer(generated, '/repos/acme/app/commits/heads%2Fv1')).status).toBe(422);
  });

  it('lists the recursive tree as git does', async () => {
    const entries = async (double: GitHubDouble) => {
      const octokit = new Octokit({ baseUrl: double.apiUrl });
      const { data } = await octokit.rest.git.getTree({ owner: 'acme', repo: 'app', tree_sha: 'v1', recursive: '1' });
      return data.tree.map(({ path, sha, size, mode, type }) => ({ path, sha, size, mode, type }));
    };
    const fromMemory = await entries(generated);
    expect(fromMemory.filter((e) => e.type === 'blob')).toHaveLength(PATHS.length);
    expect(fromMemory).toEqual(await entries(git));
  });

  it('revalidates with If-None-Match: 304 for the same file, 200 with another ETag for another', async () => {
    const headers = { authorization: `Bearer ${token}` };
    const first = await answer(generated, '/repos/acme/app/contents/pkg/p0/f0.go?ref=v1', headers);
    const again = await answer(generated, '/repos/acme/app/contents/pkg/p0/f0.go?ref=v1', {
      ...headers,
      'if-none-match': first.etag!,
    });
    expect(again.status).toBe(304);
    const other = await answer(generated, '/repos/acme/app/contents/pkg/p0/f1.go?ref=v1', {
      ...headers,
      'if-none-match': first.etag!,
    });
    expect(other.status).toBe(200);
    expect(other.etag).not.toBe(first.etag);
  });
});
