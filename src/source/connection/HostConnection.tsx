// The repository row's session part for a Git host (GitHub, GitLab): "Connect to owner/repo", "connected" with
// Disconnect, and a clear message for every way the login or the session can fail.
import React, { useCallback, useEffect, useRef, useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { config } from '@grafana/runtime';
import { Alert, Button, Icon, IconButton, LinkButton, Spinner, Tooltip, useStyles2 } from '@grafana/ui';
import type { SessionProblem, SessionState, SourceSession } from '../core/session';
import { LoginError, type LoginAttempt } from './popupLogin';

/** One host's part of the row: its name, icon, cookie, test ids, and how a login starts. */
export interface HostConnectionProvider {
  name: string;
  icon: 'github' | 'gitlab';
  /** The session cookie the data source must forward. */
  cookieName: string;
  /** Prefix of the test ids: `github` gives github-connect, github-connected, … */
  testIdPrefix: string;
  session: SourceSession;
  state: SessionState;
  /** Asks the server for what the popup needs, early (so the click can open the host at once). */
  prefetch(): void;
  /** Called from the click itself. */
  startLogin(): LoginAttempt;
}

export interface HostConnectionProps {
  provider: HostConnectionProvider;
  /** The data source whose proxy carries vcs.v1 (and forwards the session cookie). */
  vcsDataSourceUid: string;
  /** The repository's name (`owner/repo`, `group/sub/project`), for the button's text. */
  repositoryName?: string;
}

/**
 * The host's app info (client id, authorize URL), asked for early so the popup can go to the host at once when the
 * user clicks. A failed request is forgotten: it is made again, and reported, when the user clicks Connect.
 */
export function usePrefetchedApp<T>(request: () => Promise<T>) {
  const app = useRef<Promise<T> | undefined>(undefined);
  const prefetch = useCallback(() => {
    if (!app.current) {
      const pending = request();
      pending.catch(() => {
        app.current = undefined;
      });
      app.current = pending;
    }
  }, [request]);
  return { app, prefetch };
}

export const dataSourceSettingsUrl = (uid: string) =>
  `${config.appSubUrl ?? ''}/connections/datasources/edit/${encodeURIComponent(uid)}`;

const problemText = (name: string): Record<Exclude<SessionProblem['kind'], 'cookie-not-forwarded'>, string> => ({
  expired: `Your ${name} session expired and could not be renewed. Connect again to see the source.`,
  rejected: `The source server no longer accepts your ${name} session. Connect again to see the source.`,
});

export function HostConnection({ provider, vcsDataSourceUid, repositoryName }: HostConnectionProps) {
  const styles = useStyles2(getStyles);
  const { session, state, name, testIdPrefix: id } = provider;
  const [connecting, setConnecting] = useState(false);
  const [loginError, setLoginError] = useState<LoginError>();
  const attempt = useRef<LoginAttempt | undefined>(undefined);
  const { prefetch, startLogin } = provider;

  useEffect(() => {
    if (!state.connected) {
      prefetch();
    }
  }, [prefetch, state.connected]);

  useEffect(() => () => attempt.current?.cancel(), []);

  const connect = useCallback(() => {
    attempt.current?.cancel();
    setLoginError(undefined);
    setConnecting(true);
    const current = startLogin();
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
  }, [startLogin]);

  const label = repositoryName || name;

  if (state.connected) {
    return (
      <span className={styles.row} data-testid={`${id}-connection`}>
        {state.refreshing ? (
          <Spinner inline aria-label={`Refreshing the ${name} session`} />
        ) : (
          <Icon name={provider.icon} aria-hidden />
        )}
        <span data-testid={`${id}-connected`}>Connected to {name}</span>
        <IconButton
          name="signout"
          aria-label={`Disconnect from ${name}`}
          tooltip={`Disconnect from ${name}`}
          data-testid={`${id}-disconnect`}
          onClick={() => session.disconnect()}
        />
      </span>
    );
  }

  const problem = state.problem;
  return (
    <div className={styles.column} data-testid={`${id}-connection`}>
      {state.refreshing ? (
        <span className={styles.row} data-testid={`${id}-refreshing`}>
          <Spinner inline /> Renewing the {name} session…
        </span>
      ) : connecting ? (
        <span className={styles.row} data-testid={`${id}-connecting`}>
          <Spinner inline /> Connecting to {name}… finish in the {name} window.
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
        <Tooltip content={`Opens ${name} in a small window. The session stays in this browser until you disconnect.`}>
          <Button icon={provider.icon} size="sm" onClick={connect} data-testid={`${id}-connect`}>
            Connect to {label}
          </Button>
        </Tooltip>
      )}
      {loginError && !connecting && (
        <Alert
          severity="error"
          title={loginErrorTitle(name)[loginError.kind]}
          data-testid={`${id}-login-error`}
          onRemove={() => setLoginError(undefined)}
        >
          {loginError.message}
        </Alert>
      )}
      {problem && problem.kind !== 'cookie-not-forwarded' && !loginError && (
        <Alert severity="warning" title={`${name} session ended`} data-testid={`${id}-session-problem`}>
          {problemText(name)[problem.kind]}
        </Alert>
      )}
      {problem?.kind === 'cookie-not-forwarded' && (
        <Alert
          severity="error"
          title={`The data source does not forward the ${name} session`}
          data-testid={`${id}-keep-cookies`}
        >
          <p>
            The login worked, but the source server did not receive the session cookie. In the data source&apos;s
            settings, add <code>{provider.cookieName}</code> to <strong>Allowed cookies</strong> (keepCookies), save,
            then connect again.
          </p>
          <LinkButton
            size="sm"
            variant="secondary"
            icon="cog"
            href={dataSourceSettingsUrl(vcsDataSourceUid)}
            data-testid={`${id}-keep-cookies-link`}
          >
            Open data source settings
          </LinkButton>
        </Alert>
      )}
    </div>
  );
}

const loginErrorTitle = (name: string): Record<LoginError['kind'], string> => ({
  'popup-blocked': 'Pop-up blocked',
  'popup-closed': `${name} window closed`,
  'state-mismatch': 'Login could not be verified',
  'host-refused': `${name} refused the connection`,
  'not-configured': `${name} is not configured on the source server`,
  'login-failed': `${name} login failed`,
});

const getStyles = (theme: GrafanaTheme2) => ({
  row: css({ display: 'inline-flex', alignItems: 'center', gap: theme.spacing(1) }),
  column: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1), alignItems: 'flex-start' }),
});
