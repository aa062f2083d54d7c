/** What every RPC handler shares: its dependencies, the tenant's key, a host's session cookie, login answers. */
import { Code, ConnectError, HandlerContext } from '@connectrpc/connect';
import { ServerConfig } from '../config';
import { ServerHost, ServerLogin } from '../hosts/table';
import { Logger, scrub } from '../log';
import type { RegistrySources } from '../registries/runtime';
import { readCookie, SESSION_LIFETIME_MS } from '../session/cookie';
import { GrantedToken } from '../session/oauth';
import { tenantFromHeaders } from '../session/tenant';
import { deriveKey, OAuthToken } from '../session/token';

export interface ServiceDeps {
  config: ServerConfig;
  /** Every host of the host table, as this server runs it. */
  hosts: readonly ServerHost[];
  /** The package registries dependency frames are read from (GetFile). */
  registries?: RegistrySources;
  logger: Logger;
  now: () => number;
}

/** The key that seals this tenant's session cookies (every host's) and shared-cache entries. */
export function tenantKey(config: ServerConfig, ctx: HandlerContext): Buffer {
  return deriveKey(config.sessionSecret, tenantFromHeaders(ctx.requestHeader));
}

/**
 * A host's session cookie → its token (any failure: unauthenticated, in the host's words); the access-token expiry
 * is checked unless skipped (a refresh needs the expired token's refresh token).
 */
export function hostSession(
  deps: Pick<ServiceDeps, 'config' | 'logger' | 'now'>,
  ctx: HandlerContext,
  login: ServerLogin,
  checkExpiry = true
): OAuthToken {
  const { cookie } = login.entry;
  let token: OAuthToken;
  try {
    const value = readCookie(ctx.requestHeader.get('cookie'), cookie.name);
    if (value === undefined) {
      throw new Error(`failed to read cookie ${cookie.name}: http: named cookie not present`);
    }
    const tenant = tenantFromHeaders(ctx.requestHeader);
    token = login.sessions.open(tenant, value, () => cookie.open(value, deriveKey(deps.config.sessionSecret, tenant)));
  } catch (error) {
    deps.logger.debug({ cookie: cookie.name, err: scrub((error as Error).message) }, 'session cookie rejected');
    throw new ConnectError(cookie.invalidMessage, Code.Unauthenticated);
  }
  // A token without expiry (GitHub OAuth apps, or GitHub Apps with expiring tokens off) never expires; Pyroscope
  // treats its zero time as always expired.
  if (checkExpiry && token.expiry !== undefined && deps.now() > token.expiry) {
    throw new ConnectError(cookie.expiredMessage, Code.Unauthenticated);
  }
  return token;
}

/** A login's or refresh's answer: the sealed token the plugin keeps as the host's cookie, and when it expires. */
export function sessionAnswer(deps: Pick<ServiceDeps, 'now'>, login: ServerLogin, granted: GrantedToken, key: Buffer) {
  return {
    token: login.entry.cookie.seal(granted.token, key),
    tokenExpiresAt: BigInt(granted.token.expiry ?? 0),
    // Without the host's word on the refresh token's lifetime, the session lasts as long as Pyroscope's cookie.
    refreshTokenExpiresAt: BigInt(granted.refreshTokenExpiry ?? deps.now() + SESSION_LIFETIME_MS),
  };
}
