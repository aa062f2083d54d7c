// Where components get GitLab's session, vcs.v1 API and login from, as GitHub's: the browser's are built once per
// data source; tests put their own in a provider.
import { config } from '@grafana/runtime';
import { createVcsApi, type VcsApi } from '../../core/api';
import { createVcsClient, vcsProxyBaseUrl } from '../../core/transport';
import { createBlameClient } from '../../core/blame';
import { documentCookieJar, pageIsHttps } from '../../connection/cookieJar';
import { HostSession } from '../../connection/hostSession';
import { browserLoginEnvironment, hostServicesContext, perDataSource } from '../../connection/hostServices';
import type { LoginEnvironment } from '../../connection/popupLogin';
import { createGitLabClient } from './client';
import type { GitLabLoginApi } from './login';

/** The cookie the data source must forward (keepCookies), beside GitHub's pyroscope_git_session. */
export const GITLAB_SESSION_COOKIE = 'linescope_gitlab_session';
export const GITLAB_SESSION_STORAGE_KEY = 'linescope.gitlab.session';

export interface GitLabServices {
  session(dataSourceUid: string): HostSession;
  /** vcs.v1 for GitLab repositories, kept in step with the GitLab session. */
  api(dataSourceUid: string): VcsApi;
  login(dataSourceUid: string): GitLabLoginApi;
  loginEnvironment(): LoginEnvironment;
}

function createBrowserServices(): GitLabServices {
  const bus = new EventTarget();
  const entry = perDataSource(GITLAB_SESSION_STORAGE_KEY, (uid) => {
    const baseUrl = vcsProxyBaseUrl(config.appSubUrl ?? '', uid);
    const gitlab = createGitLabClient({ baseUrl });
    const session = new HostSession(uid, {
      refresh: async () => ({ cookie: '', ...(await gitlab.gitlabRefresh({})) }),
      jar: documentCookieJar(),
      storage: window.localStorage,
      secure: pageIsHttps(),
      bus,
      cookieName: GITLAB_SESSION_COOKIE,
      storageKey: GITLAB_SESSION_STORAGE_KEY,
    });
    const login: GitLabLoginApi = {
      gitlabApp: () => gitlab.gitlabApp({}),
      gitlabLogin: (request) => gitlab.gitlabLogin(request),
    };
    return { session, api: createVcsApi(createVcsClient({ baseUrl }), session, createBlameClient({ baseUrl })), login };
  });
  return {
    session: (uid) => entry(uid).session,
    api: (uid) => entry(uid).api,
    login: (uid) => entry(uid).login,
    loginEnvironment: browserLoginEnvironment,
  };
}

const gitLab = hostServicesContext(createBrowserServices);
export const GitLabServicesProvider = gitLab.Provider;
export const useGitLabServices = gitLab.useServices;
export const useGitLabSession = gitLab.useSession;
