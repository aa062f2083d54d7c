import type { VcsApi } from '../source/core/api';
import type { GithubServices } from '../source/providers/github/services';
import { HostSession } from '../source/connection/hostSession';
import { GITHUB_SESSION } from '../source/providers/github/session';
import { memoryCookieJar, memoryStorage } from './memory';

/** The GitHub services the source layer uses, over a source-server double (`api`), connected or not. */
export function githubServicesFor(api: VcsApi, connected: boolean, dataSourceUid: string) {
  const session = new HostSession(dataSourceUid, {
    refresh: jest.fn(),
    jar: memoryCookieJar(),
    storage: memoryStorage(),
    secure: false,
    ...GITHUB_SESSION,
  });
  if (connected) {
    session.store({
      cookie: '',
      token: 't',
      tokenExpiresAt: BigInt(Date.now() + 3600_000),
      refreshTokenExpiresAt: BigInt(0),
    });
  }
  const services: GithubServices = { session: () => session, api: () => api, loginEnvironment: jest.fn() };
  return { session, services };
}
