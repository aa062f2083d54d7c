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
const NAME = /^[A-Za-z0-9._-]+$/;

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
  let host: string;
  let path: string;
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text);
  const scp = /^(?:[A-Za-z0-9._-]+@)?([A-Za-z0-9._-]+):(?!\/\/)(.*)$/.exec(text);
  if (scheme) {
    const allowedSchemes = ['https', 'http', 'ssh', 'git', 'git+ssh'];
    if (!allowedSchemes.includes(scheme[1].toLowerCase())) {
      throw new RepositoryUrlError(`repository URL scheme '${scheme[1]}' not supported; use https:// or ssh://`);
    }
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new RepositoryUrlError(`repository URL '${text}' cannot be parsed`);
    }
    // The port of an http(s) URL is part of the web host; an ssh port is not.
    host = (url.protocol.startsWith('http') ? url.host : url.hostname).toLowerCase();
    path = decodeURIComponent(url.pathname);
  } else if (scp) {
    host = scp[1].toLowerCase();
    path = scp[2];
  } else {
    const segments = text.split('/').filter((s) => s !== '');
    if (segments.length >= 3 && segments[0].includes('.')) {
      host = segments[0].toLowerCase();
      path = segments.slice(1).join('/');
    } else {
      host = hosts[0];
      path = text;
    }
  }
  if (!hosts.includes(host)) {
    throw new RepositoryUrlError(`repository host '${host}' not supported; supported hosts: ${hosts.join(', ')}`);
  }
  const segments = path.split('/').filter((s) => s !== '');
  if (segments.length < 2) {
    throw new RepositoryUrlError(`expecting <owner>/<repo> in url path, received: '${path}'`);
  }
  const owner = segments[0];
  const repo = segments[1].replace(/\.git$/, '');
  for (const name of [owner, repo]) {
    if (!NAME.test(name) || name === '.' || name === '..') {
      throw new RepositoryUrlError(`invalid owner or repository name '${name}' in '${text}'`);
    }
  }
  return repositoryFromParts(githubUrl, owner, repo);
}
