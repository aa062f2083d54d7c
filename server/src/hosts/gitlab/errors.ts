/**
 * GitLab's failures as the error classes the resolution and the RPC handlers already react to (not found,
 * rate limit, authentication, any other failure), with GitLab's own wording.
 */
import { FileNotFoundError, GitHubAuthError, GitHubError, RateLimitError } from '../../github/errors';

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
    super(resetAt, status);
    this.message = `GitLab rate limit exceeded${resetAt ? `; it resets at ${new Date(resetAt).toISOString()}` : ''}`;
  }
}

/** GitLab answered 401: the token is unknown, expired or revoked. */
export class GitlabAuthError extends GitHubAuthError {}

/** Any other GitLab failure: an HTTP status, a timeout (status undefined), the network. */
export class GitlabError extends GitHubError {}

/** `{"message": "404 File Not Found"}` → file. */
export function missingKind(message: string): GitlabMissing {
  const match = /^404 (Project|File|Commit|Branch|Tag|Tree) Not Found$/.exec(message.trim());
  return match ? (match[1].toLowerCase() as GitlabMissing) : 'other';
}
