// The web links of a version's source: file at the line, blame, commit, on the repository's host (GitHub, GitLab,
// Bitbucket Cloud, Azure DevOps).
import { describeRepository, type KnownHost } from '../../domain/repository';
import { hostLinks } from './host-links';
import type { SourceLinkSet } from './types';

const FULL_SHA = /^[0-9a-f]{40}$/i;

/**
 * Links for the selected version. `fileUrl` is GetFile's `URL` when the server found the file (it may live in
 * another repository, e.g. Go's standard library); otherwise the link is built from the repository and path.
 */
export function sourceLinks(args: {
  repository?: string;
  ref?: string;
  commitSha?: string;
  path?: string;
  line?: number;
  fileUrl?: string;
  /** The source server's own hosts (a self-managed GitLab), so their repositories get their host's links. */
  hosts?: readonly KnownHost[];
}): SourceLinkSet {
  const repo = describeRepository(args.repository, args.hosts);
  const ref = args.commitSha || args.ref;
  const built =
    repo && ref
      ? hostLinks({
          kind: repo.kind,
          webUrl: repo.webUrl,
          ref,
          refIsSha: FULL_SHA.test(ref),
          path: args.path,
          line: args.line,
          sha: ref,
        })
      : {};
  if (!args.fileUrl) {
    return { file: built.file, blame: built.blame, commit: built.commit };
  }
  // The server's page of the file (GitHub's /blob/ or GitLab's /-/blob/): its blame is the same page's twin.
  const anchor = args.line ? `#L${args.line}` : '';
  const file = args.fileUrl.replace(/#.*$/, '');
  return {
    file: `${file}${anchor}`,
    blame: file.includes('/blob/') ? `${file.replace('/blob/', '/blame/')}${anchor}` : undefined,
    commit: built.commit,
  };
}
