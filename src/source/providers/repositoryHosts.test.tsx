import React from 'react';
import { render, screen, waitFor } from '@testing-library/react';
import type { KnownHost } from '@linescope/repository-url';
import type { VcsApi } from '../core/api';
import { gitHubServicesFor } from '../../test-support/gitHubServices';
import { gitLabServicesFor } from '../../test-support/gitLabServices';
import { WithQueries } from '../../test-support/queries';
import { GitHubConnection } from './github/GitHubConnection';
import { GitHubServicesProvider } from './github/services';
import { GitLabServicesProvider } from './gitlab/services';
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
  const github = gitHubServicesFor(api, false, 'vcs-uid');
  const gitlab = gitLabServicesFor(api, false, 'vcs-uid');
  let hosts: readonly KnownHost[] = [];
  render(
    <WithQueries>
      <GitHubServicesProvider services={github.services}>
        <GitLabServicesProvider services={gitlab.services}>
          <Hosts onHosts={(h) => (hosts = h)} />
          <GitHubConnection vcsDataSourceUid="vcs-uid" repositoryName="linescope-demo/shop-go" />
        </GitLabServicesProvider>
      </GitHubServicesProvider>
    </WithQueries>
  );
  expect(screen.getByRole('button', { name: 'Connect to linescope-demo/shop-go' })).toBeInTheDocument();
  await waitFor(() => expect(hosts.map((h) => h.host)).toContain('ghe.internal'));
  expect(githubApp).toHaveBeenCalledTimes(1);
  github.session.dispose();
  gitlab.session.dispose();
});
