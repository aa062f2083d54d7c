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
  const entries = new Map<string, { session: HostSession; api: VcsApi; login: GitLabLoginApi }>();
  const entry = (uid: string) => {
    let found = entries.get(uid);
    if (!found) {
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

let browserServices: GitLabServices | undefined;
const lazy = (): GitLabServices => (browserServices ??= createBrowserServices());
const lazyBrowserServices: GitLabServices = {
  session: (uid) => lazy().session(uid),
  api: (uid) => lazy().api(uid),
  login: (uid) => lazy().login(uid),
  loginEnvironment: () => lazy().loginEnvironment(),
};

const GitLabServicesContext = createContext<GitLabServices>(lazyBrowserServices);

export function GitLabServicesProvider({
  services,
  children,
}: {
  services: GitLabServices;
  children: React.ReactNode;
}) {
  return <GitLabServicesContext.Provider value={services}>{children}</GitLabServicesContext.Provider>;
}

export function useGitLabServices(): GitLabServices {
  return useContext(GitLabServicesContext);
}

export function useGitLabSession(dataSourceUid: string): { session: HostSession; state: SessionState } {
  const session = useGitLabServices().session(dataSourceUid);
  const state = useSyncExternalStore(session.subscribe, session.getState);
  return { session, state };
}
