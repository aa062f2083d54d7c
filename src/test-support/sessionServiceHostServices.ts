import { Code, ConnectError } from '@connectrpc/connect';
import type { VcsApi } from '../source/core/api';
import { HostSession, type TokenResponse } from '../source/connection/hostSession';
import {
  sessionStorageKey,
  type HostLoginApi,
  type SessionServiceHostServices,
  type SessionServiceHostSpec,
} from '../source/connection/sessionServiceHost';
import { memoryCookieJar, memoryStorage } from './memory';

/** A HostSessionService host's services over a source-server double (`api`), connected or not. */
export function sessionServiceServicesFor(
  spec: SessionServiceHostSpec,
  api: VcsApi,
  connected: boolean,
  dataSourceUid: string,
  login?: HostLoginApi,
  refresh: () => Promise<TokenResponse> = jest.fn()
) {
  const jar = memoryCookieJar();
  const session = new HostSession(dataSourceUid, {
    refresh,
    jar,
    storage: memoryStorage(),
    secure: false,
    cookieName: spec.cookieName,
    storageKey: sessionStorageKey(spec),
  });
  if (connected) {
    session.store({
      cookie: '',
      token: 't',
      tokenExpiresAt: BigInt(Date.now() + 3600_000),
      refreshTokenExpiresAt: BigInt(0),
    });
  }
  const services: SessionServiceHostServices = {
    session: () => session,
    api: () => api,
    // Without login RPCs: a server that does not serve this host.
    login: () =>
      login ?? {
        app: jest.fn(async () => {
          throw new ConnectError(`no ${spec.name}`, Code.Unimplemented);
        }),
        login: jest.fn(),
      },
    loginEnvironment: jest.fn(),
  };
  return { session, services, jar };
}
