/**
 * What resolution and the RPCs need from a Git host (GitHub, GitLab, …), one user's view of it. An implementation
 * keeps its caches to itself; before it serves cached data to a user it has shown that this user's token reads the
 * repository (`read-cache.ts` does both for any host: the host gives it the call that proves access). Failures
 * are thrown as the classes of `errors.ts`.
 */
import type { Blame, Comparison, LineSpan } from './blame/model';
import type { Repository } from './repository';

export type { Repository } from './repository';

export interface RepoFile {
  content: Buffer;
  /** Web URL of the file at the requested ref. */
  url: string;
}

export interface Commit {
  sha: string;
  message: string;
  /** RFC 3339 in UTC, without fractions of a second. */
  date: string;
  url: string;
  author?: { login: string; avatarUrl: string };
}

/** What one resolution reads: the part of a host the rules use, so that tests can serve files from a map. */
export interface SourceReader {
  /**
   * A file at a ref ("" = the default branch). Throws FileNotFoundError when it does not exist or is not a file,
   * FileRejectedError when it is too large, binary or its path climbs out of the repository.
   */
  readFile(repo: Repository, path: string, ref: string): Promise<RepoFile>;
  /** All file paths of the tree at ref, or undefined when the host cannot list it in full. */
  listFiles(repo: Repository, ref: string): Promise<ReadonlySet<string> | undefined>;
}

export interface GitHost extends SourceReader {
  /** The commit sha a branch, tag or sha names ("" = the default branch); FileNotFoundError when none. */
  commitSha(repo: Repository, ref: string): Promise<string>;
  /** The commit a ref names, with the host's own fallbacks for short branch and tag names. */
  getCommit(repo: Repository, ref: string): Promise<Commit>;
  /** The web page of a commit. */
  commitUrl(repo: Repository, sha: string): string;
  /** The web page of a file at a ref (branch, tag or sha; "" = the default branch). */
  fileUrl(repo: Repository, ref: string, path: string): string;
  /** Who last changed each line of a file at a commit (see blame/); the lines of `span` only when given. */
  blame(repo: Repository, ref: string, path: string, span?: LineSpan): Promise<BlameAt>;
  /** The commits between two refs (oldest first) and the paths they changed. */
  compare(repo: Repository, base: string, head: string): Promise<Comparison>;
}

export interface BlameAt extends Blame {
  sha: string;
}

/** A host as configured on the server; `forUser` gives one user's view (no token: anonymous, public data only). */
export interface GitHostProvider {
  /** `signal` (the RPC's deadline or the client going away) cancels this user's calls. */
  forUser(token: string | undefined, signal?: AbortSignal): GitHost;
}
