// The querier double over real HTTP with the Connect protocol: protojson shapes, binary pprof, validation.
import { fromBinary, toBinary, create } from '@bufbuild/protobuf';
import { ProfileSchema } from '../../proto/gen/google/v1/profile_pb';
import { SelectMergeProfileRequestSchema } from '../../proto/gen/querier/v1/querier_pb';
import { ingest } from './profile-store';
import { startPyroscopeDouble } from './server';
import { cpuProfile } from './test-profiles';

let double: Awaited<ReturnType<typeof startPyroscopeDouble>>;
const now = Date.now();
const range = { start: String(now - 3600000), end: String(now) };
const CPU = 'process_cpu:cpu:nanoseconds:cpu:nanoseconds';

beforeAll(async () => {
  const labelled = { service_name: 'api', service_repository: 'https://github.com/acme/api', service_git_ref: 'v1' };
  double = await startPyroscopeDouble({
    series: [
      ...ingest(
        cpuProfile([
          ['main;a;b', 30],
          ['main;a', 10],
          ['main;c', 60],
        ]),
        labelled,
        'a'
      ),
      ...ingest(
        cpuProfile([['main;x', 5]]),
        { service_name: 'worker', 'k8s.pod': 'p1' } as Record<string, string>,
        'b'
      ),
    ],
  });
});
afterAll(() => double.close());

const call = async (method: string, body: unknown, headers: Record<string, string> = {}) => {
  const res = await fetch(`${double.url}/querier.v1.QuerierService/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
};

describe('querier double (JSON)', () => {
  it('lists profile types sorted by ID with the upper-case ID key', async () => {
    const { body } = await call('ProfileTypes', {});
    expect(body.profileTypes.map((t: { ID: string }) => t.ID)).toEqual([
      CPU,
      'process_cpu:samples:count:cpu:nanoseconds',
    ]);
    expect(body.profileTypes[0]).toEqual({
      ID: CPU,
      name: 'process_cpu',
      sampleType: 'cpu',
      sampleUnit: 'nanoseconds',
      periodType: 'cpu',
      periodUnit: 'nanoseconds',
    });
  });

  it('lists label names (legacy names only unless allowed) and values', async () => {
    const names = (await call('LabelNames', { matchers: ['{}'], ...range })).body.names;
    expect(names).toEqual(
      expect.arrayContaining(['__profile_type__', 'service_git_ref', 'service_name', 'service_repository'])
    );
    expect(names).not.toContain('k8s.pod');
    const utf8 = await call(
      'LabelNames',
      { matchers: ['{}'], ...range },
      { accept: 'application/json; allow-utf8-labelnames=true' }
    );
    expect(utf8.body.names).toContain('k8s.pod');
    expect((await call('LabelValues', { name: 'service_name', matchers: ['{}'], ...range })).body).toEqual({
      names: ['api', 'worker'],
    });
    expect(
      (await call('LabelValues', { name: 'service_git_ref', matchers: ['{service_name="worker"}'], ...range })).body
    ).toEqual({});
  });

  it('answers SelectMergeStacktraces with the worked-example flame graph, int64 as strings', async () => {
    const { body } = await call('SelectMergeStacktraces', {
      profileTypeID: CPU,
      labelSelector: '{service_name="api"}',
      ...range,
    });
    expect(body).toEqual({
      flamegraph: {
        names: ['total', 'main', 'c', 'a', 'b'],
        levels: [
          { values: ['0', '100', '0', '0'] },
          { values: ['0', '100', '0', '1'] },
          { values: ['0', '40', '10', '3', '0', '60', '60', '2'] },
          { values: ['10', '30', '30', '4'] },
        ],
        total: '100',
        maxSelf: '60',
      },
    });
    const trunc = await call('SelectMergeStacktraces', {
      profileTypeID: CPU,
      labelSelector: '{service_name="api"}',
      maxNodes: '2',
      ...range,
    });
    expect(trunc.body.flamegraph.names).toEqual(['total', 'main', 'other', 'c']);
    const empty = await call('SelectMergeStacktraces', {
      profileTypeID: CPU,
      labelSelector: '{service_name="none"}',
      ...range,
    });
    expect(empty.body).toEqual({ flamegraph: { names: ['total'], levels: [{ values: ['0', '0', '0', '0'] }] } });
    const old = await call('SelectMergeStacktraces', {
      profileTypeID: CPU,
      labelSelector: '{}',
      start: '1000',
      end: '2000',
    });
    expect(old.body.flamegraph.names).toEqual(['total']);
  });

  it('validates like Pyroscope', async () => {
    expect(await call('LabelNames', { matchers: ['{}'] })).toEqual({
      status: 400,
      body: { code: 'invalid_argument', message: 'missing time range in the query' },
    });
    expect((await call('LabelValues', { matchers: ['{}'], ...range })).body.message).toBe('name is required');
    expect((await call('SelectMergeStacktraces', { profileTypeID: CPU, labelSelector: '{', ...range })).status).toBe(
      400
    );
    const long = await call('SelectMergeStacktraces', {
      profileTypeID: CPU,
      labelSelector: '{}',
      start: String(now - 48 * 3600000),
      end: String(now),
    });
    expect(long.body.message).toBe(
      'the query time range exceeds the limit (max_query_length, actual: 48h0m0s, limit: 1d)'
    );
    expect(
      (await call('SelectMergeStacktraces', { profileTypeID: CPU, labelSelector: '{}', maxNodes: '-1', ...range })).body
        .message
    ).toMatch(/must be set/);
  });
});

describe('SelectMergeProfile (binary)', () => {
  it('returns raw google.v1.Profile with stamped build ids, filtered by call site', async () => {
    const req = create(SelectMergeProfileRequestSchema, {
      profileTypeID: CPU,
      labelSelector: '{service_name="api"}',
      start: BigInt(range.start),
      end: BigInt(range.end),
      stackTraceSelector: { callSite: [{ name: 'main' }, { name: 'a' }] },
    });
    const res = await fetch(`${double.url}/querier.v1.QuerierService/SelectMergeProfile`, {
      method: 'POST',
      headers: { 'content-type': 'application/proto' },
      body: toBinary(SelectMergeProfileRequestSchema, req),
    });
    expect(res.headers.get('content-type')).toBe('application/proto');
    const p = fromBinary(ProfileSchema, new Uint8Array(await res.arrayBuffer()));
    expect(p.sample.map((s) => Number(s.value[0])).sort((a, b) => a - b)).toEqual([10, 30]);
    expect(p.mapping.map((m) => p.stringTable[Number(m.buildId)])).toEqual([
      '{"repository":"https://github.com/acme/api","git_ref":"v1"}',
    ]);
  });
});
