/**
 * linescope.v1.GitlabService: GitLab's OAuth application for the plugin, and the session's login and refresh.
 * The session is the `linescope_gitlab_session` cookie (sealed with the same key as GitHub's, marked as
 * GitLab's); a refused code or refresh token is `unauthenticated` (connect again), GitLab unreachable is
 * `unavailable` (try again).
 */
import { Code, ConnectError, ConnectRouter } from '@connectrpc/connect';
import { GitlabService } from '../../../proto/gen/linescope/v1/gitlab_pb';
import { hostOfKind } from '../hosts/table';
import { scrub } from '../log';
import { GrantedToken, OAuthError } from '../session/oauth';
import { hostSession, ServiceDeps, sessionAnswer, tenantKey } from './context';

export function gitlabSessionRoutes(deps: ServiceDeps): (router: ConnectRouter) => void {
  const { config, logger } = deps;
  const gitlab = hostOfKind(deps.hosts, 'gitlab');

  const requireConfigured = () => {
    if (!gitlab.entry.configured(config)) {
      throw new ConnectError('GitLab integration is not configured', Code.Unimplemented);
    }
  };

  const failed = (what: string, error: unknown): ConnectError => {
    const message = scrub((error as Error).message);
    logger.warn({ err: message }, `GitLab ${what} failed`);
    if (error instanceof OAuthError && error.final) {
      return new ConnectError(`GitLab refused the ${what}: ${message}`, Code.Unauthenticated);
    }
    return new ConnectError(`GitLab ${what} failed: ${message}`, Code.Unavailable);
  };

  return (router: ConnectRouter) => {
    router.service(GitlabService, {
      gitlabApp() {
        requireConfigured();
        return gitlab.entry.app(config);
      },

      async gitlabLogin(request, ctx) {
        requireConfigured();
        if (request.authorizationCode === '') {
          throw new ConnectError('authorization_code is empty', Code.InvalidArgument);
        }
        // The server's callback URL wins: GitLab only accepts the redirect URI registered for the application.
        const redirectUri = config.githubCallbackUrl || request.redirectUri;
        if (redirectUri === '') {
          throw new ConnectError(
            'redirect_uri is empty and the server has no GITHUB_CALLBACK_URL: send the callback page the authorize request named',
            Code.InvalidArgument
          );
        }
        const key = tenantKey(config, ctx);
        try {
          const grant = await gitlab.oauth.exchangeCode(
            request.authorizationCode,
            redirectUri,
            request.codeVerifier,
            deps.now()
          );
          return sessionAnswer(deps, gitlab, grant, key);
        } catch (error) {
          throw failed('authorization', error);
        }
      },

      async gitlabRefresh(_request, ctx) {
        requireConfigured();
        const old = hostSession(deps, ctx, gitlab, false);
        if (!old.refreshToken) {
          throw new ConnectError('the GitLab session has no refresh token: connect again', Code.Unauthenticated);
        }
        const key = tenantKey(config, ctx);
        try {
          const grant: GrantedToken = await gitlab.oauth.refresh(
            old.refreshToken,
            config.githubCallbackUrl,
            deps.now()
          );
          return sessionAnswer(deps, gitlab, grant, key);
        } catch (error) {
          throw failed('refresh', error);
        }
      },
    });
  };
}
