// The repository row's GitLab part: Connect to GitLab (popup, PKCE), connected with Disconnect, and what to do
// when the data source does not forward linescope_gitlab_session.
import React, { useCallback, useMemo } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { HostConnection, type HostConnectionProvider, usePrefetchedApp } from '../../connection/HostConnection';
import { gitlabAppQuery } from './app';
import { startGitlabLogin } from './login';
import { GITLAB_SESSION_COOKIE, useGitlabServices, useGitlabSession } from './services';

export interface GitLabConnectionProps {
  vcsDataSourceUid: string;
  /** The repository's name, for the button's text. */
  repositoryName?: string;
}

export function GitLabConnection({ vcsDataSourceUid, repositoryName }: GitLabConnectionProps) {
  const services = useGitlabServices();
  const queries = useQueryClient();
  const { session, state } = useGitlabSession(vcsDataSourceUid);
  // The same answer that told the panel this repository is on the configured GitLab: no second GitlabApp call.
  const { app, prefetch } = usePrefetchedApp(
    useCallback(() => queries.query(gitlabAppQuery(services, vcsDataSourceUid)), [queries, services, vcsDataSourceUid])
  );
  const startLogin = useCallback(
    () => startGitlabLogin(services.login(vcsDataSourceUid), session, services.loginEnvironment(), app.current),
    [services, session, vcsDataSourceUid, app]
  );
  const provider = useMemo<HostConnectionProvider>(
    () => ({
      name: 'GitLab',
      icon: 'gitlab',
      cookieName: GITLAB_SESSION_COOKIE,
      testIdPrefix: 'gitlab',
      session,
      state,
      prefetch,
      startLogin,
    }),
    [session, state, prefetch, startLogin]
  );
  return <HostConnection provider={provider} vcsDataSourceUid={vcsDataSourceUid} repositoryName={repositoryName} />;
}
