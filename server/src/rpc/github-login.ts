/** GithubLogin: the authorization code (and its PKCE verifier, when the plugin sent a challenge) exchanged for an
 * encrypted session token, with Pyroscope's answers. */
import { Code, ConnectError, HandlerContext } from '@connectrpc/connect';
import { GithubLoginRequest } from '../../../proto/gen/vcs/v1/vcs_pb';
import { hostOfKind } from '../hosts/table';
import { scrub } from '../log';
import { GrantedToken } from '../session/oauth';
import { ServiceDeps, tenantKey } from './context';
import { githubTokenResponse } from './github-refresh';

export async function githubLogin(deps: ServiceDeps, request: GithubLoginRequest, ctx: HandlerContext) {
  const fail = (code: Code) => new ConnectError('failed to authorize with GitHub', code);
  if (!deps.config.githubClientId || !deps.config.githubClientSecret) {
    throw fail(Code.Internal);
  }
  const github = hostOfKind(deps.hosts, 'github');
  let key: Buffer;
  try {
    key = tenantKey(deps.config, ctx);
  } catch {
    throw fail(Code.Internal);
  }
  let granted: GrantedToken;
  try {
    granted = await github.oauth.exchangeCode(request.authorizationCode, '', request.codeVerifier, deps.now());
  } catch (error) {
    deps.logger.warn({ err: scrub((error as Error).message) }, 'GitHub code exchange failed');
    throw fail(Code.Unauthenticated);
  }
  return githubTokenResponse(deps, github, granted, key);
}
