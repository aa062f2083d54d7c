// What every host's services have in common: built once per data source in the browser (following other tabs through
// the storage event), made on first use, and replaced by tests through a provider.
import React, { createContext, useContext, useSyncExternalStore } from 'react';
import { config } from '@grafana/runtime';
import type { SessionState } from '../core/session';
import type { HostSession } from './hostSession';
import type { LoginEnvironment } from './popupLogin';

/**
 * One entry (a session and what uses it) per data source, built when first asked for. When another tab connects,
 * refreshes or disconnects (its storage key changes), every session here follows it.
 */
export function perDataSource<E extends { session: HostSession }>(
  storageKey: string,
  build: (dataSourceUid: string) => E
): (dataSourceUid: string) => E {
  const entries = new Map<string, E>();
  window.addEventListener('storage', (event) => {
    if (event.key === storageKey || event.key === null) {
      entries.forEach(({ session }) => session.sync());
    }
  });
  return (uid) => {
    let found = entries.get(uid);
    if (!found) {
      found = build(uid);
      entries.set(uid, found);
    }
    return found;
  };
}

/** Where a login's popup opens from: this window, its session storage and Grafana's sub-path. */
export const browserLoginEnvironment = (): LoginEnvironment => ({
  window,
  sessionStorage: window.sessionStorage,
  appSubUrl: config.appSubUrl ?? '',
});

/**
 * A host's services in React: the provider tests use, and hooks that fall back to the browser's services, made on
 * first use (not at import).
 */
export function hostServicesContext<S extends { session(dataSourceUid: string): HostSession }>(
  createBrowserServices: () => S
) {
  let browserServices: S | undefined;
  const Context = createContext<S | undefined>(undefined);

  function Provider({ services, children }: { services: S; children: React.ReactNode }) {
    return <Context.Provider value={services}>{children}</Context.Provider>;
  }

  function useServices(): S {
    return useContext(Context) ?? (browserServices ??= createBrowserServices());
  }

  function useSession(dataSourceUid: string): { session: HostSession; state: SessionState } {
    const session = useServices().session(dataSourceUid);
    const state = useSyncExternalStore(session.subscribe, session.getState);
    return { session, state };
  }

  return { Provider, useServices, useSession };
}
