// Repository URLs as they appear in version JSON and labels (https, git@host:owner/repo.git, ssh://…) → what the
// panel shows (owner/repo) and a web link.

export interface RepositoryInfo {
  host: string;
  owner: string;
  repo: string;
  /** owner/repo */
  display: string;
  /** https://host/owner/repo */
  webUrl: string;
}

export function describeRepository(url: string | undefined): RepositoryInfo | undefined {
  const raw = url?.trim();
  if (!raw) {
    return undefined;
  }
  let host: string;
  let path: string;
  const scp = /^[\w.-]+@([\w.-]+):(.+)$/.exec(raw);
  if (scp) {
    [, host, path] = scp;
  } else {
    let parsed: URL;
    try {
      parsed = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`);
    } catch {
      return undefined;
    }
    if (!['http:', 'https:', 'ssh:', 'git:'].includes(parsed.protocol)) {
      return undefined;
    }
    // The port of an http(s) URL is part of the web host; an ssh or git port is not.
    host = parsed.protocol.startsWith('http') ? parsed.host : parsed.hostname;
    path = parsed.pathname;
  }
  const parts = path
    .replace(/\.git$/, '')
    .split('/')
    .filter((p) => p !== '');
  if (parts.length < 2 || !host.split(':')[0].includes('.')) {
    return undefined;
  }
  const repo = parts[parts.length - 1];
  const owner = parts.slice(0, -1).join('/');
  return { host, owner, repo, display: `${owner}/${repo}`, webUrl: `https://${host}/${owner}/${repo}` };
}

/** A git ref as people read it: a full commit sha shortened to 7, branch and tag names as they are. */
export function shortRef(ref: string): string {
  return /^[0-9a-f]{40}$/i.test(ref) || /^[0-9a-f]{64}$/i.test(ref) ? ref.slice(0, 7) : ref;
}
