/**
 * The caching every host shares, kept privately by each host's source:
 * - files and trees by (repository, commit sha, path): immutable, so cached until evicted by size;
 * - which user's token was shown to read which repository (a successful call with it), remembered a few
 *   minutes: shared data is served to a user only with that proof, else after one call that gives it;
 * - a 404 is shared only once the user is known to read the repository (otherwise it may just mean "this token
 *   cannot see it"), and concurrent identical fetches of one user are joined into one call.
 */
import { ByteLru } from '../cache/lru';
import { ServerMetrics } from '../metrics';
import { FileNotFoundError, FileRejectedError } from './errors';
import { CachedFile } from './files';
import { RepoFile, Repository } from './git-host';

export interface ReadCacheOptions {
  /** Shared by files (3/4) and trees (1/4). */
  cacheBytes: number;
  accessTtlMs: number;
  metrics?: ServerMetrics;
  now: () => number;
}

/** One user as the cache sees them: an id (a hash of the token) and the host call that proves access. */
export interface CacheUser {
  id: string;
  proveAccess(repo: Repository, sha: string): Promise<unknown>;
}

type Tree = { paths: ReadonlySet<string> | undefined; bytes: number };

export class ReadCache {
  private readonly files: ByteLru<CachedFile>;
  private readonly trees: ByteLru<Tree>;
  private readonly access: ByteLru<number>;
  private readonly inflight = new Map<string, Promise<unknown>>();

  constructor(private readonly options: ReadCacheOptions) {
    this.files = new ByteLru({
      maxBytes: Math.floor(options.cacheBytes * 0.75),
      sizeOf: (f) => (f.kind === 'file' ? f.content.length : f.message.length),
    });
    this.trees = new ByteLru({ maxBytes: Math.floor(options.cacheBytes * 0.25), sizeOf: (t) => t.bytes });
    this.access = new ByteLru({
      maxBytes: 4 * 1024 * 1024,
      sizeOf: () => 16,
      ttlMs: options.accessTtlMs,
      now: options.now,
    });
  }

  /** The file at a commit, from the cache or `fetch`; `url` is its web page at the ref the caller asked for. */
  async readFile(
    user: CacheUser,
    repo: Repository,
    sha: string,
    path: string,
    url: string,
    fetch: () => Promise<CachedFile>
  ): Promise<RepoFile> {
    const key = `${repo.fullName}@${sha}:${path}`;
    // A 404 this user's own token got is valid for this user without further proof.
    const ownKey = `${user.id}|${key}`;
    let cached = this.files.get(key);
    const own = cached ? undefined : this.files.get(ownKey);
    this.countLookup('files', cached !== undefined || own !== undefined);
    if (cached) {
      await this.ensureAccess(user, repo, sha);
    } else if (own) {
      cached = own;
    } else {
      // Joined only with the same user's identical fetch: another user's answer needs this user's proof.
      cached = await this.once(`${user.id}:file:${key}`, fetch);
      if (cached.kind !== 'missing') {
        this.markAccess(user, repo);
      }
      this.files.set(cached.kind !== 'missing' || this.hasAccess(user, repo) ? key : ownKey, cached);
    }
    switch (cached.kind) {
      case 'file':
        return { content: cached.content, url };
      case 'missing':
        throw new FileNotFoundError(cached.message, cached.reason);
      case 'rejected':
        throw new FileRejectedError(cached.message, cached.reason);
    }
  }

  /** All file paths at a commit (undefined: too many to list), from the cache or `fetch`. */
  async listFiles(
    user: CacheUser,
    repo: Repository,
    sha: string,
    fetch: () => Promise<ReadonlySet<string> | undefined>
  ): Promise<ReadonlySet<string> | undefined> {
    const key = `${repo.fullName}@${sha}`;
    let cached = this.trees.get(key);
    this.countLookup('trees', cached !== undefined);
    if (cached) {
      await this.ensureAccess(user, repo, sha);
    } else {
      cached = await this.once(`${user.id}:tree:${key}`, async (): Promise<Tree> => {
        const paths = await fetch();
        this.markAccess(user, repo);
        let bytes = 0;
        paths?.forEach((p) => (bytes += p.length * 2 + 32));
        return { paths, bytes };
      });
      this.trees.set(key, cached);
    }
    return cached.paths;
  }

  /** Before serving shared data (the host's own caches too): this user's proof, or one call that gives it. */
  ensureAccess(user: CacheUser, repo: Repository, sha: string): Promise<unknown> {
    return this.hasAccess(user, repo) ? Promise.resolve() : user.proveAccess(repo, sha);
  }

  hasAccess(user: CacheUser, repo: Repository): boolean {
    return this.access.get(`${user.id}:${repo.fullName}`) !== undefined;
  }

  markAccess(user: CacheUser, repo: Repository): void {
    this.access.set(`${user.id}:${repo.fullName}`, this.options.now());
  }

  /** Counts a lookup of any of the host's caches (files, trees, or the host's own refs and commits). */
  countLookup(cache: string, hit: boolean): void {
    const metrics = this.options.metrics;
    if (metrics) {
      metrics.cacheRequests.inc({ cache, result: hit ? 'hit' : 'miss' });
      metrics.cacheBytes.set({ cache: 'files' }, this.files.totalBytes);
      metrics.cacheBytes.set({ cache: 'trees' }, this.trees.totalBytes);
    }
  }

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
