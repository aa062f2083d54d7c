// Each line over time, in the whole panel: one SelectMergeProfile per bucket of the selected range after the
// panel's own, a small chart beside each sampled line, a mark where the commit changes, and the requests stopped
// when the panel closes.
import { from, mergeMap, of, throwError, timer } from 'rxjs';
import { configure, waitFor, within } from '@testing-library/react';
import { setBackendSrv, type BackendSrv, type BackendSrvRequest } from '@grafana/runtime';
import { create, fromBinary } from '@bufbuild/protobuf';
import { SelectMergeProfileRequestSchema } from '../../../proto/gen/querier/v1/querier_pb';
import type { VcsApi } from '../../source/core/api';
import { testIds } from '../../testIds';
import { PprofBuilder, pyroscopeBuildId } from '@linescope/lines/testing/pprofBuilder';
import { codeRow, layOutScrollingAreas, renderConnectedPanel, SEARCH_TARGET } from '../testing/renderPanel';
import { GetFileResponseSchema } from '../../../proto/gen/vcs/v1/vcs_pb';

configure({ asyncUtilTimeout: 10000 });
jest.setTimeout(30000);

const RANGE = { from: 1_700_000_000_000, to: 1_700_003_600_000 };
const MIDDLE = (RANGE.from + RANGE.to) / 2;

/** v1 (line 12 hot) before the middle of the hour, v2 (line 11 hot) after it; the whole hour has both. */
function profileOf(start: number, end: number) {
  const b = new PprofBuilder();
  const work = b.function('main.work', '/src/shop-go/work.go', 10);
  if (start < MIDDLE) {
    const v1 = b.mapping(pyroscopeBuildId({ repository: 'https://github.com/o/shop', gitRef: 'a'.repeat(40) }));
    b.sample([b.location(v1, [[work, 12]])], 1_000_000_000);
  }
  if (end > MIDDLE) {
    const v2 = b.mapping(pyroscopeBuildId({ repository: 'https://github.com/o/shop', gitRef: 'b'.repeat(40) }));
    b.sample([b.location(v2, [[work, 11]])], 2_000_000_000).sample([b.location(v2, [[work, 12]])], 100_000_000);
  }
  return b.encode();
}

function readBlob(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.readAsArrayBuffer(blob);
  });
}

let profileRequests: Array<{ start: number; end: number }> = [];
let delayMs = 0;
layOutScrollingAreas();
beforeAll(() => {
  setBackendSrv({
    fetch: (req: BackendSrvRequest) => {
      if (req.url.endsWith('/SelectMergeProfile')) {
        return from(readBlob(req.data as Blob)).pipe(
          mergeMap((bytes) => {
            const request = fromBinary(SelectMergeProfileRequestSchema, bytes);
            const span = { start: Number(request.start), end: Number(request.end) };
            profileRequests.push(span);
            return timer(delayMs).pipe(
              mergeMap(() => of({ status: 200, data: profileOf(span.start, span.end).slice().buffer }))
            );
          })
        );
      }
      if (req.url.endsWith('/LabelNames')) {
        return of({ status: 200, data: { names: ['service_name'] } });
      }
      return throwError(() => ({ status: 404, data: { message: 'not found' } }));
    },
  } as unknown as BackendSrv);
});
beforeEach(() => {
  profileRequests = [];
  delayMs = 0;
});

function renderPanel() {
  const api = {
    githubApp: jest.fn(() => new Promise(() => {})),
    getFile: jest.fn(async () =>
      create(GetFileResponseSchema, { content: btoa(Array.from({ length: 20 }, (_, i) => `// ${i + 1}`).join('\n')) })
    ),
    getCommits: jest.fn(async () => []),
  } as unknown as VcsApi;
  return renderConnectedPanel(api, { ...SEARCH_TARGET, range: RANGE });
}

it('asks for the panel’s profile, then one per bucket of the range, and charts each sampled line', async () => {
  renderPanel();
  const hot = await codeRow(11);
  const chart = await within(hot).findByTestId(testIds.functionDetails.lineHistory);
  expect(profileRequests[0]).toEqual({ start: RANGE.from, end: RANGE.to });
  expect(profileRequests).toHaveLength(13);
  const buckets = profileRequests.slice(1).sort((a, b) => a.start - b.start);
  expect(buckets[0].start).toBe(RANGE.from);
  expect(buckets[11].end).toBe(RANGE.to);
  // Line 11 only runs in v2 (the second half), line 12 in both; the commit changes at the middle bucket.
  expect(within(chart).getByRole('img')).toHaveAttribute('data-commit-changes', '6');
  expect(chart.getAttribute('title')).toMatch(
    /^Line 11 over the range: total from 2 s to 2 s.*the commit changed once$/
  );
  expect(within(await codeRow(12)).getByTestId(testIds.functionDetails.lineHistory)).toBeInTheDocument();
  // A line without samples has no chart.
  expect(within(await codeRow(10)).queryByTestId(testIds.functionDetails.lineHistory)).toBeNull();
});

it('shows the numbers before the history arrives, and stops asking when the panel closes', async () => {
  delayMs = 300;
  const { unmount } = renderPanel();
  const hot = await codeRow(11);
  expect(within(hot).getByTestId('code-view-self')).not.toHaveTextContent(/^$/);
  expect(within(hot).queryByTestId(testIds.functionDetails.lineHistory)).toBeNull();
  await waitFor(() => expect(profileRequests.length).toBeGreaterThan(1));
  unmount();
  const asked = profileRequests.length;
  await new Promise((resolve) => setTimeout(resolve, 1500));
  // At most the buckets already under way when it closed (three at a time) were asked, never all twelve.
  expect(profileRequests.length).toBeLessThanOrEqual(asked + 3);
  expect(profileRequests.length).toBeLessThan(13);
});
