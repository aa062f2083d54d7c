/**
 * What a host double reads of a repository: its refs, trees, blobs and commits. `gitStore` reads a real local
 * git repository with the git CLI (tests, the standalone host); `generatedStore` (memory-store.ts) answers from
 * memory, for load benchmarks where a git process per request would measure git instead of the server.
 */
import {
  CommitInfo,
  commitInfo,
  currentBranch,
  listTree,
  objectAt,
  readBlob,
  recentCommits,
  resolveCommit,
  TreeEntry,
} from './git';

export type { CommitInfo, TreeEntry } from './git';

export interface RepoStore {
  /** The branch HEAD points at. */
  currentBranch(): Promise<string>;
  /** The commit sha a ref names (sha, branch, tag, HEAD, heads/<b>, tags/<t>), if any. */
  resolveCommit(ref: string): Promise<string | undefined>;
  /** Entries of the tree at commit:path (one level, or all with recursive), with blob sizes. */
  listTree(commit: string, path: string, recursive: boolean): Promise<TreeEntry[]>;
  /** The type (blob, tree, commit) and object sha at commit:path ("" is the root tree). */
  objectAt(commit: string, path: string): Promise<{ type: string; sha: string } | undefined>;
  readBlob(sha: string): Promise<Buffer>;
  commitInfo(sha: string): Promise<CommitInfo>;
  /** The newest `count` commits reachable from ref, newest first. */
  recentCommits(ref: string, count: number): Promise<string[]>;
}

export function gitStore(dir: string): RepoStore {
  return {
    currentBranch: () => currentBranch(dir),
    resolveCommit: (ref) => resolveCommit(dir, ref),
    listTree: (commit, path, recursive) => listTree(dir, commit, path, recursive),
    objectAt: (commit, path) => objectAt(dir, commit, path),
    readBlob: (sha) => readBlob(dir, sha),
    commitInfo: (sha) => commitInfo(dir, sha),
    recentCommits: (ref, count) => recentCommits(dir, ref, count),
  };
}
