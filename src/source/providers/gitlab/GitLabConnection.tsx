// The repository row's GitLab part: Connect to GitLab (popup, PKCE), connected with Disconnect, and what to do
// when the data source does not forward linescope_gitlab_session.
import React, { useCallback, useMemo } from 'react';
import { HostConnection, type HostConnectionProvider, usePrefetchedApp } from '../HostConnection';
import { startGitlabLogin } from './login';
import { GITLAB_SESSION_COOKIE, useGitlabServices, useGitlabSession } from './services';

export interface GitLabConnectionProps {
  vcsDataSourceUid: string;
  repository?: string;
}

export function GitLabConnection({ vcsDataSourceUid, repository }: GitLabConnectionProps) {
  const services = useGitlabServices();
  const { session, state } = useGitlabSession(vcsDataSourceUid);
  const { app, prefetch } = usePrefetchedApp(
    useCallback(() => services.login(vcsDataSourceUid).gitlabApp(), [services, vcsDataSourceUid])
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
  return <HostConnection provider={provider} vcsDataSourceUid={vcsDataSourceUid} repository={repository} />;
}
