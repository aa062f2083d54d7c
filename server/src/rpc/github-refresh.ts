/** GithubRefresh: the session's refresh token exchanged for a new session token, with Pyroscope's answers. */
import { Code, ConnectError, HandlerContext } from '@connectrpc/connect';
import { hostOfKind, ServerHost } from '../hosts/table';
import { scrub } from '../log';
import { legacyCookieString } from '../session/cookie';
import { GrantedToken, OAuthError } from '../session/oauth';
import { hostSession, ServiceDeps, sessionAnswer, tenantKey } from './context';

export async function githubRefresh(deps: ServiceDeps, ctx: HandlerContext) {
  const github = hostOfKind(deps.hosts, 'github');
  const old = hostSession(deps, ctx, github, false);
  const key = tenantKey(deps.config, ctx);
  if (!old.refreshToken) {
    throw new ConnectError('failed to refresh token: the session has no refresh token', Code.Unauthenticated);
  }
  let granted: GrantedToken;
  try {
    granted = await github.oauth.refresh(old.refreshToken, '', deps.now());
  } catch (error) {
    const message = scrub((error as Error).message);
    deps.logger.warn({ err: message }, 'GitHub token refresh failed');
    // GitHub's verdict that the refresh token is bad ends the session: 401 lets the client reconnect.
    const dead = error instanceof OAuthError && error.final;
    throw new ConnectError('failed to refresh token', dead ? Code.Unauthenticated : Code.Internal);
  }
  return githubTokenResponse(deps, github, granted, key);
}

/** The session answer plus Pyroscope's deprecated `cookie` field (a whole Set-Cookie-style string). */
export function githubTokenResponse(deps: ServiceDeps, github: ServerHost, granted: GrantedToken, key: Buffer) {
  return { ...sessionAnswer(deps, github, granted, key), cookie: legacyCookieString(granted.token, key, deps.now()) };
}
