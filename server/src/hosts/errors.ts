/**
 * Failures of any Git host, in the host's own words but provider-neutral kinds: each host's client converts its
 * errors into these, and `error-policy.ts` alone decides what each kind means for resolution and for the RPCs.
 */
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

/** The host's rate limit; `resetAt` is Unix ms when known. */
export class RateLimitError extends Error {
  constructor(
    readonly host: string,
    readonly resetAt: number | undefined,
    readonly status: number
  ) {
    super(`${host} rate limit exceeded${resetAt ? `; it resets at ${new Date(resetAt).toISOString()}` : ''}`);
  }
}

/** The host answered 401: the user's token is no longer valid. */
export class HostAuthError extends Error {
  constructor(
    readonly host: string,
    message: string
  ) {
    super(message);
  }
}

/** Any other host failure: an HTTP status, or `undefined` when the host was not reached (timeout, network). */
export class HostError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined
  ) {
    super(message);
  }
}

/** The host answered, but not with what its API documents (e.g. a commit without a date). */
export class MalformedAnswerError extends Error {}

/** The host's API has no blame (or compare) at all: the RPC says so, and the host's own web page is the way. */
export class BlameUnavailableError extends Error {
  constructor(host: string, what: 'blame' | 'compare') {
    super(
      `${host}'s API has no ${what === 'blame' ? 'blame (annotate)' : 'commit comparison with blame'}; open the file's blame on ${host} instead`
    );
  }
}
