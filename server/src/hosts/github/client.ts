/**
 * Octokit factory: retries for transient failures, GitHub's rate-limit handling, a timeout on every call,
 * the API base URL from GITHUB_API_URL (GitHub Enterprise: https://host/api/v3) and per-call metrics.
 */
import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { githubRouteLabel, recordHostCall, ServerMetrics } from '../../metrics';

const LinescopeOctokit = Octokit.plugin(retry, throttling);
export type GitHubApi = InstanceType<typeof LinescopeOctokit>;

export interface OctokitOptions {
  apiUrl: string;
  timeoutMs: number;
  token?: string;
  /** Concurrency is limited per id (one per user); without it, all clients would share one limit. */
  throttleId?: string;
  metrics?: ServerMetrics;
  /** Longest rate-limit wait worth retrying inside one user request (seconds); longer ones fail at once. */
  maxRateLimitWaitSeconds?: number;
  fetch?: typeof fetch;
}

export function createOctokit(options: OctokitOptions): GitHubApi {
  const maxWait = options.maxRateLimitWaitSeconds ?? 2;
  // A user is waiting for the answer: retry a rate limit once only if it lifts within seconds.
  const onLimit = (retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number) =>
    retryCount === 0 && retryAfter <= maxWait;
  return new LinescopeOctokit({
    auth: options.token,
    baseUrl: options.apiUrl.replace(/\/+$/, ''),
    userAgent: 'linescope-server',
    request: { fetch: instrumentedFetch(options) },
    // Transient 5xx are retried once; a timeout (answered below as 504) is not: it already used the budget.
    retry: { retries: 1, doNotRetry: [400, 401, 403, 404, 409, 410, 422, 429, 451, 504] },
    throttle: { id: options.throttleId, onRateLimit: onLimit, onSecondaryRateLimit: onLimit },
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
}

/** Every HTTP call Octokit makes goes through here: timeout, duration histogram, rate-limit gauge. */
function instrumentedFetch(options: OctokitOptions): typeof fetch {
  const baseFetch = options.fetch ?? fetch;
  return async (input, init) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    const method = (init?.method ?? 'GET').toUpperCase();
    const route = githubRouteLabel(decodeURIComponent(url.pathname));
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    const started = performance.now();
    let status: number | undefined;
    let rateLimit: { resource: string; remaining: number } | undefined;
    try {
      let response: Response;
      try {
        response = await baseFetch(input, { ...init, signal });
      } catch (error) {
        if (!timeout.aborted) {
          throw error;
        }
        // GitHub did not answer in time: a gateway-timeout reply, which Octokit reports with its status.
        response = new Response(JSON.stringify({ message: `GitHub did not answer within ${options.timeoutMs} ms` }), {
          status: 504,
          headers: { 'content-type': 'application/json' },
        });
      }
      status = response.status;
      const remaining = response.headers.get('x-ratelimit-remaining');
      if (remaining !== null) {
        rateLimit = { resource: response.headers.get('x-ratelimit-resource') ?? 'core', remaining: Number(remaining) };
      }
      return response;
    } finally {
      if (options.metrics) {
        recordHostCall(options.metrics, 'github', {
          method,
          route,
          status,
          seconds: (performance.now() - started) / 1000,
          rateLimit,
        });
      }
    }
  };
}
