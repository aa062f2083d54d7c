/** GitHub's answers (Octokit errors, timeouts, network failures) converted into the host-neutral failures. */
import { scrub } from '../../log';
import { FileNotFoundError, FileRejectedError, HostAuthError, HostError, RateLimitError } from '../errors';

const HOST = 'GitHub';

interface OctokitLikeError {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
  request?: { method?: string; url?: string };
}

/** Converts an Octokit RequestError (or a network/timeout error) into a host-neutral failure. */
export function classifyGitHubError(error: unknown): Error {
  if (
    error instanceof FileNotFoundError ||
    error instanceof FileRejectedError ||
    error instanceof RateLimitError ||
    error instanceof HostAuthError ||
    error instanceof HostError
  ) {
    return error;
  }
  const e = (error ?? {}) as OctokitLikeError;
  const status = typeof e.status === 'number' ? e.status : undefined;
  const headers = e.response?.headers ?? {};
  const data = e.response?.data as { message?: string } | undefined;
  const githubMessage = typeof data?.message === 'string' ? data.message : (e.message ?? String(error));
  const what = e.request?.method && e.request.url ? `${e.request.method} ${scrub(e.request.url)}: ` : '';
  if (
    status === 429 ||
    (status === 403 && (headers['x-ratelimit-remaining'] === '0' || /rate limit/i.test(githubMessage)))
  ) {
    const reset = Number(headers['x-ratelimit-reset']);
    const retryAfter = Number(headers['retry-after']);
    const resetAt = reset > 0 ? reset * 1000 : retryAfter > 0 ? Date.now() + retryAfter * 1000 : undefined;
    return new RateLimitError(HOST, resetAt, status);
  }
  if (status === 401) {
    return new HostAuthError(HOST, `${what}401 ${githubMessage}`);
  }
  if (status === 404) {
    return new FileNotFoundError(`${what}404 ${githubMessage}`);
  }
  // Octokit reports transport failures (refused, reset, DNS) as status 500 without a response.
  if (status === undefined || (e.response === undefined && status === 500)) {
    const name = (error as Error | undefined)?.name;
    const reason = name === 'TimeoutError' || name === 'AbortError' ? 'timed out' : githubMessage;
    return new HostError(`${what}${reason}`, undefined);
  }
  return new HostError(`${what}${status} ${githubMessage}`, status);
}
