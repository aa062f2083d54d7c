import React from 'react';
import { act, render, screen, waitFor } from '@testing-library/react';
import { create } from '@bufbuild/protobuf';
import { Code, ConnectError } from '@connectrpc/connect';
import {
  GetFileResponseSchema,
  ResolutionExplanationSchema,
  type CommitInfo,
  type GetFileResponse,
} from '../../proto/gen/vcs/v1/vcs_pb';
import { GitlabAppResponseSchema, type GitlabAppResponse } from '../../proto/gen/linescope/v1/gitlab_pb';
import { WithQueries } from '../test-support/queries';
import { gitHubServicesFor } from '../test-support/gitHubServices';
import type { VcsApi } from './core/api';
import type { SourceRequest } from './core/types';
import { GitHubServicesProvider } from './providers/github/services';
import { GitLabServicesProvider, type GitLabServices } from './providers/gitlab/services';
import { gitLabServicesFor } from '../test-support/gitLabServices';
import { useFunctionSource } from './useFunctionSource';
import { azureDevops } from './providers/azure-devops/host';
import { bitbucket } from './providers/bitbucket/host';
import type { SessionServiceHostServices } from './connection/sessionServiceHost';
import { sessionServiceServicesFor } from '../test-support/sessionServiceHostServices';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const request: SourceRequest = {
  vcsDataSourceUid: 'vcs',
  version: { repository: 'https://github.com/linescope-demo/shop-go', gitRef: 'aaaaaaa1', rootPath: '' },
  fileName: 'catalog/search.go',
  functionName: 'catalog.Search',
  startLine: 3,
  refs: ['aaaaaaa1', 'bbbbbbb2'],
};

function setup(
  connected = true,
  repository = request.version.repository,
  gitlab?: GitLabServices,
  extra: Partial<SourceRequest> = {},
  sessionHosts: { bitbucket?: SessionServiceHostServices; azureDevops?: SessionServiceHostServices } = {}
) {
  const file = deferred<GetFileResponse>();
  const commits = deferred<CommitInfo[]>();
  const api = {
    githubApp: jest.fn(),
    githubLogin: jest.fn(),
    getFile: jest.fn(() => file.promise),
    getCommits: jest.fn(() => commits.promise),
  } as unknown as jest.Mocked<VcsApi>;
  const { session, services } = gitHubServicesFor(api, connected, 'vcs');
  const seen: Array<{ status: string }> = [];
  function Probe({ more }: { more: Partial<SourceRequest> }) {
    const {
      data: { file: source, commits: byRef },
    } = useFunctionSource({ ...request, version: { ...request.version, repository }, ...more });
    seen.push(source);
    return (
      <div>
        <span data-testid="status">{source.status}</span>
        {source.status === 'not-loaded' && <span data-testid="reason">{source.reason}</span>}
        {source.status === 'not-loaded' && <span data-testid="links-file">{source.links?.file}</span>}
        {source.status === 'loaded' && <span data-testid="blame">{source.links?.blame}</span>}
        {source.status === 'loaded' && <span data-testid="commit-link">{source.links?.commit}</span>}
        {source.status === 'error' && source.missing && (
          <>
            <span data-testid="missing-tried">
              {source.missing.explanation?.attempts.map((a) => `${a.path} ${a.rule} → ${a.outcome}`).join('; ')}
            </span>
            <span data-testid="missing-inputs">
              {source.missing.inputs.map((i) => `${i.name}=${i.value}`).join('; ')}
            </span>
          </>
        )}
        {byRef && <span data-testid="author">{byRef.bbbbbbb2?.login}</span>}
      </div>
    );
  }
  const gitLabServices = gitlab ?? gitLabServicesFor(api, false, 'vcs').services;
  const bitbucketOnes = sessionHosts.bitbucket ?? sessionServiceServicesFor(bitbucket.spec, api, false, 'vcs').services;
  const azureOnes = sessionHosts.azureDevops ?? sessionServiceServicesFor(azureDevops.spec, api, false, 'vcs').services;
  const tree = (more: Partial<SourceRequest>) => (
    <WithQueries>
      <GitHubServicesProvider services={services}>
        <GitLabServicesProvider services={gitLabServices}>
          <bitbucket.ServicesProvider services={bitbucketOnes}>
            <azureDevops.ServicesProvider services={azureOnes}>
              <Probe more={more} />
            </azureDevops.ServicesProvider>
          </bitbucket.ServicesProvider>
        </GitLabServicesProvider>
      </GitHubServicesProvider>
    </WithQueries>
  );
  const { rerender } = render(tree(extra));
  return { api, file, commits, session, rerender: (more: Partial<SourceRequest>) => rerender(tree(more)) };
}

test('GetFile and one GetCommits for every version start together, before either answers', async () => {
  const { api, file, commits } = setup();
  expect(screen.getByTestId('status')).toHaveTextContent('loading');
  expect(api.getFile).toHaveBeenCalledTimes(1);
  expect(api.getCommits).toHaveBeenCalledTimes(1);
  expect(api.getFile.mock.calls[0][0]).toEqual({
    repositoryURL: request.version.repository,
    ref: 'aaaaaaa1',
    localPath: 'catalog/search.go',
    rootPath: '',
    functionName: 'catalog.Search',
    runtimeVersion: '',
  });
  expect(api.getCommits.mock.calls[0][0]).toEqual({
    repositoryUrl: request.version.repository,
    refs: ['aaaaaaa1', 'bbbbbbb2'],
  });

  await act(async () =>
    commits.resolve([
      {
        sha: 'aaaaaaa1ffff',
        message: 'one',
        author: { login: 'ana', avatarURL: '' },
        date: '2026-11-01T10:00:00Z',
        URL: '',
        ref: 'aaaaaaa1',
      },
      {
        sha: 'bbbbbbb2ffff',
        message: 'two',
        author: { login: 'bo', avatarURL: '' },
        date: '2026-11-02T10:00:00Z',
        URL: '',
        ref: 'bbbbbbb2',
      },
    ] as unknown as CommitInfo[])
  );
  expect(await screen.findByTestId('author')).toHaveTextContent('bo');
  expect(screen.getByTestId('status')).toHaveTextContent('loading');
  await act(async () =>
    file.resolve(
      create(GetFileResponseSchema, {
        content: btoa('package catalog\n\nfunc Search() {}\n'),
        URL: 'https://github.com/linescope-demo/shop-go/blob/aaaaaaa1/catalog/search.go',
      })
    )
  );
  await waitFor(() => expect(screen.getByTestId('status')).toHaveTextContent(/^loaded$/));
  expect(screen.getByTestId('blame')).toHaveTextContent(
    'https://github.com/linescope-demo/shop-go/blame/aaaaaaa1/catalog/search.go#L3'
  );
  expect(screen.getByTestId('commit-link')).toHaveTextContent(
    'https://github.com/linescope-demo/shop-go/commit/aaaaaaa1ffff'
  );
});

test('not connected: nothing is requested and the panel is told to connect', () => {
  const { api } = setup(false);
  expect(screen.getByTestId('status')).toHaveTextContent('not-loaded');
  expect(screen.getByTestId('reason')).toHaveTextContent('not-connected');
  expect(api.getFile).not.toHaveBeenCalled();
  expect(api.getCommits).not.toHaveBeenCalled();
});

test('GetFile not_found gives what the server tried and the inputs used, for "Why no source?"', async () => {
  const { file } = setup();
  const explanation = create(ResolutionExplanationSchema, {
    language: 'go',
    attempts: [
      {
        rule: 'relative',
        repositoryUrl: request.version.repository,
        ref: 'aaaaaaa1',
        path: 'catalog/search.go',
        outcome: 'not_found',
      },
    ],
  });
  await act(async () =>
    file.reject(
      new ConnectError('file not found', Code.NotFound, undefined, [
        { desc: ResolutionExplanationSchema, value: explanation },
      ])
    )
  );
  await waitFor(() => expect(screen.getByTestId('status')).toHaveTextContent('error'));
  expect(screen.getByTestId('missing-tried')).toHaveTextContent('catalog/search.go relative → not_found');
  expect(screen.getByTestId('missing-inputs')).toHaveTextContent(
    `service_repository=${request.version.repository}; service_git_ref=aaaaaaa1; service_root_path=; ` +
      'file (from the profile)=catalog/search.go; function=catalog.Search'
  );
});

test("GetFile sends the labels' runtime version, and names it among the inputs when the file is not found", async () => {
  const { api, file } = setup(true, undefined, undefined, { fileName: 'node:fs', runtimeVersion: 'v20.20.2' });
  expect(api.getFile.mock.calls[0][0]).toMatchObject({ localPath: 'node:fs', runtimeVersion: 'v20.20.2' });
  await act(async () => file.reject(new ConnectError('file not found', Code.NotFound)));
  await waitFor(() => expect(screen.getByTestId('status')).toHaveTextContent('error'));
  expect(screen.getByTestId('missing-inputs')).toHaveTextContent(
    'file (from the profile)=node:fs; function=catalog.Search; service_runtime_version=v20.20.2'
  );
});

test('while the labels are read, GetCommits starts and GetFile waits, then asks once with the runtime version', async () => {
  const { api, rerender } = setup(true, undefined, undefined, { runtimeVersionPending: true });
  expect(screen.getByTestId('status')).toHaveTextContent('loading');
  expect(api.getCommits).toHaveBeenCalledTimes(1);
  expect(api.getFile).not.toHaveBeenCalled();
  rerender({ runtimeVersion: '3.1.2' });
  await waitFor(() => expect(api.getFile).toHaveBeenCalledTimes(1));
  expect(api.getFile.mock.calls[0][0]).toMatchObject({ runtimeVersion: '3.1.2' });
  expect(api.getCommits).toHaveBeenCalledTimes(1);
});

test('after connecting again, the failure from the refused session is not shown: the file is asked for afresh', async () => {
  const { api, file, session } = setup();
  await act(async () => file.reject(new ConnectError('Authentication to data source failed', Code.Unauthenticated)));
  act(() => session.reportUnauthenticated());
  await waitFor(() => expect(screen.getByTestId('status')).toHaveTextContent('not-loaded'));
  const second = deferred<GetFileResponse>();
  api.getFile.mockImplementation(() => second.promise);
  act(() =>
    session.store(
      { cookie: '', token: 't2', tokenExpiresAt: BigInt(Date.now() + 3600_000), refreshTokenExpiresAt: BigInt(0) },
      false,
      Date.now() + 1
    )
  );
  await waitFor(() => expect(api.getFile).toHaveBeenCalledTimes(2));
  expect(screen.getByTestId('status')).toHaveTextContent('loading');
  await act(async () => second.resolve(create(GetFileResponseSchema, { content: btoa('package x\n') })));
  await waitFor(() => expect(screen.getByTestId('status')).toHaveTextContent(/^loaded$/));
});

test.each([
  // GitHub's session does not count for Bitbucket: its own session is not connected.
  ['Bitbucket', 'https://bitbucket.org/team/shop-go', 'not-connected'],
  // Nor for Azure DevOps, in either of its URL forms.
  ['Azure DevOps', 'https://dev.azure.com/org/project/_git/shop-go', 'not-connected'],
  ['Azure DevOps (visualstudio.com)', 'https://org.visualstudio.com/project/_git/shop-go', 'not-connected'],
  // GitHub's session does not count for GitLab: its own session is not connected.
  ['GitLab', 'https://gitlab.com/group/sub/shop-go', 'not-connected'],
])('a %s repository: nothing is requested and the panel says why (%s)', (_host, repository, reason) => {
  const { api } = setup(true, repository);
  expect(screen.getByTestId('status')).toHaveTextContent('not-loaded');
  expect(screen.getByTestId('reason')).toHaveTextContent(reason);
  expect(api.getFile).not.toHaveBeenCalled();
  expect(api.getCommits).not.toHaveBeenCalled();
});

test("a GitLab repository is read through the GitLab session and its API, not GitHub's", async () => {
  const gitLabFile = deferred<GetFileResponse>();
  const gitLabApi = {
    getFile: jest.fn(() => gitLabFile.promise),
    getCommits: jest.fn(() => new Promise(() => {})),
  } as unknown as jest.Mocked<VcsApi>;
  const { services: gitlab } = gitLabServicesFor(gitLabApi, true, 'vcs');
  const { api } = setup(false, 'https://gitlab.com/group/sub/shop-go', gitlab);
  await waitFor(() => expect(gitLabApi.getFile).toHaveBeenCalledTimes(1));
  expect(api.getFile).not.toHaveBeenCalled();
  await act(async () => gitLabFile.resolve(create(GetFileResponseSchema, { content: btoa('package x\n') })));
  await waitFor(() => expect(screen.getByTestId('status')).toHaveTextContent(/^loaded$/));
  expect(screen.getByTestId('blame')).toHaveTextContent('https://gitlab.com/group/sub/shop-go/-/blame/');
});

test("a Bitbucket repository is read through the Bitbucket session and its API, with Bitbucket's links", async () => {
  const bitbucketFile = deferred<GetFileResponse>();
  const bitbucketApi = {
    getFile: jest.fn(() => bitbucketFile.promise),
    getCommits: jest.fn(() => new Promise(() => {})),
  } as unknown as jest.Mocked<VcsApi>;
  const { services: bitbucketServices } = sessionServiceServicesFor(bitbucket.spec, bitbucketApi, true, 'vcs');
  const { api } = setup(false, 'https://bitbucket.org/team/shop-go', undefined, {}, { bitbucket: bitbucketServices });
  await waitFor(() => expect(bitbucketApi.getFile).toHaveBeenCalledTimes(1));
  expect(api.getFile).not.toHaveBeenCalled();
  await act(async () => bitbucketFile.resolve(create(GetFileResponseSchema, { content: btoa('package x\n') })));
  await waitFor(() => expect(screen.getByTestId('status')).toHaveTextContent(/^loaded$/));
  expect(screen.getByTestId('blame')).toHaveTextContent(
    'https://bitbucket.org/team/shop-go/annotate/aaaaaaa1/catalog/search.go#lines-3'
  );
});

test.each([
  [
    'https://dev.azure.com/org/My%20Project/_git/shop-go',
    'https://dev.azure.com/org/My%20Project/_git/shop-go?path=%2Fcatalog%2Fsearch.go&version=GBaaaaaaa1&line=3&lineEnd=4&lineStartColumn=1&lineEndColumn=1&lineStyle=plain&_a=blame',
  ],
  [
    'https://org.visualstudio.com/DefaultCollection/project/_git/shop-go',
    // The reader drops the old default collection from the repository's page.
    'https://org.visualstudio.com/project/_git/shop-go?path=%2Fcatalog%2Fsearch.go&version=GBaaaaaaa1&line=3&lineEnd=4&lineStartColumn=1&lineEndColumn=1&lineStyle=plain&_a=blame',
  ],
])("%s is read through the Azure DevOps session and its API, with Azure DevOps' links", async (repository, blame) => {
  const azureFile = deferred<GetFileResponse>();
  const azureApi = {
    getFile: jest.fn(() => azureFile.promise),
    getCommits: jest.fn(() => new Promise(() => {})),
  } as unknown as jest.Mocked<VcsApi>;
  const { services: azureDevopsServices } = sessionServiceServicesFor(azureDevops.spec, azureApi, true, 'vcs');
  const { api } = setup(false, repository, undefined, {}, { azureDevops: azureDevopsServices });
  await waitFor(() => expect(azureApi.getFile).toHaveBeenCalledTimes(1));
  expect(azureApi.getFile.mock.calls[0][0]).toMatchObject({ repositoryURL: repository, ref: 'aaaaaaa1' });
  expect(api.getFile).not.toHaveBeenCalled();
  await act(async () => azureFile.resolve(create(GetFileResponseSchema, { content: btoa('package x\n') })));
  await waitFor(() => expect(screen.getByTestId('status')).toHaveTextContent(/^loaded$/));
  expect(screen.getByTestId('blame')).toHaveTextContent(blame);
});

test('a self-managed GitLab below a path is read through the GitLab session once the server names its web URL', async () => {
  const app = deferred<GitlabAppResponse>();
  const gitLabApi = {
    getFile: jest.fn(async () => create(GetFileResponseSchema, { content: btoa('package x\n') })),
    getCommits: jest.fn(() => new Promise(() => {})),
  } as unknown as jest.Mocked<VcsApi>;
  const { services: gitlab } = gitLabServicesFor(gitLabApi, true, 'vcs', {
    gitlabApp: () => app.promise,
    gitlabLogin: jest.fn(),
  });
  const { api } = setup(false, 'https://example.com/gitlab/group/sub/shop-go', gitlab);

  // Until the server says which GitLab it serves, the host reads as an unknown one, GitHub's by default.
  expect(screen.getByTestId('reason')).toHaveTextContent('not-connected');
  await act(async () => app.resolve(create(GitlabAppResponseSchema, { webUrl: 'https://example.com/gitlab' })));
  expect(await screen.findByTestId('blame')).toHaveTextContent(
    'https://example.com/gitlab/group/sub/shop-go/-/blame/aaaaaaa1/catalog/search.go#L3'
  );
  expect(gitLabApi.getFile).toHaveBeenCalledTimes(1);
  expect(api.getFile).not.toHaveBeenCalled();
});

test('a server without GitLab adds no host: a self-managed-looking URL stays with GitHub', async () => {
  const gitlabApp = jest.fn(async () => {
    throw new ConnectError('no GitLab', Code.Unimplemented);
  });
  const { services: gitlab } = gitLabServicesFor({} as VcsApi, false, 'vcs', { gitlabApp, gitlabLogin: jest.fn() });
  const { api } = setup(true, 'https://example.com/gitlab/group/shop-go', gitlab);
  await waitFor(() => expect(gitlabApp).toHaveBeenCalled());
  expect(api.getFile.mock.calls[0][0]).toMatchObject({ repositoryURL: 'https://example.com/gitlab/group/shop-go' });
});

test('a host the URL reader does not know goes to the source server, which may serve it as GitHub Enterprise', () => {
  const { api } = setup(true, 'https://git.example.com/shop/shop-go');
  expect(screen.getByTestId('status')).toHaveTextContent('loading');
  expect(api.getFile.mock.calls[0][0]).toMatchObject({ repositoryURL: 'https://git.example.com/shop/shop-go' });
});
