/**
 * The shared tier as configured: none without CACHE_URL (or without the session secret that seals it), else a
 * SharedCache over the Redis or Valkey server.
 */
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
  if (config.sessionSecret === '') {
    // Keys and values are sealed with the secret; without it (GitHub not configured) only public data is read.
    logger.warn('CACHE_URL is set but GITHUB_SESSION_SECRET is not: the shared cache stays off');
    return undefined;
  }
  const store = new RedisStore({ url: config.cacheUrl, timeoutMs: config.cacheTimeoutMs, logger, metrics });
  const cache = new SharedCache({
    store,
    secret: config.sessionSecret,
    maxBodyBytes: config.maxFileBytes,
    metrics,
  });
  return { cache, close: () => store.close() };
}
