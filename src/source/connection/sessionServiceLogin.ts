// The login of a Git host that signs in through linescope.v1.HostSessionService: its authorize page (only on the
// host the server names for it), the popup, the code exchange with the PKCE verifier when the host takes one.
import type { IconName } from '@grafana/ui';
import type { HostKind } from '@linescope/repository-url';
import type { HostAppResponse } from '../../../proto/gen/linescope/v1/host_session_pb';
import { safeAuthorizeUrl } from '../../domain/safeUrl';
import { pkcePair } from '../core/pkce';
import type { VcsApi } from '../core/api';
import type { HostSession, TokenResponse } from './hostSession';
import { startPopupLogin, type LoginAttempt, type LoginEnvironment } from './popupLogin';

/** What tells one such host from another. */
export interface SessionServiceHostSpec {
  /** As in the host tables and HostSessionService requests. */
  kind: HostKind;
  /** As people know it: "GitLab". */
  name: string;
  icon: IconName;
  /** The session cookie the data source must forward (keepCookies). */
  cookieName: string;
  /** Also the test ids' prefix and the popup's name. */
  id: string;
  /**
   * Whether the host's API has blame (the source server answers GetBlame and CompareCommits for it). Without it the
   * panel asks for none and offers the host's own blame page instead.
   */
  blame: boolean;
  /** What the source server needs for this host, said when it has none (translated when asked). */
  notConfigured: () => string;
}

export interface HostLoginApi {
  app(): Promise<HostAppResponse>;
  login(request: { authorizationCode: string; redirectUri: string; codeVerifier: string }): Promise<TokenResponse>;
}

export interface SessionServiceHostServices {
  session(dataSourceUid: string): HostSession;
  api(dataSourceUid: string): VcsApi;
  login(dataSourceUid: string): HostLoginApi;
  loginEnvironment(): LoginEnvironment;
}

/**
 * The host's authorize page for this login, only on the host the server names for it (its login URL, else its web
 * URL): anything else (a javascript: URL, another host) is refused rather than opened in the popup.
 */
export function sessionServiceAuthorizeUrl(
  spec: Pick<SessionServiceHostSpec, 'kind' | 'name'>,
  app: HostAppResponse,
  state: string,
  redirectUri: string,
  challenge: string | undefined
): string {
  let url: URL;
  try {
    url = new URL(app.authorizeUrl);
  } catch {
    throw new Error(`the source server named no usable ${spec.name} authorize page`);
  }
  url.searchParams.set('client_id', app.clientId);
  url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('state', state);
  if (app.scope) {
    url.searchParams.set('scope', app.scope);
  }
  if (challenge) {
    url.searchParams.set('code_challenge', challenge);
    url.searchParams.set('code_challenge_method', 'S256');
  }
  const safe = safeAuthorizeUrl(url.toString(), app.loginUrl || app.webUrl, spec.kind);
  if (!safe) {
    throw new Error(
      `the source server named a ${spec.name} authorize page that is not on its ${spec.name} sign-in URL (https, or http when that URL is http); it was not opened`
    );
  }
  return safe;
}

const pkceKey = (spec: SessionServiceHostSpec) => `linescope.${spec.id}.pkceVerifier`;
/** What the host's logins put in front of their one-time state, so the callback page knows whose login came back. */
export const loginStatePrefix = (spec: Pick<SessionServiceHostSpec, 'id'>) => `${spec.id}.`;
/** Where the session's expiries are kept (browser storage), per host. */
export const sessionStorageKey = (spec: Pick<SessionServiceHostSpec, 'id'>) => `linescope.${spec.id}.session`;

/** Must be called from the click handler itself: browsers only allow popups opened by a user gesture. */
export function startSessionServiceLogin(
  spec: SessionServiceHostSpec,
  api: HostLoginApi,
  session: { store(response: TokenResponse): void },
  env: LoginEnvironment,
  appResponse?: Promise<HostAppResponse>
): LoginAttempt {
  return startPopupLogin(
    {
      name: spec.name,
      popupName: `linescope-${spec.id}-login`,
      statePrefix: loginStatePrefix(spec),
      authorizeUrl: async (state, redirectUri) => {
        const app = await (appResponse ?? api.app());
        const pkce = app.pkce ? await pkcePair() : undefined;
        if (pkce) {
          env.sessionStorage.setItem(pkceKey(spec), pkce.verifier);
        }
        return sessionServiceAuthorizeUrl(spec, app, state, redirectUri, pkce?.challenge);
      },
      complete: async (code, _state, redirectUri) => {
        const codeVerifier = env.sessionStorage.getItem(pkceKey(spec)) ?? '';
        env.sessionStorage.removeItem(pkceKey(spec));
        session.store(await api.login({ authorizationCode: code, redirectUri, codeVerifier }));
      },
      notConfigured: spec.notConfigured(),
    },
    env
  );
}
