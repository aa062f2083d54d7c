// The repository row's GitHub part: Connect to owner/repo (GitHub's popup), connected with Disconnect, and what
// to do when the data source does not forward pyroscope_git_session.
import React, { useCallback, useMemo } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { HostConnection, type HostConnectionProvider, usePrefetchedApp } from '../../connection/HostConnection';
import { githubAppQuery } from './app';
import { SESSION_COOKIE } from './session';
import { startGithubLogin } from './login';
import { useGithubServices, useGithubSession } from './services';

export interface GitHubConnectionProps {
  /** The data source whose proxy carries vcs.v1 (and forwards the session cookie). */
  vcsDataSourceUid: string;
  /** The repository's name, for the button's text. */
  repositoryName?: string;
}

export function GitHubConnection({ vcsDataSourceUid, repositoryName }: GitHubConnectionProps) {
  const services = useGithubServices();
  const queries = useQueryClient();
  const { session, state } = useGithubSession(vcsDataSourceUid);
  // The same answer that told the panel which GitHub the server is configured with: no second GithubApp call.
  const { app, prefetch } = usePrefetchedApp(
    useCallback(() => queries.query(githubAppQuery(services, vcsDataSourceUid)), [queries, services, vcsDataSourceUid])
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
