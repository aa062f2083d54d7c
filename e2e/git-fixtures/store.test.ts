/**
 * The two stores a double reads through answer alike: a generated repository gives the same refs, shas, trees,
 * blobs and commit as a git repository made by createFixtureRepo from the same files, and both refuse what git
 * refuses. The history readers give blame runs, commits between refs and changed files as git computes them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFixtureRepo } from './fixtures';
import { blameRuns, changedFiles, commitsBetween } from './history';
import { generatedStore } from './memory-store';
import { gitStore } from './store';

const contentOf = (path: string) => `// ${path}\n`;
const PATHS = ['go.mod', 'cmd/server/main.go', 'pkg/a.go', 'pkg/b/c.go'];

describe('git fixtures', () => {
  const root = mkdtempSync(join(tmpdir(), 'linescope-git-fixtures-'));
  const real = createFixtureRepo(root, 'acme/app', [
    { files: Object.fromEntries(PATHS.map((p) => [p, contentOf(p)])), tags: ['v1'] },
  ]);
  const fromGit = gitStore(real.dir);
  const generated = generatedStore({ paths: PATHS, content: contentOf, tags: ['v1'] });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('a generated repository has the shas, trees, blobs and commit of the same files committed with git', async () => {
    for (const ref of ['v1', 'tags/v1', 'main', 'heads/main', 'HEAD', real.commits.v1, real.commits.v1.slice(0, 7)]) {
      expect(await generated.resolveCommit(ref)).toBe(real.commits.v1);
    }
    const commit = real.commits.v1;
    expect(await generated.listTree(commit, '', true)).toEqual(await fromGit.listTree(commit, '', true));
    expect(await generated.listTree(commit, 'pkg', false)).toEqual(await fromGit.listTree(commit, 'pkg', false));
    expect(await generated.commitInfo(commit)).toEqual(await fromGit.commitInfo(commit));
    expect(await generated.recentCommits('v1', 5)).toEqual(await fromGit.recentCommits('v1', 5));
    expect(await generated.currentBranch()).toBe(await fromGit.currentBranch());
    const blob = await fromGit.objectAt(commit, 'pkg/b/c.go');
    expect(await generated.objectAt(commit, 'pkg/b/c.go')).toEqual(blob);
    expect((await generated.readBlob(blob!.sha)).toString()).toBe(contentOf('pkg/b/c.go'));
  });

  it('both refuse unknown refs, paths and objects', async () => {
    for (const store of [fromGit, generated]) {
      for (const ref of ['v2', 'heads/v1', 'tags/main', '-v1', 'main..v1', 'a b', '']) {
        expect(await store.resolveCommit(ref)).toBeUndefined();
      }
      expect(await store.objectAt(real.commits.v1, 'pkg/nope.go')).toBeUndefined();
      await expect(store.readBlob('0'.repeat(40))).rejects.toThrow();
      await expect(store.commitInfo('0'.repeat(40))).rejects.toThrow();
    }
  });

  it('blame runs, commits between refs and changed files are what git computes', async () => {
    const repo = createFixtureRepo(root, 'acme/history', [
      { files: { 'a.go': 'one\ntwo\nthree\n', 'old.go': 'x\n' }, tags: ['v1'] },
      { files: { 'a.go': 'one\nTWO\nthree\nfour\n' }, remove: ['old.go'], tags: ['v2'], message: 'Second' },
    ]);
    expect(await blameRuns(repo.dir, repo.commits.v2, 'a.go')).toEqual([
      { startLine: 1, endLine: 1, sha: repo.commits.v1, lines: ['one'] },
      { startLine: 2, endLine: 2, sha: repo.commits.v2, lines: ['TWO'] },
      { startLine: 3, endLine: 3, sha: repo.commits.v1, lines: ['three'] },
      { startLine: 4, endLine: 4, sha: repo.commits.v2, lines: ['four'] },
    ]);
    expect((await commitsBetween(repo.dir, 'v1', 'v2')).map((c) => [c.sha, c.message])).toEqual([
      [repo.commits.v2, 'Second'],
    ]);
    expect(await commitsBetween(repo.dir, 'v2', 'v1')).toEqual([]);
    const files = await changedFiles(repo.dir, 'v1', 'v2');
    expect(files.map(({ status, path, additions, deletions }) => ({ status, path, additions, deletions }))).toEqual([
      { status: 'modified', path: 'a.go', additions: 2, deletions: 1 },
      { status: 'removed', path: 'old.go', additions: 0, deletions: 1 },
    ]);
    expect(files[0].patch).toContain('-two\n+TWO\n');
  });
});
