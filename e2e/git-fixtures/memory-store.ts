/**
 * A repository of one commit whose files are made on demand from their path, for load benchmarks: thousands of
 * distinct files without a git process per read (the git-backed store reads some 20 files/s on a busy machine,
 * which would measure git instead of the server). Object shas are git's: a repository made by createFixtureRepo
 * with the same files in one commit has the same blob, tree and commit shas, so a double's answers are the same
 * bytes and ETags. Tree and commit shas need every file once (made lazily, on the first lookup of a ref).
 */
import { createHash } from 'node:crypto';
import { CommitInfo, RepoStore, TreeEntry } from './store';

export interface GeneratedRepo {
  /** Every file path of the commit ("a/b/c.go"); directories follow from them. */
  paths: Iterable<string>;
  /** A file's content, made each time it is read. */
  content(path: string): string | Buffer;
  /** The branch HEAD points at (default main); the commit is its tip. */
  branch?: string;
  /** Tags on the commit. */
  tags?: string[];
  message?: string;
}

/** createFixtureRepo's author, committer and first commit's date (as `git show --format=%aI` writes it). */
const AUTHOR = { name: 'Linescope Demo', email: 'demo@linescope.example', date: '2026-01-01T12:00:00+00:00' };
const AUTHOR_LINE = `${AUTHOR.name} <${AUTHOR.email}> ${Date.parse(AUTHOR.date) / 1000} +0000`;
const FULL_SHA = /^[0-9a-f]{40}$/;
const SHORT_SHA = /^[0-9a-f]{4,40}$/;

/** A git object's sha: sha-1 of "<type> <size>\0" and the body. */
const objectSha = (type: string, body: Buffer) =>
  createHash('sha1').update(`${type} ${body.length}\0`).update(body).digest('hex');

/** Git orders a tree's entries by name, a directory's name as if it ended in "/". */
const gitOrder = ([a, aDir]: [string, boolean], [b, bDir]: [string, boolean]) =>
  Buffer.compare(Buffer.from(aDir ? `${a}/` : a), Buffer.from(bDir ? `${b}/` : b));

export function generatedStore(repo: GeneratedRepo): RepoStore {
  const branch = repo.branch ?? 'main';
  const message = repo.message ?? 'commit 0';
  /** Directory ("" is the root) → its entries' names and whether each is a directory. */
  const directories = new Map<string, Map<string, boolean>>([['', new Map()]]);
  for (const path of repo.paths) {
    const segments = path.split('/');
    let dir = '';
    segments.forEach((name, i) => {
      const isDir = i < segments.length - 1;
      directories.get(dir)!.set(name, isDir);
      dir = dir ? `${dir}/${name}` : name;
      if (isDir && !directories.has(dir)) {
        directories.set(dir, new Map());
      }
    });
  }
  /** Blob sha → path, filled as shas are handed out (at most one entry per file). */
  const blobPaths = new Map<string, string>();
  const blobOf = (path: string) => {
    const content = Buffer.from(repo.content(path));
    const sha = objectSha('blob', content);
    blobPaths.set(sha, path);
    return { sha, content };
  };
  const treeShas = new Map<string, string>();
  const treeSha = (dir: string): string => {
    let sha = treeShas.get(dir);
    if (sha === undefined) {
      const body = [...directories.get(dir)!].sort(gitOrder).map(([name, isDir]) => {
        const path = dir ? `${dir}/${name}` : name;
        const entrySha = isDir ? treeSha(path) : blobOf(path).sha;
        return Buffer.concat([Buffer.from(`${isDir ? '40000' : '100644'} ${name}\0`), Buffer.from(entrySha, 'hex')]);
      });
      sha = objectSha('tree', Buffer.concat(body));
      treeShas.set(dir, sha);
    }
    return sha;
  };
  let commitSha: string | undefined;
  /** `git commit -m <message>` of the whole tree, with createFixtureRepo's author and date. */
  const commit = () =>
    (commitSha ??= objectSha(
      'commit',
      Buffer.from(`tree ${treeSha('')}\nauthor ${AUTHOR_LINE}\ncommitter ${AUTHOR_LINE}\n\n${message}\n`)
    ));
  const isFile = (path: string) => {
    const slash = path.lastIndexOf('/');
    return directories.get(path.slice(0, Math.max(0, slash)))?.get(path.slice(slash + 1)) === false;
  };

  const resolveCommit = async (ref: string) => {
    const name = ref.replace(/^refs\//, '');
    const known =
      name === 'HEAD' ||
      name === branch ||
      name === `heads/${branch}` ||
      (repo.tags ?? []).some((tag) => name === tag || name === `tags/${tag}`) ||
      (FULL_SHA.test(name) ? name === commit() : SHORT_SHA.test(name) && commit().startsWith(name));
    return known ? commit() : undefined;
  };

  const entries = (dir: string, recursive: boolean): TreeEntry[] =>
    [...(directories.get(dir) ?? [])].sort(gitOrder).flatMap(([name, isDir]): TreeEntry[] => {
      const path = dir ? `${dir}/${name}` : name;
      if (!isDir) {
        const { sha, content } = blobOf(path);
        return [{ mode: '100644', type: 'blob', sha, size: content.length, path: recursive ? path : name }];
      }
      const self: TreeEntry = { mode: '040000', type: 'tree', sha: treeSha(path), path: recursive ? path : name };
      return recursive ? [self, ...entries(path, true)] : [self];
    });

  return {
    currentBranch: async () => branch,
    resolveCommit,
    async listTree(at, path, recursive) {
      if (at !== commit() || !directories.has(path)) {
        throw new Error(`fatal: not a tree object: ${at}:${path}`);
      }
      return entries(path, recursive);
    },
    async objectAt(at, path) {
      if (at !== commit()) {
        return undefined;
      }
      if (directories.has(path)) {
        return { type: 'tree', sha: treeSha(path) };
      }
      return isFile(path) ? { type: 'blob', sha: blobOf(path).sha } : undefined;
    },
    async readBlob(sha) {
      const path = blobPaths.get(sha);
      if (path === undefined) {
        throw new Error(`fatal: Not a valid object name ${sha}`);
      }
      return blobOf(path).content;
    },
    async commitInfo(sha): Promise<CommitInfo> {
      if (sha !== commit()) {
        throw new Error(`fatal: bad object ${sha}`);
      }
      return {
        sha,
        tree: treeSha(''),
        parents: [],
        authorName: AUTHOR.name,
        authorEmail: AUTHOR.email,
        authorDate: AUTHOR.date,
        committerName: AUTHOR.name,
        committerEmail: AUTHOR.email,
        committerDate: AUTHOR.date,
        message,
      };
    },
    async recentCommits(ref, count) {
      return count > 0 && (await resolveCommit(ref)) ? [commit()] : [];
    },
  };
}
