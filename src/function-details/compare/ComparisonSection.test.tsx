import React from 'react';
import { from, of, throwError } from 'rxjs';
import { configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setBackendSrv, type BackendSrv, type BackendSrvRequest } from '@grafana/runtime';
import { create } from '@bufbuild/protobuf';
import { GetFileResponseSchema, type CommitInfo } from '../../../proto/gen/vcs/v1/vcs_pb';
import type { FunctionDetailsTarget } from '../../domain/target';
import type { VcsApi } from '../../source/core/api';
import { GitHubServicesProvider } from '../../source/providers/github/services';
import { gitHubServicesFor } from '../../test-support/gitHubServices';
import { WithQueries } from '../../test-support/queries';
import { testIds } from '../../testIds';
import { FunctionDetailsPanel } from '../FunctionDetailsPanel';
import { PprofBuilder, pyroscopeBuildId } from '@linescope/lines/testing/pprofBuilder';

configure({ asyncUtilTimeout: 10000 });
jest.setTimeout(30000);

const V110 = '{service_name="shop", version="v1.1.0"}';
const V100 = '{service_name="shop", version="v1.0.0"}';
const REPO = 'https://github.com/acme/shop';
const OLD = 'a'.repeat(40);
const NEW = 'b'.repeat(40);
const FILES: Record<string, string[]> = {
  [OLD]: ['func work() {', '\ta()', '\tslow()', '}'],
  [NEW]: ['func work() {', '\t// why', '\ta()', '\tfast()', '}'],
};

const target: FunctionDetailsTarget = {
  datasourceUid: 'pyro',
  vcsDataSourceUid: 'pyro',
  profileTypeId: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds',
  labelSelector: V110,
  serviceName: 'shop',
  range: { from: 1_700_000_000_000, to: 1_700_003_600_000 },
  callSite: ['main.work'],
  functionName: 'main.work',
};

/** One deployed version of main.work: `lines` are [line, nanoseconds of self]. */
function profile(gitRef: string, lines: Array<[number, number]>) {
  const b = new PprofBuilder();
  const m = b.mapping(pyroscopeBuildId({ repository: REPO, gitRef }));
  const work = b.function('main.work', '/src/shop/work.go', 1);
  lines.forEach(([line, value]) => b.sample([b.location(m, [[work, line]])], value));
  return b.encode();
}
// v1.0.0: a() 1 s, slow() 3 s; v1.1.0: a() 1 s (one line lower), fast() 0.5 s. Both wholes are 10 s.
const BEFORE = profile(OLD, [
  [2, 1e9],
  [3, 3e9],
]);
const AFTER = profile(NEW, [
  [3, 1e9],
  [4, 0.5e9],
]);

const requests: BackendSrvRequest[] = [];
const text = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new TextDecoder('latin1').decode(reader.result as ArrayBuffer));
    reader.readAsArrayBuffer(blob);
  });

beforeAll(() => {
  setBackendSrv({
    fetch: (req: BackendSrvRequest) => {
      requests.push(req);
      if (req.url.endsWith('/SelectMergeProfile')) {
        return from(
          text(req.data).then((body) => ({
            status: 200,
            data: (body.includes('v1.0.0') ? BEFORE : AFTER).slice().buffer,
          }))
        );
      }
      if (req.url.endsWith('/SelectMergeStacktraces')) {
        return of({ status: 200, data: { flamegraph: { names: ['total'], total: '10000000000' } } });
      }
      if (req.url.endsWith('/LabelNames')) {
        return of({ status: 200, data: { names: ['service_name'] } });
      }
      return throwError(() => ({ status: 404, data: { message: 'not found' } }));
    },
  } as unknown as BackendSrv);
});
beforeEach(() => (requests.length = 0));

function renderPanel(compare: { value?: string; onChange?: (v: string | undefined) => void }, connected = true) {
  const api = {
    githubApp: jest.fn(() => new Promise(() => {})),
    githubLogin: jest.fn(),
    getFile: jest.fn(async (req: { ref: string }) =>
      create(GetFileResponseSchema, { content: btoa(FILES[req.ref].join('\n')) })
    ),
    getCommits: jest.fn(async (): Promise<CommitInfo[]> => []),
  } as unknown as jest.Mocked<VcsApi>;
  const { services } = gitHubServicesFor(api, connected, 'pyro');
  render(
    <WithQueries>
      <GitHubServicesProvider services={services}>
        <FunctionDetailsPanel target={target} onClose={jest.fn()} compare={compare} />
      </GitHubServicesProvider>
    </WithQueries>
  );
  return api;
}

const compareRow = (key: string) =>
  screen.getAllByTestId(testIds.functionDetails.compareLine).find((r) => r.getAttribute('data-key') === key)!;

describe('Compare with… in the panel', () => {
  it('opens a shared link’s comparison: lines follow their code through the diff, the changed one heads the list', async () => {
    const api = renderPanel({ value: `labels:${V100}`, onChange: jest.fn() });
    expect(await screen.findByTestId(testIds.functionDetails.compare)).toHaveTextContent(`Compared with ${V100}`);
    const list = await screen.findByTestId(testIds.functionDetails.largestChanges);
    await waitFor(() => expect(within(list).getAllByRole('button')[0]).toHaveAttribute('data-line', '4'));
    expect(within(list).getAllByRole('button')[0]).toHaveTextContent('Line 4edited−25 pp');
    // a() moved down a line and kept its numbers: no change, so not in the list.
    expect(within(list).getAllByRole('button')).toHaveLength(1);
    expect(compareRow('line:3')).toHaveTextContent('was 2');
    expect(within(compareRow('line:3')).getByTestId(testIds.functionDetails.lineDelta)).toHaveTextContent('±0 pp');
    expect(compareRow('line:4')).toHaveTextContent('fast()');
    // Both sides were asked for the same call site; the baseline with its own selector, and both wholes.
    const bodies = await Promise.all(
      requests.filter((r) => r.url.endsWith('/SelectMergeProfile')).map((r) => text(r.data))
    );
    expect(bodies.some((b) => b.includes('v1.0.0') && b.includes('main.work'))).toBe(true);
    expect(bodies.some((b) => b.includes('v1.1.0') && b.includes('main.work'))).toBe(true);
    expect(
      requests
        .filter((r) => r.url.endsWith('/SelectMergeStacktraces'))
        .map((r) => r.data.labelSelector)
        .sort()
    ).toEqual([V100, V110]);
    expect(api.getFile.mock.calls.map(([req]) => (req as unknown as { ref: string }).ref).sort()).toEqual([OLD, NEW]);
  });

  it('scrolls the code to a line picked in the largest changes', async () => {
    const scrollIntoView = jest.fn();
    Element.prototype.scrollIntoView = scrollIntoView;
    renderPanel({ value: `labels:${V100}`, onChange: jest.fn() });
    const list = await screen.findByTestId(testIds.functionDetails.largestChanges);
    await waitFor(() => expect(within(list).getAllByRole('button')[0]).toHaveAttribute('data-line', '4'));
    await userEvent.click(within(list).getAllByRole('button')[0]);
    expect(scrollIntoView.mock.instances[0]).toHaveAttribute('data-key', 'line:4');
  });

  it('pairs lines by number and says so while the files cannot be loaded', async () => {
    renderPanel({ value: `labels:${V100}`, onChange: jest.fn() }, false);
    expect(await screen.findByText('Lines paired by number')).toBeInTheDocument();
    const list = await screen.findByTestId(testIds.functionDetails.largestChanges);
    await waitFor(() => expect(within(list).getAllByRole('button').length).toBeGreaterThan(0));
    expect(compareRow('line:3')).not.toHaveTextContent('was');
  });

  it('writes the chosen baseline to the URL parameter', async () => {
    const onChange = jest.fn();
    renderPanel({ onChange });
    await screen.findByTestId(testIds.functionDetails.breakdown);
    const control = screen.getByTestId(testIds.functionDetails.compare);
    await userEvent.click(within(control).getByRole('button', { name: /Compare with/ }));
    await userEvent.click(within(control).getByRole('radio', { name: '1 week earlier' }));
    expect(onChange).toHaveBeenLastCalledWith('offset:1w');
  });

  it('reports a malformed comparison in the link and shows the one-side breakdown', async () => {
    renderPanel({ value: 'offset:1y', onChange: jest.fn() });
    expect(await screen.findByText('The comparison in the link could not be read')).toBeInTheDocument();
    expect(await screen.findByTestId(testIds.functionDetails.breakdown)).toBeInTheDocument();
  });

  it('keeps the comparison in the panel when the page keeps no URL', async () => {
    renderPanel({});
    await screen.findByTestId(testIds.functionDetails.breakdown);
    const control = screen.getByTestId(testIds.functionDetails.compare);
    await userEvent.click(within(control).getByRole('button', { name: /Compare with/ }));
    await userEvent.click(within(control).getByRole('radio', { name: '1 day earlier' }));
    expect(control).toHaveTextContent('Compared with the same window one day earlier');
    await screen.findByTestId(testIds.functionDetails.largestChanges);
    await userEvent.click(within(control).getByRole('button', { name: 'Stop comparing' }));
    expect(await screen.findByTestId(testIds.functionDetails.breakdown)).toBeInTheDocument();
  });
});
