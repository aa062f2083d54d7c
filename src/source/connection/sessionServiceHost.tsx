// A Git host that signs in through linescope.v1.HostSessionService (any but GitHub and GitLab): its session, vcs.v1
// API and popup login per data source (the browser's), and its part of the repository row, built from what differs
// between such hosts (their kind, name, cookie; sessionServiceLogin.ts). A provider folder holds one spec.
import React, { createContext, useCallback, useContext, useMemo, useSyncExternalStore } from 'react';
import { queryOptions, useQueryClient } from '@tanstack/react-query';
import { createClient } from '@connectrpc/connect';
import { config } from '@grafana/runtime';
import { HostSessionService } from '../../../proto/gen/linescope/v1/host_session_pb';
import { createVcsApi, type VcsApi } from '../core/api';
import { createBlameClient } from '../core/blame';
import type { SessionState } from '../core/session';
import { createVcsClient, createVcsTransport, vcsProxyBaseUrl } from '../core/transport';
import { documentCookieJar, pageIsHttps } from './cookieJar';
import { HostConnection, type HostConnectionProvider, usePrefetchedApp } from './HostConnection';
import { HostSession } from './hostSession';
import {
  sessionStorageKey,
  startSessionServiceLogin,
  type HostLoginApi,
  type SessionServiceHostServices,
  type SessionServiceHostSpec,
} from './sessionServiceLogin';

export {
  loginStatePrefix,
  sessionStorageKey,
  type HostLoginApi,
  type SessionServiceHostServices,
  type SessionServiceHostSpec,
} from './sessionServiceLogin';

function createBrowserServices(spec: SessionServiceHostSpec): SessionServiceHostServices {
  const bus = new EventTarget();
  const storageKey = sessionStorageKey(spec);
  const entries = new Map<string, { session: HostSession; api: VcsApi; login: HostLoginApi }>();
  const entry = (uid: string) => {
    let found = entries.get(uid);
    if (!found) {
      const baseUrl = vcsProxyBaseUrl(config.appSubUrl ?? '', uid);
      const client = createClient(HostSessionService, createVcsTransport({ baseUrl }));
      const host = spec.kind;
      const session = new HostSession(uid, {
        refresh: async () => ({ cookie: '', ...(await client.hostRefresh({ host })) }),
        jar: documentCookieJar(),
        storage: window.localStorage,
        secure: pageIsHttps(),
        bus,
        cookieName: spec.cookieName,
        storageKey,
      });
      found = {
        session,
        api: createVcsApi(createVcsClient({ baseUrl }), session, createBlameClient({ baseUrl })),
        login: {
          app: () => client.hostApp({ host }),
          login: async (request) => ({ cookie: '', ...(await client.hostLogin({ host, ...request })) }),
        },
      };
      entries.set(uid, found);
    }
    return found;
  };
  window.addEventListener('storage', (event) => {
    if (event.key === storageKey || event.key === null) {
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

/** The host's services (the browser's by default, built on first use; tests put their own in its provider). */
export function createSessionServiceHost(spec: SessionServiceHostSpec) {
  let browser: SessionServiceHostServices | undefined;
  const lazy = () => (browser ??= createBrowserServices(spec));
  const Services = createContext<SessionServiceHostServices>({
    session: (uid) => lazy().session(uid),
    api: (uid) => lazy().api(uid),
    login: (uid) => lazy().login(uid),
    loginEnvironment: () => lazy().loginEnvironment(),
  });

  const useServices = () => useContext(Services);
  const useSession = (uid: string): { session: HostSession; state: SessionState } => {
    const session = useServices().session(uid);
    return { session, state: useSyncExternalStore(session.subscribe, session.getState) };
  };
  const appQuery = (services: SessionServiceHostServices, uid: string) =>
    queryOptions({
      queryKey: ['linescope.v1/HostApp', spec.kind, uid],
      queryFn: () => services.login(uid).app(),
      staleTime: Infinity,
    });

  function ServicesProvider({
    services,
    children,
  }: {
    services: SessionServiceHostServices;
    children: React.ReactNode;
  }) {
    return <Services.Provider value={services}>{children}</Services.Provider>;
  }

  /** The repository row's part for this host: Connect (popup), connected with Disconnect, the cookie to forward. */
  function Connection({ vcsDataSourceUid, repositoryName }: { vcsDataSourceUid: string; repositoryName?: string }) {
    const services = useServices();
    const queries = useQueryClient();
    const { session, state } = useSession(vcsDataSourceUid);
    const { app, prefetch } = usePrefetchedApp(
      useCallback(() => queries.query(appQuery(services, vcsDataSourceUid)), [queries, services, vcsDataSourceUid])
    );
    const startLogin = useCallback(
      () =>
        startSessionServiceLogin(
          spec,
          services.login(vcsDataSourceUid),
          session,
          services.loginEnvironment(),
          app.current
        ),
      [services, session, vcsDataSourceUid, app]
    );
    const provider = useMemo<HostConnectionProvider>(
      () => ({
        name: spec.name,
        icon: spec.icon,
        cookieName: spec.cookieName,
        testIdPrefix: spec.id,
        session,
        state,
        prefetch,
        startLogin,
      }),
      [session, state, prefetch, startLogin]
    );
    return <HostConnection provider={provider} vcsDataSourceUid={vcsDataSourceUid} repositoryName={repositoryName} />;
  }

  return { spec, useServices, useSession, appQuery, ServicesProvider, Connection };
}
