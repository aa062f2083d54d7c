/** Prometheus metrics of the source server (one registry per server instance, so tests stay isolated). */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface ServerMetrics {
  registry: Registry;
  rpcDuration: Histogram<'method' | 'code'>;
  githubDuration: Histogram<'method' | 'route' | 'status_code'>;
  cacheRequests: Counter<'cache' | 'result'>;
  rateLimitRemaining: Gauge<'resource'>;
  cacheBytes: Gauge<'cache'>;
}

export function createMetrics(options: { defaultMetrics?: boolean } = {}): ServerMetrics {
  const registry = new Registry();
  if (options.defaultMetrics) {
    collectDefaultMetrics({ register: registry, prefix: 'linescope_server_' });
  }
  return {
    registry,
    rpcDuration: new Histogram({
      name: 'linescope_rpc_duration_seconds',
      help: 'vcs.v1 RPC duration by method and Connect code',
      labelNames: ['method', 'code'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    githubDuration: new Histogram({
      name: 'linescope_github_request_duration_seconds',
      help: 'GitHub calls by method, route and status code (empty when the transport failed)',
      labelNames: ['method', 'route', 'status_code'],
      // Pyroscope's classic buckets for pyroscope_vcs_github_request_duration.
      buckets: [0.1, 0.1931, 0.3728, 0.7197, 1.3895, 2.6827, 5.1795, 10],
      registers: [registry],
    }),
    cacheRequests: new Counter({
      name: 'linescope_cache_requests_total',
      help: 'Cache lookups by cache and result (hit or miss)',
      labelNames: ['cache', 'result'],
      registers: [registry],
    }),
    rateLimitRemaining: new Gauge({
      name: 'linescope_github_rate_limit_remaining',
      help: 'x-ratelimit-remaining of the last GitHub reply, by resource',
      labelNames: ['resource'],
      registers: [registry],
    }),
    cacheBytes: new Gauge({
      name: 'linescope_cache_bytes',
      help: 'Bytes held by each cache',
      labelNames: ['cache'],
      registers: [registry],
    }),
  };
}

const ROUTES: Array<[RegExp, string]> = [
  [/^\/repos\/\S+\/\S+\/contents\/\S+$/, '/repos/{owner}/{repo}/contents/{path}'],
  [/^\/repos\/\S+\/\S+\/commits\/\S+$/, '/repos/{owner}/{repo}/commits/{ref}'],
  [/^\/repos\/\S+\/\S+\/git\/trees\/\S+$/, '/repos/{owner}/{repo}/git/trees/{sha}'],
  [/^\/login\/oauth\/access_token$/, '/login/oauth/access_token'],
];

/**
 * Route label of a GitHub call (Pyroscope's rules, plus git/trees). The path tested is the
 * unescaped URL path; a GitHub Enterprise `/api/v3` prefix is ignored.
 */
export function githubRouteLabel(path: string): string {
  const bare = path.replace(/^\/api\/v3(?=\/)/, '');
  for (const [pattern, label] of ROUTES) {
    if (pattern.test(bare)) {
      return label;
    }
  }
  return 'unknown_route';
}
