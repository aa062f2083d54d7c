/** GithubRefresh: the session's refresh token exchanged for a new session token. */
import { Code, ConnectError, HandlerContext } from '@connectrpc/connect';
import { scrub } from '../log';
import { GrantedToken, OAuthError } from '../session/oauth';
import { ServiceDeps, session, tenantKey, tokenResponse } from './context';

export async function githubRefresh(deps: ServiceDeps, ctx: HandlerContext) {
  const old = session(deps, ctx, false);
  const key = tenantKey(deps, ctx);
  if (!old.refreshToken) {
    throw new ConnectError('failed to refresh token: the session has no refresh token', Code.Unauthenticated);
  }
  let granted: GrantedToken;
  try {
    granted = await deps.oauth.refresh(old.refreshToken, deps.now());
  } catch (error) {
    const message = scrub((error as Error).message);
    deps.logger.warn({ err: message }, 'GitHub token refresh failed');
    // GitHub's verdict that the refresh token is bad ends the session: 401 lets the client reconnect.
    const dead = error instanceof OAuthError && /bad_refresh_token|incorrect_client/.test(message);
    throw new ConnectError('failed to refresh token', dead ? Code.Unauthenticated : Code.Internal);
  }
  return tokenResponse(deps, granted, key);
}
