import { createHash, webcrypto } from 'node:crypto';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { create } from '@bufbuild/protobuf';
import { Code, ConnectError } from '@connectrpc/connect';
import { HostAppResponseSchema } from '../../../../proto/gen/linescope/v1/host_session_pb';
import { loginPopup } from '../../../test-support/loginPopup';
import {
  LOGIN_REDIRECT_URI as REDIRECT_URI,
  renderSessionServiceConnection,
} from '../../../test-support/sessionServiceConnection';
import type { TokenResponse } from '../../connection/hostSession';
import { azureDevops, AZURE_DEVOPS_SESSION_COOKIE } from './host';

const ENTRA_AUTHORIZE = 'https://login.microsoftonline.com/tenant-1/oauth2/v2.0/authorize';
const VSO_CODE = '499b84ac-1321-427f-aa17-267ca6975798/vso.code offline_access';

beforeAll(() => {
  Object.defineProperty(globalThis.crypto, 'subtle', { value: webcrypto.subtle, configurable: true });
});

const tokens = (token: string, expiresInMs: number): TokenResponse => ({
  cookie: '',
  token,
  tokenExpiresAt: BigInt(Date.now() + expiresInMs),
  refreshTokenExpiresAt: BigInt(Date.now() + 90 * 24 * 3600_000),
});

/** What the source server's HostApp says for Azure DevOps: Entra's authorize page on its sign-in base, PKCE. */
const entraApp = (authorizeUrl = ENTRA_AUTHORIZE) =>
  create(HostAppResponseSchema, {
    clientId: 'entra-app-id',
    authorizeUrl,
    loginUrl: 'https://login.microsoftonline.com',
    webUrl: 'https://dev.azure.com',
    scope: VSO_CODE,
    pkce: true,
  });

function setup(options: { appError?: Error; authorizeUrl?: string; tokenLifetimeMs?: number } = {}) {
  const login = {
    app: jest.fn(async () => {
      if (options.appError) {
        throw options.appError;
      }
      return entraApp(options.authorizeUrl);
    }),
    login: jest.fn(async (_request: { authorizationCode: string; redirectUri: string; codeVerifier: string }) =>
      tokens('sealed-azure-devops', options.tokenLifetimeMs ?? 3600_000)
    ),
  };
  const refresh = jest.fn(async () => tokens('sealed-azure-devops-refreshed', 3600_000));
  const { popup, session, jar } = renderSessionServiceConnection(azureDevops, {
    login,
    refresh,
    repositoryName: 'linescope-demo/shop/shop-go',
  });
  popups.push(popup);
  /** The user clicks Connect; the popup reaches Entra's page. */
  const openEntra = async () => {
    await userEvent.setup().click(screen.getByTestId('azure-devops-connect'));
    await popup.load();
    await waitFor(() => expect(popup.navigations).toHaveLength(1));
    return new URL(popup.navigations[0]);
  };
  /** Entra sends the popup back to the callback page. */
  const returnFromEntra = (params: Record<string, string>) =>
    popup.returnFromHost({ state: 'azure-devops.state-1', ...params });
  return { popup, login, refresh, jar, session, openEntra, returnFromEntra };
}

jest.setTimeout(30000);
const popups: Array<ReturnType<typeof loginPopup>> = [];
afterEach(() => popups.splice(0).forEach((p) => p.closeChannels()));

test("Connect to Azure DevOps: the popup goes to Entra's page with vso.code and a PKCE challenge, the verifier comes back", async () => {
  const { popup, login, jar, openEntra, returnFromEntra } = setup();
  expect(screen.getByRole('button', { name: 'Connect to linescope-demo/shop/shop-go' })).toBeInTheDocument();
  const url = await openEntra();
  expect(popup.opened[0].url).toMatch(/\/callback\?login=azure-devops\.state-1$/);
  expect(popup.opened[0].name).toBe('linescope-azure-devops-login');
  expect(url.origin + url.pathname).toBe(ENTRA_AUTHORIZE);
  const { code_challenge: challenge, ...rest } = Object.fromEntries(url.searchParams);
  expect(rest).toEqual({
    client_id: 'entra-app-id',
    redirect_uri: REDIRECT_URI,
    response_type: 'code',
    state: 'azure-devops.state-1',
    scope: VSO_CODE,
    code_challenge_method: 'S256',
  });

  await returnFromEntra({ code: 'entra-code' });
  expect(await screen.findByTestId('azure-devops-connected')).toHaveTextContent('Connected to Azure DevOps');
  const { codeVerifier } = login.login.mock.calls[0][0];
  expect(login.login).toHaveBeenCalledWith({
    authorizationCode: 'entra-code',
    redirectUri: REDIRECT_URI,
    codeVerifier,
  });
  // The verifier is the one the challenge was made from (S256), so Entra can check it.
  expect(createHash('sha256').update(codeVerifier).digest('base64url')).toBe(challenge);
  expect(JSON.parse(atob(jar.get(AZURE_DEVOPS_SESSION_COOKIE)!))).toEqual({ token: 'sealed-azure-devops' });
  for (const other of ['pyroscope_git_session', 'linescope_gitlab_session', 'linescope_bitbucket_session']) {
    expect(jar.get(other)).toBeUndefined();
  }
  await waitFor(() => expect(popup.closed).toBe(true));
});

test("Entra's refusal (the user declined consent) is said in the row, and no session is kept", async () => {
  const { login, jar, openEntra, returnFromEntra } = setup();
  await openEntra();
  await returnFromEntra({
    error: 'access_denied',
    error_description: 'AADSTS65004: User declined to consent to access the app.',
  });
  expect(await screen.findByTestId('azure-devops-login-error')).toHaveTextContent(/User declined to consent/);
  expect(login.login).not.toHaveBeenCalled();
  expect(jar.get(AZURE_DEVOPS_SESSION_COOKIE)).toBeUndefined();
  expect(screen.getByTestId('azure-devops-connect')).toBeInTheDocument();
});

test('a server without an Entra app for Azure DevOps is named as such', async () => {
  const user = userEvent.setup();
  const { popup } = setup({ appError: new ConnectError('no azure devops', Code.Unimplemented) });
  await user.click(screen.getByTestId('azure-devops-connect'));
  await popup.load();
  expect(await screen.findByTestId('azure-devops-login-error')).toHaveTextContent(
    /no Microsoft Entra ID app configured for Azure DevOps \(AZURE_DEVOPS_TENANT_ID/
  );
  await waitFor(() => expect(popup.closed).toBe(true));
});

test.each([
  ['another host', 'https://login.microsoftonline.com.evil.example/t/oauth2/v2.0/authorize'],
  ['Azure DevOps itself rather than the sign-in service', 'https://dev.azure.com/t/oauth2/v2.0/authorize'],
  ['http', 'http://login.microsoftonline.com/t/oauth2/v2.0/authorize'],
])('an authorize page on %s is not opened', async (_what, authorizeUrl) => {
  const user = userEvent.setup();
  const { popup } = setup({ authorizeUrl });
  await user.click(screen.getByTestId('azure-devops-connect'));
  await popup.load();
  expect(await screen.findByTestId('azure-devops-login-error')).toHaveTextContent(
    /not on its Azure DevOps sign-in URL/
  );
  expect(popup.navigations).toEqual([]);
  await waitFor(() => expect(popup.closed).toBe(true));
});

test('a token close to expiry is refreshed into the same cookie, and the row stays connected', async () => {
  // Entra's access tokens live about an hour; this one is inside the refresh margin already.
  const { refresh, jar, session, openEntra, returnFromEntra } = setup({ tokenLifetimeMs: 60_000 });
  await openEntra();
  await returnFromEntra({ code: 'entra-code' });
  await screen.findByTestId('azure-devops-connected');
  await act(() => session.ensureFresh());
  expect(refresh).toHaveBeenCalledTimes(1);
  expect(JSON.parse(atob(jar.get(AZURE_DEVOPS_SESSION_COOKIE)!))).toEqual({ token: 'sealed-azure-devops-refreshed' });
  expect(screen.getByTestId('azure-devops-connected')).toHaveTextContent('Connected to Azure DevOps');
});

test('a refused fresh session names linescope_azure_devops_session for Allowed cookies; Disconnect ends it', async () => {
  const user = userEvent.setup();
  const { jar, session, openEntra, returnFromEntra } = setup();
  await openEntra();
  await returnFromEntra({ code: 'c' });
  await screen.findByTestId('azure-devops-connected');
  act(() => session.reportUnauthenticated());
  expect(screen.getByTestId('azure-devops-keep-cookies')).toHaveTextContent('linescope_azure_devops_session');
  expect(screen.getByTestId('azure-devops-keep-cookies')).toHaveTextContent('Allowed cookies');

  await user.click(screen.getByTestId('azure-devops-connect'));
  await returnFromEntra({ code: 'c2' });
  await user.click(await screen.findByRole('button', { name: 'Disconnect from Azure DevOps' }));
  expect(jar.get(AZURE_DEVOPS_SESSION_COOKIE)).toBeUndefined();
  expect(screen.getByRole('button', { name: 'Connect to linescope-demo/shop/shop-go' })).toBeInTheDocument();
});
