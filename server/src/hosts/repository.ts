/**
 * Repositories named by requests, read with @linescope/repository-url by each host's layout. A request's URL only
 * selects among the configured hosts (and their aliases): the repository's web URL, and every connection, are the
 * configured host's.
 */
import { knownHostOf, parseRepositoryUrl as parse, type HostKind, type KnownHost } from '@linescope/repository-url';

/**
 * A repository on a configured host. `fullName` is the host's path of it: `owner/repo` on GitHub,
 * `group/subgroup/project` on GitLab (where it becomes the URL-encoded project id); `owner` is every segment
 * but the last (a GitLab namespace may hold several), `repo` the last.
 */
export interface Repository {
  owner: string;
  repo: string;
  fullName: string;
  /** The repository's page on the configured host, e.g. https://github.com/owner/repo */
  webUrl: string;
}

export class RepositoryUrlError extends Error {}

/** A configured host as repository URLs name it. */
export interface RepositoryHost {
  kind: HostKind;
  /** Its web URL (GITHUB_URL, GITLAB_URL…): repositories' pages live below it, maybe under a path. */
  webUrl: string;
  /** Other host names requests may use for it (REPOSITORY_HOSTS, GITLAB_REPOSITORY_HOSTS…). */
  aliases: readonly string[];
  /**
   * Host names it serves by a rule rather than by name (an older host name per organization, say), with the
   * repository's page path below webUrl for a repository read on one (the organization moves into the path).
   */
  byRule?: { serves(name: string, names: readonly string[]): boolean; pagePath(owner: string, repo: string): string };
}

const GITHUB_COM_ALIASES = ['github.com', 'www.github.com', 'raw.githubusercontent.com'];
const NAME = /^[A-Za-z0-9._-]+$/;

/** An owner or repository name as Git hosts allow it (letters, digits, ".", "-", "_"), never "." or "..". */
export function isRepositoryName(name: string): boolean {
  return NAME.test(name) && name !== '.' && name !== '..';
}

/** The host names a host's repository URLs may carry: its own first (with github.com's aliases), then its aliases. */
export function hostNames(host: RepositoryHost): string[] {
  const own = new URL(host.webUrl).host.toLowerCase();
  const github = (name: string) => host.kind === 'github' && name === 'github.com';
  const base = github(own) ? GITHUB_COM_ALIASES : [own];
  const extra = host.aliases.map((a) => a.toLowerCase()).filter((a) => !base.includes(a));
  const all = [...base, ...extra, ...(extra.some(github) ? GITHUB_COM_ALIASES : [])];
  return [...new Set(all)];
}

/** Whether repository URLs on that host name (lower case, a port kept) are this host's. */
export function servesHostName(host: RepositoryHost, name: string): boolean {
  const names = hostNames(host);
  return names.includes(name) || host.byRule?.serves(name, names) === true;
}

/** How the URL reader should read each of the host's names: by its kind, below its path on its own name. */
export function knownHosts(host: RepositoryHost): KnownHost[] {
  const own = knownHostOf(host.webUrl, host.kind);
  const names = hostNames(host);
  return names.map((name) => (own && name === own.host ? own : { host: name, kind: host.kind }));
}

/** The host a repository URL names (an http(s) port kept), or undefined when it names none (`owner/repo`). */
export function hostOfRepositoryUrl(input: string): string | undefined {
  const read = parse(input, { mode: 'lenient' });
  return read.ok ? read.value.host : read.host;
}

/** A repository on `host` from parts already checked (e.g. a Go module's path). */
export function repositoryFromParts(webUrl: string, owner: string, repo: string): Repository {
  const base = webUrl.replace(/\/+$/, '');
  return { owner, repo, fullName: `${owner}/${repo}`, webUrl: `${base}/${owner}/${repo}` };
}

/**
 * Accepts every form the URL reader does for the host's kind (https://host/o/r, ssh://[user@]host[:port]/o/r,
 * git@host:o/r, host/o/r, o/r, with `.git` and a page tail such as /tree/main or /-/blob/…) on one of the host's
 * names; anything else is a RepositoryUrlError.
 */
export function parseRepositoryUrl(input: string, host: RepositoryHost): Repository {
  const names = hostNames(host);
  const text = input.trim();
  if (text === '') {
    throw new RepositoryUrlError(`repository URL is empty; expecting https://${names[0]}/<owner>/<repo>`);
  }
  const read = parse(text, { mode: 'lenient', hosts: knownHosts(host), defaultHost: names[0] });
  const named = read.ok ? read.value.host : read.host;
  // The host in a request only selects; the connection always goes to the configured one.
  if (named !== undefined && !servesHostName(host, named)) {
    throw new RepositoryUrlError(`repository host '${named}' not supported; supported hosts: ${names.join(', ')}`);
  }
  if (!read.ok) {
    throw new RepositoryUrlError(read.reason);
  }
  const { owner, repo, fullName, webUrl } = read.value;
  const base = host.webUrl.replace(/\/+$/, '');
  if (host.byRule && named !== undefined && !names.includes(named)) {
    return { owner, repo, fullName, webUrl: `${base}/${host.byRule.pagePath(owner, repo)}` };
  }
  // The page's path below the host as read (its own name or an alias), under the configured web URL.
  const readBase = `${new URL(webUrl).origin}${read.value.pathPrefix}`;
  return { owner, repo, fullName, webUrl: `${base}${webUrl.slice(readBase.length)}` };
}
