/**
 * GitLab repository URLs accepted from requests: only the configured GitLab's host (and its configured aliases);
 * groups nest, the project's pages start at a `-` segment, a self-managed instance may live under a path prefix.
 * The host in a request only selects: the connection always goes to GITLAB_API_URL.
 */
import { Repository } from '../git-host';
import { RepositoryUrlError } from '../github/repository-url';

export interface GitlabHost {
  /** As in URLs: `gitlab.com`, `gitlab.example.com:8443`. */
  host: string;
  /** '' or the instance's path, e.g. `/gitlab`. */
  pathPrefix: string;
}

const NAME = /^[A-Za-z0-9._-]+$/;

/** The configured GitLab's host with its path prefix, then the aliases (GITLAB_REPOSITORY_HOSTS). */
export function gitlabHosts(gitlabUrl: string, aliases: readonly string[] = []): GitlabHost[] {
  const url = new URL(gitlabUrl);
  const own = { host: url.host.toLowerCase(), pathPrefix: url.pathname.replace(/\/+$/, '') };
  const extra = aliases.map((a) => a.toLowerCase()).filter((a) => a !== own.host);
  return [own, ...[...new Set(extra)].map((host) => ({ host, pathPrefix: '' }))];
}

/** The host a repository URL names (http(s) with its port, ssh and scp-like without), or undefined for `o/r`. */
export function hostOfRepositoryUrl(input: string): string | undefined {
  const text = input.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text);
  if (scheme) {
    try {
      const url = new URL(text);
      return (url.protocol.startsWith('http') ? url.host : url.hostname).toLowerCase();
    } catch {
      return undefined;
    }
  }
  const scp = /^(?:[A-Za-z0-9._-]+@)?([A-Za-z0-9._-]+):(?!\/\/)/.exec(text);
  if (scp) {
    return scp[1].toLowerCase();
  }
  const first = text.split('/')[0];
  return first.includes('.') && text.includes('/') ? first.toLowerCase() : undefined;
}

/**
 * https://host[/prefix]/group/sub/project[.git][/-/…], ssh://[user@]host[:port]/group/project.git,
 * git@host:group/project.git and host/group/project, on one of `hosts`.
 */
export function parseGitlabRepositoryUrl(input: string, gitlabUrl: string, hosts: readonly GitlabHost[]): Repository {
  const text = input.trim();
  const host = hostOfRepositoryUrl(text);
  const known = hosts.find((h) => h.host === host);
  if (!host || !known) {
    throw new RepositoryUrlError(
      `repository host '${host ?? ''}' not supported; supported hosts: ${hosts.map((h) => h.host).join(', ')}`
    );
  }
  let path: string;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    path = new URL(text).pathname;
    try {
      path = decodeURIComponent(path);
    } catch {
      throw new RepositoryUrlError(`repository URL '${text}' cannot be parsed`);
    }
  } else if (/^(?:[A-Za-z0-9._-]+@)?[A-Za-z0-9._-]+:(?!\/\/)/.test(text)) {
    path = text.slice(text.indexOf(':') + 1);
  } else {
    path = text.slice(text.indexOf('/'));
  }
  let segments = path.split('/').filter((s) => s !== '');
  const prefix = known.pathPrefix.split('/').filter((s) => s !== '');
  if (prefix.length > 0 && prefix.every((p, i) => segments[i] === p)) {
    segments = segments.slice(prefix.length);
  }
  const dash = segments.indexOf('-');
  const names = dash >= 0 ? segments.slice(0, dash) : segments;
  if (names.length < 2) {
    throw new RepositoryUrlError(`expecting <group>/<project> in url path (groups may nest), received: '${path}'`);
  }
  names[names.length - 1] = names[names.length - 1].replace(/\.git$/, '');
  const bad = names.find((n) => !NAME.test(n) || n === '.' || n === '..');
  if (bad !== undefined) {
    throw new RepositoryUrlError(`invalid group or project name '${bad}' in '${text}'`);
  }
  const fullName = names.join('/');
  return {
    owner: names.slice(0, -1).join('/'),
    repo: names[names.length - 1],
    fullName,
    webUrl: `${gitlabUrl.replace(/\/+$/, '')}/${fullName}`,
  };
}
