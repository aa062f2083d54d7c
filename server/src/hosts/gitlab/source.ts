/**
 * GitLab as a Git host, with caching private to this class:
 * - files and trees by (project, commit sha, path): immutable, so cached until evicted by size;
 * - branch and tag names resolved to a sha, kept a short time, then revalidated with If-None-Match;
 * - a cached file is served to a user only after that user's token was shown to read the project (an answer
 *   from the project with that token, a 304 or GitLab's "404 File Not Found", which it gives only to those who
 *   can see the project), remembered for a few minutes. "404 Project Not Found" is what GitLab answers both
 *   for a missing project and for one the token cannot see, so such an answer is kept for that user only.
 */
import { createHash } from 'node:crypto';
import { ByteLru } from '../../cache/lru';
import { FileNotFoundError, FileRejectedError } from '../../github/errors';
import { Repository } from '../../github/repository-url';
import { GitlabClient, GitlabClientOptions, GitlabCommit } from './client';
import { GitlabNotFoundError } from './errors';

export interface GitlabSourceOptions {
  apiUrl: string;
  timeoutMs: number;
  maxFileBytes: number;
  cacheBytes: number;
  refTtlMs: number;
  accessTtlMs: number;
  /** A tree with more entries than this is not listed (each page of 100 is one call). */
  maxTreeEntries?: number;
  fetch?: typeof fetch;
  now?: () => number;
  onResponse?: GitlabClientOptions['onResponse'];
  onCacheLookup?: (cache: string, hit: boolean) => void;
}

export interface GitlabCommitInfo {
  sha: string;
  message: string;
  /** RFC 3339 in UTC, without fractions of a second. */
  date: string;
  url: string;
  author?: { login: string; avatarUrl: string };
}

type CachedFile =
  | { kind: 'file'; content: Buffer }
  | { kind: 'missing'; message: string }
  | { kind: 'rejected'; message: string; reason: 'too_large' | 'binary' };

interface CachedRef {
  sha: string;
  etag?: string;
  checkedAt: number;
}

interface User {
  id: string;
  client: GitlabClient;
  resolved: Map<string, Promise<string>>;
}

const FULL_SHA = /^[0-9a-f]{40}$/;
const BINARY_SNIFF_BYTES = 8000;
const DEFAULT_MAX_TREE_ENTRIES = 2000;

export class GitlabSource {
  private readonly files: ByteLru<CachedFile>;
  private readonly trees: ByteLru<{ paths: ReadonlySet<string> | undefined; bytes: number }>;
  private readonly refs: ByteLru<CachedRef>;
  private readonly access: ByteLru<number>;
  private readonly commits: ByteLru<GitlabCommitInfo>;
  /** Refs found missing (404 Commit Not Found: for everyone; 404 Project Not Found: for that user). */
  private readonly missingRefs: ByteLru<string>;
  private readonly inflight = new Map<string, Promise<unknown>>();
  private readonly now: () => number;

  constructor(private readonly options: GitlabSourceOptions) {
    this.now = options.now ?? Date.now;
    this.files = new ByteLru({
      maxBytes: Math.floor(options.cacheBytes * 0.75),
      sizeOf: (f) => (f.kind === 'file' ? f.content.length : f.message.length),
    });
    this.trees = new ByteLru({ maxBytes: Math.floor(options.cacheBytes * 0.25), sizeOf: (t) => t.bytes });
    this.refs = new ByteLru({ maxBytes: 4 * 1024 * 1024, sizeOf: () => 128 });
    this.missingRefs = new ByteLru({
      maxBytes: 4 * 1024 * 1024,
      sizeOf: (m) => m.length,
      ttlMs: options.refTtlMs,
      now: this.now,
    });
    this.commits = new ByteLru({ maxBytes: 8 * 1024 * 1024, sizeOf: (c) => JSON.stringify(c).length });
    this.access = new ByteLru({
      maxBytes: 4 * 1024 * 1024,
      sizeOf: () => 16,
      ttlMs: options.accessTtlMs,
      now: this.now,
    });
  }

  /** One user's view (no token: anonymous, public projects only); `signal` cancels this user's calls. */
  forUser(token: string | undefined, signal?: AbortSignal) {
    const id = token ? createHash('sha256').update(token).digest('hex') : 'anonymous';
    const client = new GitlabClient({
      apiUrl: this.options.apiUrl,
      timeoutMs: this.options.timeoutMs,
      token,
      signal,
      fetch: this.options.fetch,
      now: this.now,
      onResponse: this.options.onResponse,
    });
    const user: User = { id, client, resolved: new Map() };
    return {
      readFile: (repo: Repository, path: string, ref: string) => this.readFile(user, repo, path, ref),
      listFiles: (repo: Repository, ref: string) => this.listFiles(user, repo, ref),
      commitSha: (repo: Repository, ref: string) => this.commitSha(user, repo, ref),
      getCommit: (repo: Repository, ref: string) => this.getCommit(user, repo, ref),
      commitUrl: gitlabCommitUrl,
      fileUrl: gitlabFileUrl,
    };
  }

  private async readFile(user: User, repo: Repository, path: string, ref: string) {
    if (path.split('/').includes('..')) {
      throw new FileRejectedError(`path must not contain '..': ${path}`, 'bad_path');
    }
    const cleanPath = path.replace(/^\/+/, '').replace(/\/+$/, '');
    const sha = await this.commitSha(user, repo, ref);
    const key = `${repo.fullName}@${sha}:${cleanPath}`;
    const ownKey = `${user.id}|${key}`;
    let cached = this.files.get(key);
    const own = cached ? undefined : this.files.get(ownKey);
    this.options.onCacheLookup?.('files', cached !== undefined || own !== undefined);
    if (cached) {
      await this.ensureAccess(user, repo, sha);
    } else if (own) {
      cached = own;
    } else {
      const result = await this.once(`${user.id}:file:${key}`, () => this.fetchFile(user, repo, cleanPath, sha));
      cached = result.file;
      if (result.projectVisible) {
        this.markAccess(user, repo);
      }
      this.files.set(result.projectVisible ? key : ownKey, cached);
    }
    switch (cached.kind) {
      case 'file':
        return { content: cached.content, url: gitlabFileUrl(repo, ref, cleanPath) };
      case 'missing':
        throw new FileNotFoundError(cached.message);
      case 'rejected':
        throw new FileRejectedError(cached.message, cached.reason);
    }
  }

  private async fetchFile(
    user: User,
    repo: Repository,
    path: string,
    sha: string
  ): Promise<{ file: CachedFile; projectVisible: boolean }> {
    const max = this.options.maxFileBytes;
    let file;
    try {
      file = await user.client.getRawFile(repo.fullName, path, sha, max);
    } catch (error) {
      if (error instanceof GitlabNotFoundError) {
        // "404 File Not Found" is only said to someone who can see the project.
        return {
          file: { kind: 'missing', message: `file not found: ${error.message}` },
          projectVisible: error.missing === 'file',
        };
      }
      throw error;
    }
    if (file.size > max) {
      const message = `${path} is ${file.size} bytes, larger than the limit of ${max} bytes`;
      return { file: { kind: 'rejected', reason: 'too_large', message }, projectVisible: true };
    }
    if (file.content.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
      const message = `${path} is a binary file, not source code`;
      return { file: { kind: 'rejected', reason: 'binary', message }, projectVisible: true };
    }
    return { file: { kind: 'file', content: file.content }, projectVisible: true };
  }

  private async listFiles(user: User, repo: Repository, ref: string): Promise<ReadonlySet<string> | undefined> {
    const sha = await this.commitSha(user, repo, ref);
    const key = `${repo.fullName}@${sha}`;
    let cached = this.trees.get(key);
    this.options.onCacheLookup?.('trees', cached !== undefined);
    if (cached) {
      await this.ensureAccess(user, repo, sha);
    } else {
      cached = await this.once(`${user.id}:tree:${key}`, async () => {
        const entries = await user.client.listTree(
          repo.fullName,
          sha,
          this.options.maxTreeEntries ?? DEFAULT_MAX_TREE_ENTRIES
        );
        this.markAccess(user, repo);
        if (!entries) {
          return { paths: undefined, bytes: 0 };
        }
        const paths = new Set(entries.filter((e) => e.type === 'blob').map((e) => e.path));
        let bytes = 0;
        paths.forEach((p) => (bytes += p.length * 2 + 32));
        return { paths, bytes };
      });
      this.trees.set(key, cached);
    }
    return cached.paths;
  }

  /** The commit a ref names; one asked for by its full sha is cached (after this user's access is shown). */
  private async getCommit(user: User, repo: Repository, ref: string): Promise<GitlabCommitInfo> {
    const wanted = normalizeRef(ref);
    const key = `${repo.fullName}@${wanted}`;
    const cached = FULL_SHA.test(wanted) ? this.commits.get(key) : undefined;
    this.options.onCacheLookup?.('commits', cached !== undefined);
    if (cached) {
      await this.ensureAccess(user, repo, wanted);
      return cached;
    }
    const answer = await this.requestCommit(user, repo, wanted, undefined);
    if (answer.notModified) {
      throw new Error('GitLab answered 304 to a request without If-None-Match');
    }
    const commit = toCommitInfo(answer.data, repo);
    this.commits.set(`${repo.fullName}@${commit.sha}`, commit);
    if (!FULL_SHA.test(wanted)) {
      this.refs.set(key, { sha: commit.sha, etag: answer.etag, checkedAt: this.now() });
    }
    return commit;
  }

  /** A full sha is used as is; a branch or tag is cached for refTtlMs, then revalidated with its ETag. */
  private commitSha(user: User, repo: Repository, ref: string): Promise<string> {
    const wanted = normalizeRef(ref);
    const key = `${repo.fullName}@${wanted}`;
    let pending = user.resolved.get(key);
    if (!pending) {
      pending = this.resolveSha(user, repo, wanted, key);
      user.resolved.set(key, pending);
    }
    return pending;
  }

  private async resolveSha(user: User, repo: Repository, wanted: string, key: string): Promise<string> {
    if (FULL_SHA.test(wanted)) {
      return wanted;
    }
    const missing = this.missingRefs.get(key) ?? this.missingRefs.get(`${user.id}|${key}`);
    if (missing) {
      throw new FileNotFoundError(missing);
    }
    const cached = this.refs.get(key);
    const fresh = cached !== undefined && this.now() - cached.checkedAt <= this.options.refTtlMs;
    this.options.onCacheLookup?.('refs', fresh);
    if (cached && fresh && this.hasAccess(user, repo)) {
      return cached.sha;
    }
    return this.lookUpSha(user, repo, wanted, key);
  }

  private async lookUpSha(user: User, repo: Repository, ref: string, key: string): Promise<string> {
    const cached = this.refs.get(key);
    const answer = await this.requestCommit(user, repo, ref, cached?.etag);
    if (answer.notModified) {
      this.refs.set(key, { ...(cached as CachedRef), checkedAt: this.now() });
      return (cached as CachedRef).sha;
    }
    this.refs.set(key, { sha: answer.data.id, etag: answer.etag, checkedAt: this.now() });
    this.commits.set(`${repo.fullName}@${answer.data.id}`, toCommitInfo(answer.data, repo));
    return answer.data.id;
  }

  /** The one commits call behind a ref's sha and a commit's details; any answer shows this user's access. */
  private async requestCommit(user: User, repo: Repository, ref: string, etag: string | undefined) {
    const key = `${repo.fullName}@${ref}`;
    try {
      const answer = await user.client.getCommit(repo.fullName, ref, etag);
      this.markAccess(user, repo);
      return answer;
    } catch (error) {
      if (error instanceof GitlabNotFoundError) {
        const message = `no commit '${ref}' in ${repo.fullName} readable with this token`;
        // No such commit is true for everyone; no such project may only be true for this token.
        if (error.missing === 'project') {
          this.missingRefs.set(`${user.id}|${key}`, message);
        } else {
          this.markAccess(user, repo);
          this.missingRefs.set(key, message);
        }
        throw new GitlabNotFoundError(message, error.missing);
      }
      throw error;
    }
  }

  /** Before serving cached data: one call with this user's token, remembered a while. */
  private ensureAccess(user: User, repo: Repository, sha: string): Promise<unknown> {
    if (this.hasAccess(user, repo)) {
      return Promise.resolve();
    }
    const key = `access:${repo.fullName}`;
    let pending = user.resolved.get(key);
    if (!pending) {
      pending = this.lookUpSha(user, repo, sha, `${repo.fullName}@${sha}`);
      user.resolved.set(key, pending);
    }
    return pending;
  }

  private hasAccess(user: User, repo: Repository): boolean {
    return this.access.get(`${user.id}:${repo.fullName}`) !== undefined;
  }

  private markAccess(user: User, repo: Repository): void {
    this.access.set(`${user.id}:${repo.fullName}`, this.now());
  }

  /** Joins concurrent identical fetches into one GitLab call. */
  private once<T>(key: string, work: () => Promise<T>): Promise<T> {
    const running = this.inflight.get(key);
    if (running) {
      return running as Promise<T>;
    }
    const promise = work().finally(() => this.inflight.delete(key));
    this.inflight.set(key, promise);
    return promise;
  }
}

/** "" means the default branch, which GitLab's commits API names HEAD; `refs/heads/x` is the branch x. */
function normalizeRef(ref: string): string {
  return (ref || 'HEAD').replace(/^refs\/(?:heads|tags)\//, '');
}

function toCommitInfo(commit: GitlabCommit, repo: Repository): GitlabCommitInfo {
  return {
    sha: commit.id,
    message: commit.message,
    date: new Date(commit.authored_date).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    url: commit.web_url || gitlabCommitUrl(repo, commit.id),
    // GitLab's commits name the author but not their account.
    author: commit.author_name ? { login: commit.author_name, avatarUrl: '' } : undefined,
  };
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

export function gitlabFileUrl(repo: Repository, ref: string, path: string): string {
  return `${repo.webUrl}/-/blob/${encodePath(ref || 'HEAD')}/${encodePath(path)}`;
}

export function gitlabCommitUrl(repo: Repository, sha: string): string {
  return `${repo.webUrl}/-/commit/${sha}`;
}
