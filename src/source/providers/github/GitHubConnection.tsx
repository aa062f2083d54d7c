// The repository row's GitHub part: Connect to owner/repo (GitHub's popup), connected with Disconnect, and what
// to do when the data source does not forward pyroscope_git_session.
import React, { useCallback, useMemo } from 'react';
import { HostConnection, type HostConnectionProvider, usePrefetchedApp } from '../HostConnection';
import { SESSION_COOKIE } from './cookie';
import { startGithubLogin } from './login';
import { useGithubServices, useGithubSession } from './services';

export interface GitHubConnectionProps {
  /** The data source whose proxy carries vcs.v1 (and forwards the session cookie). */
  vcsDataSourceUid: string;
  /** The repository's name, for the button's text. */
  repositoryName?: string;
}

export { dataSourceSettingsUrl } from '../HostConnection';

export function GitHubConnection({ vcsDataSourceUid, repositoryName }: GitHubConnectionProps) {
  const services = useGithubServices();
  const { session, state } = useGithubSession(vcsDataSourceUid);
  const { app, prefetch } = usePrefetchedApp(
    useCallback(() => services.api(vcsDataSourceUid).githubApp(), [services, vcsDataSourceUid])
  );
  const startLogin = useCallback(
    () => startGithubLogin(services.api(vcsDataSourceUid), session, services.loginEnvironment(), app.current),
    [services, session, vcsDataSourceUid, app]
  );
  const provider = useMemo<HostConnectionProvider>(
    () => ({
      name: 'GitHub',
      icon: 'github',
      cookieName: SESSION_COOKIE,
      testIdPrefix: 'github',
      session,
      state,
      prefetch,
      startLogin,
    }),
    [session, state, prefetch, startLogin]
  );
  return <HostConnection provider={provider} vcsDataSourceUid={vcsDataSourceUid} repositoryName={repositoryName} />;
}
