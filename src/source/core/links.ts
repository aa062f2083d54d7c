// The web links of a version's source: file at the line, blame, commit.
import { describeRepository } from '../../domain/repository';
import type { SourceLinkSet } from './types';

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
}): SourceLinkSet {
  const repo = describeRepository(args.repository)?.webUrl;
  const ref = args.commitSha || args.ref;
  const anchor = args.line ? `#L${args.line}` : '';
  const file = args.fileUrl
    ? args.fileUrl.replace(/#.*$/, '')
    : repo && ref && args.path
      ? `${repo}/blob/${ref}/${args.path}`
      : undefined;
  return {
    file: file ? `${file}${anchor}` : undefined,
    blame: file && file.includes('/blob/') ? `${file.replace('/blob/', '/blame/')}${anchor}` : undefined,
    commit: repo && ref ? `${repo}/commit/${ref}` : undefined,
  };
}
