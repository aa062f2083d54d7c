import { parseRepositoryUrl as parse } from '@linescope/repository-url';

/**
 * Repository URLs accepted from requests. Only the configured GitHub host (and github.com's aliases when
 * that host is github.com) is accepted; the host in a request is never used to make a connection.
 */
export interface Repository {
  owner: string;
  repo: string;
  /** `owner/repo` */
  fullName: string;
  /** Web URL on the configured host, e.g. https://github.com/owner/repo */
  webUrl: string;
}

export class RepositoryUrlError extends Error {}

const GITHUB_COM_ALIASES = ['github.com', 'www.github.com', 'raw.githubusercontent.com'];

/** Hosts accepted in repository URLs: the configured one (with github.com's aliases) plus configured aliases. */
export function supportedHosts(githubUrl: string, aliases: readonly string[] = []): string[] {
  const host = new URL(githubUrl).host.toLowerCase();
  const base = host === 'github.com' ? GITHUB_COM_ALIASES : [host];
  const extra = aliases.map((a) => a.toLowerCase()).filter((a) => !base.includes(a));
  const all = [...base, ...extra, ...(extra.includes('github.com') ? GITHUB_COM_ALIASES : [])];
  return [...new Set(all)];
}

export function repositoryFromParts(githubUrl: string, owner: string, repo: string): Repository {
  const base = githubUrl.replace(/\/+$/, '');
  return { owner, repo, fullName: `${owner}/${repo}`, webUrl: `${base}/${owner}/${repo}` };
}

/**
 * Accepts https://host/o/r, http://host/o/r, ssh://[user@]host[:port]/o/r, git@host:o/r, host/o/r and o/r,
 * each with or without `.git` and with anything after o/r (e.g. /tree/main) ignored.
 */
export function parseRepositoryUrl(input: string, githubUrl: string, aliases: readonly string[] = []): Repository {
  const hosts = supportedHosts(githubUrl, aliases);
  const text = input.trim();
  if (text === '') {
    throw new RepositoryUrlError(`repository URL is empty; expecting https://${hosts[0]}/<owner>/<repo>`);
  }
  const parsed = parse(text, {
    mode: 'lenient',
    hosts: hosts.map((host) => ({ host, kind: 'github' })),
    defaultHost: hosts[0],
  });
  if (!parsed.ok) {
    throw new RepositoryUrlError(parsed.reason);
  }
  // The host in a request only selects; the connection always goes to the configured one.
  if (!hosts.includes(parsed.value.host)) {
    throw new RepositoryUrlError(
      `repository host '${parsed.value.host}' not supported; supported hosts: ${hosts.join(', ')}`
    );
  }
  return repositoryFromParts(githubUrl, parsed.value.owner, parsed.value.repo);
}
