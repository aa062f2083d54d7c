// The blame beside the code view, in the whole panel: who last changed each line, links to the commits, recent
// changes marked, the toggle, and the per-line numbers never waiting for the blame.
import { of, throwError } from 'rxjs';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { setBackendSrv, type BackendSrv, type BackendSrvRequest } from '@grafana/runtime';
import { create } from '@bufbuild/protobuf';
import { Code, ConnectError } from '@connectrpc/connect';
import type { HostKind } from '@linescope/repository-url';
import { GetFileResponseSchema } from '../../../proto/gen/vcs/v1/vcs_pb';
import type { BlameAnswer } from '../../source/core/blame';
import type { VcsApi } from '../../source/core/api';
import { testIds } from '../../testIds';
import { PprofBuilder, pyroscopeBuildId } from '@linescope/lines/testing/pprofBuilder';
import { codeRow, layOutScrollingAreas, renderConnectedPanel } from '../testing/renderPanel';

configure({ asyncUtilTimeout: 10000 });
jest.setTimeout(30000);

const SHA = 'b'.repeat(40);
const OLD = '1'.repeat(40);
const NEW = '2'.repeat(40);

const GITHUB_REPOSITORY = 'https://github.com/linescope-demo/shop-go';

function profile(repository: string) {
  const b = new PprofBuilder();
  const m = b.mapping(pyroscopeBuildId({ repository, gitRef: SHA }));
  const work = b.function('main.work', '/src/shop-go/work.go', 10);
  b.sample([b.location(m, [[work, 11]])], 2_000_000_000).sample([b.location(m, [[work, 14]])], 500_000_000);
  return b.encode();
}

layOutScrollingAreas();

let pprof = profile(GITHUB_REPOSITORY);
beforeAll(() => {
  setBackendSrv({
    fetch: (req: BackendSrvRequest) =>
      req.url.endsWith('/SelectMergeProfile')
        ? of({ status: 200, data: pprof.slice().buffer })
        : req.url.endsWith('/LabelNames')
          ? of({ status: 200, data: { names: ['service_name'] } })
          : throwError(() => ({ status: 404, data: { message: 'not found' } })),
  } as unknown as BackendSrv);
});
afterEach(() => {
  window.localStorage.clear();
  pprof = profile(GITHUB_REPOSITORY);
});

const blameAnswer: BlameAnswer = {
  sha: SHA,
  ranges: [
    { startLine: 10, endLine: 10, commit: 0 },
    { startLine: 11, endLine: 11, commit: 1 },
    { startLine: 12, endLine: 15, commit: 0 },
  ],
  commits: [
    {
      sha: OLD,
      title: 'Add work',
      authorName: 'Ana',
      date: Date.UTC(2025, 0, 1),
      url: `https://github.com/linescope-demo/shop-go/commit/${OLD}`,
    },
    {
      sha: NEW,
      title: 'Work harder',
      authorName: 'Bo',
      authorLogin: 'bo',
      date: Date.UTC(2026, 0, 1),
      url: `https://github.com/linescope-demo/shop-go/commit/${NEW}`,
      changeRequest: { number: 12, title: 'Work harder', url: 'https://github.com/linescope-demo/shop-go/pull/12' },
    },
  ],
};

function sourceServer(getBlame: VcsApi['getBlame']) {
  return {
    githubApp: jest.fn(() => new Promise(() => {})),
    getFile: jest.fn(async () =>
      create(GetFileResponseSchema, {
        content: btoa(Array.from({ length: 20 }, (_, i) => `// line ${i + 1}`).join('\n')),
        resolvedRef: SHA,
        resolvedPath: 'work.go',
      })
    ),
    getCommits: jest.fn(async () => []),
    getBlame: jest.fn(getBlame),
  } as unknown as jest.Mocked<VcsApi>;
}

function renderWith(getBlame: VcsApi['getBlame']) {
  const api = sourceServer(getBlame);
  renderConnectedPanel(api);
  return api;
}

/** The panel on a repository of a HostSessionService host, connected to it (GitHub's double answers nothing). */
function renderOnHost(kind: HostKind, repository: string) {
  pprof = profile(repository);
  const hostApi = sourceServer(async () => blameAnswer);
  const githubApi = sourceServer(async () => blameAnswer);
  renderConnectedPanel(githubApi, undefined, { [kind]: hostApi });
  return { hostApi, githubApi };
}

it('shows who last changed each line of the function, linking each commit and its pull request', async () => {
  const api = renderWith(async () => blameAnswer);
  const hot = await codeRow(11);
  const cell = await within(hot).findByTestId(testIds.functionDetails.blame);
  expect(cell).toHaveAttribute('data-sha', NEW);
  expect(cell).toHaveTextContent(/^2222222 \d+(mo|y|w|d) #12 bo: Work harder$/);
  expect(cell).toHaveAttribute('title', expect.stringMatching(/^2222222 by bo, .* ago: Work harder \(#12\)$/));
  expect(within(cell).getByRole('link', { name: '2222222' })).toHaveAttribute(
    'href',
    `https://github.com/linescope-demo/shop-go/commit/${NEW}`
  );
  expect(within(cell).getByRole('link', { name: '#12' })).toHaveAttribute(
    'href',
    'https://github.com/linescope-demo/shop-go/pull/12'
  );
  // The newer of the two commits is the recent change; a run's later lines name the commit by its sha only.
  expect(cell).toHaveAttribute('data-recent', 'true');
  const later = within(await codeRow(13)).getByTestId(testIds.functionDetails.blame);
  expect(later).toHaveTextContent(/^1111111 \d+(mo|y)$/);
  expect(later).not.toHaveAttribute('data-recent');
  // Asked at the resolved commit and path, for the function's lines.
  const [request] = (api.getBlame as jest.Mock).mock.calls[0];
  expect(request).toMatchObject({
    repositoryUrl: 'https://github.com/linescope-demo/shop-go',
    ref: SHA,
    path: 'work.go',
  });
  expect(request.startLine).toBeLessThanOrEqual(10);
  expect(request.endLine).toBeGreaterThanOrEqual(14);
});

it('shows the per-line numbers while the blame is still loading', async () => {
  renderWith(() => new Promise(() => {}));
  const hot = await codeRow(11);
  expect(within(hot).getByTestId('code-view-self')).not.toHaveTextContent(/^$/);
  expect(await screen.findByTestId(testIds.functionDetails.blameStatus)).toHaveTextContent('Loading blame…');
  expect(screen.queryByTestId(testIds.functionDetails.blame)).toBeNull();
});

it('says the blame is unavailable when it fails, and keeps the numbers', async () => {
  renderWith(async () => {
    throw new ConnectError('the host answered 500', Code.Internal);
  });
  await waitFor(
    () => expect(screen.getByTestId(testIds.functionDetails.blameStatus)).toHaveTextContent('Blame unavailable'),
    { timeout: 15000 }
  );
  expect(within(await codeRow(11)).getByTestId('code-view-self')).not.toHaveTextContent(/^$/);
  expect(screen.queryByTestId(testIds.functionDetails.blame)).toBeNull();
});

it('hides the blame with the toggle, and remembers it', async () => {
  renderWith(async () => blameAnswer);
  await within(await codeRow(11)).findByTestId(testIds.functionDetails.blame);
  fireEvent.click(screen.getByTestId(testIds.functionDetails.blameToggle));
  await waitFor(() => expect(screen.queryByTestId(testIds.functionDetails.blame)).toBeNull());
  expect(screen.getByTestId(testIds.functionDetails.blameToggle)).toHaveTextContent('Show blame');
  expect(window.localStorage.getItem('linescope.blame.shown')).toBe('false');
});

describe.each([
  {
    kind: 'bitbucket' as const,
    host: 'Bitbucket',
    repository: 'https://bitbucket.org/linescope-demo/shop-go',
    blamePage: new RegExp(`^https://bitbucket\\.org/linescope-demo/shop-go/annotate/${SHA}/work\\.go#lines-\\d+$`),
  },
  {
    kind: 'azure-devops' as const,
    host: 'Azure DevOps',
    repository: 'https://dev.azure.com/org/project/_git/shop-go',
    blamePage: new RegExp(`^https://dev\\.azure\\.com/org/project/_git/shop-go\\?path=%2Fwork\\.go&version=GC${SHA}.*&_a=blame$`),
  },
])('on $host, whose API has no blame', ({ kind, host, repository, blamePage }) => {
  it('offers the blame page on the host instead of a blame it cannot get, and keeps the numbers', async () => {
    const { hostApi, githubApi } = renderOnHost(kind, repository);
    const status = await screen.findByTestId(testIds.functionDetails.blameStatus);
    expect(status).toHaveTextContent(`The ${host} API has no blame: open the blame on ${host}`);
    expect(within(status).getByRole('link', { name: `open the blame on ${host}` })).toHaveAttribute(
      'href',
      expect.stringMatching(blamePage)
    );
    expect(within(await codeRow(11)).getByTestId('code-view-self')).not.toHaveTextContent(/^$/);
    // Nothing to show or hide, and nothing asked of a server that would refuse it.
    expect(screen.queryByTestId(testIds.functionDetails.blameToggle)).toBeNull();
    expect(screen.queryByTestId(testIds.functionDetails.blame)).toBeNull();
    expect(hostApi.getFile).toHaveBeenCalled();
    expect(hostApi.getBlame).not.toHaveBeenCalled();
    expect(githubApi.getBlame).not.toHaveBeenCalled();
  });

  it('offers no Show blame either when the blame was hidden before', async () => {
    window.localStorage.setItem('linescope.blame.shown', 'false');
    const { hostApi } = renderOnHost(kind, repository);
    expect(await screen.findByTestId(testIds.functionDetails.blameStatus)).toHaveTextContent(
      `The ${host} API has no blame`
    );
    expect(screen.queryByTestId(testIds.functionDetails.blameToggle)).toBeNull();
    expect(hostApi.getBlame).not.toHaveBeenCalled();
  });
});

it("says the host's API has no blame when the server answers unimplemented, with the host's blame page", async () => {
  renderWith(async () => {
    throw new ConnectError("this host's API has no blame (annotate)", Code.Unimplemented);
  });
  await waitFor(
    () =>
      expect(screen.getByTestId(testIds.functionDetails.blameStatus)).toHaveTextContent(
        "This host's API has no blame: open the blame on the host"
      ),
    { timeout: 15000 }
  );
  const status = screen.getByTestId(testIds.functionDetails.blameStatus);
  expect(status).not.toHaveTextContent(/configured/);
  expect(within(status).getByRole('link', { name: 'open the blame on the host' })).toHaveAttribute(
    'href',
    expect.stringMatching(new RegExp(`^https://github\\.com/linescope-demo/shop-go/blame/${SHA}/work\\.go#L\\d+$`))
  );
  expect(screen.queryByTestId(testIds.functionDetails.blameToggle)).toBeNull();
  expect(within(await codeRow(11)).getByTestId('code-view-self')).not.toHaveTextContent(/^$/);
});
