/**
 * GitLab as a GitHost. Files and trees are cached by commit sha in the shared read cache (with its per-user access
 * proof); GitLab's own part is its refs and commits:
 * - branch and tag names resolved to a sha, kept a short time, then revalidated with If-None-Match;
 * - commits by sha, served to a user only after that user's access to the project is shown;
 * - access to a project is proven only by a 200 or 304 with the user's token: "404 Project Not Found" is GitLab's
 *   answer both for a missing project and for one the token cannot see, and a 404 in other words (another
 *   version, a proxy) may mean the same, so a 404 is kept for that user only until their access is known.
 */
import { createHash } from 'node:crypto';
import { ByteLru } from '../../cache/lru';
import { recordHostCall, ServerMetrics } from '../../metrics';
import { CachedFile, cleanFilePath, judgeBytes, tooLarge } from '../files';
import { Commit, GitHost, GitHostProvider, RepoFile, Repository } from '../git-host';
import { SharedCache } from '../../cache/shared-cache';
import { CacheUser, ReadCache } from '../read-cache';
import { createHostCaches } from '../host-caches';
import { FULL_SHA, RefAnswer, RefResolver } from '../ref-resolver';
import { GitlabClient, GitlabCommit } from './client';
import { GitlabNotFoundError } from './errors';
import { BlameCache } from '../blame/blame-cache';
import { clipBlame, LineSpan } from '../blame/model';
import { fetchGitlabBlame, fetchGitlabComparison } from './blame';

export interface GitlabSourceOptions {
  apiUrl: string;
  timeoutMs: number;
  maxFileBytes: number;
  cacheBytes: number;
  refTtlMs: number;
  accessTtlMs: number;
  /** A tree with more entries than this is not listed (each page of 100 is one call). */
  maxTreeEntries?: number;
  metrics?: ServerMetrics;
  fetch?: typeof fetch;
  now?: () => number;
  /** The shared tier (CACHE_URL) under this host's memory caches. */
  shared?: SharedCache;
}

interface User extends CacheUser {
  client: GitlabClient;
}

const DEFAULT_MAX_TREE_ENTRIES = 2000;

export class GitlabSource implements GitHostProvider {
  private readonly cache: ReadCache;
  /** Refs found missing: 404 Commit Not Found for everyone (once access is known), any other 404 for that user. */
  private readonly refs: RefResolver<User>;
  private readonly commits: ByteLru<Commit>;
  private readonly blames: BlameCache;
  private readonly now: () => number;

  constructor(private readonly options: GitlabSourceOptions) {
    this.now = options.now ?? Date.now;
    ({ reads: this.cache, commits: this.commits } = createHostCaches<Commit>({
      ...options,
      hostKey: `gitlab ${options.apiUrl}`,
      now: this.now,
    }));
    this.refs = new RefResolver<User>({
      hostName: 'GitLab',
      reads: this.cache,
      refTtlMs: options.refTtlMs,
      now: this.now,
      normalize: normalizeRef,
      lookUp: (user, repo, ref, etag) => this.lookUpSha(user, repo, ref, etag),
    });
    this.blames = new BlameCache({
      reads: this.cache,
      hostKey: `gitlab ${options.apiUrl}`,
      shared: options.shared,
      maxBytes: Math.floor(options.cacheBytes / 8),
    });
  }

  forUser(token: string | undefined, signal?: AbortSignal): GitHost {
    const { metrics } = this.options;
    const client = new GitlabClient({
      apiUrl: this.options.apiUrl,
      timeoutMs: this.options.timeoutMs,
      token,
      signal,
      fetch: this.options.fetch,
      now: this.now,
      onResponse: metrics && ((call) => recordHostCall(metrics, 'gitlab', call)),
    });
    const user: User = {
      id: token ? createHash('sha256').update(token).digest('hex') : 'anonymous',
      client,
      signal,
      proveAccess: (repo, sha) => this.refs.proveAccess(user, repo, sha),
    };
    return {
      readFile: (repo, path, ref) => this.readFile(user, repo, path, ref),
      listFiles: (repo, ref) => this.listFiles(user, repo, ref),
      commitSha: (repo, ref) => this.commitSha(user, repo, ref),
      getCommit: (repo, ref) => this.getCommit(user, repo, ref),
      commitUrl: gitlabCommitUrl,
      fileUrl: gitlabFileUrl,
      blame: (repo, ref, path, span) => this.blame(user, repo, ref, path, span),
      compare: (repo, base, head) => fetchGitlabComparison(client, repo, base, head),
    };
  }

  /** GitLab blames the lines asked for (its `range`): one call per file, commit and span. */
  private async blame(user: User, repo: Repository, ref: string, path: string, span: LineSpan | undefined) {
    const cleanPath = cleanFilePath(path);
    const sha = await this.commitSha(user, repo, ref);
    const blame = await this.blames.read(user, repo, sha, cleanPath, span, () =>
      fetchGitlabBlame(user.client, repo, sha, cleanPath, span)
    );
    return { sha, ...clipBlame(blame, span) };
  }

  private async readFile(user: User, repo: Repository, path: string, ref: string): Promise<RepoFile> {
    const cleanPath = cleanFilePath(path);
    const sha = await this.commitSha(user, repo, ref);
    return this.cache.readFile(user, repo, sha, cleanPath, gitlabFileUrl(repo, ref, cleanPath), () =>
      this.fetchFile(user, repo, cleanPath, sha)
    );
  }

  private async fetchFile(user: User, repo: Repository, path: string, sha: string): Promise<CachedFile> {
    const max = this.options.maxFileBytes;
    try {
      const file = await user.client.getRawFile(repo.fullName, path, sha, max);
      return file.size > max ? tooLarge(path, file.size, max) : judgeBytes(file.content, path, max);
    } catch (error) {
      if (error instanceof GitlabNotFoundError) {
        // Not a proof of access, whatever its wording (fail closed): the cache shares it once access is known.
        return { kind: 'missing', reason: 'not_found', message: `file not found: ${error.message}` };
      }
      throw error;
    }
  }

  private async listFiles(user: User, repo: Repository, ref: string): Promise<ReadonlySet<string> | undefined> {
    const sha = await this.commitSha(user, repo, ref);
    return this.cache.listFiles(user, repo, sha, async () => {
      const entries = await user.client.listTree(
        repo.fullName,
        sha,
        this.options.maxTreeEntries ?? DEFAULT_MAX_TREE_ENTRIES
      );
      return entries && new Set(entries.filter((e) => e.type === 'blob').map((e) => e.path));
    });
  }

  /** The commit a ref names; one asked for by its full sha is cached (served after this user's access is shown). */
  private async getCommit(user: User, repo: Repository, ref: string): Promise<Commit> {
    const wanted = normalizeRef(ref);
    const cached = FULL_SHA.test(wanted) ? this.commits.get(`${repo.fullName}@${wanted}`) : undefined;
    this.cache.countLookup('commits', cached !== undefined);
    if (cached) {
      await this.cache.ensureAccess(user, repo, wanted);
      return cached;
    }
    const answer = await this.requestCommit(user, repo, wanted, undefined);
    if (answer.notModified) {
      throw new Error('GitLab answered 304 to a request without If-None-Match');
    }
    const commit = toCommit(answer.data, repo);
    this.commits.set(`${repo.fullName}@${commit.sha}`, commit);
    if (!FULL_SHA.test(wanted)) {
      this.refs.remember(repo, wanted, { sha: commit.sha, etag: answer.etag, checkedAt: this.now() });
    }
    return commit;
  }

  private commitSha(user: User, repo: Repository, ref: string): Promise<string> {
    return this.refs.commitSha(user, repo, ref);
  }

  /** GitLab's answer for a ref: the commit (kept by its sha), or 304 for the ETag sent. */
  private async lookUpSha(user: User, repo: Repository, ref: string, etag: string | undefined): Promise<RefAnswer> {
    const answer = await this.requestCommit(user, repo, ref, etag);
    if (answer.notModified) {
      return 'not-modified';
    }
    this.commits.set(`${repo.fullName}@${answer.data.id}`, toCommit(answer.data, repo));
    return { sha: answer.data.id, etag: answer.etag };
  }

  /** The one commits call behind a ref's sha and a commit's details; any answer from the project shows access. */
  private async requestCommit(user: User, repo: Repository, ref: string, etag: string | undefined) {
    try {
      const answer = await user.client.getCommit(repo.fullName, ref, etag);
      this.cache.markAccess(user, repo);
      return answer;
    } catch (error) {
      if (error instanceof GitlabNotFoundError) {
        // Access is proven by a 200 or 304 only: a 404 in any wording may mean "this token cannot see the project",
        // so the missing ref is for everyone only when this user's access is already known.
        const known = error.missing !== 'project' && (await this.cache.knowsAccess(user, repo));
        throw new GitlabNotFoundError(this.refs.markMissing(user, repo, ref, known), error.missing);
      }
      throw error;
    }
  }
}

/** "" means the default branch, which GitLab's commits API names HEAD; `refs/heads/x` is the branch x. */
function normalizeRef(ref: string): string {
  return (ref || 'HEAD').replace(/^refs\/(?:heads|tags)\//, '');
}

function toCommit(commit: GitlabCommit, repo: Repository): Commit {
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
