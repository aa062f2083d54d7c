/**
 * Small local git repositories for tests, with deterministic commits (fixed author, committer and dates), so
 * the same files always give the same shas.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface FixtureCommit {
  files: Record<string, string | Buffer>;
  /** Paths removed in this commit. */
  remove?: string[];
  message?: string;
  /** Tags pointing at this commit (lightweight). */
  tags?: string[];
  /** Create (or move) this branch to the commit; the default branch always follows the last commit. */
  branch?: string;
}

export interface FixtureRepo {
  fullName: string;
  dir: string;
  defaultBranch: string;
  /** Commit shas by tag name and by "commit<N>" (0-based). */
  commits: Record<string, string>;
}

const ENV = {
  GIT_AUTHOR_NAME: 'Linescope Demo',
  GIT_AUTHOR_EMAIL: 'demo@linescope.example',
  GIT_COMMITTER_NAME: 'Linescope Demo',
  GIT_COMMITTER_EMAIL: 'demo@linescope.example',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

export function createFixtureRepo(
  root: string,
  fullName: string,
  history: FixtureCommit[],
  defaultBranch = 'main'
): FixtureRepo {
  const dir = join(root, fullName);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const run = (args: string[], env: Record<string, string> = {}) =>
    execFileSync('git', args, { cwd: dir, env: { ...process.env, ...ENV, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
      .toString()
      .trim();
  run(['init', '-q', '-b', defaultBranch]);
  const commits: Record<string, string> = {};
  history.forEach((commit, index) => {
    for (const [path, content] of Object.entries(commit.files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    for (const path of commit.remove ?? []) {
      rmSync(join(dir, path), { force: true });
    }
    run(['add', '-A']);
    const date = new Date(Date.UTC(2026, 0, 1 + index, 12, 0, 0)).toISOString();
    run(['commit', '-q', '--allow-empty', '-m', commit.message ?? `commit ${index}`], {
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
    });
    const sha = run(['rev-parse', 'HEAD']);
    commits[`commit${index}`] = sha;
    for (const tag of commit.tags ?? []) {
      run(['tag', '-f', tag]);
      commits[tag] = sha;
    }
    if (commit.branch) {
      run(['branch', '-f', commit.branch]);
    }
  });
  return { fullName, dir, defaultBranch, commits };
}
