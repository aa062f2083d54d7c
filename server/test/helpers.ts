/** Test stack: the GitHub double, the source server against it, and helpers to call vcs.v1 over real HTTP. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DoubleRepo,
  GitHubDouble,
  GitHubDoubleOptions,
  sourceServerEnv,
  startGitHubDouble,
} from '../../e2e/github-double';
import type { GitLabDouble } from '../../e2e/gitlab-double';
import { encodeGitLabSessionCookie, encryptGitLabToken, GITLAB_SESSION_COOKIE } from '../src/hosts/gitlab/cookie';
import { loadConfig, ServerConfig } from '../src/config';
import { createLogger, Logger } from '../src/log';
import { createServer, LinescopeServer } from '../src/server';
import { encodeSessionCookie, SESSION_COOKIE } from '../src/session/cookie';
import { deriveKey, encryptToken, OAuthToken } from '../src/session/token';

export const SECRET = 'linescope-test-session-secret-0123456789';

export interface Stack {
  double: GitHubDouble;
  server: LinescopeServer;
  url: string;
  config: ServerConfig;
  /** A cookie header carrying a fresh token of the double for this login (tenant: anonymous unless given). */
  cookieFor(login: string, options?: { tenant?: string; lifetimeSeconds?: number }): string;
  stop(): Promise<void>;
}

export async function startStack(
  repos: DoubleRepo[],
  options: {
    env?: Record<string, string>;
    double?: Partial<GitHubDoubleOptions>;
    logger?: Logger;
    /** Wraps the server's calls to GitHub (e.g. to watch them being aborted). */
    fetch?: typeof fetch;
    /** The server's clock (the double keeps the real one unless options.double says otherwise). */
    now?: () => number;
  } = {}
): Promise<Stack> {
  const double = await startGitHubDouble({ repos, ...options.double });
  const config = loadConfig({
    PORT: '0',
    ...githubDoubleEnv(double),
    GITHUB_CALLBACK_URL: 'http://grafana.local/a/linescope-app/github/callback',
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const server = createServer(config, {
    logger: options.logger ?? createLogger('silent'),
    fetch: options.fetch,
    now: options.now,
  });
  const url = await server.listen(0, '127.0.0.1');
  return {
    double,
    server,
    url,
    config,
    cookieFor(login, { tenant = 'anonymous', lifetimeSeconds } = {}) {
      const granted = double.issueToken(login, lifetimeSeconds);
      const token: OAuthToken = {
        accessToken: granted.accessToken,
        tokenType: 'bearer',
        refreshToken: granted.refreshToken,
        expiry: granted.expiresAt,
      };
      return sessionCookie(token, tenant);
    },
    async stop() {
      await server.close();
      await double.stop();
    },
  };
}

/** The environment that points a source server at the GitHub double (its OAuth app, web and API URLs). */
export function githubDoubleEnv(double: GitHubDouble): Record<string, string> {
  return sourceServerEnv(double, SECRET);
}

/** The cookie header the plugin writes for the sealed token that GithubLogin / GithubRefresh returned. */
export function cookieForToken(sealedToken: unknown): string {
  return `${SESSION_COOKIE}=${Buffer.from(JSON.stringify({ token: sealedToken })).toString('base64')}`;
}

export function sessionCookie(token: OAuthToken, tenant = 'anonymous', secret = SECRET): string {
  return `${SESSION_COOKIE}=${encodeSessionCookie(encryptToken(token, deriveKey(secret, tenant)))}`;
}

export interface RpcResult {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

/** A Connect JSON call of `Service/Method` (e.g. `linescope.v1.HostSessionService/HostApp`) over real HTTP. */
export async function callService(
  url: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {}
): Promise<RpcResult> {
  const response = await fetch(`${url}/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    headers: response.headers,
  };
}

/** A vcs.v1.VCSService call. */
export function rpc(url: string, method: string, body: unknown, headers: Record<string, string> = {}) {
  return callService(url, `vcs.v1.VCSService/${method}`, body, headers);
}

/** The error a promise rejects with, or undefined when it resolves. */
export function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (e: unknown) => e
  );
}

export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `linescope-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function decodeContent(body: Record<string, unknown>): string {
  return Buffer.from(String(body.content ?? ''), 'base64').toString('utf8');
}

/** The cookie the plugin writes after GitlabLogin, for a fresh token of the GitLab double. */
export function gitlabCookieFor(
  gitlab: GitLabDouble,
  username: string,
  tenant = 'anonymous',
  lifetimeSeconds?: number
): string {
  const granted = gitlab.issueToken(username, { lifetimeSeconds });
  const sealed = encryptGitLabToken(
    {
      accessToken: granted.accessToken,
      tokenType: 'Bearer',
      refreshToken: granted.refreshToken,
      expiry: granted.expiresAt,
    },
    deriveKey(SECRET, tenant)
  );
  return `${GITLAB_SESSION_COOKIE}=${encodeGitLabSessionCookie(sealed)}`;
}

/** A server configured for both doubles: GitHub (github.com) and GitLab (gitlab.com). */
export function bothHostsConfig(github: GitHubDouble, gitlab: GitLabDouble): ServerConfig {
  return loadConfig({
    PORT: '0',
    LOG_LEVEL: 'silent',
    ...sourceServerEnv(github, SECRET),
    GITLAB_URL: gitlab.url,
    GITLAB_CLIENT_ID: gitlab.clientId,
    GITLAB_CLIENT_SECRET: gitlab.clientSecret,
    GITLAB_REPOSITORY_HOSTS: 'gitlab.com',
  });
}
