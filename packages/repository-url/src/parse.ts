// One reader of Git repository URLs for the plugin and the server. Two modes, because the text comes from two
// places: `strict` for what a person types in a form (one canonical repository URL, a reason when it is not),
// `lenient` for what labels, build ids and requests carry (ssh://, git@host:, host/owner/repo, a /tree/main tail…).
// Where the owner ends and the repository begins depends on the host, so each URL is read by its host's rules.

/** The Git hosts whose URL layout is known. */
export type HostKind = 'github' | 'gitlab' | 'bitbucket' | 'azure-devops';

/** A host that is not a public one (GitHub Enterprise, self-managed GitLab…), and how to read its URLs. */
export interface KnownHost {
  /** As in URLs: `ghe.example.com`, or `example.com:8443` when the web port is part of it. */
  host: string;
  kind: HostKind;
  /** Self-managed GitLab served below a path, e.g. `/gitlab` for `https://example.com/gitlab/group/project`. */
  pathPrefix?: string;
  /** `http` when the host's web pages are served without TLS (its configured web URL says so); else https. */
  scheme?: 'http' | 'https';
}

export interface ParseOptions {
  mode: 'strict' | 'lenient';
  /** Hosts beyond github.com, gitlab.com, bitbucket.org and Azure DevOps; they win over the public ones. */
  hosts?: readonly KnownHost[];
  /** Lenient mode: the host of a bare `owner/repo` (without it such text is refused). */
  defaultHost?: string;
  /**
   * Lenient mode: an http:// URL keeps http in its web URL (a git remote says how its host serves pages); without
   * it every lenient URL gets its host's own scheme.
   */
  keepHttp?: boolean;
}

export interface RepositoryUrl {
  /** Undefined for a host whose layout is not known: its path is read as `<owner path>/<repo>`. */
  kind: HostKind | undefined;
  /** Lower case; an http(s) port stays (it is part of the web address), an ssh port does not. */
  host: string;
  /** '' or the configured prefix, e.g. `/gitlab`. */
  pathPrefix: string;
  /** GitHub/Bitbucket owner or workspace, GitLab group path (`group/sub`), Azure DevOps `org/project`. */
  owner: string;
  repo: string;
  /** `owner/repo` as people read it. */
  fullName: string;
  /** The repository's page, e.g. https://gitlab.com/group/sub/project or https://dev.azure.com/org/project/_git/repo. */
  webUrl: string;
}

/**
 * Why a text is not a repository URL, for callers that word it their own way: `empty`, a `scheme` that has no
 * repository pages, `syntax` (not a URL at all), `no-host` (none named, or not a host name), `shape` (the path is
 * not a repository by its host's layout), `name` (an owner or repository name no host allows), `query` (strict:
 * a query or fragment).
 */
export type ParseProblem = 'empty' | 'scheme' | 'syntax' | 'no-host' | 'shape' | 'name' | 'query';

export type ParseResult =
  | { ok: true; value: RepositoryUrl }
  | {
      ok: false;
      reason: string;
      problem: ParseProblem;
      /** The host the text names, when it names one (lower case, an http(s) port kept). */
      host?: string;
    };

const PUBLIC_HOSTS: Record<string, HostKind> = {
  'github.com': 'github',
  'www.github.com': 'github',
  'gitlab.com': 'gitlab',
  'www.gitlab.com': 'gitlab',
  'bitbucket.org': 'bitbucket',
  'www.bitbucket.org': 'bitbucket',
  'dev.azure.com': 'azure-devops',
  'ssh.dev.azure.com': 'azure-devops',
};

const NAME = /^[A-Za-z0-9._-]+$/;
/** Azure DevOps project names may hold spaces. */
const AZURE_PROJECT = /^[^/\\?#]+$/;
const LENIENT_SCHEMES = ['https', 'http', 'ssh', 'git', 'git+ssh', 'ssh+git', 'git+https', 'git+http'];

/** Which layout a host's URLs follow: configured hosts first (with or without port), then the public ones. */
export function hostKindOf(host: string, hosts: readonly KnownHost[] = []): KnownHost | undefined {
  const lower = host.toLowerCase();
  const bare = lower.replace(/:\d+$/, '');
  const configured =
    hosts.find((h) => h.host.toLowerCase() === lower) ?? hosts.find((h) => h.host.toLowerCase() === bare);
  if (configured) {
    return configured;
  }
  const kind = PUBLIC_HOSTS[bare] ?? (bare.endsWith('.visualstudio.com') ? 'azure-devops' : undefined);
  return kind && { host: lower, kind };
}

/**
 * The host a configured web URL names, for `hosts`: `https://example.com/gitlab` is example.com below `/gitlab`.
 * Undefined for anything but an http(s) URL (a server that did not say, or said something unusable).
 */
export function knownHostOf(webUrl: string, kind: HostKind): KnownHost | undefined {
  let url: URL;
  try {
    url = new URL(webUrl.trim());
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !url.host) {
    return undefined;
  }
  const pathPrefix = normalizePrefix(url.pathname);
  return {
    host: url.host.toLowerCase(),
    kind,
    ...(pathPrefix ? { pathPrefix } : {}),
    ...(url.protocol === 'http:' ? { scheme: 'http' as const } : {}),
  };
}

export function parseRepositoryUrl(input: string, options: ParseOptions): ParseResult {
  return options.mode === 'strict' ? parseStrict(input, options) : parseLenient(input, options);
}

const fail = (reason: string, problem: ParseProblem, host?: string): ParseResult => ({
  ok: false,
  reason,
  problem,
  ...(host === undefined ? {} : { host }),
});

// scp-like `[user@]host:path`; `host:` must not be followed by `//` (that is a scheme). Its path is percent-encoded
// like a URL's where a name needs it (Azure DevOps' `v3/org/My%20Project/repo`).
const SCP = /^(?:[A-Za-z0-9._-]+@)?([A-Za-z0-9._-]+):(?!\/\/)(.*)$/;

function parseStrict(input: string, options: ParseOptions): ParseResult {
  const text = input.trim();
  if (!text) {
    return fail('Enter the repository URL, for example https://github.com/owner/repo.', 'empty');
  }
  const scp = /^[\w.-]+@/.test(text) ? SCP.exec(text) : null;
  if (scp) {
    return read('https:', scp[1].toLowerCase(), decodePath(scp[2]), options, true);
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail('This is not a URL. Use the form https://github.com/owner/repo.', 'syntax');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return fail('The repository URL must start with https://.', 'scheme', url.host.toLowerCase() || undefined);
  }
  if (url.search || url.hash) {
    return fail('Remove the query or fragment: use https://host/owner/repo.', 'query', url.host.toLowerCase());
  }
  return read(url.protocol, url.host.toLowerCase(), decodePath(url.pathname), options, true);
}

function parseLenient(input: string, options: ParseOptions): ParseResult {
  const text = input.trim();
  if (!text) {
    return fail('repository URL is empty', 'empty');
  }
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text);
  if (scheme) {
    if (!LENIENT_SCHEMES.includes(scheme[1].toLowerCase())) {
      return fail(`repository URL scheme '${scheme[1]}' not supported; use https:// or ssh://`, 'scheme');
    }
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return fail(`repository URL '${text}' cannot be parsed`, 'syntax');
    }
    // The port of an http(s) URL is part of the web host; an ssh or git port is not.
    const web = /^(?:git\+)?(https?):$/.exec(url.protocol);
    const host = (web ? url.host : url.hostname).toLowerCase();
    const protocol = web && options.keepHttp ? `${web[1]}:` : 'https:';
    return read(protocol, host, decodePath(url.pathname), options, false);
  }
  const scp = SCP.exec(text);
  if (scp) {
    return read('https:', scp[1].toLowerCase(), decodePath(scp[2]), options, false);
  }
  const [first, ...rest] = text.split('/');
  if (first.includes('.') && rest.length > 0) {
    return read('https:', first.toLowerCase(), rest.join('/'), options, false);
  }
  if (options.defaultHost) {
    return read('https:', options.defaultHost.toLowerCase(), text, options, false);
  }
  return fail(`repository URL '${text}' names no host; expecting https://<host>/<owner>/<repo>`, 'no-host');
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function read(protocol: string, host: string, path: string, options: ParseOptions, strict: boolean): ParseResult {
  const known = hostKindOf(host, options.hosts);
  if (!known && !host.includes('.') && host !== options.defaultHost?.toLowerCase()) {
    return fail(`repository host '${host}' is not a host name`, 'no-host');
  }
  const prefix = normalizePrefix(known?.pathPrefix);
  let rest = path.replace(/^\/+/, '');
  if (prefix && (`/${rest}/`.startsWith(`${prefix}/`) || `/${rest}` === prefix)) {
    rest = rest.slice(prefix.length);
  }
  const segments = rest.split('/').filter((s) => s !== '');
  const parts = splitPath(known?.kind, host, segments, strict);
  if ('reason' in parts) {
    return parts.reason === 'shape'
      ? fail(shapeReason(known?.kind, path, strict), 'shape', host)
      : fail(parts.reason, 'name', host);
  }
  const { owner, repo, webPath } = parts;
  const webHost = parts.webHost ?? host;
  // A typed URL keeps its scheme (a remote's http too, when asked); others get the host's own (https unless
  // configured otherwise).
  const keep = strict || (options.keepHttp && protocol === 'http:');
  const base = `${keep ? protocol : `${known?.scheme ?? 'https'}:`}//${webHost}${prefix}`;
  return {
    ok: true,
    value: {
      kind: known?.kind,
      host: webHost,
      pathPrefix: prefix,
      owner,
      repo,
      fullName: `${owner}/${repo}`,
      webUrl: `${base}/${webPath}`,
    },
  };
}

function normalizePrefix(prefix: string | undefined): string {
  const trimmed = (prefix ?? '').replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}` : '';
}

type Parts =
  | {
      owner: string;
      repo: string;
      webPath: string;
      /** When the URL's host is not the web one (Azure DevOps' ssh host). */
      webHost?: string;
    }
  | { reason: string };

const stripGit = (name: string) => name.replace(/\.git$/, '');

function badName(names: string[], pattern = NAME): string | undefined {
  return names.find((n) => !pattern.test(n) || n === '.' || n === '..');
}

/** Where owner and repository are in the path, by the host's layout; strict mode refuses anything after them. */
function splitPath(kind: HostKind | undefined, host: string, segments: string[], strict: boolean): Parts {
  if (kind === 'azure-devops') {
    return azurePath(host, segments, strict);
  }
  let names: string[];
  if (kind === 'github' || kind === 'bitbucket') {
    // Anything after owner/repo is a page of the repository (/tree/main, /src/main/…).
    if (segments.length < 2 || (strict && segments.length !== 2)) {
      return { reason: 'shape' };
    }
    names = segments.slice(0, 2);
  } else if (kind === 'gitlab') {
    // Groups nest; the repository's pages start at a `-` segment (/-/tree/main).
    const dash = segments.indexOf('-');
    if (strict && dash >= 0) {
      return { reason: 'shape' };
    }
    names = dash >= 0 ? segments.slice(0, dash) : segments;
    if (names.length < 2) {
      return { reason: 'shape' };
    }
  } else {
    // An unknown layout: strictly owner/repo; leniently the last segment is the repository, the rest its owner.
    if (segments.length < 2 || (strict && segments.length !== 2)) {
      return { reason: 'shape' };
    }
    names = segments;
  }
  names = [...names.slice(0, -1), stripGit(names[names.length - 1])];
  const bad = badName(names);
  if (bad !== undefined) {
    return { reason: `invalid owner or repository name '${bad}'` };
  }
  const owner = names.slice(0, -1).join('/');
  const repo = names[names.length - 1];
  return { owner, repo, webPath: `${owner}/${repo}` };
}

/**
 * dev.azure.com/<org>/<project>/_git/<repo> (project omitted when it is named like the repository),
 * <org>.visualstudio.com/[DefaultCollection/]<project>/_git/<repo>, ssh.dev.azure.com:v3/<org>/<project>/<repo>
 * (and the older vs-ssh.visualstudio.com:v3/…).
 */
function azurePath(host: string, segments: string[], strict: boolean): Parts {
  const bare = host.replace(/:\d+$/, '');
  let org: string;
  let project: string;
  let repo: string;
  let rest: string[];
  const ssh = bare === 'ssh.dev.azure.com' || segments[0] === 'v3';
  if (ssh) {
    if (segments[0] !== 'v3' || segments.length < 4) {
      return { reason: 'shape' };
    }
    [, org, project, repo] = segments;
    rest = segments.slice(4);
  } else {
    const legacy = bare.endsWith('.visualstudio.com');
    const path = legacy ? segments.filter((s, i) => !(i === 0 && s === 'DefaultCollection')) : segments.slice(1);
    org = legacy ? bare.split('.')[0] : segments[0];
    const git = path.indexOf('_git');
    if (!org || git < 0 || git > 1 || path.length < git + 2) {
      return { reason: 'shape' };
    }
    repo = path[git + 1];
    project = git === 1 ? path[0] : repo;
    rest = path.slice(git + 2);
  }
  if (strict && rest.length > 0) {
    return { reason: 'shape' };
  }
  repo = stripGit(repo);
  const bad = badName([org, repo]) ?? badName([project], AZURE_PROJECT);
  if (bad !== undefined) {
    return { reason: `invalid organization, project or repository name '${bad}'` };
  }
  // The older web host names the organization in the host; its ssh host (vs-ssh.visualstudio.com) does not.
  const legacy = !ssh && bare.endsWith('.visualstudio.com');
  const webPath = legacy ? `${project}/_git/${repo}` : `${org}/${project}/_git/${repo}`;
  return {
    owner: `${org}/${project}`,
    repo,
    webPath: encodeURI(webPath),
    webHost: ssh ? 'dev.azure.com' : undefined,
  };
}

function shapeReason(kind: HostKind | undefined, path: string, strict: boolean): string {
  if (!strict) {
    return kind === 'azure-devops'
      ? `expecting <organization>/<project>/_git/<repo> in url path, received: '${path}'`
      : `expecting <owner>/<repo> in url path, received: '${path}'`;
  }
  switch (kind) {
    case 'gitlab':
      return 'The URL must name a group and a project: https://host/group/project (groups may nest).';
    case 'azure-devops':
      return 'The URL must name an organization, a project and a repository: https://dev.azure.com/org/project/_git/repo.';
    default:
      return 'The URL must name exactly an owner and a repository: https://host/owner/repo.';
  }
}
