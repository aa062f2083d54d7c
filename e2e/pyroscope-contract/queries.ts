// The questions the plugin, the gateway and the line-history work ask Pyroscope's querier, as a function of the
// time the sample profiles were pushed at. Recorded against a real Pyroscope (record.ts) and replayed against the
// double (contract.test.ts). Pure.

export type QuerierMethod =
  | 'ProfileTypes'
  | 'LabelNames'
  | 'LabelValues'
  | 'Series'
  | 'SelectMergeStacktraces'
  | 'SelectMergeProfile'
  | 'SelectSeries';

export interface ContractQuery {
  /** Unique and stable: recordings are matched to queries by it. */
  name: string;
  method: QuerierMethod;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
  /** `proto`: the request and answer in binary protobuf, as the plugin asks SelectMergeProfile. Default JSON. */
  encoding?: 'proto';
}

/** The tenant settings a recording ran under: Pyroscope's defaults, or SelectMergeProfile enforcing max_nodes. */
export type ContractLimits = 'default' | 'select-merge-profile-limited';

const CPU = 'process_cpu:cpu:nanoseconds:cpu:nanoseconds';
const SAMPLES = 'process_cpu:samples:count:cpu:nanoseconds';
const WALL = 'wall:wall:nanoseconds:wall:nanoseconds';
const INUSE = 'memory:inuse_space:bytes:space:bytes';
const ALLOC_OBJECTS = 'memory:alloc_objects:count:space:bytes';

const GO_V1 = '{service_name="shop-go", version="v1.0.0"}';
const GO_V2 = '{service_name="shop-go", version="v1.1.0"}';
const GO_SEARCH_V1 = [
  'runtime.main',
  'main.main',
  'main.serve',
  'main.handleRequest',
  'github.com/linescope-demo/shop-go/catalog.(*Catalog).Search',
];

const MINUTE = 60_000;

/** Queries common to both limit settings: everything but the max_nodes cases of SelectMergeProfile. */
function commonQueries(pushedAtMs: number): ContractQuery[] {
  const start = String(pushedAtMs - 30 * MINUTE);
  const end = String(pushedAtMs + 5 * MINUTE);
  const range = { start, end };
  const callSite = (names: string[]) => ({ callSite: names.map((name) => ({ name })) });
  const q: ContractQuery[] = [
    { name: 'profile-types', method: 'ProfileTypes', body: range },
    { name: 'profile-types-default-range', method: 'ProfileTypes', body: {} },
    { name: 'label-names-all', method: 'LabelNames', body: { matchers: ['{}'], ...range } },
    { name: 'label-names-no-matchers', method: 'LabelNames', body: range },
    {
      name: 'label-names-service-utf8',
      method: 'LabelNames',
      body: { matchers: ['{service_name="shop-node"}'], ...range },
      headers: { accept: 'application/json; allow-utf8-labelnames=true' },
    },
    {
      name: 'label-names-service-and-type',
      method: 'LabelNames',
      body: { matchers: [`{service_name="shop-go", __profile_type__="${INUSE}"}`], ...range },
    },
    { name: 'label-names-missing-range', method: 'LabelNames', body: { matchers: ['{}'] } },
    {
      name: 'label-values-service-name',
      method: 'LabelValues',
      body: { name: 'service_name', matchers: ['{}'], ...range },
    },
    {
      name: 'label-values-service-name-of-type',
      method: 'LabelValues',
      body: { name: 'service_name', matchers: [`{__profile_type__="${WALL}"}`], ...range },
    },
    {
      name: 'label-values-git-ref',
      method: 'LabelValues',
      body: { name: 'service_git_ref', matchers: ['{service_name="shop-go"}'], ...range },
    },
    { name: 'label-values-version', method: 'LabelValues', body: { name: 'version', matchers: [GO_V2], ...range } },
    {
      name: 'label-values-root-path-empty',
      method: 'LabelValues',
      body: { name: 'service_root_path', matchers: ['{}'], ...range },
    },
    {
      name: 'label-values-profile-type',
      method: 'LabelValues',
      body: { name: '__profile_type__', matchers: ['{service_name="shop-go"}'], ...range },
    },
    { name: 'label-values-no-name', method: 'LabelValues', body: { matchers: ['{}'], ...range } },
    {
      name: 'label-values-bad-selector',
      method: 'LabelValues',
      body: { name: 'service_name', matchers: ['{service_name='], ...range },
    },
    {
      name: 'series-fast-path',
      method: 'Series',
      body: { labelNames: ['__profile_type__', 'service_name'], ...range },
    },
    {
      name: 'series-five-names',
      method: 'Series',
      body: { labelNames: ['__name__', '__profile_type__', '__type__', 'pyroscope_app', 'service_name'], ...range },
    },
    {
      name: 'series-python-all-labels',
      method: 'Series',
      body: { matchers: ['{service_name="shop-python"}'], ...range },
    },
    {
      name: 'series-go-versions',
      method: 'Series',
      body: {
        matchers: [`{service_name="shop-go", __profile_type__="${CPU}"}`],
        labelNames: ['service_git_ref', 'version'],
        ...range,
      },
    },
    // Flame graphs (the panel through Grafana's data source, and profileTotal's one-node question).
    {
      name: 'flamegraph-python',
      method: 'SelectMergeStacktraces',
      body: { profileTypeID: CPU, labelSelector: '{service_name="shop-python"}', ...range },
    },
    {
      name: 'flamegraph-go-v1',
      method: 'SelectMergeStacktraces',
      body: { profileTypeID: CPU, labelSelector: GO_V1, ...range },
    },
    {
      name: 'flamegraph-go-v2-samples',
      method: 'SelectMergeStacktraces',
      body: { profileTypeID: SAMPLES, labelSelector: GO_V2, ...range },
    },
    {
      name: 'flamegraph-node-wall',
      method: 'SelectMergeStacktraces',
      body: { profileTypeID: WALL, labelSelector: '{service_name="shop-node"}', ...range },
    },
    {
      name: 'flamegraph-java',
      method: 'SelectMergeStacktraces',
      body: { profileTypeID: CPU, labelSelector: '{service_name="shop-java"}', ...range },
    },
    {
      name: 'flamegraph-ruby',
      method: 'SelectMergeStacktraces',
      body: { profileTypeID: CPU, labelSelector: '{service_name="shop-ruby"}', ...range },
    },
    {
      name: 'flamegraph-go-heap',
      method: 'SelectMergeStacktraces',
      body: { profileTypeID: INUSE, labelSelector: '{service_name="shop-go"}', ...range },
    },
    {
      name: 'flamegraph-total-only',
      method: 'SelectMergeStacktraces',
      body: { profileTypeID: CPU, labelSelector: GO_V1, maxNodes: 1, ...range },
    },
    {
      name: 'flamegraph-truncated-16',
      method: 'SelectMergeStacktraces',
      body: { profileTypeID: CPU, labelSelector: GO_V1, maxNodes: 16, ...range },
    },
    {
      name: 'flamegraph-truncated-ruby-40',
      method: 'SelectMergeStacktraces',
      // One version: over both (v1 and v2 merged) Pyroscope's backend cuts two nodes near the threshold that the
      // double keeps (Digest::Base#update, Numeric#positive?); not yet explained, see the pyroscope-double README.
      body: {
        profileTypeID: CPU,
        labelSelector: '{service_name="shop-ruby", version="v1.0.0"}',
        maxNodes: 40,
        ...range,
      },
    },
    {
      name: 'flamegraph-call-site',
      method: 'SelectMergeStacktraces',
      body: { profileTypeID: CPU, labelSelector: GO_V1, stackTraceSelector: callSite(GO_SEARCH_V1), ...range },
    },
    {
      name: 'flamegraph-tree-format',
      method: 'SelectMergeStacktraces',
      body: { profileTypeID: CPU, labelSelector: GO_V1, format: 'PROFILE_FORMAT_TREE', maxNodes: 24, ...range },
    },
    {
      name: 'flamegraph-no-match',
      method: 'SelectMergeStacktraces',
      body: { profileTypeID: CPU, labelSelector: '{service_name="none"}', ...range },
    },
    {
      name: 'flamegraph-before-lookback',
      method: 'SelectMergeStacktraces',
      body: { profileTypeID: CPU, labelSelector: '{}', start: '1000', end: '2000' },
    },
    {
      name: 'flamegraph-missing-range',
      method: 'SelectMergeStacktraces',
      body: { profileTypeID: CPU, labelSelector: '{}' },
    },
    {
      name: 'flamegraph-inverted-range',
      method: 'SelectMergeStacktraces',
      body: { profileTypeID: CPU, labelSelector: '{}', start: end, end: start },
    },
    {
      name: 'flamegraph-too-long',
      method: 'SelectMergeStacktraces',
      body: { profileTypeID: CPU, labelSelector: '{}', start: String(pushedAtMs - 48 * 60 * MINUTE), end },
    },
    {
      name: 'flamegraph-bad-type',
      method: 'SelectMergeStacktraces',
      body: { profileTypeID: 'process_cpu:cpu', labelSelector: '{}', ...range },
    },
    {
      name: 'flamegraph-bad-selector',
      method: 'SelectMergeStacktraces',
      body: { profileTypeID: CPU, labelSelector: '{service_name=~"("}', ...range },
    },
    {
      name: 'flamegraph-negative-max-nodes',
      method: 'SelectMergeStacktraces',
      body: { profileTypeID: CPU, labelSelector: '{}', maxNodes: -1, ...range },
    },
    {
      name: 'flamegraph-max-nodes-above-max',
      method: 'SelectMergeStacktraces',
      body: { profileTypeID: CPU, labelSelector: '{}', maxNodes: 2000000, ...range },
    },
    // Function details: the merged pprof of a selection, whole or below a call site.
    { name: 'merge-go-v1', method: 'SelectMergeProfile', body: { profileTypeID: CPU, labelSelector: GO_V1, ...range } },
    {
      name: 'merge-go-v1-binary',
      method: 'SelectMergeProfile',
      body: { profileTypeID: CPU, labelSelector: GO_V1, ...range },
      encoding: 'proto',
    },
    {
      name: 'merge-node-call-site-binary',
      method: 'SelectMergeProfile',
      body: {
        profileTypeID: WALL,
        labelSelector: '{service_name="shop-node"}',
        stackTraceSelector: callSite(['run', 'evaluate']),
        ...range,
      },
      encoding: 'proto',
    },
    {
      name: 'merge-go-v1-call-site',
      method: 'SelectMergeProfile',
      body: { profileTypeID: CPU, labelSelector: GO_V1, stackTraceSelector: callSite(GO_SEARCH_V1), ...range },
    },
    {
      name: 'merge-go-v2-both-builds',
      method: 'SelectMergeProfile',
      body: { profileTypeID: CPU, labelSelector: GO_V2, ...range },
    },
    {
      name: 'merge-go-heap-alloc-objects',
      method: 'SelectMergeProfile',
      body: { profileTypeID: ALLOC_OBJECTS, labelSelector: GO_V1, ...range },
    },
    {
      name: 'merge-python',
      method: 'SelectMergeProfile',
      body: { profileTypeID: CPU, labelSelector: '{service_name="shop-python"}', ...range },
    },
    {
      name: 'merge-java',
      method: 'SelectMergeProfile',
      body: { profileTypeID: CPU, labelSelector: '{service_name="shop-java"}', ...range },
    },
    {
      name: 'merge-node-wall',
      method: 'SelectMergeProfile',
      body: { profileTypeID: WALL, labelSelector: '{service_name="shop-node"}', ...range },
    },
    {
      name: 'merge-ruby',
      method: 'SelectMergeProfile',
      body: { profileTypeID: CPU, labelSelector: '{service_name="shop-ruby"}', ...range },
    },
    {
      name: 'merge-no-match',
      method: 'SelectMergeProfile',
      body: { profileTypeID: CPU, labelSelector: '{service_name="none"}', ...range },
    },
    {
      name: 'merge-go-v1-max-nodes-32',
      method: 'SelectMergeProfile',
      body: { profileTypeID: CPU, labelSelector: GO_V1, maxNodes: 32, ...range },
    },
    {
      name: 'merge-plugin-max-nodes',
      method: 'SelectMergeProfile',
      body: { profileTypeID: CPU, labelSelector: GO_V1, maxNodes: 1 << 20, ...range },
    },
    {
      name: 'merge-above-max-nodes',
      method: 'SelectMergeProfile',
      body: { profileTypeID: CPU, labelSelector: GO_V1, maxNodes: (1 << 20) + 1, ...range },
    },
    // Line history: one SelectMergeProfile per time bucket for the same call site.
    {
      name: 'line-history-bucket-before',
      method: 'SelectMergeProfile',
      body: {
        profileTypeID: CPU,
        labelSelector: GO_V1,
        stackTraceSelector: callSite(GO_SEARCH_V1),
        start: String(pushedAtMs - 10 * MINUTE),
        end: String(pushedAtMs - 1),
      },
    },
    {
      name: 'line-history-bucket-at',
      method: 'SelectMergeProfile',
      body: {
        profileTypeID: CPU,
        labelSelector: GO_V1,
        stackTraceSelector: callSite(GO_SEARCH_V1),
        start: String(pushedAtMs),
        end: String(pushedAtMs + 10 * MINUTE),
      },
    },
    {
      name: 'line-history-bucket-ends-at',
      method: 'SelectMergeProfile',
      body: {
        profileTypeID: CPU,
        labelSelector: GO_V1,
        stackTraceSelector: callSite(GO_SEARCH_V1),
        start: String(pushedAtMs - 10 * MINUTE),
        end: String(pushedAtMs),
      },
    },
    // Grafana's metrics queries.
    {
      name: 'series-by-service',
      method: 'SelectSeries',
      body: { profileTypeID: CPU, labelSelector: '{}', groupBy: ['service_name'], step: 60, ...range },
    },
    {
      name: 'series-call-site',
      method: 'SelectSeries',
      body: {
        profileTypeID: CPU,
        labelSelector: GO_V1,
        stackTraceSelector: callSite(GO_SEARCH_V1),
        step: 60,
        ...range,
      },
    },
    {
      name: 'series-top-2-average',
      method: 'SelectSeries',
      body: {
        profileTypeID: CPU,
        labelSelector: '{}',
        groupBy: ['service_name', 'version'],
        step: 15,
        aggregation: 'TIME_SERIES_AGGREGATION_TYPE_AVERAGE',
        limit: 2,
        ...range,
      },
    },
    {
      name: 'series-bad-step',
      method: 'SelectSeries',
      body: { profileTypeID: CPU, labelSelector: '{}', step: 0.0001, ...range },
    },
  ];
  return q;
}

/** With -querier.max-flamegraph-nodes-on-select-merge-profile: SelectMergeProfile truncates (the default: 8192). */
function limitedQueries(pushedAtMs: number): ContractQuery[] {
  const range = { start: String(pushedAtMs - 30 * MINUTE), end: String(pushedAtMs + 5 * MINUTE) };
  return [
    {
      name: 'limited-merge-go-v1-max-nodes-32',
      method: 'SelectMergeProfile',
      body: { profileTypeID: CPU, labelSelector: GO_V1, maxNodes: 32, ...range },
    },
    {
      name: 'limited-merge-ruby-max-nodes-8',
      method: 'SelectMergeProfile',
      body: { profileTypeID: CPU, labelSelector: '{service_name="shop-ruby"}', maxNodes: 8, ...range },
    },
    {
      name: 'limited-merge-go-v1-default',
      method: 'SelectMergeProfile',
      body: { profileTypeID: CPU, labelSelector: GO_V1, ...range },
    },
    {
      name: 'limited-merge-above-max-nodes',
      method: 'SelectMergeProfile',
      body: { profileTypeID: CPU, labelSelector: GO_V1, maxNodes: (1 << 20) + 1, ...range },
    },
  ];
}

export function contractQueries(pushedAtMs: number, limits: ContractLimits): ContractQuery[] {
  return limits === 'default' ? commonQueries(pushedAtMs) : limitedQueries(pushedAtMs);
}
