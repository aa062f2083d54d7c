/**
 * GitHub's primary rate limit as the double keeps it: an hourly window per login (5000) or per IP address without
 * a token (60), reported in `x-ratelimit-*` headers; and a limit a test forces: 403 "API rate limit exceeded" (the
 * primary limit; GraphQL answers it as HTTP 200 with a RATE_LIMITED error) or 429 with `retry-after` (a secondary
 * limit).
 */
import { ANONYMOUS_RATE_LIMIT, apiError, json, JSON_HEADERS, RATE_LIMIT, Reply } from './shapes';

export interface ForcedRateLimit {
  /** 403 (primary limit, as GitHub answers) or 429 (secondary). */
  status: 403 | 429;
  /** Unix seconds when the limit resets; default in an hour. */
  resetAt?: number;
  /** How many requests it applies to; default: until cleared. */
  count?: number;
}

export interface RateLimits {
  /** Identity (login, or `ip:<address>`) → requests counted in its window, and when the window resets. */
  windows: Map<string, { count: number; windowReset: number }>;
  forced?: ForcedRateLimit & { remaining: number };
  now: () => number;
}

export function rateHeaders(limit: number, remaining: number, reset: number, used: number): Record<string, string> {
  return {
    'x-ratelimit-limit': String(limit),
    'x-ratelimit-remaining': String(remaining),
    'x-ratelimit-reset': String(reset),
    'x-ratelimit-used': String(used),
    'x-ratelimit-resource': 'core',
  };
}

/** The identity's current window (a new one once the last has reset) and its limit. */
export function windowOf(limits: RateLimits, identity: string, login: string | null) {
  const windowNow = Math.floor(limits.now() / 1000);
  let usage = limits.windows.get(identity);
  if (!usage || usage.windowReset <= windowNow) {
    usage = { count: 0, windowReset: windowNow + 3600 };
    limits.windows.set(identity, usage);
  }
  return { usage, limit: login ? RATE_LIMIT : ANONYMOUS_RATE_LIMIT };
}

/** The answer of a forced rate limit while it lasts (counting the request against it), else undefined. */
export function forcedLimitReply(
  limits: RateLimits,
  login: string | null,
  limit: number,
  graphql: boolean
): Reply | undefined {
  const forced = limits.forced;
  if (!forced || forced.remaining <= 0) {
    return undefined;
  }
  forced.remaining--;
  const windowNow = Math.floor(limits.now() / 1000);
  const reset = forced.resetAt ?? windowNow + 3600;
  const headers = rateHeaders(limit, 0, reset, limit);
  const exceeded = `API rate limit exceeded for user ${login ?? 'anonymous'}.`;
  if (graphql && forced.status === 403) {
    // GraphQL's primary limit: HTTP 200, an error of type RATE_LIMITED, nothing left of the point budget.
    return json(
      200,
      { errors: [{ type: 'RATE_LIMITED', message: exceeded }] },
      {
        ...headers,
        'x-ratelimit-resource': 'graphql',
      }
    );
  }
  if (forced.status === 429) {
    const reply = apiError(
      429,
      'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'
    );
    return {
      ...reply,
      headers: { ...JSON_HEADERS, ...headers, 'retry-after': String(Math.max(1, reset - windowNow)) },
    };
  }
  return { ...apiError(403, exceeded), headers: { ...JSON_HEADERS, ...headers } };
}
