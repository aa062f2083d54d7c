import type { VcsApi } from '../source/core/api';
import { HostSession } from '../source/connection/hostSession';
import {
  GITLAB_SESSION_COOKIE,
  GITLAB_SESSION_STORAGE_KEY,
  type GitlabServices,
} from '../source/providers/gitlab/services';
import type { GitlabLoginApi } from '../source/providers/gitlab/login';
import { create } from '@bufbuild/protobuf';
import { GitlabAppResponseSchema } from '../../proto/gen/linescope/v1/gitlab_pb';
import { memoryCookieJar, memoryStorage } from './memory';

/** What a source server configured for gitlab.com answers to GitlabApp. */
export const GITLAB_COM_APP = create(GitlabAppResponseSchema, {
  clientId: 'gl-app',
  authorizeUrl: 'https://gitlab.com/oauth/authorize',
  scope: 'read_api',
  webUrl: 'https://gitlab.com',
});

/** The GitLab services the source layer uses, over a source-server double (`api`), connected or not. */
export function gitlabServicesFor(api: VcsApi, connected: boolean, dataSourceUid: string, login?: GitlabLoginApi) {
  const jar = memoryCookieJar();
  const session = new HostSession(dataSourceUid, {
    refresh: jest.fn(),
    jar,
    storage: memoryStorage(),
    secure: false,
    cookieName: GITLAB_SESSION_COOKIE,
    storageKey: GITLAB_SESSION_STORAGE_KEY,
  });
  if (connected) {
    session.store({
      cookie: '',
      token: 't',
      tokenExpiresAt: BigInt(Date.now() + 3600_000),
      refreshTokenExpiresAt: BigInt(0),
    });
  }
  const services: GitlabServices = {
    session: () => session,
    api: () => api,
    login: () => login ?? { gitlabApp: jest.fn(async () => GITLAB_COM_APP), gitlabLogin: jest.fn() },
    loginEnvironment: jest.fn(),
  };
  return { session, services, jar };
}
