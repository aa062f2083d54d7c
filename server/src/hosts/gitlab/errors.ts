/**
 * GitLab's failures as the provider-neutral kinds of `../errors.ts` (the error policy decides what each means),
 * with GitLab's own wording, and which thing a 404 says is missing.
 */
import { FileNotFoundError, HostAuthError, HostError, RateLimitError } from '../errors';

/** What a GitLab 404 is about: `404 Project Not Found` also means "this token cannot see the project". */
export type GitLabMissing = 'project' | 'file' | 'commit' | 'branch' | 'tag' | 'tree' | 'other';

export class GitLabNotFoundError extends FileNotFoundError {
  constructor(
    message: string,
    readonly missing: GitLabMissing
  ) {
    super(message);
  }
}

export class GitLabRateLimitError extends RateLimitError {
  constructor(resetAt: number | undefined, status: number) {
    super('GitLab', resetAt, status);
  }
}

/** GitLab answered 401: the token is unknown, expired or revoked. */
export class GitLabAuthError extends HostAuthError {
  constructor(message: string) {
    super('GitLab', message);
  }
}

/** Any other GitLab failure: an HTTP status, a timeout (status undefined), the network. */
export class GitLabError extends HostError {}

/** `{"message": "404 File Not Found"}` → file. */
export function missingKind(message: string): GitLabMissing {
  const match = /^404 (Project|File|Commit|Branch|Tag|Tree) Not Found$/.exec(message.trim());
  return match ? (match[1].toLowerCase() as GitLabMissing) : 'other';
}
