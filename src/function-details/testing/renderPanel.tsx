// The whole panel for component tests: connected to GitHub through a source-server double, GitLab not connected,
// each HostSessionService host connected when the test gives its double, and the code view laid out (jsdom lays nothing out, so the virtualiser would render no row).
import React from 'react';
import { render, screen, waitFor } from '@testing-library/react';
import type { HostKind } from '@linescope/repository-url';
import type { FunctionDetailsTarget } from '../../domain/target';
import type { VcsApi } from '../../source/core/api';
import { GitHubServicesProvider } from '../../source/providers/github/services';
import { GitLabServicesProvider } from '../../source/providers/gitlab/services';
import { SESSION_SERVICE_HOSTS } from '../../source/providers/table';
import { gitHubServicesFor } from '../../test-support/gitHubServices';
import { gitLabServicesFor } from '../../test-support/gitLabServices';
import { sessionServiceServicesFor } from '../../test-support/sessionServiceHostServices';
import { WithQueries } from '../../test-support/queries';
import { FunctionDetailsPanel } from '../FunctionDetailsPanel';

export const SEARCH_TARGET: FunctionDetailsTarget = {
  datasourceUid: 'pyro',
  vcsDataSourceUid: 'pyro',
  profileTypeId: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds',
  labelSelector: '{service_name="shop-go"}',
  serviceName: 'shop-go',
  range: { from: 1_700_000_000_000, to: 1_700_003_600_000 },
  callSite: ['main.work'],
  functionName: 'main.work',
};

/** Gives every element a size for the suite's duration (call at the top of a test file). */
export function layOutScrollingAreas(): void {
  beforeAll(() => {
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 400 });
    Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 800 });
  });
  afterAll(() => {
    delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
    delete (HTMLElement.prototype as { clientWidth?: number }).clientWidth;
  });
}

/** `sessionHostApis`: the source-server double of each HostSessionService host to connect (the others are not). */
export function renderConnectedPanel(
  api: VcsApi,
  target: FunctionDetailsTarget = SEARCH_TARGET,
  sessionHostApis: Partial<Record<HostKind, VcsApi>> = {}
) {
  const panel = SESSION_SERVICE_HOSTS.reduce((inner, host) => {
    const hostApi = sessionHostApis[host.spec.kind];
    const { services } = sessionServiceServicesFor(host.spec, hostApi ?? ({} as VcsApi), !!hostApi, 'pyro');
    return <host.ServicesProvider services={services}>{inner}</host.ServicesProvider>;
  }, <FunctionDetailsPanel target={target} onClose={jest.fn()} />);
  return render(
    <WithQueries>
      <GitHubServicesProvider services={gitHubServicesFor(api, true, 'pyro').services}>
        <GitLabServicesProvider services={gitLabServicesFor({} as VcsApi, false, 'pyro').services}>
          {panel}
        </GitLabServicesProvider>
      </GitHubServicesProvider>
    </WithQueries>
  );
}

/** The code view's row of a line, once rendered. */
export async function codeRow(line: number): Promise<HTMLElement> {
  const find = () => screen.queryAllByTestId('code-view-row').find((r) => r.dataset.line === String(line));
  await waitFor(() => expect(find()).toBeDefined());
  return find()!;
}
