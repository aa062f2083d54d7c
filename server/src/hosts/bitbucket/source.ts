/**
 * Bitbucket Cloud as a GitHost. Files are cached by commit sha in the shared read cache (with its per-user access
 * proof); Bitbucket's own part is its refs and commits:
 * - a branch, then a tag, then a short sha resolved to a full sha (`src` is documented for commits only, and a
 *   branch with a `/` is a 404 there), kept a short time (Bitbucket's refs have no conditional requests);
 * - "" is the repository's main branch;
 * - access to a repository is proven only by a 200 with the user's token: Bitbucket answers 404 "You may not have
 *   access…" and 403 alike for a repository the token cannot read, so a 404 is kept for that user only until their
 *   access is known.
 * Bitbucket Cloud's REST API 2.0 has no blame: blame and compare answer BlameUnavailableError.
 */
import { createHash } from 'node:crypto';
import { ByteLru } from '../../cache/lru';
import { SharedCache } from '../../cache/shared-cache';
import { recordHostCall, ServerMetrics } from '../../metrics';
import { BlameUnavailableError, FileNotFoundError } from '../errors';
import { CachedFile, cleanFilePath, judgeBytes, tooLarge } from '../files';
import { Commit, GitHost, GitHostProvider, RepoFile, Repository } from '../git-host';
import { createHostCaches } from '../host-caches';
import { CacheUser, ReadCache } from '../read-cache';
import { FULL_SHA, RefAnswer, RefResolver } from '../ref-resolver';
import { BitbucketClient, BitbucketCommit } from './client';
import { BitbucketNotFoundError } from './errors';
import { bitbucketCommitUrl, bitbucketFileUrl } from './links';

export interface BitbucketSourceOptions {
  /** BITBUCKET_API_URL. */
  apiUrl: string;
  timeoutMs: number;
  maxFileBytes: number;
  cacheBytes: number;
  refTtlMs: number;
  accessTtlMs: number;
  metrics?: ServerMetrics;
  fetch?: typeof fetch;
  now?: () => number;
  shared?: SharedCache;
}

interface User extends CacheUser {
  client: BitbucketClient;
}

export class BitbucketSource implements GitHostProvider {
  private readonly cache: ReadCache;
  private readonly refs: RefResolver<User>;
  private readonly commits: ByteLru<Commit>;
  private readonly now: () => number;

  constructor(private readonly options: BitbucketSourceOptions) {
    this.now = options.now ?? Date.now;
    ({
      reads: this.cache,
      refs: this.refs,
      commits: this.commits,
    } = createHostCaches<Commit, User>({
      ...options,
      hostKey: `bitbucket ${options.apiUrl}`,
      now: this.now,
      hostName: 'Bitbucket',
      normalizeRef: (ref) => ref,
      lookUpRef: (user, repo, ref) => this.lookUpSha(user, repo, ref),
    }));
  }

  forUser(token: string | undefined, signal?: AbortSignal): GitHost {
    const { metrics } = this.options;
    const client = new BitbucketClient({
      apiUrl: this.options.apiUrl,
      timeoutMs: this.options.timeoutMs,
      token,
      signal,
      fetch: this.options.fetch,
      now: this.now,
      onResponse: metrics && ((call) => recordHostCall(metrics, 'bitbucket', call)),
    });
    const user: User = {
      id: token ? createHash('sha256').update(token).digest('hex') : 'anonymous',
      client,
      signal,
      proveAccess: (repo, sha) => this.refs.proveAccess(user, repo, sha),
    };
    return {
      readFile: (repo, path, ref) => this.readFile(user, repo, path, ref),
      // Listing a whole tree takes a call per directory page on Bitbucket: resolution tries paths instead.
      listFiles: () => Promise.resolve(undefined),
      commitSha: (repo, ref) => this.commitSha(user, repo, ref),
      getCommit: (repo, ref) => this.getCommit(user, repo, ref),
      commitUrl: bitbucketCommitUrl,
      fileUrl: bitbucketFileUrl,
      blame: () => Promise.reject(new BlameUnavailableError('Bitbucket', 'blame')),
      compare: () => Promise.reject(new BlameUnavailableError('Bitbucket', 'compare')),
    };
  }

  private async readFile(user: User, repo: Repository, path: string, ref: string): Promise<RepoFile> {
    const cleanPath = cleanFilePath(path);
    const sha = await this.commitSha(user, repo, ref);
    return this.cache.readFile(user, repo, sha, cleanPath, bitbucketFileUrl(repo, ref, cleanPath), () =>
      this.fetchFile(user, repo, cleanPath, sha)
    );
  }

  private async fetchFile(user: User, repo: Repository, path: string, sha: string): Promise<CachedFile> {
    const max = this.options.maxFileBytes;
    try {
      const file = await user.client.getRawFile(repo.fullName, sha, path, max);
      return file.size > max ? tooLarge(path, file.size, max) : judgeBytes(file.content, path, max);
    } catch (error) {
      if (error instanceof BitbucketNotFoundError) {
        // Never a proof of access, whatever it says (the cache shares it once access is known).
        return { kind: 'missing', reason: error.reason, message: `file not found: ${error.message}` };
      }
      throw error;
    }
  }

  private async getCommit(user: User, repo: Repository, ref: string): Promise<Commit> {
    const sha = await this.commitSha(user, repo, ref);
    const key = `${repo.fullName}@${sha}`;
    const cached = this.commits.get(key);
    this.cache.countLookup('commits', cached !== undefined);
    if (cached) {
      await this.cache.ensureAccess(user, repo, sha);
      return cached;
    }
    const commit = toCommit(await this.request(user, repo, () => user.client.getCommit(repo.fullName, sha)), repo);
    this.commits.set(key, commit);
    return commit;
  }

  private commitSha(user: User, repo: Repository, ref: string): Promise<string> {
    return this.refs.commitSha(user, repo, ref);
  }

  /**
   * Branch, then tag, then commit (a short sha): the first that exists; `refs/heads/` and `refs/tags/` pick one, a
   * full sha goes straight to its commit (the access proof asks for one). No ETag: Bitbucket's refs have none.
   */
  private async lookUpSha(user: User, repo: Repository, ref: string): Promise<RefAnswer> {
    const name = ref || (await this.mainBranch(user, repo));
    const commit = () => user.client.getCommit(repo.fullName, name);
    const tries: Array<() => Promise<BitbucketCommit>> = FULL_SHA.test(name)
      ? [commit]
      : name.startsWith('refs/heads/')
        ? [() => this.branch(user, repo, name.slice('refs/heads/'.length))]
        : name.startsWith('refs/tags/')
          ? [() => this.tag(user, repo, name.slice('refs/tags/'.length))]
          : [() => this.branch(user, repo, name), () => this.tag(user, repo, name), commit];
    for (const attempt of tries) {
      try {
        const found = await this.request(user, repo, attempt);
        this.commits.set(`${repo.fullName}@${found.hash}`, toCommit(found, repo));
        return { sha: found.hash };
      } catch (error) {
        if (!(error instanceof BitbucketNotFoundError)) {
          throw error;
        }
      }
    }
    // Missing for everyone only once this user's access is known: the 404 may mean "this token cannot see it".
    const known = await this.cache.knowsAccess(user, repo);
    throw new BitbucketNotFoundError(this.refs.markMissing(user, repo, ref, known));
  }

  private async branch(user: User, repo: Repository, name: string) {
    return (await user.client.getBranch(repo.fullName, name)).target;
  }

  private async tag(user: User, repo: Repository, name: string) {
    return (await user.client.getTag(repo.fullName, name)).target;
  }

  private async mainBranch(user: User, repo: Repository): Promise<string> {
    const answer = await this.request(user, repo, () => user.client.getRepository(repo.fullName));
    const name = answer.mainbranch?.name;
    if (!name) {
      throw new FileNotFoundError(`${repo.fullName} has no main branch (an empty repository)`);
    }
    return name;
  }

  /** One call on the repository with the user's token: a 200 shows the user's access. */
  private async request<T>(user: User, repo: Repository, call: () => Promise<T>): Promise<T> {
    const answer = await call();
    this.cache.markAccess(user, repo);
    return answer;
  }
}

/** Bitbucket's `author.raw` is "Name <email>"; the account, when the author has one, names them better. */
function toCommit(commit: BitbucketCommit, repo: Repository): Commit {
  const user = commit.author?.user;
  const rawName = commit.author?.raw?.replace(/\s*<[^>]*>\s*$/, '');
  const login = user?.nickname ?? user?.display_name ?? rawName;
  return {
    sha: commit.hash,
    message: commit.message.replace(/\n$/, ''),
    date: new Date(commit.date).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    url: commit.links?.html?.href ?? bitbucketCommitUrl(repo, commit.hash),
    author: login ? { login, avatarUrl: user?.links?.avatar?.href ?? '' } : undefined,
  };
}
