// The panel when Pyroscope cut the call site's profile to its node limit: what it asked for, and what it says.
import React from 'react';
import { of } from 'rxjs';
import { BinaryReader } from '@bufbuild/protobuf/wire';
import { configure, render, screen } from '@testing-library/react';
import { setBackendSrv, type BackendSrv, type BackendSrvRequest } from '@grafana/runtime';
import type { FunctionDetailsTarget } from '../domain/target';
import type { VcsApi } from '../source/core/api';
import { GitHubServicesProvider } from '../source/providers/github/services';
import { gitHubServicesFor } from '../test-support/gitHubServices';
import { WithQueries } from '../test-support/queries';
import { FunctionDetailsPanel } from './FunctionDetailsPanel';
import { PprofBuilder } from '@linescope/lines/testing/pprofBuilder';
import { testIds } from '../testIds';

configure({ asyncUtilTimeout: 10000 });
jest.setTimeout(30000);

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

/** 4 s through main.work, of which 1 s in branches Pyroscope cut into its `other` stub. */
function profile(truncated: boolean) {
  const b = new PprofBuilder();
  const m = b.mapping();
  const main = b.function('main.main', 'main.go', 3);
  const work = b.function('main.work', 'work.go', 10);
  const mainLoc = b.location(m, [[main, 5]]);
  const work11 = b.location(m, [[work, 11]]);
  b.sample([work11, mainLoc], 3_000_000_000);
  if (truncated) {
    const other = b.function('other', '');
    b.sample([b.location(0, [[other, 0]]), work11, mainLoc], 1_000_000_000);
  }
  return b.encode();
}

function serve(pprof: Uint8Array) {
  const asked: BackendSrvRequest[] = [];
  setBackendSrv({
    fetch: (req: BackendSrvRequest) => {
      asked.push(req);
      if (req.url.endsWith('/SelectMergeProfile')) {
        return of({ status: 200, data: pprof.slice().buffer });
      }
      return of({ status: 200, data: { names: [] } });
    },
  } as unknown as BackendSrv);
  // Not connected to GitHub: the panel shows the numbers without the source.
  const api = { githubApp: jest.fn(() => new Promise(() => {})) } as unknown as VcsApi;
  render(
    <WithQueries>
      <GitHubServicesProvider services={gitHubServicesFor(api, false, 'pyro').services}>
        <FunctionDetailsPanel target={target} onClose={jest.fn()} />
      </GitHubServicesProvider>
    </WithQueries>
  );
  return asked;
}

const line = async (n: number) =>
  (await screen.findAllByTestId(testIds.functionDetails.breakdownLine)).find(
    (r) => r.getAttribute('data-line') === String(n)
  );

/** max_nodes (field 5) of the binary SelectMergeProfileRequest the panel sent. */
async function maxNodesOf(req: BackendSrvRequest): Promise<number | undefined> {
  const buffer = await new Promise<ArrayBuffer>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.readAsArrayBuffer(req.data as Blob);
  });
  const reader = new BinaryReader(new Uint8Array(buffer));
  while (reader.pos < reader.len) {
    const [field, wireType] = reader.tag();
    if (field === 5) {
      return Number(reader.int64());
    }
    reader.skip(wireType);
  }
  return undefined;
}

test('says which numbers may be low, by how much, and why, when Pyroscope cut the profile', async () => {
  const asked = serve(profile(true));
  const notice = await screen.findByTestId(testIds.functionDetails.truncated);
  expect(notice).toHaveTextContent('Pyroscope cut this profile short');
  expect(notice).toHaveTextContent('1 s (25% of the call site)');
  expect(notice).toHaveTextContent(/self and total of each line, and of the function, may be low, by up to 1 s/);
  expect(notice).toHaveTextContent('-querier.max-flamegraph-nodes-on-select-merge-profile');
  // The numbers that survived are still shown: line 11's self 3 s, its total 4 s (the cut second ran below it).
  expect(await line(11)).toHaveTextContent(/3 s.*4 s/);
  const select = asked.find((r) => r.url.endsWith('/SelectMergeProfile'))!;
  expect(await maxNodesOf(select)).toBe(1048576);
});

test('says nothing of the kind for a whole profile', async () => {
  serve(profile(false));
  expect(await line(11)).toHaveTextContent(/3 s.*3 s/);
  expect(screen.queryByTestId(testIds.functionDetails.truncated)).not.toBeInTheDocument();
});
