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
import { create } from '@bufbuild/protobuf';
import { HostAppResponseSchema } from '../../../proto/gen/linescope/v1/host_session_pb';
import { describeRepository } from '../../domain/repository';
import { sessionServiceServicesFor } from '../../test-support/sessionServiceHostServices';
import { azureDevops } from './azure-devops/host';
import { bitbucket } from './bitbucket/host';

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

test("a HostSessionService host's web URL and other host names come from its HostApp: a repository there is its", async () => {
  const api = {
    githubApp: jest.fn(async () => ({ clientID: '', callbackURL: '', authorizeURL: '', pkce: false })),
  } as unknown as VcsApi;
  const github = gitHubServicesFor(api, false, 'vcs-uid');
  const gitlab = gitLabServicesFor(api, false, 'vcs-uid');
  const azureApp = jest.fn(async () =>
    create(HostAppResponseSchema, {
      webUrl: 'https://dev.azure.com',
      repositoryHosts: ['ado.example.com'],
      authorizeUrl: 'https://login.microsoftonline.com/t/oauth2/v2.0/authorize',
    })
  );
  const azure = sessionServiceServicesFor(azureDevops.spec, api, false, 'vcs-uid', { app: azureApp, login: jest.fn() });
  // A server without Bitbucket answers its HostApp with unimplemented: it adds no host.
  const bitbucketServices = sessionServiceServicesFor(bitbucket.spec, api, false, 'vcs-uid');
  let hosts: readonly KnownHost[] = [];
  render(
    <WithQueries>
      <GitHubServicesProvider services={github.services}>
        <GitLabServicesProvider services={gitlab.services}>
          <bitbucket.ServicesProvider services={bitbucketServices.services}>
            <azureDevops.ServicesProvider services={azure.services}>
              <Hosts onHosts={(h) => (hosts = h)} />
            </azureDevops.ServicesProvider>
          </bitbucket.ServicesProvider>
        </GitLabServicesProvider>
      </GitHubServicesProvider>
    </WithQueries>
  );
  await waitFor(() => expect(hosts).toContainEqual({ host: 'ado.example.com', kind: 'azure-devops' }));
  expect(hosts.filter((h) => h.kind === 'bitbucket')).toEqual([]);
  expect(describeRepository('https://ado.example.com/org/project/_git/shop-go', hosts)).toMatchObject({
    kind: 'azure-devops',
    display: 'org/project/shop-go',
  });
  // Without the answer, that host reads as an unknown one (GitHub's by default).
  expect(describeRepository('https://ado.example.com/org/project/_git/shop-go')?.kind).not.toBe('azure-devops');
  expect(azureApp).toHaveBeenCalledTimes(1);
  github.session.dispose();
  gitlab.session.dispose();
});
