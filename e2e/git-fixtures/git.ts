/** Read-only access to local git repositories through the git CLI (what every host double serves). */
import { execFile } from 'node:child_process';

export class GitError extends Error {}

export function git(dir: string, args: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      ['-C', dir, ...args],
      { encoding: 'buffer', maxBuffer: 256 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          reject(new GitError(`git ${args.join(' ')}: ${stderr.toString().trim() || error.message}`));
        } else {
          resolve(stdout);
        }
      }
    );
  });
}

const SAFE_REF = /^[^\s~^:?*[\\]+$/;

/**
 * The commit sha a ref names: a full or short sha, a branch, a tag, HEAD, `heads/<b>` or `tags/<t>`; undefined
 * when nothing matches.
 */
export async function resolveCommit(dir: string, ref: string): Promise<string | undefined> {
  if (!SAFE_REF.test(ref) || ref.startsWith('-') || ref.includes('..')) {
    return undefined;
  }
  const candidates = ref.startsWith('heads/') || ref.startsWith('tags/') ? [`refs/${ref}`] : [ref];
  for (const candidate of candidates) {
    try {
      return (await git(dir, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${candidate}^{commit}`]))
        .toString()
        .trim();
    } catch {
      // not this one
    }
  }
  return undefined;
}

export type TreeEntry = { mode: string; type: 'blob' | 'tree' | 'commit'; sha: string; size?: number; path: string };

/** Entries of a tree (one level, or all with recursive), with blob sizes. */
export async function listTree(dir: string, commit: string, path: string, recursive: boolean): Promise<TreeEntry[]> {
  const spec = path ? `${commit}:${path}` : `${commit}^{tree}`;
  const args = ['ls-tree', '-l', '-z', ...(recursive ? ['-r', '-t'] : []), '--end-of-options', spec];
  const out = (await git(dir, args)).toString('utf8');
  return out
    .split('\0')
    .filter((line) => line !== '')
    .map((line) => {
      const tab = line.indexOf('\t');
      const [mode, type, sha, size] = line.slice(0, tab).split(/\s+/);
      return {
        mode,
        type: type as TreeEntry['type'],
        sha,
        size: size === '-' ? undefined : Number(size),
        path: line.slice(tab + 1),
      };
    });
}

/** The type and object sha of commit:path, or undefined when the path does not exist. */
export async function objectAt(
  dir: string,
  commit: string,
  path: string
): Promise<{ type: string; sha: string } | undefined> {
  if (path === '') {
    const sha = (await git(dir, ['rev-parse', `${commit}^{tree}`])).toString().trim();
    return { type: 'tree', sha };
  }
  try {
    const sha = (await git(dir, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${commit}:${path}`]))
      .toString()
      .trim();
    const type = (await git(dir, ['cat-file', '-t', sha])).toString().trim();
    return { type, sha };
  } catch {
    return undefined;
  }
}

export function readBlob(dir: string, sha: string): Promise<Buffer> {
  return git(dir, ['cat-file', 'blob', sha]);
}

export interface CommitInfo {
  sha: string;
  tree: string;
  parents: string[];
  authorName: string;
  authorEmail: string;
  authorDate: string;
  committerName: string;
  committerEmail: string;
  committerDate: string;
  message: string;
}

export async function commitInfo(dir: string, sha: string): Promise<CommitInfo> {
  const out = (
    await git(dir, ['show', '-s', '--format=%H%x00%T%x00%P%x00%an%x00%ae%x00%aI%x00%cn%x00%ce%x00%cI%x00%B', sha])
  ).toString('utf8');
  const [hash, tree, parents, an, ae, ad, cn, ce, cd, ...message] = out.split('\0');
  return {
    sha: hash,
    tree,
    parents: parents ? parents.split(' ') : [],
    authorName: an,
    authorEmail: ae,
    authorDate: ad,
    committerName: cn,
    committerEmail: ce,
    committerDate: cd,
    message: message.join('\0').replace(/\n+$/, ''),
  };
}

export async function recentCommits(dir: string, ref: string, count: number): Promise<string[]> {
  const out = (await git(dir, ['rev-list', `--max-count=${count}`, '--end-of-options', ref])).toString().trim();
  return out ? out.split('\n') : [];
}

export async function currentBranch(dir: string): Promise<string> {
  return (await git(dir, ['symbolic-ref', '--short', 'HEAD'])).toString().trim();
}
