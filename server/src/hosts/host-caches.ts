/**
 * The caches every Git host keeps beside the shared ReadCache: resolved refs, refs found missing (trusted as long as
 * found ones) and commit details. Bounded by bytes so a busy server's memory stays within its budget.
 */
import { ByteLru } from '../cache/lru';
import { SharedCache } from '../cache/shared-cache';
import { ServerMetrics } from '../metrics';
import { ReadCache } from './read-cache';
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
