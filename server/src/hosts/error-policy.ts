/**
 * The one place that decides what a Git host's failure means: whether searching on (another place, another form
 * of a ref) can still help, what a resolution attempt records, and which Connect code the RPC answers.
 */
import { Code, ConnectError } from '@connectrpc/connect';
import { scrub } from '../log';
import {
  BlameUnavailableError,
  FileNotFoundError,
  FileRejectedError,
  HostAuthError,
  HostError,
  MalformedAnswerError,
  RateLimitError,
} from './errors';

/** A rate limit or a refused token: the same for every further call with this token. */
export function endsEveryCall(error: unknown): boolean {
  return error instanceof RateLimitError || error instanceof HostAuthError;
}

/** Resolution stops at an unreachable or too slow host too: the next places would wait just as long. */
export function endsResolution(error: unknown): boolean {
  return endsEveryCall(error) || (error instanceof HostError && (error.status === undefined || error.status === 504));
}

/** Another form of a ref will not help when the host is down or unreachable either. */
export function endsRefFallback(error: unknown): boolean {
  return endsEveryCall(error) || (error instanceof HostError && (error.status === undefined || error.status >= 500));
}

/** How a failed read is recorded among the places a resolution tried. */
export function attemptOutcome(error: unknown): string {
  if (error instanceof RateLimitError) {
    return 'rate_limited';
  }
  if (error instanceof HostAuthError) {
    return 'unauthenticated';
  }
  if (error instanceof FileNotFoundError) {
    return error.reason === 'not_a_file' ? 'not_found: not a file' : 'not_found';
  }
  if (error instanceof FileRejectedError) {
    return `rejected: ${error.message}`;
  }
  return `error: ${(error as Error).message}`;
}

/** A host failure as the RPC's answer; a 404 is not_found (Pyroscope answers 501 unimplemented). */
export function toConnectError(error: unknown): ConnectError {
  if (error instanceof ConnectError) {
    return error;
  }
  if (error instanceof RateLimitError) {
    return new ConnectError(
      error.message,
      Code.ResourceExhausted,
      error.resetAt ? { 'x-ratelimit-reset': String(Math.floor(error.resetAt / 1000)) } : undefined
    );
  }
  if (error instanceof HostAuthError) {
    return new ConnectError(`${error.host} rejected the session's token: ${error.message}`, Code.Unauthenticated);
  }
  if (error instanceof FileNotFoundError) {
    return new ConnectError(error.message, Code.NotFound);
  }
  if (error instanceof BlameUnavailableError) {
    return new ConnectError(error.message, Code.Unimplemented);
  }
  if (error instanceof MalformedAnswerError) {
    return new ConnectError(error.message, Code.Internal);
  }
  if (error instanceof HostError) {
    return new ConnectError(error.message, codeOfStatus(error.status));
  }
  return new ConnectError(scrub((error as Error)?.message ?? String(error)), Code.Unknown);
}

function codeOfStatus(status: number | undefined): Code {
  if (status === undefined) {
    return Code.Unavailable;
  }
  switch (status) {
    case 504:
      return Code.DeadlineExceeded;
    case 422:
      return Code.NotFound;
    case 403:
      return Code.PermissionDenied;
    case 409:
      return Code.FailedPrecondition;
    default:
      return status >= 500 ? Code.Unavailable : Code.Unknown;
  }
}

/** The codes that say more about a batch that failed entirely than "failed", strongest first. */
export const DECISIVE_CODES = [Code.ResourceExhausted, Code.Unauthenticated, Code.Unavailable, Code.DeadlineExceeded];
