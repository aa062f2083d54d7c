/** What every vcs.v1 handler shares: its dependencies, the session cookie, the repository URL, token answers. */
import { Code, ConnectError, HandlerContext } from '@connectrpc/connect';
import { ServerConfig } from '../config';
import { GitHostProvider, Repository } from '../hosts/git-host';
import { GitlabSource } from '../hosts/gitlab/source';
import { parseRepositoryUrl, RepositoryUrlError } from '../hosts/github/repository-url';
import { Logger, scrub } from '../log';
import type { RegistrySources } from '../registries/runtime';
import { decodeSessionCookie, legacyCookieString, readCookie, SESSION_LIFETIME_MS } from '../session/cookie';
import { GrantedToken, OAuthClient } from '../session/oauth';
import { OpenedSessions } from '../session/opened-sessions';
import { tenantFromHeaders } from '../session/tenant';
import { deriveKey, encryptToken, OAuthToken } from '../session/token';

export interface ServiceDeps {
  config: ServerConfig;
  source: GitHostProvider;
  /** Undefined when GitLab is not configured. */
  gitlab?: GitlabSource;
  oauth: OAuthClient;
  /** The package registries dependency frames are read from (GetFile). */
  registries?: RegistrySources;
  /** GitHub session cookies opened recently (the expiry is still checked per request). */
  sessions: OpenedSessions;
  logger: Logger;
  now: () => number;
}

export function tenantKey(deps: ServiceDeps, ctx: HandlerContext): Buffer {
  return deriveKey(deps.config.githubSessionSecret, tenantFromHeaders(ctx.requestHeader));
}

/** Cookie → token (any failure: 401 "invalid token"); the access-token expiry is checked unless skipped. */
export function session(deps: ServiceDeps, ctx: HandlerContext, checkExpiry = true): OAuthToken {
  let token: OAuthToken;
  try {
    const cookie = readCookie(ctx.requestHeader.get('cookie'));
    if (cookie === undefined) {
      throw new Error('failed to read cookie pyroscope_git_session: http: named cookie not present');
    }
    const tenant = tenantFromHeaders(ctx.requestHeader);
    token = deps.sessions.open(tenant, cookie, () =>
      decodeSessionCookie(cookie, deriveKey(deps.config.githubSessionSecret, tenant))
    );
  } catch (error) {
    deps.logger.debug({ err: scrub((error as Error).message) }, 'session cookie rejected');
    throw new ConnectError('invalid token', Code.Unauthenticated);
  }
  // A token without expiry (OAuth apps, or GitHub Apps with expiring tokens off) never expires; Pyroscope
  // treats its zero time as always expired.
  if (checkExpiry && token.expiry !== undefined && deps.now() > token.expiry) {
    throw new ConnectError('token is expired', Code.Unauthenticated);
  }
  return token;
}

export function repositoryOf(deps: ServiceDeps, url: string): Repository {
  try {
    return parseRepositoryUrl(url, deps.config.githubUrl, deps.config.repositoryHostAliases);
  } catch (error) {
    if (error instanceof RepositoryUrlError) {
      throw new ConnectError(error.message, Code.InvalidArgument);
    }
    throw error;
  }
}

export function tokenResponse(deps: ServiceDeps, granted: GrantedToken, key: Buffer) {
  const now = deps.now();
  return {
    cookie: legacyCookieString(granted.token, key, now),
    token: encryptToken(granted.token, key),
    tokenExpiresAt: BigInt(granted.token.expiry ?? 0),
    refreshTokenExpiresAt: BigInt(granted.refreshTokenExpiry ?? now + SESSION_LIFETIME_MS),
  };
}
