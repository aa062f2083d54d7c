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
import { CachedRef, cachedSha, createHostCaches, FULL_SHA, rememberRef } from '../host-caches';
import { CacheUser, ReadCache } from '../read-cache';
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
  /** Within one request, each (repository, ref) is resolved once. */
  resolved: Map<string, Promise<string>>;
}

export class BitbucketSource implements GitHostProvider {
  private readonly cache: ReadCache;
  private readonly refs: ByteLru<CachedRef>;
  private readonly commits: ByteLru<Commit>;
  private readonly missingRefs: ByteLru<string>;
  private readonly now: () => number;

  constructor(private readonly options: BitbucketSourceOptions) {
    this.now = options.now ?? Date.now;
    ({
      reads: this.cache,
      refs: this.refs,
      missingRefs: this.missingRefs,
      commits: this.commits,
    } = createHostCaches<Commit>({ ...options, hostKey: `bitbucket ${options.apiUrl}`, now: this.now }));
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
      resolved: new Map(),
      proveAccess: (repo, sha) => this.proveAccess(user, repo, sha),
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
    const key = `${repo.fullName}@${ref}`;
    let pending = user.resolved.get(key);
    if (!pending) {
      pending = this.resolveSha(user, repo, ref, key);
      user.resolved.set(key, pending);
    }
    return pending;
  }

  private async resolveSha(user: User, repo: Repository, ref: string, key: string): Promise<string> {
    if (FULL_SHA.test(ref)) {
      return ref;
    }
    const missing = this.missingRefs.get(key) ?? this.missingRefs.get(`${user.id}|${key}`);
    if (missing) {
      throw new FileNotFoundError(missing);
    }
    const caches = { reads: this.cache, refs: this.refs };
    const known = await cachedSha(caches, { refTtlMs: this.options.refTtlMs, now: this.now }, user, repo, ref, key);
    return known ?? this.lookUpSha(user, repo, ref, key);
  }

  /** Branch, then tag, then commit (a short sha): the first that exists; `refs/heads/` and `refs/tags/` pick one. */
  private async lookUpSha(user: User, repo: Repository, ref: string, key: string): Promise<string> {
    const name = ref || (await this.mainBranch(user, repo));
    const tries: Array<() => Promise<BitbucketCommit>> = name.startsWith('refs/heads/')
      ? [() => this.branch(user, repo, name.slice('refs/heads/'.length))]
      : name.startsWith('refs/tags/')
        ? [() => this.tag(user, repo, name.slice('refs/tags/'.length))]
        : [
            () => this.branch(user, repo, name),
            () => this.tag(user, repo, name),
            () => user.client.getCommit(repo.fullName, name),
          ];
    let notFound: unknown;
    for (const attempt of tries) {
      try {
        const commit = await this.request(user, repo, attempt);
        rememberRef({ reads: this.cache, refs: this.refs }, this.options.refTtlMs, repo, ref, key, {
          sha: commit.hash,
          checkedAt: this.now(),
        });
        this.commits.set(`${repo.fullName}@${commit.hash}`, toCommit(commit, repo));
        return commit.hash;
      } catch (error) {
        if (!(error instanceof BitbucketNotFoundError)) {
          throw error;
        }
        notFound = error;
      }
    }
    // Missing for everyone only once this user's access is known: the 404 may mean "this token cannot see it".
    const message = `no branch, tag or commit '${ref}' in ${repo.fullName} readable with this token (${(notFound as Error).message})`;
    const known = await this.cache.knowsAccess(user, repo);
    this.missingRefs.set(known ? key : `${user.id}|${key}`, message);
    throw new BitbucketNotFoundError(message);
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

  /** The proof the shared cache asks for: one commit call with this user's token (per request at most). */
  private proveAccess(user: User, repo: Repository, sha: string): Promise<unknown> {
    const key = `access:${repo.fullName}`;
    let pending = user.resolved.get(key);
    if (!pending) {
      pending = this.request(user, repo, () => user.client.getCommit(repo.fullName, sha)).then((c) => c.hash);
      user.resolved.set(key, pending);
    }
    return pending;
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
