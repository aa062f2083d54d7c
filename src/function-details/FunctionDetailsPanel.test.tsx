import React from 'react';
import { from, mergeMap, NEVER, type Observable, of, throwError } from 'rxjs';
import { act, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setBackendSrv, type BackendSrv, type BackendSrvRequest } from '@grafana/runtime';
import { FunctionDetailsPanel } from './FunctionDetailsPanel';
import { create } from '@bufbuild/protobuf';
import { Code, ConnectError } from '@connectrpc/connect';
import { CommitInfoSchema, GetFileResponseSchema, type CommitInfo } from '../../proto/gen/vcs/v1/vcs_pb';
import { GitlabAppResponseSchema, type GitlabAppResponse } from '../../proto/gen/linescope/v1/gitlab_pb';
import type { FunctionDetailsTarget } from '../domain/target';
import type { VcsApi } from '../source/core/api';
import { saveOverride } from '../source/overrides/store';
import { GitHubServicesProvider, type GitHubServices } from '../source/providers/github/services';
import { GitLabServicesProvider, type GitLabServices } from '../source/providers/gitlab/services';
import { gitHubServicesFor } from '../test-support/gitHubServices';
import { gitLabServicesFor } from '../test-support/gitLabServices';
import { WithQueries } from '../test-support/queries';
import { gzipBomb } from '@linescope/lines/testing/gzipBomb';
import { PprofBuilder, pyroscopeBuildId } from '@linescope/lines/testing/pprofBuilder';
import { testIds } from '../testIds';

// Other jobs share this machine's two cores: give renders time rather than fail on a busy moment.
configure({ asyncUtilTimeout: 10000 });
jest.setTimeout(30000);

// Pyroscope's side, behind Grafana's data source proxy: SelectMergeProfile answers binary pprof, the label calls JSON.
type Respond = (req: BackendSrvRequest) => unknown;
let respond: Respond;
const requests: BackendSrvRequest[] = [];
beforeAll(() => {
  setBackendSrv({
    fetch: (req: BackendSrvRequest) => {
      requests.push(req);
      return respond(req);
    },
  } as unknown as BackendSrv);
});
beforeEach(() => {
  requests.length = 0;
});

const target: FunctionDetailsTarget = {
  datasourceUid: 'pyro',
  vcsDataSourceUid: 'pyro',
  profileTypeId: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds',
  labelSelector: '{service_name="shop-go"}',
  serviceName: 'shop-go',
  range: { from: 1_700_000_000_000, to: 1_700_003_600_000 },
  callSite: ['main.main', 'main.work'],
  functionName: 'main.work',
};

/** Two deployed versions of main.work; the newer one is hotter. Values in nanoseconds. */
function twoVersions() {
  const b = new PprofBuilder();
  const v1 = b.mapping(
    pyroscopeBuildId({ repository: 'https://github.com/linescope-demo/shop-go', gitRef: 'a'.repeat(40) })
  );
  const v2 = b.mapping(
    pyroscopeBuildId({ repository: 'https://github.com/linescope-demo/shop-go', gitRef: 'b'.repeat(40) })
  );
  const main = b.function('main.main', '/src/shop-go/main.go', 3);
  const work = b.function('main.work', '/src/shop-go/work.go', 10);
  const main1 = b.location(v1, [[main, 5]]);
  const main2 = b.location(v2, [[main, 5]]);
  const w1 = b.location(v1, [[work, 12]]);
  const w2a = b.location(v2, [[work, 11]]);
  const w2b = b.location(v2, [[work, 14]]);
  const w2none = b.location(v2, [[work, 0]]);
  b.sample([w1, main1], 1_000_000_000) // 1 s in v1
    .sample([w2a, main2], 2_000_000_000)
    .sample([w2b, main2], 500_000_000)
    .sample([w2none, main2], 500_000_000); // 3 s in v2, 0.5 s of it without a line number
  return b.encode();
}

/** `count` versions of main.work (more than the radio buttons take: a combobox), the newest the hottest. */
function manyVersions(count: number) {
  const b = new PprofBuilder();
  const work = b.function('main.work', '/src/shop-go/work.go', 10);
  for (let i = 1; i <= count; i++) {
    const m = b.mapping(
      pyroscopeBuildId({ repository: 'https://github.com/linescope-demo/shop-go', gitRef: String(i).repeat(40) })
    );
    b.sample([b.location(m, [[work, 11]])], i * 1_000_000_000);
  }
  return b.encode();
}

/** One version whose mapping has no version JSON (labels must fill in). */
function unversioned() {
  const b = new PprofBuilder();
  const m = b.mapping('');
  const main = b.function('main.main', 'main.go', 3);
  const work = b.function('main.work', 'work.go', 10);
  b.sample([b.location(m, [[work, 12]]), b.location(m, [[main, 5]])], 4096);
  return b.encode();
}

function pyroscope(pprof: Uint8Array, labels: Record<string, string[]> = {}): Respond {
  return (req) => {
    if (req.url.endsWith('/SelectMergeProfile')) {
      return of({ status: 200, data: pprof.slice().buffer });
    }
    if (req.url.endsWith('/LabelNames')) {
      return of({ status: 200, data: { names: ['service_name', ...Object.keys(labels)].sort() } });
    }
    if (req.url.endsWith('/LabelValues')) {
      return of({ status: 200, data: { names: labels[req.data.name] ?? [] } });
    }
    return throwError(() => ({ status: 404, data: { message: 'not found' } }));
  };
}

/** The source server's side (the vcs.v1 calls) and a GitHub session, connected or not. */
function sourceServer(connected: boolean, lines = 20) {
  const api = {
    githubApp: jest.fn(() => new Promise(() => {})),
    githubLogin: jest.fn(),
    getFile: jest.fn(async () =>
      create(GetFileResponseSchema, {
        content: btoa(Array.from({ length: lines }, (_, i) => `// line ${i + 1}`).join('\n')),
      })
    ),
    getCommits: jest.fn(async (): Promise<CommitInfo[]> => []),
  } as unknown as jest.Mocked<VcsApi>;
  const { services } = gitHubServicesFor(api, connected, 'pyro');
  return { api, services };
}

const renderPanel = (props: Partial<{ onClose: () => void; services: GitHubServices; gitlab: GitLabServices }> = {}) =>
  render(
    <WithQueries>
      <GitHubServicesProvider services={props.services ?? sourceServer(false).services}>
        <GitLabServicesProvider services={props.gitlab ?? gitLabServicesFor({} as VcsApi, false, 'pyro').services}>
          <FunctionDetailsPanel target={target} onClose={props.onClose ?? jest.fn()} />
        </GitLabServicesProvider>
      </GitHubServicesProvider>
    </WithQueries>
  );

const row = (testId: string) => screen.getByTestId(testId);
const lineRow = (line: number) =>
  screen
    .getAllByTestId(testIds.functionDetails.breakdownLine)
    .find((r) => r.getAttribute('data-line') === String(line))!;

describe('FunctionDetailsPanel', () => {
  it('shows the function name at once and a loading state while the profile loads', () => {
    respond = () => NEVER;
    renderPanel();
    expect(row(testIds.functionDetails.rowFunctionName)).toHaveTextContent('main.work');
    expect(screen.getByTestId(testIds.functionDetails.loading)).toBeInTheDocument();
    expect(screen.queryByTestId(testIds.functionDetails.breakdown)).not.toBeInTheDocument();
  });

  it('asks for exactly the clicked call site with the flame graph selector and range', async () => {
    respond = pyroscope(twoVersions());
    renderPanel();
    await screen.findByTestId(testIds.functionDetails.breakdown);
    const select = requests.find((r) => r.url.endsWith('/SelectMergeProfile'))!;
    expect(select.url).toBe('/api/datasources/proxy/uid/pyro/querier.v1.QuerierService/SelectMergeProfile');
    expect(select.headers).toMatchObject({ 'Content-Type': 'application/proto', Accept: 'application/proto' });
    const body = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(new TextDecoder('latin1').decode(reader.result as ArrayBuffer));
      reader.readAsArrayBuffer(select.data);
    });
    // Binary protobuf: the strings appear verbatim, the call site root first.
    expect(body).toContain(target.profileTypeId);
    expect(body).toContain(target.labelSelector);
    expect(body.indexOf('main.main')).toBeLessThan(body.indexOf('main.work'));
  });

  it('keeps a long call site on one line with the full text on hover, and shows it all on request', async () => {
    respond = () => NEVER;
    renderPanel();
    const text = screen.getByTestId(testIds.functionDetails.callSiteText);
    expect(text).toHaveAttribute('title', 'main.main › main.work');
    fireEvent.click(screen.getByRole('button', { name: 'Show the whole call site' }));
    expect(screen.getByRole('button', { name: 'Show the call site on one line' })).toHaveAttribute(
      'aria-expanded',
      'true'
    );
    expect(text).not.toHaveAttribute('title');
    expect(text).toHaveTextContent('main.main › main.work');
  });

  it('shows rows, the hottest version first, and formats values with the profile unit', async () => {
    respond = pyroscope(twoVersions());
    renderPanel();
    await screen.findByTestId(testIds.functionDetails.breakdown);
    expect(row(testIds.functionDetails.rowCallSite)).toHaveTextContent('main.main › main.work');
    expect(row(testIds.functionDetails.rowStartLine)).toHaveTextContent('10');
    expect(row(testIds.functionDetails.rowFile)).toHaveTextContent('/src/shop-go/work.go');
    expect(screen.getByRole('button', { name: 'Copy file path' })).toBeInTheDocument();
    const repo = within(row(testIds.functionDetails.rowRepository)).getByRole('link');
    expect(repo).toHaveTextContent('linescope-demo/shop-go');
    expect(repo).toHaveAttribute('href', 'https://github.com/linescope-demo/shop-go');
    expect(screen.queryByTestId(testIds.functionDetails.repositoryFallback)).not.toBeInTheDocument();

    // Version choice: bbbbbbb holds 3 s of 4 s (75%), aaaaaaa 1 s (25%).
    const commit = within(row(testIds.functionDetails.commitChoice));
    expect(commit.getByLabelText('bbbbbbb · 3 s (75%)')).toBeChecked();
    expect(commit.getByLabelText('aaaaaaa · 1 s (25%)')).not.toBeChecked();

    // Lines 10..14 of the span, in seconds and as shares of the function's total (3 s).
    expect(
      within(lineRow(11))
        .getAllByRole('cell')
        .map((c) => c.textContent)
    ).toEqual(['2 s', '67%', '2 s', '67%']);
    expect(
      within(lineRow(14))
        .getAllByRole('cell')
        .map((c) => c.textContent)
    ).toEqual(['500 ms', '17%', '500 ms', '17%']);
    // Without source, the lines with samples come first; the rest of the span is one click away, with dashes.
    const listed = () =>
      screen.getAllByTestId(testIds.functionDetails.breakdownLine).map((r) => r.getAttribute('data-line'));
    expect(listed()).toEqual(['11', '14']);
    fireEvent.click(screen.getByTestId(testIds.functionDetails.breakdownAllLines));
    expect(listed()).toEqual(['10', '11', '12', '13', '14']);
    expect(
      within(lineRow(12))
        .getAllByRole('cell')
        .map((c) => c.textContent)
    ).toEqual(['–', '', '–', '']);
    fireEvent.click(screen.getByTestId(testIds.functionDetails.breakdownAllLines));
    expect(listed()).toEqual(['11', '14']);
  });

  it('brings the hottest line of a long breakdown into view', async () => {
    const scrolled: string[] = [];
    const scrollIntoView = jest.fn(function (this: HTMLElement) {
      scrolled.push(this.getAttribute('data-line') ?? '');
    });
    Object.defineProperty(HTMLElement.prototype, 'scrollIntoView', { value: scrollIntoView, configurable: true });
    try {
      respond = pyroscope(twoVersions());
      renderPanel();
      await screen.findByTestId(testIds.functionDetails.breakdown);
      await waitFor(() => expect(scrolled).toContain('11'));
    } finally {
      delete (HTMLElement.prototype as { scrollIntoView?: unknown }).scrollIntoView;
    }
  });

  it('copies the file path, and says so and shows the path to select when the browser refuses', async () => {
    respond = pyroscope(twoVersions());
    renderPanel();
    await screen.findByTestId(testIds.functionDetails.breakdown);
    const writeText = jest.fn().mockRejectedValueOnce(new DOMException('Write permission denied.', 'NotAllowedError'));
    Object.defineProperty(window, 'isSecureContext', { value: true, configurable: true });
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    try {
      fireEvent.click(screen.getByRole('button', { name: 'Copy file path' }));
      const failed = await screen.findByTestId(testIds.functionDetails.copyFileFailed);
      expect(failed).toHaveTextContent('did not allow copying');
      expect(failed).toHaveTextContent('/src/shop-go/work.go');
      expect(writeText).toHaveBeenCalledWith('/src/shop-go/work.go');

      writeText.mockResolvedValueOnce(undefined);
      fireEvent.click(screen.getByRole('button', { name: 'Copy file path' }));
      await waitFor(() => expect(screen.queryByTestId(testIds.functionDetails.copyFileFailed)).not.toBeInTheDocument());
      expect(writeText).toHaveBeenCalledTimes(2);
    } finally {
      Object.defineProperty(window, 'isSecureContext', { value: undefined, configurable: true });
      Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    }
  });

  it('keeps samples without a line number apart, with their share', async () => {
    respond = pyroscope(twoVersions());
    renderPanel();
    const without = await screen.findByTestId(testIds.functionDetails.breakdownWithoutLine);
    expect(without).toHaveTextContent('Without a line number: self 500 ms (17%), total 500 ms (17%)');
  });

  it('switches versions: the breakdown follows the chosen commit', async () => {
    respond = pyroscope(twoVersions());
    renderPanel();
    await screen.findByTestId(testIds.functionDetails.breakdown);
    fireEvent.click(screen.getByLabelText('aaaaaaa · 1 s (25%)'));
    expect(screen.getByLabelText('aaaaaaa · 1 s (25%)')).toBeChecked();
    expect(
      screen.getAllByTestId(testIds.functionDetails.breakdownLine).map((r) => r.getAttribute('data-line'))
    ).toEqual(['12']);
    expect(
      within(lineRow(12))
        .getAllByRole('cell')
        .map((c) => c.textContent)
    ).toEqual(['1 s', '100%', '1 s', '100%']);
    expect(screen.queryByTestId(testIds.functionDetails.breakdownWithoutLine)).not.toBeInTheDocument();
  });

  it('says the source is not loaded, while the numbers are there', async () => {
    respond = pyroscope(twoVersions());
    renderPanel();
    const note = await screen.findByTestId(testIds.functionDetails.sourceNotLoaded);
    expect(note).toHaveTextContent('Source not loaded');
    expect(note).toHaveTextContent('connect (Repository, above)');
  });

  it('falls back to the service labels (aliases too) and marks the repository as such', async () => {
    respond = pyroscope(unversioned(), {
      vcs_repository_url_full: ['git@github.com:linescope-demo/shop-go.git'],
      vcs_ref_head_revision: ['c'.repeat(40)],
    });
    renderPanel();
    await screen.findByTestId(testIds.functionDetails.repositoryFallback);
    expect(within(row(testIds.functionDetails.rowRepository)).getByRole('link')).toHaveTextContent(
      'linescope-demo/shop-go'
    );
    expect(screen.getByLabelText('ccccccc · 4.10 µs (100%)')).toBeChecked();
    // Only the labels that exist were asked for.
    expect(
      requests
        .filter((r) => r.url.endsWith('/LabelValues'))
        .map((r) => r.data.name)
        .sort()
    ).toEqual(['vcs_ref_head_revision', 'vcs_repository_url_full']);
  });

  it('shows an unknown repository without labels, and the numbers still', async () => {
    respond = pyroscope(unversioned());
    renderPanel();
    await screen.findByTestId(testIds.functionDetails.breakdown);
    expect(row(testIds.functionDetails.rowRepository)).toHaveTextContent('– (unknown)');
    expect(screen.getByTestId(testIds.functionDetails.sourceNotLoaded)).toHaveTextContent('no repository is known');
    expect(within(lineRow(12)).getAllByRole('cell')[2]).toHaveTextContent('4.10 µs');
  });

  it('reports an error with what to do, and retries', async () => {
    let fail = true;
    const ok = pyroscope(twoVersions());
    respond = (req) =>
      fail && req.url.endsWith('/SelectMergeProfile')
        ? throwError(() => ({ status: 502, statusText: 'Bad Gateway', data: new ArrayBuffer(0) }))
        : ok(req);
    renderPanel();
    const alert = await screen.findByTestId(testIds.functionDetails.error);
    expect(alert).toHaveTextContent('SelectMergeProfile failed (HTTP 502)');
    expect(alert).toHaveTextContent('Check that Pyroscope is running');
    fail = false;
    fireEvent.click(within(alert).getByRole('button', { name: /Retry/ }));
    await screen.findByTestId(testIds.functionDetails.breakdown);
    expect(screen.queryByTestId(testIds.functionDetails.error)).not.toBeInTheDocument();
  });

  it('reports an unreadable profile as an error, not a crash', async () => {
    respond = (req) =>
      req.url.endsWith('/SelectMergeProfile')
        ? of({ status: 200, data: new Uint8Array([0xff, 0xff, 0xff]).buffer })
        : pyroscope(new Uint8Array())(req);
    renderPanel();
    expect(await screen.findByTestId(testIds.functionDetails.error)).toHaveTextContent(
      'Couldn’t load function details'
    );
  });

  it('says "profile too large" for a gzip bomb (255 KB that inflate to 256 MiB), not a crash', async () => {
    const bomb = gzipBomb();
    respond = (req) =>
      req.url.endsWith('/SelectMergeProfile')
        ? of({ status: 200, data: bomb.slice().buffer })
        : pyroscope(new Uint8Array())(req);
    renderPanel();
    const error = await screen.findByTestId(testIds.functionDetails.error);
    expect(error).toHaveTextContent('The profile is too large');
    expect(error).toHaveTextContent('Narrow the time range or the label selector');
  });

  it('says so when the call site has no sample of the function (an empty profile)', async () => {
    respond = pyroscope(new Uint8Array());
    renderPanel();
    expect(await screen.findByTestId(testIds.functionDetails.empty)).toHaveTextContent('refresh the flame graph');
  });

  it('closes with the close button and with Escape', async () => {
    respond = () => NEVER;
    const onClose = jest.fn();
    renderPanel({ onClose });
    fireEvent.click(screen.getByRole('button', { name: 'Close function details' }));
    fireEvent.keyDown(screen.getByTestId(testIds.functionDetails.panel), { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it('leaves Escape to a control inside that handles it (an open list closes, the panel stays)', async () => {
    respond = pyroscope(manyVersions(4));
    const onClose = jest.fn();
    renderPanel({ onClose });
    await screen.findByTestId(testIds.functionDetails.breakdown);
    // The combobox's virtualised list renders options only with a height to fill.
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, value: 300 });
    try {
      const user = userEvent.setup();
      await user.click(within(row(testIds.functionDetails.commitChoice)).getByRole('combobox'));
      expect(await screen.findAllByRole('option')).toHaveLength(4);
      await user.keyboard('{Escape}');
      await waitFor(() => expect(screen.queryByRole('option')).not.toBeInTheDocument());
      expect(onClose).not.toHaveBeenCalled();
      expect(screen.getByTestId(testIds.functionDetails.panel)).toBeInTheDocument();
    } finally {
      delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
    }
  });

  it('gives focus back to where it was when it closes', () => {
    respond = () => NEVER;
    function Page() {
      const [open, setOpen] = React.useState(false);
      return (
        <WithQueries>
          <GitHubServicesProvider services={sourceServer(false).services}>
            <button onClick={() => setOpen(true)}>Function details for…</button>
            {open && <FunctionDetailsPanel target={target} onClose={() => setOpen(false)} />}
          </GitHubServicesProvider>
        </WithQueries>
      );
    }
    render(<Page />);
    const opener = screen.getByRole('button', { name: 'Function details for…' });
    opener.focus();
    fireEvent.click(opener);
    const panel = screen.getByTestId(testIds.functionDetails.panel);
    expect(panel).toHaveFocus();
    fireEvent.keyDown(panel, { key: 'Escape' });
    expect(screen.queryByTestId(testIds.functionDetails.panel)).not.toBeInTheDocument();
    expect(opener).toHaveFocus();

    // Closed from elsewhere (the query changed while the user works in another field): focus stays there.
    fireEvent.click(opener);
    const elsewhere = document.body.appendChild(document.createElement('input'));
    elsewhere.focus();
    fireEvent.click(screen.getByRole('button', { name: 'Close function details' }));
    expect(elsewhere).toHaveFocus();
    elsewhere.remove();
  });

  it('shows the loaded file in the code view with the selected version’s costs, instead of the table', async () => {
    respond = pyroscope(twoVersions());
    const { services } = sourceServer(true);
    renderPanel({ services });
    // The code view is virtualised: only what fits in its scrolling area is rendered.
    expect(await screen.findByTestId('code-view')).toHaveAttribute('data-language', 'go');
    expect(screen.getByTestId('code-view')).toHaveTextContent('Lines 10–14 · hottest line 11');
    expect(screen.queryAllByTestId(testIds.functionDetails.breakdownLine)).toHaveLength(0);
  });

  it('offers Retry, from the keyboard, when the source failed for a passing reason, and loads it on Enter', async () => {
    respond = pyroscope(twoVersions());
    const { api, services } = sourceServer(true);
    api.getFile.mockRejectedValueOnce(new ConnectError('secondary rate limit', Code.ResourceExhausted));
    renderPanel({ services });
    const retry = await screen.findByRole('button', { name: 'Retry loading the source' });
    expect(
      screen.getByText(/The Git host is rate limiting the source server; retry in a moment: secondary rate limit/)
    ).toBeInTheDocument();
    retry.focus();
    expect(retry).toHaveFocus();
    await userEvent.setup().keyboard('{Enter}');
    expect(await screen.findByTestId('code-view')).toBeInTheDocument();
    expect(screen.queryByTestId(testIds.functionDetails.sourceRetry)).not.toBeInTheDocument();
    expect(api.getFile).toHaveBeenCalledTimes(2);
  });

  it('offers no Retry when asking again cannot help (the server failed on its own)', async () => {
    respond = pyroscope(twoVersions());
    const { api, services } = sourceServer(true);
    api.getFile.mockRejectedValue(new ConnectError('template: nil pointer', Code.Internal));
    renderPanel({ services });
    expect(await screen.findByText(/The source could not be loaded: template: nil pointer/)).toBeInTheDocument();
    expect(screen.queryByTestId(testIds.functionDetails.sourceRetry)).not.toBeInTheDocument();
  });

  it('never links a script URL from a hostile source server: GetFile’s URL, the commit page and the avatar', async () => {
    respond = pyroscope(twoVersions());
    const { api, services } = sourceServer(true);
    const script = 'javascript:alert(document.domain)//https://github.com/linescope-demo/shop-go/blob/main/work.go';
    api.getFile.mockResolvedValue(create(GetFileResponseSchema, { content: btoa('// line 1'), URL: script }));
    api.getCommits.mockResolvedValue([
      create(CommitInfoSchema, {
        sha: 'b'.repeat(40),
        message: 'fix',
        URL: 'JaVaScRiPt:alert(1)',
        author: { login: 'mallory', avatarURL: 'data:image/svg+xml,<svg onload=alert(1)>' },
      }),
    ]);
    renderPanel({ services });
    await screen.findByTestId('code-view');
    await screen.findByTestId('commit-details');
    const panel = screen.getByTestId(testIds.functionDetails.panel);
    const hrefs = Array.from(panel.querySelectorAll('[href]'), (a) => a.getAttribute('href')!);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) {
      expect(href).toMatch(/^https:\/\/github\.com\/linescope-demo\/shop-go(\/|$)/);
    }
    // The links are built from the repository instead; the avatar is left out.
    expect(screen.getByTestId('source-link-file')).toHaveAttribute(
      'href',
      expect.stringMatching(
        new RegExp(`^https://github.com/linescope-demo/shop-go/blob/${'b'.repeat(40)}/.*work\\.go#L10$`)
      )
    );
    expect(within(screen.getByTestId('commit-details')).queryByRole('img', { hidden: true })).toBeNull();
    expect(panel.querySelector('img[src^="data:"]')).toBeNull();
  });

  it('shows a script URL given as the repository (build id or label) as text, not a link', async () => {
    const b = new PprofBuilder();
    const repository = 'javascript://github.com/%0aalert(document.domain)';
    const m = b.mapping(pyroscopeBuildId({ repository, gitRef: 'c'.repeat(40) }));
    b.sample([b.location(m, [[b.function('main.work', '/src/shop-go/work.go', 10), 12]])], 1_000_000_000);
    respond = pyroscope(b.encode());
    renderPanel();
    const repositoryRow = within(await screen.findByTestId(testIds.functionDetails.rowRepository));
    expect(await repositoryRow.findByText(repository)).toBeInTheDocument();
    expect(repositoryRow.queryByRole('link')).toBeNull();
    expect(screen.getByTestId(testIds.functionDetails.panel).querySelector('[href^="javascript" i]')).toBeNull();
  });

  it('puts a user override before the build id, marked as overridden', async () => {
    respond = pyroscope(twoVersions());
    const override = { repository: 'https://github.com/fork/shop-go', gitRef: 'main', rootPath: '' };
    saveOverride(window.localStorage, { datasourceUid: 'pyro', serviceName: 'shop-go' }, override);
    const { api, services } = sourceServer(true);
    try {
      renderPanel({ services });
      await screen.findByTestId(testIds.functionDetails.breakdown);
      expect(within(row(testIds.functionDetails.rowRepository)).getByRole('link')).toHaveTextContent('fork/shop-go');
      expect(row(testIds.functionDetails.rowRepository)).toHaveTextContent('overridden');
      // Both versions now read "main": each choice also names the commit the profile gave it, numbers per version kept.
      const commit = within(row(testIds.functionDetails.commitChoice));
      expect(commit.getByLabelText('main (profiled as bbbbbbb) · 3 s (75%)')).toBeChecked();
      expect(commit.getByLabelText('main (profiled as aaaaaaa) · 1 s (25%)')).not.toBeChecked();
      // GetFile, GetCommits and the links are made from the override.
      await waitFor(() => expect(api.getFile).toHaveBeenCalled());
      expect(api.getFile.mock.lastCall?.[0]).toEqual({
        repositoryURL: override.repository,
        ref: 'main',
        localPath: '/src/shop-go/work.go',
        rootPath: '',
        functionName: 'main.work',
        runtimeVersion: '',
      });
      expect(api.getCommits.mock.lastCall?.[0]).toEqual({ repositoryUrl: override.repository, refs: ['main'] });
    } finally {
      window.localStorage.clear();
    }
  });

  it('offers Connect to GitLab for a self-managed GitLab repository once the source server names its GitLab', async () => {
    const b = new PprofBuilder();
    const m = b.mapping(
      pyroscopeBuildId({ repository: 'https://example.com/gitlab/shop/backend/shop-go', gitRef: 'c'.repeat(40) })
    );
    b.sample([b.location(m, [[b.function('main.work', '/src/shop-go/work.go', 10), 12]])], 1_000_000_000);
    respond = pyroscope(b.encode());
    let answer!: (app: GitlabAppResponse) => void;
    const login = {
      gitlabApp: jest.fn(() => new Promise<GitlabAppResponse>((resolve) => (answer = resolve))),
      gitlabLogin: jest.fn(),
    };
    renderPanel({ gitlab: gitLabServicesFor({} as VcsApi, false, 'pyro', login).services });
    await screen.findByTestId(testIds.functionDetails.breakdown);
    const repositoryRow = within(row(testIds.functionDetails.rowRepository));
    // Before the answer the host is an unknown one: GitHub's, as documented.
    expect(repositoryRow.getByTestId('github-connect')).toBeInTheDocument();

    await act(async () => answer(create(GitlabAppResponseSchema, { webUrl: 'https://example.com/gitlab' })));
    expect(await repositoryRow.findByTestId('gitlab-connect')).toHaveTextContent('Connect to shop/backend/shop-go');
    expect(repositoryRow.queryByTestId('github-connect')).not.toBeInTheDocument();
    expect(repositoryRow.getByRole('link')).toHaveAttribute('href', 'https://example.com/gitlab/shop/backend/shop-go');
    // One GitlabApp answer serves the row and the login it prepares.
    expect(login.gitlabApp).toHaveBeenCalledTimes(1);
  });

  it("sends the labels' runtime version with GetFile, also when the build id names the source", async () => {
    const answer = pyroscope(twoVersions(), {
      process_runtime_version: ['20.19.0'],
      service_runtime_version: ['v20.20.2'],
    });
    let releaseLabels!: () => void;
    const labelsHeld = new Promise<void>((resolve) => (releaseLabels = resolve));
    // The labels come after the profile: GetFile waits for them, GetCommits does not.
    respond = (req) =>
      req.url.endsWith('/SelectMergeProfile')
        ? answer(req)
        : from(labelsHeld).pipe(mergeMap(() => answer(req) as Observable<unknown>));
    const { api, services } = sourceServer(true);
    renderPanel({ services });
    await screen.findByTestId(testIds.functionDetails.commitChoice);
    await waitFor(() => expect(api.getCommits).toHaveBeenCalled());
    expect(api.getFile).not.toHaveBeenCalled();
    releaseLabels();
    await waitFor(() => expect(api.getFile).toHaveBeenCalled());
    expect(api.getFile).toHaveBeenCalledTimes(1);
    expect(api.getFile.mock.lastCall?.[0]).toMatchObject({ ref: 'b'.repeat(40), runtimeVersion: 'v20.20.2' });
    await screen.findByTestId('code-view');
  });

  it('asks the source server for the selected version and file once connected; before, offers to connect', async () => {
    respond = pyroscope(twoVersions());
    const { api, services } = sourceServer(false);
    renderPanel({ services });
    await screen.findByTestId(testIds.functionDetails.breakdown);
    expect(screen.getByRole('button', { name: /Connect to linescope-demo\/shop-go/ })).toBeInTheDocument();
    expect(screen.getByTestId(testIds.functionDetails.sourceNotLoaded)).toHaveTextContent(
      'connect (Repository, above)'
    );
    expect(api.getFile).not.toHaveBeenCalled();

    const connected = sourceServer(true);
    renderPanel({ services: connected.services });
    await waitFor(() => expect(connected.api.getFile).toHaveBeenCalled());
    expect(connected.api.getFile.mock.lastCall?.[0]).toEqual({
      repositoryURL: 'https://github.com/linescope-demo/shop-go',
      ref: 'b'.repeat(40),
      localPath: '/src/shop-go/work.go',
      rootPath: '',
      functionName: 'main.work',
      runtimeVersion: '',
    });
    expect(connected.api.getCommits.mock.lastCall?.[0]).toEqual({
      repositoryUrl: 'https://github.com/linescope-demo/shop-go',
      refs: ['b'.repeat(40), 'a'.repeat(40)],
    });
    expect(await screen.findByTestId('code-view')).toBeInTheDocument();
    await act(async () => {});
  });
});
