// GitLab's authorization-code flow with PKCE, in the same popup and on the same callback page as GitHub's; the
// one-time state starts with "gitlab." so that the callback's message is known to be GitLab's.
import type { GitlabAppResponse } from '../../../../proto/gen/linescope/v1/gitlab_pb';
import { safeAuthorizeUrl } from '../../../domain/safeUrl';
import { pkcePair } from '../../core/pkce';
import type { TokenResponse } from '../../connection/hostSession';
import { startPopupLogin, type LoginAttempt, type LoginEnvironment } from '../../connection/popupLogin';

export const GITLAB_STATE_PREFIX = 'gitlab.';
export const PKCE_VERIFIER_KEY = 'linescope.gitlab.pkceVerifier';

export interface GitlabLoginApi {
  gitlabApp(): Promise<GitlabAppResponse>;
  gitlabLogin(request: { authorizationCode: string; redirectUri: string; codeVerifier: string }): Promise<{
    token: string;
    tokenExpiresAt: bigint;
    refreshTokenExpiresAt: bigint;
  }>;
}

/**
 * GitLab's authorize page for this login. Only on the host of the GitLab the server names (its web URL): anything
 * else (a javascript: URL, another host) is refused with an error rather than opened in the popup.
 */
export function gitlabAuthorizeUrl(
  app: GitlabAppResponse,
  state: string,
  redirectUri: string,
  challenge: string
): string {
  let url: URL;
  try {
    url = new URL(app.authorizeUrl);
  } catch {
    throw new Error('the source server named no usable GitLab authorize page');
  }
  url.searchParams.set('client_id', app.clientId);
  url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('state', state);
  url.searchParams.set('scope', app.scope || 'read_api');
  url.searchParams.set('code_challenge', challenge);
  url.searchParams.set('code_challenge_method', 'S256');
  const safe = safeAuthorizeUrl(url.toString(), app.webUrl, 'gitlab');
  if (!safe) {
    throw new Error(
      "the source server named a GitLab authorize page that is not on its GitLab's web URL (https, or http when that URL is http); it was not opened"
    );
  }
  return safe;
}

/** Must be called from the click handler itself: browsers only allow popups opened by a user gesture. */
export function startGitlabLogin(
  api: GitlabLoginApi,
  session: { store(response: TokenResponse): void },
  env: LoginEnvironment,
  appResponse?: Promise<GitlabAppResponse>
): LoginAttempt {
  return startPopupLogin(
    {
      name: 'GitLab',
      popupName: 'linescope-gitlab-login',
      statePrefix: GITLAB_STATE_PREFIX,
      authorizeUrl: async (state, redirectUri) => {
        const [app, pkce] = await Promise.all([appResponse ?? api.gitlabApp(), pkcePair()]);
        env.sessionStorage.setItem(PKCE_VERIFIER_KEY, pkce.verifier);
        return gitlabAuthorizeUrl(app, state, redirectUri, pkce.challenge);
      },
      complete: async (code, _state, redirectUri) => {
        const codeVerifier = env.sessionStorage.getItem(PKCE_VERIFIER_KEY) ?? '';
        env.sessionStorage.removeItem(PKCE_VERIFIER_KEY);
        const response = await api.gitlabLogin({ authorizationCode: code, redirectUri, codeVerifier });
        session.store({ cookie: '', ...response });
      },
      notConfigured:
        'The source server has no GitLab application configured (GITLAB_CLIENT_ID, GITLAB_CLIENT_SECRET and the session secret).',
    },
    env
  );
}
