import React from 'react';
import { render, screen, waitFor } from '@testing-library/react';
import type { KnownHost } from '@linescope/repository-url';
import type { VcsApi } from '../core/api';
import { githubServicesFor } from '../../test-support/githubServices';
import { gitlabServicesFor } from '../../test-support/gitlabServices';
import { WithQueries } from '../../test-support/queries';
import { GitHubConnection } from './github/GitHubConnection';
import { GithubServicesProvider } from './github/services';
import { GitlabServicesProvider } from './gitlab/services';
import { useRepositoryHosts } from './table';

function Hosts({ onHosts }: { onHosts: (hosts: readonly KnownHost[]) => void }) {
  onHosts(useRepositoryHosts('vcs-uid'));
  return null;
}

test('a panel opening asks GithubApp once: the repository hosts and the Connect button share the answer', async () => {
  const githubApp = jest.fn(async () => ({
    clientID: 'client-123',
    callbackURL: '',
    authorizeURL: 'http://ghe.internal/login/oauth/authorize',
    pkce: false,
  }));
  const api = { githubApp, getFile: jest.fn(), getCommits: jest.fn() } as unknown as VcsApi;
  const github = githubServicesFor(api, false, 'vcs-uid');
  const gitlab = gitlabServicesFor(api, false, 'vcs-uid');
  let hosts: readonly KnownHost[] = [];
  render(
    <WithQueries>
      <GithubServicesProvider services={github.services}>
        <GitlabServicesProvider services={gitlab.services}>
          <Hosts onHosts={(h) => (hosts = h)} />
          <GitHubConnection vcsDataSourceUid="vcs-uid" repositoryName="linescope-demo/shop-go" />
        </GitlabServicesProvider>
      </GithubServicesProvider>
    </WithQueries>
  );
  expect(screen.getByRole('button', { name: 'Connect to linescope-demo/shop-go' })).toBeInTheDocument();
  await waitFor(() => expect(hosts.map((h) => h.host)).toContain('ghe.internal'));
  expect(githubApp).toHaveBeenCalledTimes(1);
  github.session.dispose();
  gitlab.session.dispose();
});
