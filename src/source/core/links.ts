// The web links of a version's source: file at the line, blame, commit, on the repository's host (each host's layout
// in @linescope/repository-url's links.ts).
import { describeRepository, type KnownHost } from '../../domain/repository';
import { safeLinkUrl } from '../../domain/safeUrl';
import { hostLinks } from '@linescope/repository-url';
import type { SourceLinkSet } from './types';

const FULL_SHA = /^[0-9a-f]{40}$/i;

/**
 * Links for the selected version. `fileUrl` is GetFile's `URL` when the server found the file (it may live in
 * another repository, e.g. Go's standard library); it is used when its layout is GitHub's or GitLab's (`/blob/`, whose
 * blame is the same page's twin, `#L<n>`). Otherwise, and for other hosts' pages, which select the line their own
 * way, the links are built from the repository and path (each host's layout in @linescope/repository-url).
 * Every link passes the URL policy: a GetFile URL it refuses (javascript:, data:…) is ignored, a link it refuses is
 * left out.
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
  const safe = (url: string | undefined) => safeLinkUrl(url, { hosts: args.hosts });
  const fileUrl = safe(args.fileUrl);
  if (!fileUrl?.includes('/blob/')) {
    return { file: safe(built.file) ?? fileUrl, blame: safe(built.blame), commit: safe(built.commit) };
  }
  // The server's page of the file (GitHub's /blob/ or GitLab's /-/blob/): its blame is the same page's twin.
  const anchor = args.line ? `#L${args.line}` : '';
  const file = fileUrl.replace(/#.*$/, '');
  return {
    file: safe(`${file}${anchor}`),
    blame: file.includes('/blob/') ? safe(`${file.replace('/blob/', '/blame/')}${anchor}`) : undefined,
    commit: safe(built.commit),
  };
}
