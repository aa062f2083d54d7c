/**
 * linescope.v1.GitlabService: GitLab's OAuth application for the plugin, and the session's login and refresh.
 * The session is the `linescope_gitlab_session` cookie (sealed with the same key as GitHub's, marked as
 * GitLab's); a refused code or refresh token is `unauthenticated` (connect again), GitLab unreachable is
 * `unavailable` (try again).
 */
import { Code, ConnectError, ConnectRouter, HandlerContext } from '@connectrpc/connect';
import { GitlabService } from '../../../proto/gen/linescope/v1/gitlab_pb';
import { gitlabConfigured, ServerConfig } from '../config';
import { GitlabGrant, GitlabOAuthClient, GitlabOAuthError } from '../hosts/gitlab/oauth';
import { hostNames } from '../hosts/repository';
import { Logger, scrub } from '../log';
import { SESSION_LIFETIME_MS, readCookie } from '../session/cookie';
import { decodeGitlabSessionCookie, encryptGitlabToken, GITLAB_SESSION_COOKIE } from '../session/gitlab-cookie';
import { tenantFromHeaders } from '../session/tenant';
import { deriveKey, OAuthToken } from '../session/token';

export interface GitlabSessionDeps {
  config: ServerConfig;
  oauth: GitlabOAuthClient;
  logger: Logger;
  now: () => number;
}

export const GITLAB_SCOPE = 'read_api';

export function gitlabTenantKey(config: ServerConfig, ctx: HandlerContext): Buffer {
  return deriveKey(config.githubSessionSecret, tenantFromHeaders(ctx.requestHeader));
}

/**
 * The GitLab session of a request: its cookie's token (any failure: unauthenticated, with what to do). The
 * access-token expiry is checked unless skipped (the refresh needs the expired token's refresh token).
 */
export function gitlabSession(
  deps: Pick<GitlabSessionDeps, 'config' | 'logger' | 'now'>,
  ctx: HandlerContext,
  checkExpiry = true
): OAuthToken {
  let token: OAuthToken;
  try {
    const cookie = readCookie(ctx.requestHeader.get('cookie'), GITLAB_SESSION_COOKIE);
    if (cookie === undefined) {
      throw new Error(`no ${GITLAB_SESSION_COOKIE} cookie`);
    }
    token = decodeGitlabSessionCookie(cookie, gitlabTenantKey(deps.config, ctx));
  } catch (error) {
    deps.logger.debug({ err: scrub((error as Error).message) }, 'GitLab session cookie rejected');
    throw new ConnectError('invalid GitLab session: connect to GitLab again', Code.Unauthenticated);
  }
  if (checkExpiry && token.expiry !== undefined && deps.now() > token.expiry) {
    throw new ConnectError('the GitLab session has expired: refresh it or connect again', Code.Unauthenticated);
  }
  return token;
}

export function gitlabSessionRoutes(deps: GitlabSessionDeps): (router: ConnectRouter) => void {
  const { config, logger } = deps;

  const requireConfigured = () => {
    if (!gitlabConfigured(config)) {
      throw new ConnectError('GitLab integration is not configured', Code.Unimplemented);
    }
  };

  const answer = (grant: GitlabGrant, key: Buffer) => ({
    token: encryptGitlabToken(grant.token, key),
    tokenExpiresAt: BigInt(grant.token.expiry ?? 0),
    // GitLab's refresh tokens do not expire by time: the session lasts as long as a GitHub one.
    refreshTokenExpiresAt: BigInt(deps.now() + SESSION_LIFETIME_MS),
  });

  const failed = (what: string, error: unknown): ConnectError => {
    const message = scrub((error as Error).message);
    logger.warn({ err: message }, `GitLab ${what} failed`);
    if (error instanceof GitlabOAuthError && error.final) {
      return new ConnectError(`GitLab refused the ${what}: ${message}`, Code.Unauthenticated);
    }
    return new ConnectError(`GitLab ${what} failed: ${message}`, Code.Unavailable);
  };

  return (router: ConnectRouter) => {
    router.service(GitlabService, {
      gitlabApp() {
        requireConfigured();
        return {
          clientId: config.gitlabClientId,
          callbackUrl: config.githubCallbackUrl,
          authorizeUrl: `${config.gitlabUrl}/oauth/authorize`,
          scope: GITLAB_SCOPE,
          webUrl: config.gitlabUrl,
          // The aliases only: the web URL's own host comes first.
          repositoryHosts: hostNames({
            kind: 'gitlab',
            webUrl: config.gitlabUrl,
            aliases: config.gitlabRepositoryHostAliases,
          }).slice(1),
        };
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
        const key = gitlabTenantKey(config, ctx);
        try {
          const grant = await deps.oauth.exchangeCode(
            request.authorizationCode,
            redirectUri,
            request.codeVerifier,
            deps.now()
          );
          return answer(grant, key);
        } catch (error) {
          throw failed('authorization', error);
        }
      },

      async gitlabRefresh(_request, ctx) {
        requireConfigured();
        const old = gitlabSession(deps, ctx, false);
        if (!old.refreshToken) {
          throw new ConnectError('the GitLab session has no refresh token: connect again', Code.Unauthenticated);
        }
        const key = gitlabTenantKey(config, ctx);
        try {
          return answer(await deps.oauth.refresh(old.refreshToken, config.githubCallbackUrl, deps.now()), key);
        } catch (error) {
          throw failed('refresh', error);
        }
      },
    });
  };
}
