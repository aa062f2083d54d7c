/** Prometheus metrics of the source server (one registry per server instance, so tests stay isolated). */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The Git hosts the server calls, as the `provider` label names them. */
export type HostProvider = 'github' | 'gitlab' | 'bitbucket' | 'azure-devops';

export interface ServerMetrics {
  registry: Registry;
  rpcDuration: Histogram<'method' | 'code'>;
  hostDuration: Histogram<'provider' | 'method' | 'route' | 'status_code'>;
  cacheRequests: Counter<'cache' | 'result'>;
  sharedCacheRequests: Counter<'cache' | 'result'>;
  sharedCacheErrors: Counter<'operation'>;
  sharedCacheUp: Gauge;
  rateLimitRemaining: Gauge<'provider' | 'resource'>;
  cacheBytes: Gauge<'cache'>;
  requestsInFlight: Gauge;
  ready: Gauge;
  draining: Gauge;
  registryRequests: Counter<'registry' | 'status_code'>;
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
    hostDuration: new Histogram({
      name: 'linescope_git_host_request_duration_seconds',
      help: 'Calls to the Git hosts by provider (github, gitlab, bitbucket, azure-devops), method, route and status code (empty when the transport failed)',
      labelNames: ['provider', 'method', 'route', 'status_code'],
      // Pyroscope's classic buckets for pyroscope_vcs_github_request_duration.
      buckets: [0.1, 0.1931, 0.3728, 0.7197, 1.3895, 2.6827, 5.1795, 10],
      registers: [registry],
    }),
    cacheRequests: new Counter({
      name: 'linescope_cache_requests_total',
      help: 'Memory cache lookups by cache and result (hit or miss)',
      labelNames: ['cache', 'result'],
      registers: [registry],
    }),
    sharedCacheRequests: new Counter({
      name: 'linescope_shared_cache_requests_total',
      help: 'Shared cache (CACHE_URL) lookups by cache and result (hit, miss; invalid: a value ignored as untrusted or of the wrong shape)',
      labelNames: ['cache', 'result'],
      registers: [registry],
    }),
    sharedCacheUp: new Gauge({
      name: 'linescope_shared_cache_up',
      help: '1 while the shared cache server (CACHE_URL) is connected and answering, else 0 (absent without CACHE_URL)',
      registers: [registry],
    }),
    sharedCacheErrors: new Counter({
      name: 'linescope_shared_cache_errors_total',
      help: 'Failed or timed-out commands to the shared cache server (CACHE_URL), by operation (get, set, connect)',
      labelNames: ['operation'],
      registers: [registry],
    }),
    rateLimitRemaining: new Gauge({
      name: 'linescope_git_host_rate_limit_remaining',
      help: "The rate limit left after the last reply of a Git host (GitHub's x-ratelimit-remaining, GitLab's RateLimit-Remaining, Azure DevOps' X-RateLimit-Remaining once it delays or throttles), by provider and resource",
      labelNames: ['provider', 'resource'],
      registers: [registry],
    }),
    cacheBytes: new Gauge({
      name: 'linescope_cache_bytes',
      help: 'Bytes held by each cache',
      labelNames: ['cache'],
      registers: [registry],
    }),
    requestsInFlight: new Gauge({
      name: 'linescope_http_requests_in_flight',
      help: 'HTTP requests being answered (RPCs, gateway, probes, metrics)',
      registers: [registry],
    }),
    ready: new Gauge({
      name: 'linescope_ready',
      help: 'The last /ready answer: 1 ready, 0 not ready (shutting down, or Pyroscope not answering in gateway mode)',
      registers: [registry],
    }),
    draining: new Gauge({
      name: 'linescope_draining',
      help: '1 from SIGTERM on, while requests in flight finish (SHUTDOWN_DRAIN_SECONDS), else 0',
      registers: [registry],
    }),
    registryRequests: new Counter({
      name: 'linescope_registry_requests_total',
      help: 'Requests to the package registries (goproxy, npm, rubygems, pypi, maven) by status code (0 when no answer came); archives are immutable, so a file read again costs none',
      labelNames: ['registry', 'status_code'],
      registers: [registry],
    }),
  };
}

/** One call to a Git host, as its client saw it. */
export interface HostCall {
  method: string;
  /** The route's template, e.g. `/repos/{owner}/{repo}/contents/{path}`: never the names themselves. */
  route: string;
  /** Undefined when no response came (timeout, connection refused). */
  status: number | undefined;
  seconds: number;
  /** What the reply said is left of its rate limit. */
  rateLimit?: { resource: string; remaining: number };
}

/** Counts a call to a Git host: its duration by provider, route and status, and the rate limit it reported. */
export function recordHostCall(metrics: ServerMetrics, provider: HostProvider, call: HostCall): void {
  metrics.hostDuration.observe(
    {
      provider,
      method: call.method,
      route: call.route,
      status_code: call.status === undefined ? '' : String(call.status),
    },
    call.seconds
  );
  if (call.rateLimit && Number.isFinite(call.rateLimit.remaining)) {
    metrics.rateLimitRemaining.set({ provider, resource: call.rateLimit.resource }, call.rateLimit.remaining);
  }
}

const ROUTES: Array<[RegExp, string]> = [
  [/^\/repos\/\S+\/\S+\/contents\/\S+$/, '/repos/{owner}/{repo}/contents/{path}'],
  [/^\/repos\/\S+\/\S+\/commits\/\S+$/, '/repos/{owner}/{repo}/commits/{ref}'],
  [/^\/repos\/\S+\/\S+\/git\/trees\/\S+$/, '/repos/{owner}/{repo}/git/trees/{sha}'],
  [/^\/login\/oauth\/access_token$/, '/login/oauth/access_token'],
  [/^\/repos\/\S+\/\S+\/compare\/\S+$/, '/repos/{owner}/{repo}/compare/{basehead}'],
  // GitHub Enterprise Server's GraphQL endpoint is /api/graphql.
  [/^(?:\/api)?\/graphql$/, '/graphql'],
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
