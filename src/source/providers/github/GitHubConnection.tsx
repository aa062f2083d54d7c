// The repository row's GitHub part: Connect to owner/repo (GitHub's popup), connected with Disconnect, and what
// to do when the data source does not forward pyroscope_git_session.
import React, { useCallback, useMemo, useRef } from 'react';
import type { GithubAppResponse } from '../../../../proto/gen/vcs/v1/vcs_pb';
import { HostConnection, type HostConnectionProvider } from '../HostConnection';
import { SESSION_COOKIE } from './cookie';
import { startGithubLogin } from './login';
import { useGithubServices, useGithubSession } from './services';

export interface GitHubConnectionProps {
  /** The data source whose proxy carries vcs.v1 (and forwards the session cookie). */
  vcsDataSourceUid: string;
  /** Repository URL, used for the button's text. */
  repository?: string;
}

export { dataSourceSettingsUrl } from '../HostConnection';

export function GitHubConnection({ vcsDataSourceUid, repository }: GitHubConnectionProps) {
  const services = useGithubServices();
  const { session, state } = useGithubSession(vcsDataSourceUid);
  const app = useRef<Promise<GithubAppResponse>>();
  // Ask for the client id early, so the popup can go to GitHub at once when the user clicks.
  const prefetch = useCallback(() => {
    if (!app.current) {
      const request = services.api(vcsDataSourceUid).githubApp();
      request.catch(() => {
        // Reported when the user clicks Connect (the request is made again then).
        app.current = undefined;
      });
      app.current = request;
    }
  }, [services, vcsDataSourceUid]);
  const startLogin = useCallback(
    () => startGithubLogin(services.api(vcsDataSourceUid), session, services.loginEnvironment(), app.current),
    [services, session, vcsDataSourceUid]
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
  return <HostConnection provider={provider} vcsDataSourceUid={vcsDataSourceUid} repository={repository} />;
}
