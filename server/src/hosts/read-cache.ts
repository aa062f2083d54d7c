/**
 * The caching every host shares, kept privately by each host's source:
 * - files and trees by (repository, commit sha, path): immutable, so cached until evicted by size;
 * - which user's token was shown to read which repository (a successful call with it), remembered a few
 *   minutes: shared data is served to a user only with that proof, else after one call that gives it;
 * - a 404 is shared only once the user is known to read the repository (otherwise it may just mean "this token
 *   cannot see it");
 * - concurrent identical lookups of one user (file, tree, access proof, and through `join` the host's own: a ref
 *   to a sha, a commit) are joined into one call; another user's running call is never joined, since its answer
 *   would need this user's proof anyway.
 * With a shared tier (CACHE_URL, see shared-reads.ts) under the memory: files, trees and access proofs are looked
 * up there before the host is called and written there after, and `sharedRef` / `shareRef` keep the host's refs;
 * the same rules hold (shared content only after this user's own proof). The shared tier failing is a miss.
 */
import { Coalescer } from '../cache/coalescer';
import { ByteLru } from '../cache/lru';
import { ServerMetrics } from '../metrics';
import { FileNotFoundError, FileRejectedError } from './errors';
import { CachedFile } from './files';
import { RepoFile, Repository } from './git-host';
import { SharedReads, SharedRef } from './shared-reads';

export interface ReadCacheOptions {
  /** Shared by files (3/4) and trees (1/4). */
  cacheBytes: number;
  accessTtlMs: number;
  metrics?: ServerMetrics;
  now: () => number;
  /** The shared tier for this host, when CACHE_URL is set. */
  shared?: SharedReads;
}

/**
 * One user as the cache sees them: an id (a hash of the token), the host call that proves access, and the
 * request's signal. Joined work gets a signal of its own (aborted once every joined caller has gone away), which
 * the host passes on to its calls instead of the request's.
 */
export interface CacheUser {
  id: string;
  signal?: AbortSignal;
  proveAccess(repo: Repository, sha: string, signal?: AbortSignal): Promise<unknown>;
}

/** A host call run for the cache, with the signal to pass on to it. */
export type HostCall<T> = (signal: AbortSignal) => Promise<T>;

type Tree = { paths: ReadonlySet<string> | undefined; bytes: number };

export class ReadCache {
  private readonly files: ByteLru<CachedFile>;
  private readonly trees: ByteLru<Tree>;
  private readonly access: ByteLru<number>;
  private readonly flights = new Coalescer();

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
    fetch: HostCall<CachedFile>
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
      cached = await this.join(user, `file:${key}`, async (signal) => {
        const shared = await this.options.shared?.getFile(repo, sha, path);
        if (shared) {
          await this.ensureAccess(user, repo, sha);
          this.files.set(key, shared);
          return shared;
        }
        const fetched = await fetch(signal);
        if (fetched.kind !== 'missing') {
          this.markAccess(user, repo);
        }
        const forEveryone = fetched.kind !== 'missing' || (await this.knowsAccess(user, repo));
        this.files.set(forEveryone ? key : ownKey, fetched);
        if (forEveryone) {
          this.options.shared?.setFile(repo, sha, path, fetched);
        }
        return fetched;
      });
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
    fetch: HostCall<ReadonlySet<string> | undefined>
  ): Promise<ReadonlySet<string> | undefined> {
    const key = `${repo.fullName}@${sha}`;
    let cached = this.trees.get(key);
    this.countLookup('trees', cached !== undefined);
    if (cached) {
      await this.ensureAccess(user, repo, sha);
    } else {
      cached = await this.join(user, `tree:${key}`, async (signal): Promise<Tree> => {
        const shared = await this.options.shared?.getTree(repo, sha);
        if (shared) {
          await this.ensureAccess(user, repo, sha);
        }
        const paths = shared ? shared.paths : await fetch(signal);
        if (!shared) {
          this.markAccess(user, repo);
          this.options.shared?.setTree(repo, sha, paths);
        }
        let bytes = 0;
        paths?.forEach((p) => (bytes += p.length * 2 + 32));
        const tree = { paths, bytes };
        this.trees.set(key, tree);
        return tree;
      });
    }
    return cached.paths;
  }

  /** Before serving shared data (the host's own caches too): this user's proof, or one call that gives it. */
  async ensureAccess(user: CacheUser, repo: Repository, sha: string): Promise<unknown> {
    if (await this.knowsAccess(user, repo)) {
      return;
    }
    return this.join(user, `access:${repo.fullName}`, (signal) => user.proveAccess(repo, sha, signal));
  }

  /** This user's proof in memory (see `knowsAccess` for the shared tier too). */
  hasAccess(user: CacheUser, repo: Repository): boolean {
    const provenAt = this.access.get(`${user.id}:${repo.fullName}`);
    return provenAt !== undefined && this.options.now() - provenAt <= this.options.accessTtlMs;
  }

  /** This user's proof in memory, else in the shared tier (another replica saw it; kept in memory then). */
  async knowsAccess(user: CacheUser, repo: Repository): Promise<boolean> {
    if (this.hasAccess(user, repo)) {
      return true;
    }
    const provenAt = await this.options.shared?.provenAt(user.id, repo);
    if (provenAt === undefined) {
      return false;
    }
    // Kept with the time of the proof, so that it expires when it would have on the replica that made it.
    this.access.set(`${user.id}:${repo.fullName}`, provenAt);
    return this.hasAccess(user, repo);
  }

  markAccess(user: CacheUser, repo: Repository): void {
    const now = this.options.now();
    this.access.set(`${user.id}:${repo.fullName}`, now);
    this.options.shared?.markAccess(user.id, repo, now, this.options.accessTtlMs);
  }

  /** A ref another replica resolved (undefined without a shared tier); serve it only with the user's access. */
  async sharedRef(repo: Repository, ref: string): Promise<SharedRef | undefined> {
    return this.options.shared?.getRef(repo, ref);
  }

  /** Offers a ref's resolution to the other replicas for `ttlMs`. */
  shareRef(repo: Repository, ref: string, value: SharedRef, ttlMs: number): void {
    this.options.shared?.setRef(repo, ref, value, ttlMs);
  }

  /**
   * Runs `work` once for all of this user's concurrent callers with the same key (e.g. `ref:owner/repo@main`);
   * hosts use it for their own lookups so that a burst of identical requests costs one call.
   */
  join<T>(user: CacheUser, key: string, work: HostCall<T>): Promise<T> {
    return this.flights.run(`${user.id}:${key}`, user.signal, work);
  }

  /** Counts a lookup of any of the host's memory caches (files, trees, or the host's own refs and commits). */
  countLookup(cache: string, hit: boolean): void {
    const metrics = this.options.metrics;
    if (metrics) {
      metrics.cacheRequests.inc({ cache, result: hit ? 'hit' : 'miss' });
      metrics.cacheBytes.set({ cache: 'files' }, this.files.totalBytes);
      metrics.cacheBytes.set({ cache: 'trees' }, this.trees.totalBytes);
    }
  }
}
