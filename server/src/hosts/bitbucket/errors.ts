/**
 * Bitbucket Cloud's failures as the provider-neutral kinds of `../errors.ts` (the error policy decides what each
 * means), in Bitbucket's own words (`{"type": "error", "error": {"message"}}`).
 */
import { FileNotFoundError, HostAuthError, HostError, RateLimitError } from '../errors';

/** A 404: the repository (also "you may not have access"), a path, a commit or a ref is missing. */
export class BitbucketNotFoundError extends FileNotFoundError {}

export class BitbucketRateLimitError extends RateLimitError {
  constructor(resetAt: number | undefined, status: number) {
    super('Bitbucket', resetAt, status);
  }
}

/** Bitbucket answered 401: the token is unknown, expired or revoked. */
export class BitbucketAuthError extends HostAuthError {
  constructor(message: string) {
    super('Bitbucket', message);
  }
}

/** Any other Bitbucket failure: an HTTP status (403: private, or a scope the consumer lacks), a timeout, the network. */
export class BitbucketError extends HostError {}

/** The message of Bitbucket's error body, or the text itself when it is not one (a proxy's page). */
export function bitbucketMessage(text: string): string {
  try {
    const body = JSON.parse(text) as {
      error?: { message?: unknown; detail?: unknown } | string;
      error_description?: unknown;
    };
    if (typeof body.error === 'object' && typeof body.error?.message === 'string') {
      return body.error.message;
    }
    if (typeof body.error_description === 'string') {
      return body.error_description;
    }
  } catch {
    // not JSON
  }
  return text.trim().slice(0, 200);
}
