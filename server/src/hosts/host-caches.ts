/**
 * The caches every Git host keeps beside its ref resolver (ref-resolver.ts): the shared ReadCache and commit
 * details. Bounded by bytes so a busy server's memory stays within its budget.
 */
import { ByteLru } from '../cache/lru';
import { SharedCache } from '../cache/shared-cache';
import { ServerMetrics } from '../metrics';
import { ReadCache } from './read-cache';
import { SharedReads } from './shared-reads';

export interface HostCacheOptions {
  /** Names the host in shared keys, e.g. `github https://api.github.com`. */
  hostKey: string;
  shared?: SharedCache;
  cacheBytes: number;
  accessTtlMs: number;
  metrics?: ServerMetrics;
  now: () => number;
}

export interface HostCaches<C> {
  reads: ReadCache;
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
    commits: new ByteLru({ maxBytes: 8 * 1024 * 1024, sizeOf: (c) => JSON.stringify(c).length }),
  };
}
