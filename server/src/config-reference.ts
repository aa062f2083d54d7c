/**
 * What each environment variable of the source server means, for people: the one table docs/reference/environment.md
 * is generated from. `config-reference.test.ts` holds it to `loadConfig`: every variable loadConfig reads is here
 * (and nothing else), and each `unset` value is what loadConfig really gives the field when the variable is unset.
 */
import type { ServerConfig } from './config';

export interface ConfigVariable {
  name: string;
  /** Older names still read (the first one set wins, the name itself first). */
  aliases?: string[];
  /** The default as people read it; '–' when unset means "off" or "none". */
  default: string;
  meaning: string;
  /** The field loadConfig sets from it, and the value the field has when the variable is unset. */
  field?: keyof ServerConfig;
  unset?: string | number | boolean;
}

export const CONFIG_VARIABLES: ConfigVariable[] = [
  { name: 'PORT', default: '`4041`', meaning: 'listening port', field: 'port', unset: 4041 },
  {
    name: 'GITHUB_CLIENT_ID',
    default: '–',
    meaning:
      "the GitHub App's OAuth client id (repository permissions *Contents: read* and *Metadata: read*; OAuth Apps with `repo` scope work too)",
    field: 'githubClientId',
    unset: '',
  },
  {
    name: 'GITHUB_CLIENT_SECRET',
    default: '–',
    meaning: "the GitHub App's client secret; set with the client id and the session secret",
    field: 'githubClientSecret',
    unset: '',
  },
  {
    name: 'SESSION_SECRET',
    aliases: ['GITHUB_SESSION_SECRET'],
    default: '–',
    meaning:
      'key material for every Git host’s session cookie and for the shared cache (≥ 16 characters, e.g. `openssl rand -base64 48`); the same on every replica; both names set to different values is refused',
    field: 'sessionSecret',
    unset: '',
  },
  {
    name: 'GITHUB_CALLBACK_URL',
    default: '–',
    meaning:
      "returned by `GithubApp`/`GitlabApp`: the plugin's callback page, `<grafana>/a/linescope-app/github/callback`",
    field: 'githubCallbackUrl',
    unset: '',
  },
  {
    name: 'GITHUB_URL',
    default: '`https://github.com`',
    meaning:
      'the GitHub web host: OAuth endpoints and the only GitHub host accepted in repository URLs (GitHub Enterprise: `https://ghe.example.com`)',
    field: 'githubUrl',
    unset: 'https://github.com',
  },
  {
    name: 'GITHUB_API_URL',
    default: '`https://api.github.com`, or `<GITHUB_URL>/api/v3` for Enterprise',
    meaning: 'REST API base',
    field: 'githubApiUrl',
    unset: 'https://api.github.com',
  },
  {
    name: 'GITHUB_REPOSITORY_HOSTS',
    default: '–',
    meaning:
      'other host names repository URLs may use for the same GitHub (comma-separated; compared, never contacted)',
  },
  {
    name: 'GITLAB_URL',
    default: '`https://gitlab.com`',
    meaning:
      'the GitLab web URL: OAuth endpoints and the GitLab host accepted in repository URLs; a self-managed instance may live under a path (`https://example.com/gitlab`)',
    field: 'gitlabUrl',
    unset: 'https://gitlab.com',
  },
  {
    name: 'GITLAB_API_URL',
    default: '`<GITLAB_URL>/api/v4`',
    meaning: "GitLab's REST API v4 base",
    field: 'gitlabApiUrl',
    unset: 'https://gitlab.com/api/v4',
  },
  {
    name: 'GITLAB_CLIENT_ID',
    default: '–',
    meaning:
      'the GitLab OAuth application (scope `read_api`); with its secret and the session secret it enables GitLab',
    field: 'gitlabClientId',
    unset: '',
  },
  {
    name: 'GITLAB_CLIENT_SECRET',
    default: '–',
    meaning: "the GitLab OAuth application's secret",
    field: 'gitlabClientSecret',
    unset: '',
  },
  {
    name: 'GITLAB_REPOSITORY_HOSTS',
    default: '–',
    meaning:
      'other host names repository URLs may use for the same GitLab (comma-separated; compared, never contacted; the panel reads them as GitLab’s too)',
  },
  {
    name: 'BITBUCKET_URL',
    default: '`https://bitbucket.org`',
    meaning: "Bitbucket Cloud's web URL: its OAuth consumer pages and the host accepted in repository URLs",
    field: 'bitbucketUrl',
    unset: 'https://bitbucket.org',
  },
  {
    name: 'BITBUCKET_API_URL',
    default: '`https://api.bitbucket.org/2.0`',
    meaning: "Bitbucket's REST API 2.0 base",
    field: 'bitbucketApiUrl',
    unset: 'https://api.bitbucket.org/2.0',
  },
  {
    name: 'BITBUCKET_CLIENT_ID',
    default: '–',
    meaning:
      "the Bitbucket OAuth consumer's key (permission *Repositories: Read*); with its secret and the session secret it enables Bitbucket",
    field: 'bitbucketClientId',
    unset: '',
  },
  {
    name: 'BITBUCKET_CLIENT_SECRET',
    default: '–',
    meaning: "the Bitbucket OAuth consumer's secret",
    field: 'bitbucketClientSecret',
    unset: '',
  },
  {
    name: 'BITBUCKET_REPOSITORY_HOSTS',
    default: '–',
    meaning:
      'other host names repository URLs may use for the same Bitbucket (comma-separated; compared, never contacted)',
  },
  {
    name: 'AZURE_DEVOPS_URL',
    default: '`https://dev.azure.com`',
    meaning:
      "Azure DevOps Services' web and REST URL; repository URLs on `dev.azure.com/<org>` and `<org>.visualstudio.com` are read from it",
    field: 'azureDevopsUrl',
    unset: 'https://dev.azure.com',
  },
  {
    name: 'AZURE_DEVOPS_LOGIN_URL',
    default: '`https://login.microsoftonline.com`',
    meaning: "Microsoft Entra ID's sign-in URL (its v2 authorize and token endpoints below `/<tenant>/oauth2/v2.0/`)",
    field: 'azureDevopsLoginUrl',
    unset: 'https://login.microsoftonline.com',
  },
  {
    name: 'AZURE_DEVOPS_TENANT_ID',
    default: '`organizations`',
    meaning:
      'the Entra tenant the app is registered in (its id or domain; `organizations` for any work account, `common` for personal Microsoft accounts too)',
    field: 'azureDevopsTenantId',
    unset: 'organizations',
  },
  {
    name: 'AZURE_DEVOPS_CLIENT_ID',
    default: '–',
    meaning:
      "the Entra app registration's client id (delegated Azure DevOps permission `vso.code`); with its secret and the session secret it enables Azure DevOps",
    field: 'azureDevopsClientId',
    unset: '',
  },
  {
    name: 'AZURE_DEVOPS_CLIENT_SECRET',
    default: '–',
    meaning: "the Entra app registration's client secret",
    field: 'azureDevopsClientSecret',
    unset: '',
  },
  {
    name: 'AZURE_DEVOPS_REPOSITORY_HOSTS',
    default: '–',
    meaning:
      'other host names repository URLs may use for the same Azure DevOps (comma-separated; compared, never contacted)',
  },
  {
    name: 'PYROSCOPE_URL',
    default: '–',
    meaning:
      'gateway mode: Pyroscope’s API is streamed there (the paths: [the source server](../source-server.md)); a user and password in it (`http://user:pw@pyroscope:4040`) are sent as basic auth and never logged',
    field: 'pyroscopeUrl',
  },
  {
    name: 'LOG_LEVEL',
    default: '`info`',
    meaning: '`fatal`, `error`, `warn`, `info`, `debug`, `trace` or `silent`',
    field: 'logLevel',
    unset: 'info',
  },
  {
    name: 'GIT_HOST_TIMEOUT_MS',
    aliases: ['GITHUB_TIMEOUT_MS'],
    default: '`10000`',
    meaning: 'timeout of every outbound call (Git host APIs, OAuth, connecting to Pyroscope)',
    field: 'gitHostTimeoutMs',
    unset: 10000,
  },
  {
    name: 'MAX_FILE_BYTES',
    default: '`1048576`',
    meaning: 'larger files are refused',
    field: 'maxFileBytes',
    unset: 1048576,
  },
  {
    name: 'MAX_BODY_BYTES',
    default: '`65536`',
    meaning: 'larger request bodies are refused (`resource_exhausted`)',
    field: 'maxBodyBytes',
    unset: 65536,
  },
  {
    name: 'CACHE_BYTES',
    default: '`268435456`',
    meaning: 'memory for cached files and trees (bytes, LRU)',
    field: 'cacheBytes',
    unset: 268435456,
  },
  {
    name: 'REF_TTL_SECONDS',
    default: '`60`',
    meaning: 'how long a branch or tag → commit lookup is trusted (in memory and in the shared cache)',
    field: 'refTtlMs',
    unset: 60000,
  },
  {
    name: 'ACCESS_TTL_SECONDS',
    default: '`600`',
    meaning: "how long a user's proven read access to a repository is trusted",
    field: 'accessTtlMs',
    unset: 600000,
  },
  {
    name: 'CACHE_URL',
    default: '–',
    meaning:
      'a shared cache under the memory one, for several replicas: `redis://` or `rediss://` (TLS) with user, password and database (`rediss://user:pw@cache:6380/2`); Redis 6 or later, or Valkey; needs the session secret',
    field: 'cacheUrl',
  },
  {
    name: 'CACHE_TIMEOUT_MS',
    default: '`250`',
    meaning: 'longest wait for the shared cache per command; past it the request goes on without it',
    field: 'cacheTimeoutMs',
    unset: 250,
  },
  {
    name: 'SHUTDOWN_DRAIN_SECONDS',
    default: '`20`',
    meaning: 'on SIGTERM, how long requests in flight may take to finish before their connections are closed (0–3600)',
    field: 'shutdownDrainMs',
    unset: 20000,
  },
  {
    name: 'GOPROXY',
    default: '`https://proxy.golang.org,direct`',
    meaning:
      "Go module proxies for dependency frames, in Go's syntax: a `,` list (the next after a 404/410) or `|` list (the next after any error); `direct` ends the list (the Git hosts, as without a proxy); `off` switches the proxy off; `https://user:pw@proxy.internal` sends basic auth, never logged. [Dependencies from package registries](../source-mapping.md#dependencies-from-package-registries)",
  },
  {
    name: 'NPM_REGISTRY_URL',
    default: '`https://registry.npmjs.org`',
    meaning:
      'the npm registry for `node_modules` frames, or `off`; `https://:token@npm.internal` sends the token as a bearer token, `https://user:pw@…` as basic auth',
  },
  {
    name: 'RUBYGEMS_URL',
    default: '`https://rubygems.org`',
    meaning: 'the gem server for frames under `gems/<name>-<version>/`, or `off`; user and password in it: basic auth',
  },
  {
    name: 'PYPI_URL',
    default: '`https://pypi.org/pypi`',
    meaning:
      'the base of a PyPI-style JSON API (`<base>/<project>/<version>/json`) for `site-packages` frames, or `off`; files are fetched only from its origin (and files.pythonhosted.org for PyPI itself)',
  },
  {
    name: 'MAVEN_URL',
    default: '`https://repo1.maven.org/maven2`',
    meaning: 'the Maven repository whose `-sources.jar` files a `maven` mapping in `.pyroscope.yaml` reads, or `off`',
  },
  {
    name: 'REGISTRY_MAX_ARCHIVE_BYTES',
    default: '`67108864`',
    meaning: 'larger package archives (module zips, tarballs, gems, wheels, sources jars) are not downloaded',
    field: 'registryMaxArchiveBytes',
    unset: 67108864,
  },
];
