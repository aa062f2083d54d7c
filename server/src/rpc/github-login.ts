/** GithubLogin: the authorization code (and its PKCE verifier, when the plugin sent a challenge) exchanged for an
 * encrypted session token. */
import { Code, ConnectError, HandlerContext } from '@connectrpc/connect';
import { GithubLoginRequest } from '../../../proto/gen/vcs/v1/vcs_pb';
import { scrub } from '../log';
import { GrantedToken } from '../session/oauth';
import { ServiceDeps, tenantKey, tokenResponse } from './context';

export async function githubLogin(deps: ServiceDeps, request: GithubLoginRequest, ctx: HandlerContext) {
  const fail = (code: Code) => new ConnectError('failed to authorize with GitHub', code);
  if (!deps.config.githubClientId || !deps.config.githubClientSecret) {
    throw fail(Code.Internal);
  }
  let key: Buffer;
  try {
    key = tenantKey(deps, ctx);
  } catch {
    throw fail(Code.Internal);
  }
  let granted: GrantedToken;
  try {
    granted = await deps.oauth.exchangeCode(request.authorizationCode, deps.now(), request.codeVerifier);
  } catch (error) {
    deps.logger.warn({ err: scrub((error as Error).message) }, 'GitHub code exchange failed');
    throw fail(Code.Unauthenticated);
  }
  return tokenResponse(deps, granted, key);
}
