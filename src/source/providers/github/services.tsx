// Where components get their session, vcs.v1 API and login environment from. The browser default builds them
// once per data source; tests put their own in a provider.
import React, { createContext, useContext, useSyncExternalStore } from 'react';
import { config, getBackendSrv } from '@grafana/runtime';
import { createVcsApi, type VcsApi } from '../../core/api';
import { backendSrvRotation } from '../../core/grafanaSession';
import { createVcsClient, vcsProxyBaseUrl } from '../../core/transport';
import { createBlameClient } from '../../core/blame';
import type { SessionState } from '../../core/session';
import { documentCookieJar, pageIsHttps } from '../../connection/cookieJar';
import { HostSession } from '../../connection/hostSession';
import type { LoginEnvironment } from '../../connection/popupLogin';
import { GITHUB_SESSION, SESSION_STORAGE_KEY } from './session';

export interface GithubServices {
  session(dataSourceUid: string): HostSession;
  api(dataSourceUid: string): VcsApi;
  loginEnvironment(): LoginEnvironment;
}

function createBrowserServices(): GithubServices {
  const bus = new EventTarget();
  const entries = new Map<string, { session: HostSession; api: VcsApi }>();
  const rotateGrafanaSession = backendSrvRotation(getBackendSrv);
  const entry = (uid: string) => {
    let found = entries.get(uid);
    if (!found) {
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
      found = { session, api: createVcsApi(client, session, createBlameClient(transport)) };
      entries.set(uid, found);
    }
    return found;
  };
  // Another tab connected, refreshed or disconnected: follow it.
  window.addEventListener('storage', (event) => {
    if (event.key === SESSION_STORAGE_KEY || event.key === null) {
      entries.forEach(({ session }) => session.sync());
    }
  });
  return {
    session: (uid) => entry(uid).session,
    api: (uid) => entry(uid).api,
    loginEnvironment: () => ({ window, sessionStorage: window.sessionStorage, appSubUrl: config.appSubUrl ?? '' }),
  };
}

let browserServices: GithubServices | undefined;
const lazyBrowserServices: GithubServices = {
  session: (uid) => (browserServices ??= createBrowserServices()).session(uid),
  api: (uid) => (browserServices ??= createBrowserServices()).api(uid),
  loginEnvironment: () => (browserServices ??= createBrowserServices()).loginEnvironment(),
};

const GithubServicesContext = createContext<GithubServices>(lazyBrowserServices);

export function GithubServicesProvider({
  services,
  children,
}: {
  services: GithubServices;
  children: React.ReactNode;
}) {
  return <GithubServicesContext.Provider value={services}>{children}</GithubServicesContext.Provider>;
}

export function useGithubServices(): GithubServices {
  return useContext(GithubServicesContext);
}

export function useGithubSession(dataSourceUid: string): { session: HostSession; state: SessionState } {
  const session = useGithubServices().session(dataSourceUid);
  const state = useSyncExternalStore(session.subscribe, session.getState);
  return { session, state };
}
