import { LabelsError, withoutCredentials } from './errors';

// Git remotes come as https URLs (often with a token in them on CI), scp-like SSH (`git@host:owner/repo.git`) or
// ssh:// / git:// URLs. Pyroscope and Linescope want the web address of the repository: https, no credentials,
// no `.git`.

const SCP_LIKE = /^(?:[^@/\s]+@)?([A-Za-z0-9.-]+):(?!\/\/)([^\s]+)$/;
const SSH_SCHEMES = new Set(['ssh:', 'git+ssh:', 'ssh+git:', 'git:']);
const WEB_SCHEMES = new Set(['https:', 'http:', 'git+https:', 'git+http:']);

/** The https web address of a repository given any form git accepts for a hosted remote. */
export function normaliseRepositoryUrl(raw: string): string {
  try {
    return normalise(raw.trim());
  } catch (error) {
    // Every message quotes the remote: never with its token.
    throw error instanceof LabelsError ? new LabelsError(withoutCredentials(error.message)) : error;
  }
}

function normalise(input: string): string {
  if (input === '') {
    throw new LabelsError('the repository URL is empty');
  }
  if (/^(\.{0,2}\/|~|file:)/.test(input) || /^[A-Za-z]:[\\/]/.test(input)) {
    throw new LabelsError(
      `the remote "${input}" is a local path, not a hosted repository; pass --repository https://host/owner/repo`
    );
  }
  const scp = SCP_LIKE.exec(input);
  if (scp && !input.includes('://')) {
    return fromHostAndPath('https:', scp[1], '', scp[2], input);
  }
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new LabelsError(`"${input}" is not a repository URL (expected https://, ssh:// or git@host:owner/repo)`);
  }
  if (SSH_SCHEMES.has(url.protocol)) {
    // The SSH port says nothing about where the web interface listens.
    return fromHostAndPath('https:', url.hostname, '', decodeURIComponent(url.pathname), input);
  }
  if (WEB_SCHEMES.has(url.protocol)) {
    const scheme = url.protocol.replace('git+', '');
    return fromHostAndPath(scheme, url.hostname, url.port, decodeURIComponent(url.pathname), input);
  }
  throw new LabelsError(`"${input}" uses ${url.protocol.replace(/:$/, '')}://, which has no web address`);
}

function fromHostAndPath(scheme: string, host: string, port: string, rawPath: string, input: string): string {
  const hostname = host.toLowerCase();
  if (hostname === '') {
    throw new LabelsError(`"${input}" names no host`);
  }
  let path = rawPath
    .replace(/^\/+/, '')
    .replace(/\/+$/, '')
    .replace(/\.git$/, '')
    .replace(/\/+$/, '');
  // Azure DevOps' SSH form `git@ssh.dev.azure.com:v3/org/project/repo` lives at dev.azure.com/org/project/_git/repo.
  if (hostname === 'ssh.dev.azure.com') {
    const parts = path.split('/');
    if (parts[0] === 'v3' && parts.length === 4) {
      return `https://dev.azure.com/${parts[1]}/${parts[2]}/_git/${parts[3]}`;
    }
  }
  if (path === '' || path.split('/').some((segment) => segment === '' || segment === '.' || segment === '..')) {
    throw new LabelsError(`"${input}" names no repository path (expected host/owner/repo)`);
  }
  path = path
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
  return `${scheme}//${hostname}${port ? `:${port}` : ''}/${path}`;
}
