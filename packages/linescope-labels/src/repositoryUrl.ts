import { parseRepositoryUrl } from '@linescope/repository-url';

import { LabelsError, withoutCredentials } from './errors';

// Git remotes come as https URLs (often with a token in them on CI), scp-like SSH (`git@host:owner/repo.git`) or
// ssh:// / git:// URLs. Pyroscope and Linescope want the web address of the repository: https (http when the remote
// says so), no credentials, no `.git`. @linescope/repository-url reads them, by each host's layout; this CLI only
// refuses local paths first and words the failures for a person at a terminal.

/** The web address of a repository given any form git accepts for a hosted remote. */
export function normaliseRepositoryUrl(raw: string): string {
  try {
    return normalise(raw.trim());
  } catch (error) {
    // Every message quotes the remote: never with its token.
    throw error instanceof LabelsError ? new LabelsError(withoutCredentials(error.message)) : error;
  }
}

function normalise(input: string): string {
  if (input === '') {
    throw new LabelsError('the repository URL is empty');
  }
  if (/^(\.{0,2}\/|~|file:)/.test(input) || /^[A-Za-z]:[\\/]/.test(input)) {
    throw new LabelsError(
      `the remote "${input}" is a local path, not a hosted repository; pass --repository https://host/owner/repo`
    );
  }
  const read = parseRepositoryUrl(input, { mode: 'lenient', keepHttp: true });
  if (read.ok) {
    return read.value.webUrl;
  }
  switch (read.problem) {
    case 'scheme':
      throw new LabelsError(`"${input}" uses ${input.split(':')[0]}://, which has no web address`);
    case 'shape':
    case 'name':
      throw new LabelsError(`"${input}" names no repository path (expected host/owner/repo): ${read.reason}`);
    default:
      throw new LabelsError(
        `"${input}" is not a repository URL (expected https://, ssh:// or git@host:owner/repo): ${read.reason}`
      );
  }
}
