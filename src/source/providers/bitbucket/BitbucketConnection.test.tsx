import { webcrypto } from 'node:crypto';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { create } from '@bufbuild/protobuf';
import { Code, ConnectError } from '@connectrpc/connect';
import { HostAppResponseSchema } from '../../../../proto/gen/linescope/v1/host_session_pb';
import { loginPopup } from '../../../test-support/loginPopup';
import { LOGIN_REDIRECT_URI, renderSessionServiceConnection } from '../../../test-support/sessionServiceConnection';
import { CALLBACK_MESSAGE_TYPE } from '../../connection/popupLogin';
import { bitbucket, BITBUCKET_SESSION_COOKIE } from './host';

beforeAll(() => {
  Object.defineProperty(globalThis.crypto, 'subtle', { value: webcrypto.subtle, configurable: true });
});

function setup(options: { appError?: Error } = {}) {
  const login = {
    app: jest.fn(async () => {
      if (options.appError) {
        throw options.appError;
      }
      return create(HostAppResponseSchema, {
        clientId: 'bb-key',
        authorizeUrl: 'https://bitbucket.org/site/oauth2/authorize',
        webUrl: 'https://bitbucket.org',
      });
    }),
    login: jest.fn(async (_request: { authorizationCode: string; redirectUri: string; codeVerifier: string }) => ({
      cookie: '',
      token: 'encrypted-bitbucket',
      tokenExpiresAt: BigInt(Date.now() + 2 * 3600_000),
      refreshTokenExpiresAt: BigInt(Date.now() + 90 * 24 * 3600_000),
    })),
  };
  const { popup, session, jar, sessionStorage } = renderSessionServiceConnection(bitbucket, {
    login,
    repositoryName: 'linescope-demo/shop-go',
  });
  popups.push(popup);
  const callback = (message: Record<string, unknown>) =>
    popup.broadcast({ type: CALLBACK_MESSAGE_TYPE, pendingState: 'bitbucket.state-1', ...message });
  return { popup, login, jar, session, sessionStorage, callback };
}

jest.setTimeout(30000);
const popups: Array<ReturnType<typeof loginPopup>> = [];
afterEach(() => popups.splice(0).forEach((p) => p.closeChannels()));

test('Connect to Bitbucket: popup to the consumer page (state marked bitbucket., no scope, no PKCE), connected', async () => {
  const user = userEvent.setup();
  const { popup, login, jar, callback } = setup();
  await user.click(screen.getByRole('button', { name: 'Connect to linescope-demo/shop-go' }));
  expect(popup.opened[0].url).toMatch(/\/callback\?login=bitbucket\.state-1$/);
  expect(popup.opened[0].name).toBe('linescope-bitbucket-login');
  await popup.load();
  await waitFor(() => expect(popup.navigations).toHaveLength(1));
  const url = new URL(popup.navigations[0]);
  expect(url.origin + url.pathname).toBe('https://bitbucket.org/site/oauth2/authorize');
  const redirectUri = LOGIN_REDIRECT_URI;
  expect(Object.fromEntries(url.searchParams)).toEqual({
    client_id: 'bb-key',
    redirect_uri: redirectUri,
    response_type: 'code',
    state: 'bitbucket.state-1',
  });

  await callback({ code: 'bb-code' });
  expect(await screen.findByTestId('bitbucket-connected')).toHaveTextContent('Connected to Bitbucket');
  expect(login.login).toHaveBeenCalledWith({ authorizationCode: 'bb-code', redirectUri, codeVerifier: '' });
  expect(JSON.parse(atob(jar.get(BITBUCKET_SESSION_COOKIE)!))).toEqual({ token: 'encrypted-bitbucket' });
  expect(jar.get('pyroscope_git_session')).toBeUndefined();
  expect(jar.get('linescope_gitlab_session')).toBeUndefined();
});

test('a server without a Bitbucket consumer is named as such', async () => {
  const user = userEvent.setup();
  const { popup } = setup({ appError: new ConnectError('no bitbucket', Code.Unimplemented) });
  await user.click(screen.getByTestId('bitbucket-connect'));
  await popup.load();
  expect(await screen.findByTestId('bitbucket-login-error')).toHaveTextContent(
    /no Bitbucket OAuth consumer configured/
  );
  await waitFor(() => expect(popup.closed).toBe(true));
});

test('a refused fresh session names linescope_bitbucket_session for Allowed cookies; Disconnect ends it', async () => {
  const user = userEvent.setup();
  const { callback, session, jar } = setup();
  await user.click(screen.getByTestId('bitbucket-connect'));
  await callback({ code: 'c' });
  await screen.findByTestId('bitbucket-connected');
  act(() => session.reportUnauthenticated());
  expect(screen.getByTestId('bitbucket-keep-cookies')).toHaveTextContent('linescope_bitbucket_session');
  expect(screen.getByTestId('bitbucket-keep-cookies')).toHaveTextContent('Allowed cookies');

  await user.click(screen.getByTestId('bitbucket-connect'));
  await callback({ code: 'c2' });
  await user.click(await screen.findByRole('button', { name: 'Disconnect from Bitbucket' }));
  expect(jar.get(BITBUCKET_SESSION_COOKIE)).toBeUndefined();
  expect(screen.getByRole('button', { name: 'Connect to linescope-demo/shop-go' })).toBeInTheDocument();
});
