/**
 * linescope.v1.HostSessionService: the sign-in of every host after GitLab, by the host's kind in the request (the
 * host table says which there are): its OAuth application for the plugin, and the session's login and refresh in
 * the host's own cookie. A refused code or refresh token is `unauthenticated` (connect again), the host unreachable
 * is `unavailable` (try again); a kind the table has no session service for is `invalid_argument`.
 */
import { Code, ConnectError, ConnectRouter, HandlerContext } from '@connectrpc/connect';
import { HostSessionService } from '../../../proto/gen/linescope/v1/host_session_pb';
import { loginOf, ServerHost } from '../hosts/table';
import { scrub } from '../log';
import { OAuthError } from '../session/oauth';
import { hostSession, ServiceDeps, sessionAnswer, tenantKey } from './context';

/** The hosts that sign in here: GitHub and GitLab keep their own services (Pyroscope's contract, and GitLab's). */
const OWN_SERVICES = new Set(['github', 'gitlab']);

export function hostSessionRoutes(deps: ServiceDeps): (router: ConnectRouter) => void {
  const { config, logger } = deps;

  const hostOf = (kind: string): ServerHost => {
    const host = deps.hosts.find((h) => h.entry.kind === kind && h.login && !OWN_SERVICES.has(kind));
    if (!host) {
      const known = deps.hosts.filter((h) => h.login && !OWN_SERVICES.has(h.entry.kind)).map((h) => h.entry.kind);
      throw new ConnectError(
        `host '${kind}' signs in elsewhere or is unknown; this service serves ${known.join(', ')}`,
        Code.InvalidArgument
      );
    }
    if (!host.entry.configured(config)) {
      throw new ConnectError(`${host.entry.name} integration is not configured`, Code.Unimplemented);
    }
    return host;
  };

  const failed = (host: ServerHost, what: string, error: unknown): ConnectError => {
    const message = scrub((error as Error).message);
    logger.warn({ host: host.entry.kind, err: message }, `${host.entry.name} ${what} failed`);
    if (error instanceof OAuthError && error.final) {
      return new ConnectError(`${host.entry.name} refused the ${what}: ${message}`, Code.Unauthenticated);
    }
    return new ConnectError(`${host.entry.name} ${what} failed: ${message}`, Code.Unavailable);
  };

  return (router: ConnectRouter) => {
    router.service(HostSessionService, {
      hostApp(request) {
        const host = hostOf(request.host);
        return loginOf(host).entry.app(config);
      },

      async hostLogin(request, ctx: HandlerContext) {
        const host = hostOf(request.host);
        if (request.authorizationCode === '') {
          throw new ConnectError('authorization_code is empty', Code.InvalidArgument);
        }
        // The server's callback URL wins: hosts accept only the redirect URI registered for the application.
        const redirectUri = config.githubCallbackUrl || request.redirectUri;
        if (redirectUri === '') {
          throw new ConnectError(
            'redirect_uri is empty and the server has no GITHUB_CALLBACK_URL: send the callback page the authorize request named',
            Code.InvalidArgument
          );
        }
        try {
          const grant = await loginOf(host).oauth.exchangeCode(
            request.authorizationCode,
            redirectUri,
            request.codeVerifier,
            deps.now()
          );
          return sessionAnswer(deps, loginOf(host), grant, tenantKey(config, ctx));
        } catch (error) {
          throw failed(host, 'authorization', error);
        }
      },

      async hostRefresh(request, ctx: HandlerContext) {
        const host = hostOf(request.host);
        const old = hostSession(deps, ctx, loginOf(host), false);
        if (!old.refreshToken) {
          throw new ConnectError(
            `the ${host.entry.name} session has no refresh token: connect again`,
            Code.Unauthenticated
          );
        }
        try {
          const grant = await loginOf(host).oauth.refresh(old.refreshToken, config.githubCallbackUrl, deps.now());
          return sessionAnswer(deps, loginOf(host), grant, tenantKey(config, ctx));
        } catch (error) {
          throw failed(host, 'refresh', error);
        }
      },
    });
  };
}
