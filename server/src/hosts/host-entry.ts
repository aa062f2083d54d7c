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
}

export interface HostEntry {
  /** As in the plugin's provider table and in metrics labels. */
  kind: 'github' | 'gitlab';
  /** In messages: "GitHub". */
  name: string;
  /** Whether this server is set up for the host (its OAuth application and the session secret). */
  configured(config: ServerConfig): boolean;
  /** Where its repositories live and the host names requests may use for it. */
  repositoryHost(config: ServerConfig): RepositoryHost;
  createSource(config: ServerConfig, context: HostContext): GitHostProvider;
  createOAuth(config: ServerConfig, context: HostContext): HostOAuthClient;
  cookie: HostSessionCookie;
  app(config: ServerConfig): HostApp;
}
