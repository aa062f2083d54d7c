// Where components get GitHub's session, vcs.v1 API and login environment from. The browser's are built once per
// data source; tests put their own in a provider.
import { config, getBackendSrv } from '@grafana/runtime';
import { createVcsApi, type VcsApi } from '../../core/api';
import { backendSrvRotation } from '../../core/grafanaSession';
import { createVcsClient, vcsProxyBaseUrl } from '../../core/transport';
import { createBlameClient } from '../../core/blame';
import { documentCookieJar, pageIsHttps } from '../../connection/cookieJar';
import { HostSession } from '../../connection/hostSession';
import { browserLoginEnvironment, hostServicesContext, perDataSource } from '../../connection/hostServices';
import type { LoginEnvironment } from '../../connection/popupLogin';
import { GITHUB_SESSION, SESSION_STORAGE_KEY } from './session';

export interface GitHubServices {
  session(dataSourceUid: string): HostSession;
  api(dataSourceUid: string): VcsApi;
  loginEnvironment(): LoginEnvironment;
}

function createBrowserServices(): GitHubServices {
  const bus = new EventTarget();
  const rotateGrafanaSession = backendSrvRotation(getBackendSrv);
  const entry = perDataSource(SESSION_STORAGE_KEY, (uid) => {
    const transport = { baseUrl: vcsProxyBaseUrl(config.appSubUrl ?? '', uid), rotateGrafanaSession };
    const client = createVcsClient(transport);
    const session = new HostSession(uid, {
      refresh: () => client.githubRefresh({}),
      jar: documentCookieJar(),
      storage: window.localStorage,
      secure: pageIsHttps(),
      bus,
      ...GITHUB_SESSION,
    });
    return { session, api: createVcsApi(client, session, createBlameClient(transport)) };
  });
  return {
    session: (uid) => entry(uid).session,
    api: (uid) => entry(uid).api,
    loginEnvironment: browserLoginEnvironment,
  };
}

const gitHub = hostServicesContext(createBrowserServices);
export const GitHubServicesProvider = gitHub.Provider;
export const useGitHubServices = gitHub.useServices;
export const useGitHubSession = gitHub.useSession;
