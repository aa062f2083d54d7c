/** Server configuration from the environment, validated at start with messages that say how to fix it. */

/** The package registries' variables and defaults (registries/table.ts makes the clients from them). */
export const REGISTRY_VARIABLES = {
  goproxy: { name: 'GOPROXY', default: 'https://proxy.golang.org,direct' },
  npm: { name: 'NPM_REGISTRY_URL', default: 'https://registry.npmjs.org' },
  rubygems: { name: 'RUBYGEMS_URL', default: 'https://rubygems.org' },
  pypi: { name: 'PYPI_URL', default: 'https://pypi.org/pypi' },
  maven: { name: 'MAVEN_URL', default: 'https://repo1.maven.org/maven2' },
} as const;

/** Each registry's setting: its URL (credentials allowed; GOPROXY a Go list), or `off`. */
export type RegistrySettings = Record<keyof typeof REGISTRY_VARIABLES, string>;

export interface ServerConfig {
  port: number;
  githubClientId: string;
  githubClientSecret: string;
  /** SESSION_SECRET (alias GITHUB_SESSION_SECRET): seals every host's session cookie and the shared cache. */
  sessionSecret: string;
  githubCallbackUrl: string;
  /** Web host of GitHub (github.com or GitHub Enterprise), without trailing slash. */
  githubUrl: string;
  /** REST API base (https://api.github.com, or https://<ghe>/api/v3), without trailing slash. */
  githubApiUrl: string;
  /**
   * Other host names that repository URLs may use for the configured GitHub (GITHUB_REPOSITORY_HOSTS, e.g. an
   * old GitHub Enterprise name, or github.com in front of a test double). Only ever compared, never contacted.
   */
  repositoryHostAliases: string[];
  /**
   * GitLab's web URL (gitlab.com or self-managed, possibly under a path such as https://example.com/gitlab),
   * without trailing slash.
   */
  gitlabUrl: string;
  /** GitLab's REST API base (<gitlabUrl>/api/v4 unless GITLAB_API_URL says otherwise). */
  gitlabApiUrl: string;
  /** The GitLab OAuth application (scope read_api); both empty when GitLab is not configured. */
  gitlabClientId: string;
  gitlabClientSecret: string;
  /** Other host names that repository URLs may use for the configured GitLab (GITLAB_REPOSITORY_HOSTS). */
  gitlabRepositoryHostAliases: string[];
  /** Bitbucket Cloud's web URL (its OAuth pages; https://bitbucket.org), without trailing slash. */
  bitbucketUrl: string;
  /** Bitbucket's REST API 2.0 base (https://api.bitbucket.org/2.0). */
  bitbucketApiUrl: string;
  /** The Bitbucket OAuth consumer (key and secret; permission Repositories: Read); both empty when not configured. */
  bitbucketClientId: string;
  bitbucketClientSecret: string;
  /** Other host names repository URLs may use for the configured Bitbucket (BITBUCKET_REPOSITORY_HOSTS). */
  bitbucketRepositoryHostAliases: string[];
  /** Azure DevOps Services' web and REST URL (https://dev.azure.com), without trailing slash. */
  azureDevopsUrl: string;
  /** Microsoft Entra ID's sign-in URL (https://login.microsoftonline.com), without trailing slash. */
  azureDevopsLoginUrl: string;
  /** The Entra tenant the app is registered in (an id, a domain, `organizations` or `common`). */
  azureDevopsTenantId: string;
  /** The Entra app registration (delegated Azure DevOps `vso.code`); both empty when not configured. */
  azureDevopsClientId: string;
  azureDevopsClientSecret: string;
  /** Other host names repository URLs may use for the configured Azure DevOps (AZURE_DEVOPS_REPOSITORY_HOSTS). */
  azureDevopsRepositoryHostAliases: string[];
  /** Gateway mode: Pyroscope's base URL (without the user and password PYROSCOPE_URL may carry), other paths are streamed there. */
  pyroscopeUrl?: string;
  /** `Basic …` from PYROSCOPE_URL's user and password: what the gateway and /ready authenticate to Pyroscope with. */
  pyroscopeAuthorization?: string;
  logLevel: string;
  /** Outbound call timeout (GIT_HOST_TIMEOUT_MS, alias GITHUB_TIMEOUT_MS: Git host APIs, OAuth, gateway connection). */
  gitHostTimeoutMs: number;
  maxFileBytes: number;
  maxBodyBytes: number;
  cacheBytes: number;
  refTtlMs: number;
  accessTtlMs: number;
  /** The shared cache server under the memory cache (redis:// or rediss://); undefined: memory only. */
  cacheUrl?: string;
  /** Longest wait for the shared cache server per command; past it the request goes on without it. */
  cacheTimeoutMs: number;
  /** On SIGTERM, how long requests in flight may take to finish before their connections are closed. */
  shutdownDrainMs: number;
  /**
   * The package registries (GOPROXY, NPM_REGISTRY_URL, RUBYGEMS_URL, PYPI_URL, MAVEN_URL): a URL (credentials
   * allowed, never logged) or `off`. GOPROXY keeps Go's list syntax.
   */
  registries: RegistrySettings;
  /** Largest package archive downloaded from a registry (bytes). */
  registryMaxArchiveBytes: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function loadConfig(env: Record<string, string | undefined>): ServerConfig {
  const problems: string[] = [];
  const text = (name: string, fallback = ''): string => (env[name] ?? '').trim() || fallback;
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = text(name);
    if (raw === '') {
      return fallback;
    }
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name}=${JSON.stringify(raw)} must be an integer between ${min} and ${max}`);
      return fallback;
    }
    return value;
  };
  const url = (name: string, fallback: string | undefined, example: string): string | undefined => {
    const raw = text(name, fallback ?? '');
    if (raw === '') {
      return undefined;
    }
    try {
      const parsed = new URL(raw);
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
        throw new Error('scheme');
      }
    } catch {
      problems.push(`${name}=${JSON.stringify(redactUserinfo(raw))} must be an http(s) URL, e.g. ${example}`);
      return fallback;
    }
    return raw.replace(/\/+$/, '');
  };

  const hostList = (name: string): string[] => {
    const hosts = text(name)
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter((h) => h !== '');
    for (const host of hosts) {
      if (!/^[a-z0-9.-]+(?::\d+)?$/.test(host)) {
        problems.push(`${name}: '${host}' is not a host name`);
      }
    }
    return hosts;
  };

  // The neutral names win; the GitHub-only names they replace are still read (documented aliases).
  const sessionSecretName = aliased(env, 'SESSION_SECRET', 'GITHUB_SESSION_SECRET', problems);
  const timeoutName = aliased(env, 'GIT_HOST_TIMEOUT_MS', 'GITHUB_TIMEOUT_MS', problems);

  const config: ServerConfig = {
    port: integer('PORT', 4041, 0, 65535),
    githubClientId: text('GITHUB_CLIENT_ID'),
    githubClientSecret: text('GITHUB_CLIENT_SECRET'),
    sessionSecret: env[sessionSecretName] ?? '',
    githubCallbackUrl:
      url('GITHUB_CALLBACK_URL', undefined, 'https://grafana.example.com/a/linescope-app/github/callback') ?? '',
    githubUrl: url('GITHUB_URL', 'https://github.com', 'https://github.example.com') ?? 'https://github.com',
    githubApiUrl: url('GITHUB_API_URL', undefined, 'https://github.example.com/api/v3') ?? '',
    repositoryHostAliases: hostList('GITHUB_REPOSITORY_HOSTS'),
    gitlabUrl: url('GITLAB_URL', 'https://gitlab.com', 'https://gitlab.example.com') ?? 'https://gitlab.com',
    gitlabApiUrl: url('GITLAB_API_URL', undefined, 'https://gitlab.example.com/api/v4') ?? '',
    gitlabClientId: text('GITLAB_CLIENT_ID'),
    gitlabClientSecret: text('GITLAB_CLIENT_SECRET'),
    gitlabRepositoryHostAliases: hostList('GITLAB_REPOSITORY_HOSTS'),
    bitbucketUrl: url('BITBUCKET_URL', 'https://bitbucket.org', 'https://bitbucket.org') ?? 'https://bitbucket.org',
    bitbucketApiUrl:
      url('BITBUCKET_API_URL', 'https://api.bitbucket.org/2.0', 'https://api.bitbucket.org/2.0') ??
      'https://api.bitbucket.org/2.0',
    bitbucketClientId: text('BITBUCKET_CLIENT_ID'),
    bitbucketClientSecret: text('BITBUCKET_CLIENT_SECRET'),
    bitbucketRepositoryHostAliases: hostList('BITBUCKET_REPOSITORY_HOSTS'),
    azureDevopsUrl:
      url('AZURE_DEVOPS_URL', 'https://dev.azure.com', 'https://dev.azure.com') ?? 'https://dev.azure.com',
    azureDevopsLoginUrl:
      url('AZURE_DEVOPS_LOGIN_URL', 'https://login.microsoftonline.com', 'https://login.microsoftonline.com') ??
      'https://login.microsoftonline.com',
    azureDevopsTenantId: text('AZURE_DEVOPS_TENANT_ID', 'organizations'),
    azureDevopsClientId: text('AZURE_DEVOPS_CLIENT_ID'),
    azureDevopsClientSecret: text('AZURE_DEVOPS_CLIENT_SECRET'),
    azureDevopsRepositoryHostAliases: hostList('AZURE_DEVOPS_REPOSITORY_HOSTS'),
    pyroscopeUrl: url('PYROSCOPE_URL', undefined, 'http://pyroscope:4040'),
    logLevel: text('LOG_LEVEL', 'info').toLowerCase(),
    gitHostTimeoutMs: integer(timeoutName, 10_000, 100, 600_000),
    maxFileBytes: integer('MAX_FILE_BYTES', 1024 * 1024, 1024, 100 * 1024 * 1024),
    maxBodyBytes: integer('MAX_BODY_BYTES', 64 * 1024, 1024, 16 * 1024 * 1024),
    cacheBytes: integer('CACHE_BYTES', 256 * 1024 * 1024, 0, 64 * 1024 * 1024 * 1024),
    refTtlMs: integer('REF_TTL_SECONDS', 60, 0, 86_400) * 1000,
    accessTtlMs: integer('ACCESS_TTL_SECONDS', 600, 0, 86_400) * 1000,
    cacheUrl: text('CACHE_URL') || undefined,
    cacheTimeoutMs: integer('CACHE_TIMEOUT_MS', 250, 10, 60_000),
    shutdownDrainMs: integer('SHUTDOWN_DRAIN_SECONDS', 20, 0, 3600) * 1000,
    registries: Object.fromEntries(
      Object.entries(REGISTRY_VARIABLES).map(([kind, variable]) => [kind, text(variable.name, variable.default)])
    ) as RegistrySettings,
    registryMaxArchiveBytes: integer('REGISTRY_MAX_ARCHIVE_BYTES', 64 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
  };
  problems.push(...registryProblems(config.registries));
  if (config.pyroscopeUrl !== undefined) {
    Object.assign(config, withoutUserinfo(config.pyroscopeUrl));
  }
  if (config.cacheUrl !== undefined) {
    problems.push(...cacheUrlProblems(config.cacheUrl));
  }
  if (!config.githubApiUrl) {
    // github.com's API is api.github.com; GitHub Enterprise Server serves it under /api/v3.
    config.githubApiUrl =
      new URL(config.githubUrl).host === 'github.com' ? 'https://api.github.com' : `${config.githubUrl}/api/v3`;
  }
  config.gitlabApiUrl ||= `${config.gitlabUrl}/api/v4`;
  if (!LOG_LEVELS.includes(config.logLevel)) {
    problems.push(`LOG_LEVEL=${JSON.stringify(config.logLevel)} must be one of ${LOG_LEVELS.join(', ')}`);
  }
  const oauth = [config.githubClientId, config.githubClientSecret, config.sessionSecret];
  // A server for another host only (its application named) needs no GitHub App: the session secret is that host's.
  const anotherHostOnly =
    config.githubClientId === '' &&
    config.githubClientSecret === '' &&
    [
      config.gitlabClientId,
      config.gitlabClientSecret,
      config.bitbucketClientId,
      config.bitbucketClientSecret,
      config.azureDevopsClientId,
      config.azureDevopsClientSecret,
    ].some((v) => v !== '');
  if (!anotherHostOnly && oauth.some((v) => v !== '') && oauth.some((v) => v === '')) {
    problems.push(
      'GITHUB_CLIENT_ID, GITHUB_CLIENT_SECRET and SESSION_SECRET must be set together (set all three to enable GitHub, or none)'
    );
  }
  const gitlab = [config.gitlabClientId, config.gitlabClientSecret];
  if (gitlab.some((v) => v !== '') && (gitlab.some((v) => v === '') || config.sessionSecret === '')) {
    problems.push(
      'GITLAB_CLIENT_ID, GITLAB_CLIENT_SECRET and SESSION_SECRET must be set together (set all three to enable GitLab; the session secret is shared with GitHub)'
    );
  }
  const bitbucket = [config.bitbucketClientId, config.bitbucketClientSecret];
  if (bitbucket.some((v) => v !== '') && (bitbucket.some((v) => v === '') || config.sessionSecret === '')) {
    problems.push(
      'BITBUCKET_CLIENT_ID, BITBUCKET_CLIENT_SECRET and SESSION_SECRET must be set together (set all three to enable Bitbucket; the session secret is shared with the other hosts)'
    );
  }
  const azure = [config.azureDevopsClientId, config.azureDevopsClientSecret];
  if (azure.some((v) => v !== '') && (azure.some((v) => v === '') || config.sessionSecret === '')) {
    problems.push(
      'AZURE_DEVOPS_CLIENT_ID, AZURE_DEVOPS_CLIENT_SECRET and SESSION_SECRET must be set together (set all three to enable Azure DevOps; the session secret is shared with the other hosts)'
    );
  }
  // It becomes a path segment of Entra's URLs.
  if (!/^[A-Za-z0-9.-]+$/.test(config.azureDevopsTenantId)) {
    problems.push(
      `AZURE_DEVOPS_TENANT_ID=${JSON.stringify(config.azureDevopsTenantId)} must be a tenant id, a domain, organizations or common`
    );
  }
  if (config.sessionSecret !== '' && config.sessionSecret.length < 16) {
    problems.push(`${sessionSecretName} is too short: use at least 16 characters, e.g. \`openssl rand -base64 48\``);
  }
  if (problems.length > 0) {
    throw new ConfigError(problems);
  }
  return config;
}

/**
 * The name to read a setting from: the neutral one when set, else its older alias. Both set to different values is
 * refused rather than guessed (a secret is not echoed).
 */
function aliased(env: Record<string, string | undefined>, name: string, alias: string, problems: string[]): string {
  const value = (env[name] ?? '').trim();
  const old = (env[alias] ?? '').trim();
  if (value !== '' && old !== '' && value !== old) {
    problems.push(`${name} and ${alias} (its old name) are both set, to different values: keep only ${name}`);
  }
  return value === '' && old !== '' ? alias : name;
}

/**
 * PYROSCOPE_URL's user and password become a Basic authorization header and leave the URL: fetch refuses URLs with
 * credentials, and the URL is logged.
 */
function withoutUserinfo(raw: string): Pick<ServerConfig, 'pyroscopeUrl' | 'pyroscopeAuthorization'> {
  const url = new URL(raw);
  if (url.username === '' && url.password === '') {
    return { pyroscopeUrl: raw };
  }
  const credentials = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  url.username = '';
  url.password = '';
  return {
    pyroscopeUrl: url.toString().replace(/\/+$/, ''),
    pyroscopeAuthorization: `Basic ${Buffer.from(credentials).toString('base64')}`,
  };
}

/**
 * Each registry setting is `off` or http(s) URLs; GOPROXY a `,`/`|` list of them, `direct` and `off` (no scheme
 * means https, as Go reads it). Credentials in a URL are never echoed.
 */
function registryProblems(settings: RegistrySettings): string[] {
  const problems: string[] = [];
  for (const [kind, variable] of Object.entries(REGISTRY_VARIABLES)) {
    const value = settings[kind as keyof RegistrySettings].trim();
    const items = kind === 'goproxy' ? value.split(/[,|]/).map((i) => i.trim()) : [value];
    for (const item of items.filter((i) => i !== '' && i !== 'off' && !(kind === 'goproxy' && i === 'direct'))) {
      const withScheme = kind === 'goproxy' && !/^[a-z][a-z0-9+.-]*:/i.test(item) ? `https://${item}` : item;
      let protocol = '';
      try {
        protocol = new URL(withScheme).protocol;
      } catch {
        // reported below
      }
      if (protocol !== 'https:' && protocol !== 'http:') {
        problems.push(`${variable.name}: ${JSON.stringify(redactUserinfo(item))} is not an http(s) URL or off`);
      }
    }
  }
  return problems;
}

/** Text of a URL that may not parse, without what could be a password (`//user:secret@` → `//[redacted]@`). */
function redactUserinfo(raw: string): string {
  return raw.replace(/\/\/[^/?#]*@/, '//[redacted]@');
}

/** CACHE_URL must be a Redis URL (without the session secret it is unused: see cache/shared-tier.ts). */
function cacheUrlProblems(raw: string): string[] {
  let parsed: URL | undefined;
  try {
    parsed = new URL(raw);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') || parsed.hostname === '') {
    // The URL may carry a password: never echo it.
    return ['CACHE_URL must be a redis:// or rediss:// URL, e.g. redis://:password@valkey:6379/0'];
  }
  return [];
}

/** GitHub is usable when the three secrets are set (Pyroscope's GithubApp check). */
export function githubConfigured(config: ServerConfig): boolean {
  return config.githubClientId !== '' && config.githubClientSecret !== '' && config.sessionSecret !== '';
}

/** GitLab is usable when its OAuth application and the session secret are set. */
export function gitlabConfigured(config: ServerConfig): boolean {
  return config.gitlabClientId !== '' && config.gitlabClientSecret !== '' && config.sessionSecret !== '';
}

/** Bitbucket is usable when its OAuth consumer and the session secret are set. */
export function bitbucketConfigured(config: ServerConfig): boolean {
  return config.bitbucketClientId !== '' && config.bitbucketClientSecret !== '' && config.sessionSecret !== '';
}

/** Azure DevOps is usable when its Entra app and the session secret are set. */
export function azureDevopsConfigured(config: ServerConfig): boolean {
  return config.azureDevopsClientId !== '' && config.azureDevopsClientSecret !== '' && config.sessionSecret !== '';
}
