// Blame and the commits between two versions, asked only of hosts whose API has blame.
import React from 'react';
import { act, renderHook, waitFor } from '@testing-library/react';
import { Code, ConnectError } from '@connectrpc/connect';
import { WithQueries } from '../test-support/queries';
import { gitHubServicesFor } from '../test-support/gitHubServices';
import { gitLabServicesFor } from '../test-support/gitLabServices';
import { sessionServiceServicesFor } from '../test-support/sessionServiceHostServices';
import type { VcsApi } from './core/api';
import { GitHubServicesProvider } from './providers/github/services';
import { GitLabServicesProvider } from './providers/gitlab/services';
import { SESSION_SERVICE_HOSTS } from './providers/table';
import { useBlame, useCommitsBetween } from './useBlame';

const SHA = 'a'.repeat(40);
const OTHER = 'b'.repeat(40);

function serverDouble(blameError?: Error) {
  return {
    getFile: jest.fn(),
    getCommits: jest.fn(),
    getBlame: jest.fn(async () => {
      if (blameError) {
        throw blameError;
      }
      return { sha: SHA, ranges: [], commits: [] };
    }),
    compareCommits: jest.fn(async () => ({ commits: [], truncated: false })),
  } as unknown as jest.Mocked<VcsApi>;
}

/** Blame and compare of `repositoryUrl`, every host connected to its own double. */
function renderBlame(repositoryUrl: string, blameError?: Error) {
  const github = serverDouble(blameError);
  const others = SESSION_SERVICE_HOSTS.map((host) => {
    const api = serverDouble(blameError);
    return { host, api, services: sessionServiceServicesFor(host.spec, api, true, 'vcs').services };
  });
  const gitHubServices = gitHubServicesFor(github, true, 'vcs').services;
  const gitLabServices = gitLabServicesFor({} as VcsApi, false, 'vcs').services;
  const wrapper = ({ children }: { children: React.ReactNode }) => {
    const inner = others.reduce(
      (tree, { host, services }) => <host.ServicesProvider services={services}>{tree}</host.ServicesProvider>,
      <>{children}</>
    );
    return (
      <WithQueries>
        <GitHubServicesProvider services={gitHubServices}>
          <GitLabServicesProvider services={gitLabServices}>
            {inner}
          </GitLabServicesProvider>
        </GitHubServicesProvider>
      </WithQueries>
    );
  };
  const { result } = renderHook(
    () => ({
      blame: useBlame('vcs', { repositoryUrl, ref: SHA, path: 'work.go' }, { start: 1, end: 5 }),
      between: useCommitsBetween('vcs', repositoryUrl, SHA, OTHER),
    }),
    { wrapper }
  );
  return { result, apis: [github, ...others.map((o) => o.api)] };
}

it.each([
  ['Bitbucket', 'https://bitbucket.org/team/shop-go'],
  ['Azure DevOps', 'https://dev.azure.com/org/project/_git/shop-go'],
])('%s: no blame and no comparison asked, the host named', async (host, repositoryUrl) => {
  const { result, apis } = renderBlame(repositoryUrl);
  expect(result.current.blame).toEqual({ status: 'no-blame', host });
  expect(result.current.between).toEqual({ status: 'no-blame', host });
  // Whatever the hooks would start in the next moments (the hosts' app queries settle meanwhile).
  await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
  for (const api of apis) {
    expect(api.getBlame).not.toHaveBeenCalled();
    expect(api.compareCommits).not.toHaveBeenCalled();
  }
});

it('a host with blame is asked for both', async () => {
  const { result, apis } = renderBlame('https://github.com/team/shop-go');
  await waitFor(() => expect(result.current.blame.status).toBe('loaded'));
  await waitFor(() => expect(result.current.between.status).toBe('loaded'));
  expect(apis[0].getBlame).toHaveBeenCalledTimes(1);
});

it('an unimplemented answer reads as no blame, unnamed, and is not asked again', async () => {
  const { result, apis } = renderBlame(
    'https://github.com/team/shop-go',
    new ConnectError('no blame here', Code.Unimplemented)
  );
  await waitFor(() => expect(result.current.blame).toEqual({ status: 'no-blame' }));
  expect(apis[0].getBlame).toHaveBeenCalledTimes(1);
});

it('another failure stays an error', async () => {
  const { result } = renderBlame('https://github.com/team/shop-go', new ConnectError('host down', Code.Internal));
  await waitFor(() => expect(result.current.blame.status).toBe('error'), { timeout: 5000 });
});
