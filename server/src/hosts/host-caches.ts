/**
 * The caches every Git host keeps: the shared ReadCache (files, trees, access proofs), its refs (ref-resolver.ts,
 * over the host's lookup call), commit details and blames. Bounded by bytes so a busy server's memory stays within
 * its budget.
 */
import { ByteLru } from '../cache/lru';
import { SharedCache } from '../cache/shared-cache';
import { ServerMetrics } from '../metrics';
import { BlameCache } from './blame/blame-cache';
import { CacheUser, ReadCache } from './read-cache';
import { RefLookup, RefResolver } from './ref-resolver';
import { SharedReads } from './shared-reads';

export interface HostCacheOptions<U extends CacheUser> {
  /** Names the host in shared keys, e.g. `github https://api.github.com`. */
  hostKey: string;
  /** The host's name in messages ("GitHub"). */
  hostName: string;
  shared?: SharedCache;
  cacheBytes: number;
  accessTtlMs: number;
  refTtlMs: number;
  metrics?: ServerMetrics;
  now: () => number;
  /** The host's spelling of a ref ("" is the default branch). */
  normalizeRef: (ref: string) => string;
  lookUpRef: RefLookup<U>;
}

export interface HostCaches<C, U extends CacheUser> {
  reads: ReadCache;
  refs: RefResolver<U>;
  commits: ByteLru<C>;
  blames: BlameCache;
}

export function createHostCaches<C, U extends CacheUser>(options: HostCacheOptions<U>): HostCaches<C, U> {
  const reads = new ReadCache({
    shared: options.shared && new SharedReads(options.shared, options.hostKey),
    cacheBytes: options.cacheBytes,
    accessTtlMs: options.accessTtlMs,
    metrics: options.metrics,
    now: options.now,
  });
  return {
    reads,
    refs: new RefResolver<U>({
      hostName: options.hostName,
      reads,
      refTtlMs: options.refTtlMs,
      now: options.now,
      normalize: options.normalizeRef,
      lookUp: options.lookUpRef,
    }),
    commits: new ByteLru({ maxBytes: 8 * 1024 * 1024, sizeOf: (c) => JSON.stringify(c).length }),
    blames: new BlameCache({
      reads,
      hostKey: options.hostKey,
      shared: options.shared,
      maxBytes: Math.floor(options.cacheBytes / 8),
    }),
  };
}
