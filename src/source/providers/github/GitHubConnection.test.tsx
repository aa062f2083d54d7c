import React from 'react';
import { webcrypto } from 'node:crypto';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Code, ConnectError } from '@connectrpc/connect';
import type { VcsApi } from '../../core/api';
import { memoryCookieJar, memoryStorage } from '../../../test-support/memory';
import { WithQueries } from '../../../test-support/queries';
import { HostSession } from '../../connection/hostSession';
import { CALLBACK_MESSAGE_TYPE, LATE_CODE_MS, POPUP_READY_MS } from '../../connection/popupLogin';
import { GitHubConnection } from './GitHubConnection';
import { GithubServicesProvider, type GithubServices } from './services';
import { GITHUB_SESSION, SESSION_COOKIE } from './session';
import { loginPopup } from '../../../test-support/loginPopup';

const ORIGIN = 'http://localhost';

// jsdom has no SubtleCrypto; the browser's PKCE challenge needs it.
beforeAll(() => {
  Object.defineProperty(globalThis.crypto, 'subtle', { value: webcrypto.subtle, configurable: true });
});

function setup(
  options: {
    popupBlocked?: boolean;
    appError?: Error;
    authorizeURL?: string;
    pkce?: boolean;
    refresh?: () => Promise<never>;
  } = {}
) {
  const popup = loginPopup({ blocked: options.popupBlocked });
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
  const api = {
    githubApp: jest.fn(async () => {
      if (options.appError) {
        throw options.appError;
      }
      return {
        clientID: 'client-123',
        callbackURL: '',
        authorizeURL: options.authorizeURL ?? '',
        pkce: options.pkce ?? false,
      };
    }),
    githubLogin: jest.fn(async () => ({
      cookie: '',
      token: 'encrypted',
      tokenExpiresAt: BigInt(Date.now() + 8 * 3600_000),
      refreshTokenExpiresAt: BigInt(Date.now() + 100 * 24 * 3600_000),
    })),
    getFile: jest.fn(),
    getCommits: jest.fn(),
  } as unknown as jest.Mocked<VcsApi>;
  const session = new HostSession('vcs-uid', {
    refresh: options.refresh ?? jest.fn(),
    jar,
    storage: memoryStorage(),
    secure: false,
    ...GITHUB_SESSION,
  });
  const services: GithubServices = {
    session: () => session,
    api: () => api,
    loginEnvironment: () => ({
      window: win as never,
      sessionStorage,
      appSubUrl: '/grafana',
      createChannel: popup.createChannel,
      newState: () => 'state-1',
    }),
  };
  const view = render(
    <WithQueries>
      <GithubServicesProvider services={services}>
        <GitHubConnection vcsDataSourceUid="vcs-uid" repositoryName="linescope-demo/shop-go" />
      </GithubServicesProvider>
    </WithQueries>
  );
  /** What a callback page (ours, or another tab's) says on the login channel. */
  const callback = (message: Record<string, unknown>) =>
    popup.broadcast({ type: CALLBACK_MESSAGE_TYPE, pendingState: 'state-1', ...message });
  return { ...view, popup, win, api, jar, session, sessionStorage, callback };
}

const popups: Array<ReturnType<typeof loginPopup>> = [];
afterEach(() => {
  jest.useRealTimers();
  popups.splice(0).forEach((p) => p.closeChannels());
});

jest.setTimeout(30000);

test('login happy path: a popup without opener, GitHub through the callback page, the code back, connected', async () => {
  const user = userEvent.setup();
  const { popup, win, api, jar } = setup();
  await user.click(screen.getByRole('button', { name: 'Connect to linescope-demo/shop-go' }));
  expect(win.open).toHaveBeenCalledTimes(1);
  const [opened] = popup.opened;
  expect(opened.url).toBe(`${ORIGIN}/grafana/a/linescope-app/github/callback?login=state-1`);
  expect(opened.features).toMatch(/(^|,)noopener(,|$)/);
  expect(opened.features).toMatch(/(^|,)noreferrer(,|$)/);
  await popup.load();
  await waitFor(() => expect(popup.navigations).toHaveLength(1));
  const url = new URL(popup.navigations[0]);
  expect(url.origin + url.pathname).toBe('https://github.com/login/oauth/authorize');
  expect(url.searchParams.get('client_id')).toBe('client-123');
  expect(url.searchParams.get('redirect_uri')).toBe(`${ORIGIN}/grafana/a/linescope-app/github/callback`);
  expect(url.searchParams.get('state')).toBe('state-1');
  expect(screen.getByTestId('github-connecting')).toBeInTheDocument();

  await popup.returnFromHost({ code: 'the-code', state: 'state-1' });
  expect(await screen.findByTestId('github-connected')).toHaveTextContent('Connected to GitHub');
  // A server that does not say it passes a PKCE verifier on (Pyroscope's): no challenge, no verifier.
  expect(url.searchParams.has('code_challenge')).toBe(false);
  expect(api.githubLogin).toHaveBeenCalledWith('the-code', '');
  expect(JSON.parse(atob(jar.get(SESSION_COOKIE)!))).toEqual({ token: 'encrypted' });
  expect(popup.closed).toBe(true);
});

test('a code that comes back with a state other than the popup started is refused', async () => {
  const user = userEvent.setup();
  const { popup, api } = setup();
  await user.click(screen.getByTestId('github-connect'));
  await popup.load();
  await waitFor(() => expect(popup.navigations).toHaveLength(1));
  await popup.returnFromHost({ code: 'forged', state: 'attacker-state' });
  expect(await screen.findByTestId('github-login-error')).toHaveTextContent(/one-time state did not match/);
  expect(api.githubLogin).not.toHaveBeenCalled();
});

test('PKCE (S256) with a server that passes the verifier on: the challenge to GitHub, its verifier to GithubLogin', async () => {
  const user = userEvent.setup();
  const { popup, api } = setup({ pkce: true });
  await user.click(screen.getByTestId('github-connect'));
  await popup.load();
  await waitFor(() => expect(popup.navigations).toHaveLength(1));
  const url = new URL(popup.navigations[0]);
  expect(url.searchParams.get('code_challenge_method')).toBe('S256');
  const challenge = url.searchParams.get('code_challenge')!;
  expect(challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);

  await popup.returnFromHost({ code: 'the-code', state: 'state-1' });
  await screen.findByTestId('github-connected');
  const verifier = api.githubLogin.mock.lastCall![1]!;
  expect(verifier).toMatch(/^[A-Za-z0-9_-]{43,128}$/);
  const digest = new Uint8Array(await webcrypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  expect(Buffer.from(digest).toString('base64url')).toBe(challenge);
});

test.each([
  'javascript:alert(document.domain)//https://github.com/login/oauth/authorize',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  '//evil.example/login/oauth/authorize',
  'https://user:pass@github.com/login/oauth/authorize',
  'https://github.com/logout',
])('an authorize URL the policy refuses never becomes the popup’s location: %j', async (authorizeURL) => {
  const user = userEvent.setup();
  const { popup, api } = setup({ authorizeURL });
  await user.click(screen.getByTestId('github-connect'));
  expect(await screen.findByTestId('github-login-error')).toHaveTextContent(
    /Could not start the GitHub login: .*not GitHub's/
  );
  // The popup's page, once it says hello, is told there is nothing to open: it goes nowhere and closes.
  await popup.load();
  expect(popup.navigations).toEqual([]);
  expect(popup.closed).toBe(true);
  expect(api.githubLogin).not.toHaveBeenCalled();
});

test('uses the server’s authorize URL (GitHub Enterprise) when it names one', async () => {
  const user = userEvent.setup();
  const { popup } = setup({ authorizeURL: 'https://ghe.example.com/login/oauth/authorize' });
  await user.click(screen.getByTestId('github-connect'));
  await popup.load();
  await waitFor(() => expect(popup.navigations[0]).toMatch(/^https:\/\/ghe\.example\.com\/login\/oauth\/authorize\?/));
});

test('a blocked popup (no hello from its page) says so', async () => {
  jest.useFakeTimers();
  const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
  const { popup } = setup({ popupBlocked: true });
  await user.click(screen.getByTestId('github-connect'));
  await popup.load();
  await act(() => jest.advanceTimersByTimeAsync(POPUP_READY_MS - 1));
  expect(screen.queryByTestId('github-login-error')).not.toBeInTheDocument();
  await act(() => jest.advanceTimersByTimeAsync(1));
  expect(screen.getByTestId('github-login-error')).toHaveTextContent(/blocked the GitHub login window/);
  expect(screen.getByTestId('github-connect')).toBeInTheDocument();
});

test('a popup page slower than the blocked-popup limit still goes on to GitHub and connects', async () => {
  jest.useFakeTimers();
  const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
  const { popup } = setup();
  await user.click(screen.getByTestId('github-connect'));
  await act(() => jest.advanceTimersByTimeAsync(POPUP_READY_MS));
  expect(screen.getByTestId('github-login-error')).toHaveTextContent(/blocked the GitHub login window/);
  await popup.load();
  await waitFor(() => expect(popup.navigations).toHaveLength(1));
  await popup.returnFromHost({ code: 'late-code', state: 'state-1' });
  expect(await screen.findByTestId('github-connected')).toBeInTheDocument();
});

test('a login that never comes back gives up after the late-code limit and says the window was closed', async () => {
  jest.useFakeTimers();
  const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
  const { popup, api, callback } = setup();
  await user.click(screen.getByTestId('github-connect'));
  await popup.load();
  await waitFor(() => expect(popup.navigations).toHaveLength(1));
  await act(() => jest.advanceTimersByTimeAsync(LATE_CODE_MS));
  expect(screen.getByTestId('github-login-error')).toHaveTextContent(
    'The GitHub login window was closed before the login finished.'
  );
  await callback({ code: 'too-late' });
  expect(api.githubLogin).not.toHaveBeenCalled();
});

test('a message for another login (another state) is ignored', async () => {
  const user = userEvent.setup();
  const { api, callback } = setup();
  await user.click(screen.getByTestId('github-connect'));
  await callback({ code: 'someone-elses', pendingState: 'other-state' });
  expect(api.githubLogin).not.toHaveBeenCalled();
  expect(screen.getByTestId('github-connecting')).toBeInTheDocument();
});

test('GitHub’s error parameter is shown', async () => {
  const user = userEvent.setup();
  const { callback } = setup();
  await user.click(screen.getByTestId('github-connect'));
  await callback({ error: 'access_denied', errorDescription: 'The user has denied your application access.' });
  expect(await screen.findByTestId('github-login-error')).toHaveTextContent(
    'GitHub did not authorize the connection: The user has denied your application access.'
  );
  expect(screen.getByTestId('github-login-error')).not.toHaveTextContent('access..');
});

test('a callback with neither a code nor an error says no code came back', async () => {
  const user = userEvent.setup();
  const { api, callback } = setup();
  await user.click(screen.getByTestId('github-connect'));
  await callback({});
  expect(await screen.findByTestId('github-login-error')).toHaveTextContent(
    'GitHub did not authorize the connection: no authorization code came back.'
  );
  expect(api.githubLogin).not.toHaveBeenCalled();
});

test('GithubLogin failing (the code exchange) says the source server could not finish, and Connect is offered again', async () => {
  const user = userEvent.setup();
  const { api, jar, callback } = setup();
  api.githubLogin.mockRejectedValueOnce(new ConnectError('failed to authorize with GitHub', Code.Unauthenticated));
  await user.click(screen.getByTestId('github-connect'));
  await callback({ code: 'expired-code' });
  const alert = await screen.findByTestId('github-login-error');
  expect(alert).toHaveTextContent('GitHub login failed');
  expect(alert).toHaveTextContent(
    'The source server could not finish the GitHub login: failed to authorize with GitHub'
  );
  expect(jar.get(SESSION_COOKIE)).toBeUndefined();
  expect(screen.getByRole('button', { name: 'Connect to linescope-demo/shop-go' })).toBeInTheDocument();
});

test('GithubApp failing for another reason says the login could not start, and closes the popup', async () => {
  const user = userEvent.setup();
  const { popup } = setup({ appError: new ConnectError('upstream connect error', Code.Unavailable) });
  await user.click(screen.getByTestId('github-connect'));
  await popup.load();
  expect(await screen.findByTestId('github-login-error')).toHaveTextContent(
    'Could not start the GitHub login: upstream connect error'
  );
  await waitFor(() => expect(popup.closed).toBe(true));
  expect(popup.navigations).toEqual([]);
});

test('a token that never expires (no expiry in the answer) stays connected without renewals', async () => {
  jest.useFakeTimers();
  const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
  const refresh = jest.fn<Promise<never>, []>();
  const { api, callback } = setup({ refresh });
  api.githubLogin.mockResolvedValueOnce({
    cookie: '',
    token: 'forever',
    tokenExpiresAt: BigInt(0),
    refreshTokenExpiresAt: BigInt(0),
  } as Awaited<ReturnType<VcsApi['githubLogin']>>);
  await user.click(screen.getByTestId('github-connect'));
  await callback({ code: 'c' });
  expect(await screen.findByTestId('github-connected')).toBeInTheDocument();
  await act(() => jest.advanceTimersByTimeAsync(30 * 24 * 3600_000));
  expect(screen.getByTestId('github-connected')).toBeInTheDocument();
  expect(screen.queryByTestId('github-refreshing')).not.toBeInTheDocument();
  expect(refresh).not.toHaveBeenCalled();
});

test('a server without GitHub configured is named as such', async () => {
  const user = userEvent.setup();
  const { popup } = setup({ appError: new ConnectError('GitHub integration is not configured', Code.Unimplemented) });
  await user.click(screen.getByTestId('github-connect'));
  await popup.load();
  expect(await screen.findByTestId('github-login-error')).toHaveTextContent(/no GitHub App configured/);
  await waitFor(() => expect(popup.closed).toBe(true));
});

test('disconnect ends the session and offers to connect again', async () => {
  const user = userEvent.setup();
  const { callback, jar } = setup();
  await user.click(screen.getByTestId('github-connect'));
  await callback({ code: 'c' });
  await user.click(await screen.findByRole('button', { name: 'Disconnect from GitHub' }));
  expect(jar.get(SESSION_COOKIE)).toBeUndefined();
  expect(screen.getByRole('button', { name: 'Connect to linescope-demo/shop-go' })).toBeInTheDocument();
});

test('a refused session (401 or Grafana’s 400) offers to connect again; a fresh one points at keepCookies', async () => {
  const user = userEvent.setup();
  const { callback, session } = setup();
  await user.click(screen.getByTestId('github-connect'));
  await callback({ code: 'c' });
  await screen.findByTestId('github-connected');
  act(() => session.reportUnauthenticated());
  expect(screen.getByTestId('github-connect')).toBeInTheDocument();
  expect(screen.getByTestId('github-keep-cookies')).toHaveTextContent('pyroscope_git_session');
  expect(screen.getByTestId('github-keep-cookies-link')).toHaveAttribute(
    'href',
    '/connections/datasources/edit/vcs-uid'
  );

  await user.click(screen.getByTestId('github-connect'));
  await callback({ code: 'c2' });
  await screen.findByTestId('github-connected');
  act(() => session.markVerified());
  act(() => session.reportUnauthenticated());
  expect(screen.getByTestId('github-session-problem')).toHaveTextContent(/no longer accepts your GitHub session/);
  expect(screen.getByTestId('github-connect')).toBeInTheDocument();
});

test('the session expiring while the panel is open: renewing, then "expired" and Connect when the renewal is refused', async () => {
  jest.useFakeTimers();
  let refuse!: (error: unknown) => void;
  const { session } = setup({ refresh: () => new Promise<never>((_, reject) => (refuse = reject)) });
  act(() =>
    session.store({
      cookie: '',
      token: 't',
      tokenExpiresAt: BigInt(Date.now() + 10 * 60_000),
      refreshTokenExpiresAt: BigInt(Date.now() + 24 * 3600_000),
    })
  );
  expect(screen.getByTestId('github-connected')).toBeInTheDocument();
  // Five minutes before expiry the renewal starts; at expiry the panel no longer claims to be connected.
  await act(() => jest.advanceTimersByTimeAsync(10 * 60_000 + 1));
  expect(screen.queryByTestId('github-connected')).not.toBeInTheDocument();
  expect(screen.getByTestId('github-refreshing')).toHaveTextContent('Renewing the GitHub session');
  await act(async () => refuse(new ConnectError('failed to refresh token', Code.Internal)));
  expect(screen.getByTestId('github-connect')).toBeInTheDocument();
  expect(screen.getByTestId('github-session-problem')).toHaveTextContent(/expired and could not be renewed/);
});
