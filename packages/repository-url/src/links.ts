// Each Git host's web pages for a file at a line, its blame, and a commit, beside the URL layouts they mirror (parse.ts):
// the repository's page and the host kind come from the reader.
import type { HostKind } from './parse';

export type LinkHostKind = HostKind;

export interface HostLinkInput {
  kind: LinkHostKind | undefined;
  /** The repository's page, e.g. https://gitlab.com/group/sub/project or https://dev.azure.com/org/project/_git/repo */
  webUrl: string;
  /** Branch, tag or commit sha the file is shown at. */
  ref: string;
  /** Whether `ref` is a commit sha (Azure DevOps names the kind of version in its links). */
  refIsSha: boolean;
  /** Path in the repository, without a leading slash. */
  path?: string;
  line?: number;
  /** The commit for the commit link. */
  sha?: string;
}

export interface HostLinks {
  file?: string;
  blame?: string;
  commit?: string;
}

const encodePath = (path: string) => path.split('/').map(encodeURIComponent).join('/');

export function hostLinks(input: HostLinkInput): HostLinks {
  const { webUrl, ref, line, sha } = input;
  // A path is relative to the repository's root: a profile's absolute path must not make `blob/<ref>//opt/…`.
  const path = input.path?.replace(/^\/+/, '');
  const base = webUrl.replace(/\/+$/, '');
  switch (input.kind) {
    case 'gitlab': {
      const at = path ? `${encodePath(ref)}/${encodePath(path)}${line ? `#L${line}` : ''}` : undefined;
      return {
        file: at && `${base}/-/blob/${at}`,
        blame: at && `${base}/-/blame/${at}`,
        commit: sha ? `${base}/-/commit/${sha}` : undefined,
      };
    }
    case 'bitbucket': {
      const at = path ? `${encodePath(ref)}/${encodePath(path)}${line ? `#lines-${line}` : ''}` : undefined;
      return {
        file: at && `${base}/src/${at}`,
        blame: at && `${base}/annotate/${at}`,
        commit: sha ? `${base}/commits/${sha}` : undefined,
      };
    }
    case 'azure-devops': {
      if (!path) {
        return { commit: sha ? `${base}/commit/${sha}` : undefined };
      }
      // GB<branch>, GT<tag>, GC<commit>: a ref that is not a sha is taken for a branch (a tag would need `tags/`).
      const version = input.refIsSha
        ? `GC${ref}`
        : ref.startsWith('tags/')
          ? `GT${ref.slice('tags/'.length)}`
          : `GB${ref.replace(/^heads\//, '')}`;
      const query = new URLSearchParams({ path: `/${path}`, version });
      if (line) {
        query.set('line', String(line));
        query.set('lineEnd', String(line + 1));
        query.set('lineStartColumn', '1');
        query.set('lineEndColumn', '1');
        query.set('lineStyle', 'plain');
      }
      const file = `${base}?${query}&_a=contents`;
      return {
        file,
        blame: `${base}?${query}&_a=blame`,
        commit: sha ? `${base}/commit/${sha}` : undefined,
      };
    }
    default: {
      // GitHub, GitHub Enterprise, and hosts whose layout is not known (most follow GitHub's).
      const at = path ? `${encodePath(ref)}/${encodePath(path)}${line ? `#L${line}` : ''}` : undefined;
      return {
        file: at && `${base}/blob/${at}`,
        blame: at && `${base}/blame/${at}`,
        commit: sha ? `${base}/commit/${sha}` : undefined,
      };
    }
  }
}
