// A HostSessionService host's part of the repository row, rendered as a panel shows it, with the test login popup
// (loginPopup.tsx) as the browser's window and the given login RPCs as the source server. For tests only.
import React from 'react';
import { render } from '@testing-library/react';
import type { createSessionServiceHost, HostLoginApi } from '../source/connection/sessionServiceHost';
import type { TokenResponse } from '../source/connection/hostSession';
import type { VcsApi } from '../source/core/api';
import { loginPopup } from './loginPopup';
import { memoryStorage } from './memory';
import { WithQueries } from './queries';
import { sessionServiceServicesFor } from './sessionServiceHostServices';

export const LOGIN_ORIGIN = 'http://localhost';
/** Where the host sends the popup back: the plugin's callback page below Grafana's sub-path (`/grafana`). */
export const LOGIN_REDIRECT_URI = `${LOGIN_ORIGIN}/grafana/a/linescope-app/github/callback`;

export function renderSessionServiceConnection(
  host: ReturnType<typeof createSessionServiceHost>,
  options: { login: HostLoginApi; refresh?: () => Promise<TokenResponse>; repositoryName: string }
) {
  const popup = loginPopup();
  const sessionStorage = memoryStorage();
  const { session, services, jar } = sessionServiceServicesFor(
    host.spec,
    {} as VcsApi,
    false,
    'vcs-uid',
    options.login,
    options.refresh
  );
  services.loginEnvironment = () => ({
    window: {
      open: popup.open,
      screenX: 0,
      screenY: 0,
      outerWidth: 1200,
      outerHeight: 1000,
      location: { origin: LOGIN_ORIGIN },
    },
    sessionStorage,
    appSubUrl: '/grafana',
    createChannel: popup.createChannel,
    newState: () => 'state-1',
  });
  render(
    <WithQueries>
      <host.ServicesProvider services={services}>
        <host.Connection vcsDataSourceUid="vcs-uid" repositoryName={options.repositoryName} />
      </host.ServicesProvider>
    </WithQueries>
  );
  return { popup, session, jar, sessionStorage };
}
