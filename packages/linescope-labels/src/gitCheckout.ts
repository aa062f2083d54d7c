import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';

import { LabelsError } from './errors';

/** What git says about the checkout around a directory. */
export interface GitCheckout {
  /** The commit checked out (full sha). */
  commit: string;
  /** The current directory relative to the top of the working tree, `/`-separated, '' at the top. */
  rootPath: string;
  /** The checked-out branch; undefined on a detached HEAD. */
  branch?: string;
  /** Remote name → fetch URL, as configured (not normalised). */
  remotes: Record<string, string>;
  /** Paths with uncommitted changes or untracked (not ignored) files, as `git status --porcelain` names them. */
  changes: string[];
}

function git(cwd: string, args: string[]): string {
  try {
    return execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      // Labels must not depend on the user's locale or pager settings.
      env: { ...process.env, LC_ALL: 'C', GIT_PAGER: 'cat' },
    });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string; status?: number };
    if (e.code === 'ENOENT') {
      throw new LabelsError(`git is not installed or not on PATH (${cwd})`);
    }
    throw Object.assign(new Error((e.stderr ?? e.message).trim()), { status: e.status });
  }
}

function tryGit(cwd: string, args: string[]): string | undefined {
  try {
    return git(cwd, args);
  } catch (error) {
    if (error instanceof LabelsError) {
      throw error;
    }
    return undefined;
  }
}

export function readGitCheckout(cwd: string): GitCheckout {
  if (!statSync(cwd, { throwIfNoEntry: false })?.isDirectory()) {
    throw new LabelsError(`${cwd} is not a directory`);
  }
  let inside: string;
  try {
    inside = git(cwd, ['rev-parse', '--is-inside-work-tree']).trim();
  } catch (error) {
    const message = (error as Error).message;
    // Anything but "not a git repository" (a missing directory, CI containers' "dubious ownership") is git's to say.
    if (error instanceof LabelsError || !/not a git repository/i.test(message)) {
      throw error instanceof LabelsError ? error : new LabelsError(`git cannot read ${cwd}: ${message}`);
    }
    inside = 'false';
  }
  if (inside !== 'true') {
    throw new LabelsError(
      `${cwd} is not inside a git checkout: run linescope-labels in your repository (or pass --cwd <dir>)`
    );
  }
  const commit = tryGit(cwd, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'])?.trim();
  if (!commit) {
    throw new LabelsError('the repository has no commit yet: commit first, the labels name a commit');
  }
  const rootPath = git(cwd, ['rev-parse', '--show-prefix']).trim().replace(/\/+$/, '');
  const branch = tryGit(cwd, ['symbolic-ref', '--quiet', '--short', 'HEAD'])?.trim() || undefined;
  const remotes: Record<string, string> = {};
  for (const name of git(cwd, ['remote'])
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)) {
    const url = tryGit(cwd, ['remote', 'get-url', name])?.trim();
    if (url) {
      remotes[name] = url;
    }
  }
  const changes = parsePorcelain(git(cwd, ['status', '--porcelain=v1', '-z', '--untracked-files=normal']));
  return { commit, rootPath, ...(branch ? { branch } : {}), remotes, changes };
}

/** `XY path\0` entries; a rename or copy is followed by its source path as an entry of its own. */
function parsePorcelain(output: string): string[] {
  const entries = output.split('\0');
  const paths: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    if (entry.length < 4) {
      continue;
    }
    paths.push(entry.slice(3));
    if (entry[0] === 'R' || entry[0] === 'C') {
      i++;
    }
  }
  return paths;
}
