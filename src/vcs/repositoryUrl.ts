// Repository URLs as users type them in the override form, and the web links built from repositories.
import { describeRepository } from '../function-details/repository';
import type { SourceLinkSet } from '../function-details/seams';

export interface RepositoryRef {
  /** https://host/owner/repo, without `.git` or a trailing slash. */
  webUrl: string;
  host: string;
  owner: string;
  repo: string;
}

/**
 * Validates what a user types as a repository: `https://host/owner/repo`, with or without `.git` and a trailing
 * slash, and the scp-like `git@host:owner/repo.git`. Returns a reason when the text is not a repository URL.
 * Stricter than `describeRepository`, which reads whatever forms labels and build ids carry.
 */
export function parseRepositoryUrl(input: string): { ok: true; value: RepositoryRef } | { ok: false; reason: string } {
  const text = input.trim();
  if (!text) {
    return { ok: false, reason: 'Enter the repository URL, for example https://github.com/owner/repo.' };
  }
  const scp = /^[\w.-]+@([\w.-]+):([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/.exec(text);
  if (scp) {
    return { ok: true, value: make('https:', scp[1], scp[2], scp[3]) };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: 'This is not a URL. Use the form https://github.com/owner/repo.' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, reason: 'The repository URL must start with https://.' };
  }
  if (url.search || url.hash) {
    return { ok: false, reason: 'Remove the query or fragment: use https://host/owner/repo.' };
  }
  const parts = url.pathname.replace(/\/+$/, '').split('/').filter(Boolean);
  if (parts.length !== 2) {
    return { ok: false, reason: 'The URL must name exactly an owner and a repository: https://host/owner/repo.' };
  }
  return { ok: true, value: make(url.protocol, url.host, parts[0], parts[1].replace(/\.git$/, '')) };
}

function make(protocol: string, host: string, owner: string, repo: string): RepositoryRef {
  return { webUrl: `${protocol}//${host}/${owner}/${repo}`, host, owner, repo };
}

/** `owner/repo` for display (as the panel's repository row shows it), or the text as it is when it does not parse. */
export function repositoryLabel(url: string): string {
  return describeRepository(url)?.display ?? url;
}

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
