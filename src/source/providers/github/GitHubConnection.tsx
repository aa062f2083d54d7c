// The repository row's GitHub part: "Connect to owner/repo", "connected" with Disconnect, and a clear message
// for every way the login or the session can fail.
import React, { useCallback, useEffect, useRef, useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { config } from '@grafana/runtime';
import { Alert, Button, Icon, IconButton, LinkButton, Spinner, Tooltip, useStyles2 } from '@grafana/ui';
import type { GithubAppResponse } from '../../../../proto/gen/vcs/v1/vcs_pb';
import { repositoryLabel } from '../../../domain/repository';
import { LoginError, startGithubLogin, type LoginAttempt } from './login';
import { useGithubServices, useGithubSession } from './services';
import type { SessionProblem } from '../../core/session';

export interface GitHubConnectionProps {
  /** The data source whose proxy carries vcs.v1 (and forwards the session cookie). */
  vcsDataSourceUid: string;
  /** Repository URL, used for the button's text. */
  repository?: string;
}

export const dataSourceSettingsUrl = (uid: string) =>
  `${config.appSubUrl ?? ''}/connections/datasources/edit/${encodeURIComponent(uid)}`;

const problemText: Record<Exclude<SessionProblem['kind'], 'cookie-not-forwarded'>, string> = {
  expired: 'Your GitHub session expired and could not be renewed. Connect again to see the source.',
  rejected: 'The source server no longer accepts your GitHub session. Connect again to see the source.',
};

export function GitHubConnection({ vcsDataSourceUid, repository }: GitHubConnectionProps) {
  const styles = useStyles2(getStyles);
  const services = useGithubServices();
  const { session, state } = useGithubSession(vcsDataSourceUid);
  const [connecting, setConnecting] = useState(false);
  const [loginError, setLoginError] = useState<LoginError>();
  const attempt = useRef<LoginAttempt>();
  const app = useRef<Promise<GithubAppResponse>>();

  // Ask for the client id early, so the popup can go to GitHub at once when the user clicks.
  useEffect(() => {
    if (!state.connected && !app.current) {
      const request = services.api(vcsDataSourceUid).githubApp();
      request.catch(() => {
        // Reported when the user clicks Connect (the request is made again then).
        app.current = undefined;
      });
      app.current = request;
    }
  }, [services, vcsDataSourceUid, state.connected]);

  useEffect(() => () => attempt.current?.cancel(), []);

  const connect = useCallback(() => {
    attempt.current?.cancel();
    setLoginError(undefined);
    setConnecting(true);
    const current = startGithubLogin(services.api(vcsDataSourceUid), session, services.loginEnvironment(), app.current);
    attempt.current = current;
    current.done.then(
      () => setConnecting(false),
      (error: unknown) => {
        if (attempt.current === current) {
          setConnecting(false);
          setLoginError(error instanceof LoginError ? error : new LoginError('login-failed', String(error)));
        }
      }
    );
  }, [services, session, vcsDataSourceUid]);

  const label = repository ? repositoryLabel(repository) : 'GitHub';

  if (state.connected) {
    return (
      <span className={styles.row} data-testid="github-connection">
        {state.refreshing ? (
          <Spinner inline aria-label="Refreshing the GitHub session" />
        ) : (
          <Icon name="github" aria-hidden />
        )}
        <span data-testid="github-connected">Connected to GitHub</span>
        <IconButton
          name="signout"
          aria-label="Disconnect from GitHub"
          tooltip="Disconnect from GitHub"
          data-testid="github-disconnect"
          onClick={() => session.disconnect()}
        />
      </span>
    );
  }

  const problem = state.problem;
  return (
    <div className={styles.column} data-testid="github-connection">
      {state.refreshing ? (
        <span className={styles.row} data-testid="github-refreshing">
          <Spinner inline /> Renewing the GitHub session…
        </span>
      ) : connecting ? (
        <span className={styles.row} data-testid="github-connecting">
          <Spinner inline /> Connecting to GitHub… finish in the GitHub window.
          <Button
            size="sm"
            variant="secondary"
            fill="text"
            onClick={() => {
              attempt.current?.cancel();
              setConnecting(false);
            }}
          >
            Cancel
          </Button>
        </span>
      ) : (
        <Tooltip content="Opens GitHub in a small window. The session stays in this browser until you disconnect.">
          <Button icon="github" size="sm" onClick={connect} data-testid="github-connect">
            Connect to {label}
          </Button>
        </Tooltip>
      )}
      {loginError && !connecting && (
        <Alert
          severity="error"
          title={loginErrorTitle[loginError.kind]}
          data-testid="github-login-error"
          onRemove={() => setLoginError(undefined)}
        >
          {loginError.message}
        </Alert>
      )}
      {problem && problem.kind !== 'cookie-not-forwarded' && !loginError && (
        <Alert severity="warning" title="GitHub session ended" data-testid="github-session-problem">
          {problemText[problem.kind]}
        </Alert>
      )}
      {problem?.kind === 'cookie-not-forwarded' && (
        <Alert
          severity="error"
          title="The data source does not forward the GitHub session"
          data-testid="github-keep-cookies"
        >
          <p>
            The login worked, but the source server did not receive the session cookie. In the data source&apos;s
            settings, add <code>pyroscope_git_session</code> to <strong>Allowed cookies</strong> (keepCookies), save,
            then connect again.
          </p>
          <LinkButton
            size="sm"
            variant="secondary"
            icon="cog"
            href={dataSourceSettingsUrl(vcsDataSourceUid)}
            data-testid="github-keep-cookies-link"
          >
            Open data source settings
          </LinkButton>
        </Alert>
      )}
    </div>
  );
}

const loginErrorTitle: Record<LoginError['kind'], string> = {
  'popup-blocked': 'Pop-up blocked',
  'popup-closed': 'GitHub window closed',
  'state-mismatch': 'Login could not be verified',
  'github-error': 'GitHub refused the connection',
  'not-configured': 'GitHub is not configured on the source server',
  'login-failed': 'GitHub login failed',
};

const getStyles = (theme: GrafanaTheme2) => ({
  row: css({ display: 'inline-flex', alignItems: 'center', gap: theme.spacing(1) }),
  column: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1), alignItems: 'flex-start' }),
});
