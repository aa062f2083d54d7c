/** Failures of GitHub calls, classified so that resolution and RPC handlers can react to each kind. */
export class FileNotFoundError extends Error {
  constructor(
    message: string,
    readonly reason: 'not_found' | 'not_a_file' = 'not_found'
  ) {
    super(message);
  }
}

export class FileRejectedError extends Error {
  constructor(
    message: string,
    readonly reason: 'too_large' | 'binary' | 'bad_path'
  ) {
    super(message);
  }
}

/** GitHub's primary or secondary rate limit; `resetAt` is Unix ms when known. */
export class RateLimitError extends Error {
  constructor(
    readonly resetAt: number | undefined,
    readonly status: number
  ) {
    super(`GitHub rate limit exceeded${resetAt ? `; it resets at ${new Date(resetAt).toISOString()}` : ''}`);
  }
}

/** GitHub answered 401: the user's token is no longer valid. */
export class GitHubAuthError extends Error {}

/** Any other GitHub failure (HTTP status, timeout, network). */
export class GitHubError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined
  ) {
    super(message);
  }
}

interface OctokitLikeError {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
  request?: { method?: string; url?: string };
}

/** Converts an Octokit RequestError (or a network/timeout error) into one of the classes above. */
export function classifyGitHubError(error: unknown): Error {
  if (
    error instanceof FileNotFoundError ||
    error instanceof FileRejectedError ||
    error instanceof RateLimitError ||
    error instanceof GitHubAuthError ||
    error instanceof GitHubError
  ) {
    return error;
  }
  const e = (error ?? {}) as OctokitLikeError;
  const status = typeof e.status === 'number' ? e.status : undefined;
  const headers = e.response?.headers ?? {};
  const data = e.response?.data as { message?: string } | undefined;
  const githubMessage = typeof data?.message === 'string' ? data.message : (e.message ?? String(error));
  const what = e.request?.method && e.request.url ? `${e.request.method} ${stripQuerySecrets(e.request.url)}: ` : '';
  if (
    status === 429 ||
    (status === 403 && (headers['x-ratelimit-remaining'] === '0' || /rate limit/i.test(githubMessage)))
  ) {
    const reset = Number(headers['x-ratelimit-reset']);
    const retryAfter = Number(headers['retry-after']);
    const resetAt = reset > 0 ? reset * 1000 : retryAfter > 0 ? Date.now() + retryAfter * 1000 : undefined;
    return new RateLimitError(resetAt, status);
  }
  if (status === 401) {
    return new GitHubAuthError(`${what}401 ${githubMessage}`);
  }
  if (status === 404) {
    return new FileNotFoundError(`${what}404 ${githubMessage}`);
  }
  // Octokit reports transport failures (refused, reset, DNS) as status 500 without a response.
  if (status === undefined || (e.response === undefined && status === 500)) {
    const name = (error as Error | undefined)?.name;
    const reason = name === 'TimeoutError' || name === 'AbortError' ? 'timed out' : githubMessage;
    return new GitHubError(`${what}${reason}`, undefined);
  }
  return new GitHubError(`${what}${status} ${githubMessage}`, status);
}

function stripQuerySecrets(url: string): string {
  return url.replace(/([?&](?:client_secret|access_token|code)=)[^&]*/g, '$1REDACTED');
}
