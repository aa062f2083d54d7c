// GitHub's part of the popup login: its authorize page (github.com's or the one the source server names), PKCE only
// with a server that passes the verifier on, and GithubLogin through vcs.v1.
import type { GithubAppResponse } from '../../../../proto/gen/vcs/v1/vcs_pb';
import type { VcsApi } from '../../core/api';
import { safeAuthorizeUrl } from '../../../domain/safeUrl';
import { pkcePair } from '../../core/pkce';
import type { HostSession } from '../../connection/hostSession';
import { startPopupLogin, type LoginAttempt, type LoginEnvironment } from '../../connection/popupLogin';

export const DEFAULT_AUTHORIZE_URL = 'https://github.com/login/oauth/authorize';
/** GitHub's logins were the first: their one-time state has no prefix (the callback page reads any other as GitHub's). */
export const GITHUB_STATE_PREFIX = '';

/** GitHub's authorize page, on github.com and GitHub Enterprise alike. */
const AUTHORIZE_PATH = '/login/oauth/authorize';

/**
 * GitHub's authorize page for this login: the one the server names (its GITHUB_URL's), else github.com's, with a
 * PKCE S256 `challenge` when the server passes the verifier on. The URL policy applies: GitHub's authorize path,
 * https or (a GitHub the server configured with http) http, no credentials; anything else (a javascript: URL) is
 * refused with an error rather than opened in the popup.
 */
export function authorizeUrl(app: GithubAppResponse, state: string, redirectUri: string, challenge?: string): string {
  const named = app.authorizeURL || DEFAULT_AUTHORIZE_URL;
  const refused = new Error(
    `the source server named a GitHub authorize page that is not GitHub's (https://<host>${AUTHORIZE_PATH}); it was not opened`
  );
  if (!safeAuthorizeUrl(named, named, 'github') || new URL(named).pathname !== AUTHORIZE_PATH) {
    throw refused;
  }
  const url = new URL(named);
  url.searchParams.set('client_id', app.clientID);
  url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('state', state);
  // Ignored by GitHub Apps (their permissions rule); needed by OAuth Apps to read private repositories.
  url.searchParams.set('scope', 'repo');
  if (challenge) {
    url.searchParams.set('code_challenge', challenge);
    url.searchParams.set('code_challenge_method', 'S256');
  }
  return url.toString();
}

/** Must be called from the click handler itself: browsers only allow popups opened by a user gesture. */
export function startGithubLogin(
  api: Pick<VcsApi, 'githubApp' | 'githubLogin'>,
  session: Pick<HostSession, 'store'>,
  env: LoginEnvironment,
  appResponse?: Promise<GithubAppResponse>
): LoginAttempt {
  // PKCE only with a server that passes the verifier on (Linescope's): GitHub refuses a code whose challenge was
  // sent without its verifier, and Pyroscope's server sends none.
  let codeVerifier = '';
  return startPopupLogin(
    {
      name: 'GitHub',
      popupName: 'linescope-github-login',
      statePrefix: GITHUB_STATE_PREFIX,
      authorizeUrl: async (state, redirectUri) => {
        const app = await (appResponse ?? api.githubApp());
        const pkce = app.pkce ? await pkcePair() : undefined;
        codeVerifier = pkce?.verifier ?? '';
        return authorizeUrl(app, state, redirectUri, pkce?.challenge);
      },
      complete: async (code) => session.store(await api.githubLogin(code, codeVerifier)),
      notConfigured: 'The source server has no GitHub App configured (client id, client secret and session secret).',
    },
    env
  );
}
