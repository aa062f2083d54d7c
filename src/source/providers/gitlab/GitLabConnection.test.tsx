import React from 'react';
import { webcrypto } from 'node:crypto';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Code, ConnectError } from '@connectrpc/connect';
import { memoryCookieJar, memoryStorage } from '../../../test-support/memory';
import { WithQueries } from '../../../test-support/queries';
import { loginPopup } from '../../../test-support/loginPopup';
import { HostSession } from '../../connection/hostSession';
import { CALLBACK_MESSAGE_TYPE } from '../../connection/popupLogin';
import { GitLabConnection } from './GitLabConnection';
import { PKCE_VERIFIER_KEY } from './login';
import {
  GITLAB_SESSION_COOKIE,
  GITLAB_SESSION_STORAGE_KEY,
  GitlabServicesProvider,
  type GitlabServices,
} from './services';

const ORIGIN = 'http://localhost';

// jsdom has no SubtleCrypto; the browser's PKCE challenge needs it.
beforeAll(() => {
  Object.defineProperty(globalThis.crypto, 'subtle', { value: webcrypto.subtle, configurable: true });
});

function setup(options: { appError?: Error; refresh?: () => Promise<never> } = {}) {
  const popup = loginPopup();
  popups.push(popup);
  const sessionStorage = memoryStorage();
  const win = {
    open: popup.open,
    screenX: 0,
    screenY: 0,
    outerWidth: 1200,
    outerHeight: 1000,
    location: { origin: ORIGIN },
  };
  const jar = memoryCookieJar();
  const login = {
    gitlabApp: jest.fn(async () => {
      if (options.appError) {
        throw options.appError;
      }
      return {
        clientId: 'gl-app',
        callbackUrl: '',
        authorizeUrl: 'https://gitlab.example.com/oauth/authorize',
        scope: 'read_api',
        webUrl: 'https://gitlab.example.com',
      };
    }),
    gitlabLogin: jest.fn(
      async (_request: { authorizationCode: string; redirectUri: string; codeVerifier: string }) => ({
        token: 'encrypted-gitlab',
        tokenExpiresAt: BigInt(Date.now() + 2 * 3600_000),
        refreshTokenExpiresAt: BigInt(Date.now() + 365 * 24 * 3600_000),
      })
    ),
  };
  const session = new HostSession('vcs-uid', {
    refresh: options.refresh ?? jest.fn(),
    jar,
    storage: memoryStorage(),
    secure: false,
    cookieName: GITLAB_SESSION_COOKIE,
    storageKey: GITLAB_SESSION_STORAGE_KEY,
  });
  const services: GitlabServices = {
    session: () => session,
    api: jest.fn(),
    login: () => login as never,
    loginEnvironment: () => ({
      window: win as never,
      sessionStorage,
      appSubUrl: '/grafana',
      createChannel: popup.createChannel,
      newState: () => 'state-1',
    }),
  };
  render(
    <WithQueries>
      <GitlabServicesProvider services={services}>
        <GitLabConnection vcsDataSourceUid="vcs-uid" repositoryName="linescope-demo/shop-go" />
      </GitlabServicesProvider>
    </WithQueries>
  );
  const callback = (message: Record<string, unknown>) =>
    popup.broadcast({ type: CALLBACK_MESSAGE_TYPE, pendingState: 'gitlab.state-1', ...message });
  return { popup, win, login, jar, session, sessionStorage, callback };
}

jest.setTimeout(30000);
const popups: Array<ReturnType<typeof loginPopup>> = [];
afterEach(() => popups.splice(0).forEach((p) => p.closeChannels()));

test('Connect to GitLab: popup to GitLab (state marked gitlab., PKCE), the code exchanged with its verifier, connected', async () => {
  const user = userEvent.setup();
  const { popup, login, jar, sessionStorage, callback } = setup();
  await user.click(screen.getByRole('button', { name: 'Connect to linescope-demo/shop-go' }));
  expect(popup.opened[0].url).toMatch(/\/github\/callback\?login=gitlab\.state-1$/);
  await popup.load();
  await waitFor(() => expect(popup.navigations).toHaveLength(1));
  const url = new URL(popup.navigations[0]);
  expect(url.origin + url.pathname).toBe('https://gitlab.example.com/oauth/authorize');
  const redirectUri = `${ORIGIN}/grafana/a/linescope-app/github/callback`;
  expect(url.searchParams.get('redirect_uri')).toBe(redirectUri);
  expect(url.searchParams.get('state')).toBe('gitlab.state-1');
  expect(url.searchParams.get('code_challenge_method')).toBe('S256');
  const verifier = sessionStorage.getItem(PKCE_VERIFIER_KEY)!;
  const digest = new Uint8Array(await webcrypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const challenge = btoa(String.fromCharCode(...digest))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
  expect(url.searchParams.get('code_challenge')).toBe(challenge);
  expect(screen.getByTestId('gitlab-connecting')).toHaveTextContent('finish in the GitLab window');

  await callback({ code: 'gl-code' });
  expect(await screen.findByTestId('gitlab-connected')).toHaveTextContent('Connected to GitLab');
  expect(login.gitlabLogin).toHaveBeenCalledWith({ authorizationCode: 'gl-code', redirectUri, codeVerifier: verifier });
  expect(sessionStorage.getItem(PKCE_VERIFIER_KEY)).toBeNull();
  expect(JSON.parse(atob(jar.get(GITLAB_SESSION_COOKIE)!))).toEqual({ token: 'encrypted-gitlab' });
  // GitHub's cookie is not touched.
  expect(jar.get('pyroscope_git_session')).toBeUndefined();
});

test('a server without a GitLab application is named as such', async () => {
  const user = userEvent.setup();
  const { popup } = setup({ appError: new ConnectError('no gitlab', Code.Unimplemented) });
  await user.click(screen.getByTestId('gitlab-connect'));
  await popup.load();
  expect(await screen.findByTestId('gitlab-login-error')).toHaveTextContent(/no GitLab application configured/);
  await waitFor(() => expect(popup.closed).toBe(true));
});

test('disconnect ends the GitLab session and offers to connect again', async () => {
  const user = userEvent.setup();
  const { callback, jar } = setup();
  await user.click(screen.getByTestId('gitlab-connect'));
  await callback({ code: 'c' });
  await user.click(await screen.findByRole('button', { name: 'Disconnect from GitLab' }));
  expect(jar.get(GITLAB_SESSION_COOKIE)).toBeUndefined();
  expect(screen.getByRole('button', { name: 'Connect to linescope-demo/shop-go' })).toBeInTheDocument();
});

test('a refused session (401 or Grafana’s 400) ends it; a fresh one points at linescope_gitlab_session in Allowed cookies', async () => {
  const user = userEvent.setup();
  const { callback, session } = setup();
  await user.click(screen.getByTestId('gitlab-connect'));
  await callback({ code: 'c' });
  await screen.findByTestId('gitlab-connected');
  act(() => session.reportUnauthenticated());
  expect(screen.getByTestId('gitlab-keep-cookies')).toHaveTextContent('linescope_gitlab_session');
  expect(screen.getByTestId('gitlab-keep-cookies')).toHaveTextContent('Allowed cookies');

  await user.click(screen.getByTestId('gitlab-connect'));
  await callback({ code: 'c2' });
  await screen.findByTestId('gitlab-connected');
  act(() => session.markVerified());
  act(() => session.reportUnauthenticated());
  expect(screen.getByTestId('gitlab-session-problem')).toHaveTextContent(/no longer accepts your GitLab session/);
  expect(screen.getByTestId('gitlab-connect')).toBeInTheDocument();
});

test('close to expiry, callers share one GitlabRefresh; a refused refresh ends the session', async () => {
  let reject!: (error: unknown) => void;
  const refresh = jest.fn(() => new Promise<never>((_resolve, r) => (reject = r)));
  const user = userEvent.setup();
  const { callback, session, login, jar } = setup({ refresh });
  login.gitlabLogin.mockResolvedValueOnce({
    token: 'soon',
    tokenExpiresAt: BigInt(Date.now() + 60_000),
    refreshTokenExpiresAt: BigInt(Date.now() + 365 * 24 * 3600_000),
  });
  await user.click(screen.getByTestId('gitlab-connect'));
  await callback({ code: 'c' });
  await screen.findByTestId('gitlab-connection');
  const both = Promise.allSettled([session.ensureFresh(), session.ensureFresh()]);
  await waitFor(() => expect(refresh).toHaveBeenCalled());
  expect(refresh).toHaveBeenCalledTimes(1);
  await act(async () => {
    reject(new ConnectError('refresh refused', Code.Unauthenticated));
    await both;
  });
  expect(await screen.findByTestId('gitlab-session-problem')).toHaveTextContent(/GitLab session expired/);
  expect(jar.get(GITLAB_SESSION_COOKIE)).toBeUndefined();
});
