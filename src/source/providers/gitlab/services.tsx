// The GitLab session, its vcs.v1 API and its login, per data source, as the GitHub ones are: the browser default
// builds them once per data source; tests put their own in a provider.
import React, { createContext, useContext, useSyncExternalStore } from 'react';
import { config } from '@grafana/runtime';
import { createVcsApi, type VcsApi } from '../../core/api';
import type { SessionState } from '../../core/session';
import { createVcsClient, vcsProxyBaseUrl } from '../../core/transport';
import { createBlameClient } from '../../core/blame';
import { documentCookieJar, pageIsHttps } from '../../connection/cookieJar';
import { HostSession } from '../../connection/hostSession';
import type { LoginEnvironment } from '../../connection/popupLogin';
import { createGitlabClient } from './client';
import type { GitlabLoginApi } from './login';

/** The cookie the data source must forward (keepCookies), beside GitHub's pyroscope_git_session. */
export const GITLAB_SESSION_COOKIE = 'linescope_gitlab_session';
export const GITLAB_SESSION_STORAGE_KEY = 'linescope.gitlab.session';

export interface GitlabServices {
  session(dataSourceUid: string): HostSession;
  /** vcs.v1 for GitLab repositories, kept in step with the GitLab session. */
  api(dataSourceUid: string): VcsApi;
  login(dataSourceUid: string): GitlabLoginApi;
  loginEnvironment(): LoginEnvironment;
}

function createBrowserServices(): GitlabServices {
  const bus = new EventTarget();
  const entries = new Map<string, { session: HostSession; api: VcsApi; login: GitlabLoginApi }>();
  const entry = (uid: string) => {
    let found = entries.get(uid);
    if (!found) {
      const baseUrl = vcsProxyBaseUrl(config.appSubUrl ?? '', uid);
      const gitlab = createGitlabClient({ baseUrl });
      const session = new HostSession(uid, {
        refresh: async () => ({ cookie: '', ...(await gitlab.gitlabRefresh({})) }),
        jar: documentCookieJar(),
        storage: window.localStorage,
        secure: pageIsHttps(),
        bus,
        cookieName: GITLAB_SESSION_COOKIE,
        storageKey: GITLAB_SESSION_STORAGE_KEY,
      });
      found = {
        session,
        api: createVcsApi(createVcsClient({ baseUrl }), session, createBlameClient({ baseUrl })),
        login: { gitlabApp: () => gitlab.gitlabApp({}), gitlabLogin: (request) => gitlab.gitlabLogin(request) },
      };
      entries.set(uid, found);
    }
    return found;
  };
  window.addEventListener('storage', (event) => {
    if (event.key === GITLAB_SESSION_STORAGE_KEY || event.key === null) {
      entries.forEach(({ session }) => session.sync());
    }
  });
  return {
    session: (uid) => entry(uid).session,
    api: (uid) => entry(uid).api,
    login: (uid) => entry(uid).login,
    loginEnvironment: () => ({ window, sessionStorage: window.sessionStorage, appSubUrl: config.appSubUrl ?? '' }),
  };
}

let browserServices: GitlabServices | undefined;
const lazy = (): GitlabServices => (browserServices ??= createBrowserServices());
const lazyBrowserServices: GitlabServices = {
  session: (uid) => lazy().session(uid),
  api: (uid) => lazy().api(uid),
  login: (uid) => lazy().login(uid),
  loginEnvironment: () => lazy().loginEnvironment(),
};

const GitlabServicesContext = createContext<GitlabServices>(lazyBrowserServices);

export function GitlabServicesProvider({
  services,
  children,
}: {
  services: GitlabServices;
  children: React.ReactNode;
}) {
  return <GitlabServicesContext.Provider value={services}>{children}</GitlabServicesContext.Provider>;
}

export function useGitlabServices(): GitlabServices {
  return useContext(GitlabServicesContext);
}

export function useGitlabSession(dataSourceUid: string): { session: HostSession; state: SessionState } {
  const session = useGitlabServices().session(dataSourceUid);
  const state = useSyncExternalStore(session.subscribe, session.getState);
  return { session, state };
}
