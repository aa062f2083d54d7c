/**
 * What a Git host brings to the server, as one entry of the host table (table.ts): its source, its session
 * cookie, its OAuth client and what the plugin needs to log in. Each host folder exports one `HostEntry`; nothing
 * above the table knows which hosts there are.
 */
import { SharedCache } from '../cache/shared-cache';
import { ServerConfig } from '../config';
import { ServerMetrics } from '../metrics';
import { HostOAuthClient } from '../session/oauth';
import { OAuthToken } from '../session/token';
import { GitHostProvider } from './git-host';
import { HostGoModules, HostMapping } from './host-paths';
import { RepositoryHost } from './repository';

/** What every host's source and OAuth client are built with. */
export interface HostContext {
  metrics: ServerMetrics;
  /** The shared tier (CACHE_URL), when configured. */
  shared?: SharedCache;
  /** Used for the host's API and OAuth calls (tests may wrap it to add latency or count calls). */
  fetch?: typeof fetch;
  now: () => number;
}

/** What every host's source is built with. */
export interface HostSourceOptions {
  /** The host's API base (GITHUB_API_URL, GITLAB_URL's /api/v4…). */
  apiUrl: string;
  timeoutMs: number;
  maxFileBytes: number;
  cacheBytes: number;
  refTtlMs: number;
  accessTtlMs: number;
  metrics?: ServerMetrics;
  /** The shared tier (CACHE_URL) under the host's memory caches. */
  shared?: SharedCache;
  fetch?: typeof fetch;
  now?: () => number;
}

/** What every host's source is built with from the configuration (its API URL is its own). */
export function sourceOptions(
  config: ServerConfig,
  { metrics, shared, fetch, now }: HostContext
): Omit<HostSourceOptions, 'apiUrl'> {
  return {
    timeoutMs: config.gitHostTimeoutMs,
    maxFileBytes: config.maxFileBytes,
    cacheBytes: config.cacheBytes,
    refTtlMs: config.refTtlMs,
    accessTtlMs: config.accessTtlMs,
    metrics,
    shared,
    fetch,
    now,
  };
}

/** The session cookie the plugin keeps for a host: sealed with the server's key for the tenant. */
export interface HostSessionCookie {
  name: string;
  /** The sealed token of a login's `token` answer field (the plugin stores it as the cookie). */
  seal(token: OAuthToken, key: Buffer): string;
  /** The token of a cookie value; throws when it is not this host's session or cannot be opened. */
  open(value: string, key: Buffer): OAuthToken;
  /** What a request without a usable cookie is answered (unauthenticated). */
  invalidMessage: string;
  /** What a request whose access token expired is answered (unauthenticated). */
  expiredMessage: string;
}

/** The host's OAuth application as the plugin's login popup needs it. */
export interface HostApp {
  clientId: string;
  callbackUrl: string;
  authorizeUrl: string;
  scope: string;
  /** The host's web URL (GITHUB_URL, GITLAB_URL…). */
  webUrl: string;
  /** Other host names repository URLs may use for it. */
  repositoryHosts: string[];
  /** Whether the login passes a PKCE verifier on. */
  pkce?: boolean;
  /** Where the authorize page lives when not below webUrl (Entra ID's). */
  loginUrl?: string;
}

/** How users sign in to a host: its OAuth application and the session cookie the plugin keeps for it. */
export interface HostLogin {
  createOAuth(config: ServerConfig, context: HostContext): HostOAuthClient;
  cookie: HostSessionCookie;
  app(config: ServerConfig): HostApp;
}

/**
 * A source of files: a Git host, or any other place the server reads source from (a package registry) behind the
 * same `GitHostProvider`. Its kind is the URL reader's; add its folder under hosts/ and its entry to table.ts.
 */
export interface HostEntry {
  /** As repository URLs are read (@linescope/repository-url), in the plugin's provider table and in metrics labels. */
  kind: RepositoryHost['kind'];
  /** In messages: "GitHub". */
  name: string;
  /** Whether this server is set up for the host (e.g. its OAuth application and the session secret). */
  configured(config: ServerConfig): boolean;
  /** Where its repositories live and the host names requests may use for it. */
  repositoryHost(config: ServerConfig): RepositoryHost;
  createSource(config: ServerConfig, context: HostContext): GitHostProvider;
  /** Undefined for a source read anonymously only (no session is asked for). */
  login?: HostLogin;
  /** How `.pyroscope.yaml` names another of its repositories (`source.<key>`); undefined when it cannot. */
  mapping?: HostMapping;
  /** How Go module paths name its repositories; undefined when `go get` reads none from it by path alone. */
  goModules?: HostGoModules;
}
