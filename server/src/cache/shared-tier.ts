/** The shared tier as configured: none without CACHE_URL, else a SharedCache over the Redis or Valkey server. */
import { ServerConfig } from '../config';
import { Logger } from '../log';
import { ServerMetrics } from '../metrics';
import { RedisStore } from './redis-store';
import { SharedCache } from './shared-cache';

export interface SharedTier {
  cache: SharedCache;
  close(): Promise<void>;
}

export function createSharedCache(
  config: ServerConfig,
  logger: Logger,
  metrics: ServerMetrics
): SharedTier | undefined {
  if (!config.cacheUrl) {
    return undefined;
  }
  const store = new RedisStore({ url: config.cacheUrl, timeoutMs: config.cacheTimeoutMs, logger, metrics });
  const cache = new SharedCache({
    store,
    secret: config.githubSessionSecret,
    maxBodyBytes: config.maxFileBytes,
    metrics,
  });
  return { cache, close: () => store.close() };
}
