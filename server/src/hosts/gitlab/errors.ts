/**
 * GitLab's failures as the provider-neutral kinds of `../errors.ts` (the error policy decides what each means),
 * with GitLab's own wording, and which thing a 404 says is missing.
 */
import { FileNotFoundError, HostAuthError, HostError, RateLimitError } from '../errors';

/** What a GitLab 404 is about: `404 Project Not Found` also means "this token cannot see the project". */
export type GitlabMissing = 'project' | 'file' | 'commit' | 'branch' | 'tag' | 'tree' | 'other';

export class GitlabNotFoundError extends FileNotFoundError {
  constructor(
    message: string,
    readonly missing: GitlabMissing
  ) {
    super(message);
  }
}

export class GitlabRateLimitError extends RateLimitError {
  constructor(resetAt: number | undefined, status: number) {
    super('GitLab', resetAt, status);
  }
}

/** GitLab answered 401: the token is unknown, expired or revoked. */
export class GitlabAuthError extends HostAuthError {
  constructor(message: string) {
    super('GitLab', message);
  }
}

/** Any other GitLab failure: an HTTP status, a timeout (status undefined), the network. */
export class GitlabError extends HostError {}

/** `{"message": "404 File Not Found"}` → file. */
export function missingKind(message: string): GitlabMissing {
  const match = /^404 (Project|File|Commit|Branch|Tag|Tree) Not Found$/.exec(message.trim());
  return match ? (match[1].toLowerCase() as GitlabMissing) : 'other';
}
