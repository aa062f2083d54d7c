// The tenant setting that makes SelectMergeProfile truncate (-querier.max-flamegraph-nodes-on-select-merge-profile),
// seen through the plugin's own request encoder and profile computation.
import { computeFunctionDetails } from '@linescope/lines';
import { selectMergeProfileWithMostNodes } from '../../src/pyroscope/mergeNodeLimit';
import {
  encodeSelectMergeProfileRequest,
  type SelectMergeProfileParams,
} from '../../src/pyroscope/selectMergeProfileRequest';
import { ingest } from './profile-store';
import { startPyroscopeDouble, TENANT_LIMITS_PATH } from './server';
import { cpuProfile } from './test-profiles';

let double: Awaited<ReturnType<typeof startPyroscopeDouble>>;
const now = Date.now();
const params: SelectMergeProfileParams = {
  profileTypeId: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds',
  labelSelector: '{service_name="api"}',
  start: now - 3600000,
  end: now,
  callSite: ['main'],
};

beforeAll(async () => {
  double = await startPyroscopeDouble({
    series: ingest(
      cpuProfile([
        ['main;a;b', 30],
        ['main;a;d', 2],
        ['main;a', 10],
        ['main;c', 58],
      ]),
      { service_name: 'api' },
      'a'
    ),
  });
});
afterAll(() => double.close());

async function setLimits(limits: Record<string, unknown>) {
  const res = await fetch(`${double.url}${TENANT_LIMITS_PATH}`, { method: 'PUT', body: JSON.stringify(limits) });
  if (!res.ok) {
    throw new Error(await res.text());
  }
  return res.json();
}

async function selectMergeProfile(p: SelectMergeProfileParams): Promise<Uint8Array> {
  const res = await fetch(`${double.url}/querier.v1.QuerierService/SelectMergeProfile`, {
    method: 'POST',
    headers: { 'content-type': 'application/proto' },
    body: encodeSelectMergeProfileRequest(p) as Uint8Array<ArrayBuffer>,
  });
  if (!res.ok) {
    const body = res.headers.get('content-type')?.includes('json') ? (await res.json()).message : await res.text();
    throw new Error(`SelectMergeProfile failed (HTTP ${res.status}): ${body}`);
  }
  return new Uint8Array(await res.arrayBuffer());
}

afterEach(() =>
  setLimits({
    maxFlameGraphNodesDefault: 8192,
    maxFlameGraphNodesMax: 1048576,
    maxFlameGraphNodesOnSelectMergeProfile: false,
  })
);

test("by default (the setting off) nothing is cut, whatever max_nodes says or doesn't", async () => {
  for (const maxNodes of [undefined, 0]) {
    const details = computeFunctionDetails(await selectMergeProfile({ ...params, maxNodes }), 'a');
    expect(details.truncated).toBeUndefined();
    expect(details.total).toBe(42);
  }
});

test("with the setting on, an unset max_nodes gets the tenant's default and the small branches become `other`", async () => {
  await setLimits({ maxFlameGraphNodesOnSelectMergeProfile: true, maxFlameGraphNodesDefault: 3 });
  const details = computeFunctionDetails(await selectMergeProfile(params), 'a');
  // Three nodes keep main (100), c (58) and a (42); a's callees b (30) and d (2) become `other`.
  expect(details.truncated).toEqual({ cutValue: 32, profileTotal: 100 });
  expect([details.total, details.versions[0].self]).toEqual([42, 10]);
});

test('with the setting on, a larger max_nodes is honoured up to the tenant maximum, and refused above it', async () => {
  await setLimits({
    maxFlameGraphNodesOnSelectMergeProfile: true,
    maxFlameGraphNodesDefault: 3,
    maxFlameGraphNodesMax: 4,
  });
  await expect(selectMergeProfile({ ...params, maxNodes: 1048576 })).rejects.toThrow(
    'max flamegraph nodes limit 1048576 is greater than allowed 4'
  );
  await expect(selectMergeProfile({ ...params, maxNodes: -1 })).rejects.toThrow(
    'max flamegraph nodes limit must be set (max allowed 4)'
  );
  // What the panel does: ask for the usual maximum, then the tenant's own; fewer branches are cut than by default.
  const details = computeFunctionDetails(await selectMergeProfileWithMostNodes(selectMergeProfile, params), 'a');
  expect(details.truncated).toEqual({ cutValue: 2, profileTotal: 100 });
  expect(details.total).toBe(42);
  expect(details.versions[0].lines.length).toBeGreaterThan(0);
});

test('the limits endpoint refuses unknown or mistyped settings', async () => {
  await expect(setLimits({ maxFlameGraphNodes: 3 })).rejects.toThrow('unknown or mistyped limit: maxFlameGraphNodes');
  await expect(setLimits({ maxFlameGraphNodesMax: '4' })).rejects.toThrow('unknown or mistyped limit');
});
