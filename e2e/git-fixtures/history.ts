/**
 * What the doubles' blame and compare answers are computed from: `git blame --porcelain` and `git log` on the real
 * fixture repositories. Host-neutral: each double shapes these into its host's documented JSON.
 */
import { commitInfo, CommitInfo, git } from './git';

/** Consecutive lines (1-based, inclusive) last changed by one commit. */
export interface BlameRun {
  startLine: number;
  endLine: number;
  sha: string;
  /** The lines' text, for GitLab's `lines`. */
  lines: string[];
}

/** `git blame --porcelain` of path at commit, as maximal runs of lines with the same commit. */
export async function blameRuns(dir: string, commit: string, path: string): Promise<BlameRun[]> {
  const out = (await git(dir, ['blame', '--porcelain', commit, '--', path])).toString('utf8');
  const runs: BlameRun[] = [];
  let current: { sha: string; line: number } | undefined;
  for (const row of out.split('\n')) {
    if (row.startsWith('\t')) {
      if (!current) {
        continue;
      }
      const last = runs[runs.length - 1];
      if (last && last.sha === current.sha && last.endLine === current.line - 1) {
        last.endLine = current.line;
        last.lines.push(row.slice(1));
      } else {
        runs.push({ startLine: current.line, endLine: current.line, sha: current.sha, lines: [row.slice(1)] });
      }
      continue;
    }
    // A line's header: "<sha> <original line> <final line>[ <lines in group>]".
    const header = /^([0-9a-f]{40}) \d+ (\d+)(?: \d+)?$/.exec(row);
    if (header) {
      current = { sha: header[1], line: Number(header[2]) };
    }
  }
  return runs;
}

/** Commits reachable from head but not base, oldest first (`git log --reverse base..head`). */
export async function commitsBetween(dir: string, base: string, head: string): Promise<CommitInfo[]> {
  const out = (await git(dir, ['rev-list', '--reverse', '--end-of-options', `${base}..${head}`])).toString().trim();
  return Promise.all((out ? out.split('\n') : []).map((sha) => commitInfo(dir, sha)));
}

export interface ChangedFile {
  status: 'added' | 'removed' | 'modified' | 'renamed';
  path: string;
  previousPath?: string;
  additions: number;
  deletions: number;
  patch: string;
}

/** Files changed between base and head (`git diff base...head`: from the merge base), with their patches. */
export async function changedFiles(dir: string, base: string, head: string): Promise<ChangedFile[]> {
  const range = `${base}...${head}`;
  const status = (await git(dir, ['diff', '--name-status', '-M', '-z', '--end-of-options', range])).toString('utf8');
  const numstat = (await git(dir, ['diff', '--numstat', '-M', '--end-of-options', range])).toString('utf8').split('\n');
  const fields = status.split('\0').filter((f) => f !== '');
  const files: ChangedFile[] = [];
  for (let i = 0; i < fields.length;) {
    const code = fields[i++];
    const renamed = code.startsWith('R');
    const previousPath = renamed ? fields[i++] : undefined;
    const path = fields[i++];
    const [added, deleted] = (numstat[files.length] ?? '0\t0').split('\t').map(Number);
    const patch = (
      await git(dir, ['diff', '-M', '--end-of-options', range, '--', ...(previousPath ? [previousPath] : []), path])
    )
      .toString('utf8')
      .replace(/^(?:diff|index|---|\+\+\+|similarity|rename|new file|deleted file)[^\n]*\n/gm, '');
    files.push({
      status: renamed ? 'renamed' : code === 'A' ? 'added' : code === 'D' ? 'removed' : 'modified',
      path,
      previousPath,
      additions: added || 0,
      deletions: deleted || 0,
      patch,
    });
  }
  return files;
}
