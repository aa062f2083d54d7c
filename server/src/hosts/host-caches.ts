/**
 * The caches every Git host keeps beside the shared ReadCache: resolved refs, refs found missing (trusted as long as
 * found ones) and commit details. Bounded by bytes so a busy server's memory stays within its budget.
 */
import { ByteLru } from '../cache/lru';
import { SharedCache } from '../cache/shared-cache';
import { ServerMetrics } from '../metrics';
import { Repository } from './git-host';
import { CacheUser, ReadCache } from './read-cache';
import { SharedReads } from './shared-reads';

export interface CachedRef {
  sha: string;
  etag?: string;
  checkedAt: number;
}

export interface HostCacheOptions {
  /** Names the host in shared keys, e.g. `github https://api.github.com`. */
  hostKey: string;
  shared?: SharedCache;
  cacheBytes: number;
  accessTtlMs: number;
  refTtlMs: number;
  metrics?: ServerMetrics;
  now: () => number;
}

/** A commit named by its full sha: immutable, so cached without revalidation and never shared as a ref. */
export const FULL_SHA = /^[0-9a-f]{40}$/;

type RefCaches = Pick<HostCaches<unknown>, 'reads' | 'refs'>;

export interface HostCaches<C> {
  reads: ReadCache;
  refs: ByteLru<CachedRef>;
  missingRefs: ByteLru<string>;
  commits: ByteLru<C>;
}

export function createHostCaches<C>(options: HostCacheOptions): HostCaches<C> {
  return {
    reads: new ReadCache({
      shared: options.shared && new SharedReads(options.shared, options.hostKey),
      cacheBytes: options.cacheBytes,
      accessTtlMs: options.accessTtlMs,
      metrics: options.metrics,
      now: options.now,
    }),
    refs: new ByteLru({ maxBytes: 4 * 1024 * 1024, sizeOf: () => 128 }),
    missingRefs: new ByteLru({
      maxBytes: 4 * 1024 * 1024,
      sizeOf: (m) => m.length,
      ttlMs: options.refTtlMs,
      now: options.now,
    }),
    commits: new ByteLru({ maxBytes: 8 * 1024 * 1024, sizeOf: (c) => JSON.stringify(c).length }),
  };
}

/**
 * The sha of a branch or tag from this replica's memory alone, when it is fresh, not found missing since, and the
 * user's access is known in memory: what most requests for a hot ref need, answered without any await.
 */
export function freshSha(
  caches: RefCaches & Pick<HostCaches<unknown>, 'missingRefs'>,
  options: { refTtlMs: number; now: () => number },
  user: CacheUser,
  repo: Repository,
  key: string
): string | undefined {
  const cached = caches.refs.get(key);
  if (
    cached === undefined ||
    options.now() - cached.checkedAt > options.refTtlMs ||
    caches.missingRefs.get(key) !== undefined ||
    caches.missingRefs.get(`${user.id}|${key}`) !== undefined ||
    !caches.reads.hasAccess(user, repo)
  ) {
    return undefined;
  }
  caches.reads.countLookup('refs', true);
  return cached.sha;
}

/**
 * The sha of a branch or tag from the caches, when it is fresh and the user's access is known: this replica's own
 * entry, else one another replica resolved (or revalidated) since, whose ETag makes the host's check free later.
 */
export async function cachedSha(
  caches: RefCaches,
  options: { refTtlMs: number; now: () => number },
  user: CacheUser,
  repo: Repository,
  ref: string,
  key: string
): Promise<string | undefined> {
  const isFresh = (entry?: CachedRef) => entry !== undefined && options.now() - entry.checkedAt <= options.refTtlMs;
  let cached = caches.refs.get(key);
  caches.reads.countLookup('refs', isFresh(cached));
  if (!isFresh(cached)) {
    const shared = await caches.reads.sharedRef(repo, ref);
    if (shared && (!cached || shared.checkedAt > cached.checkedAt)) {
      cached = shared;
      caches.refs.set(key, shared);
    }
  }
  return cached && isFresh(cached) && (await caches.reads.knowsAccess(user, repo)) ? cached.sha : undefined;
}

/** Keeps a resolved ref, and shares a branch or tag (a full sha needs no sharing) with the other replicas. */
export function rememberRef(
  caches: RefCaches,
  refTtlMs: number,
  repo: Repository,
  ref: string,
  key: string,
  value: CachedRef
) {
  caches.refs.set(key, value);
  if (!FULL_SHA.test(ref)) {
    caches.reads.shareRef(repo, ref, value, refTtlMs);
  }
}
