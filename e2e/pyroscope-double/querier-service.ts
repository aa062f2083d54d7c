// querier.v1.QuerierService over the recorded profiles, with Pyroscope's validation and answer shapes.
import { create } from '@bufbuild/protobuf';
import { Code, ConnectError, type ConnectRouter, type HandlerContext } from '@connectrpc/connect';
import { ProfileSchema } from '../../proto/gen/google/v1/profile_pb';
import {
  FlameGraphSchema,
  LevelSchema,
  ProfileFormat,
  QuerierService,
  SelectMergeStacktracesResponseSchema,
} from '../../proto/gen/querier/v1/querier_pb';
import {
  LabelPairSchema,
  LabelsSchema,
  PointSchema,
  ProfileTypeSchema,
  SeriesSchema,
  TimeSeriesAggregationType,
} from '../../proto/gen/types/v1/types_pb';
import { backendMinValue, buildTree, marshalTree, toFlameGraph, truncateTree } from './function-tree';
import { parseSelector, SelectorError, type Matcher } from './label-selector';
import { mergeProfiles, selectSamples, type SeriesProfile } from './merge-profile';
import { selectSeries, type StoredSeries } from './profile-store';
import {
  DEFAULT_FLAME_GRAPH_LIMITS,
  InvalidArgument,
  selectMergeProfileMaxNodes,
  validateMaxNodes,
  validateRange,
  type FlameGraphLimits,
} from './query-validation';
import { parseProfileTypeId } from './recorded-profile';

export interface QuerierOptions {
  series: StoredSeries[];
  /** Recorded profiles are served as if ingested this long before each request (default 30 s). */
  replayAgeMs?: number;
  now?: () => number;
  /** The tenant's flame-graph limits, read on every request (overrides can change at run time, as Pyroscope's). */
  limits?: () => FlameGraphLimits;
}

const LEGACY_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

function invalid(e: unknown): never {
  if (e instanceof InvalidArgument || e instanceof SelectorError) {
    throw new ConnectError(e.message, Code.InvalidArgument);
  }
  if (e instanceof Error && e.message.startsWith('profile-type selection')) {
    throw new ConnectError(e.message, Code.InvalidArgument);
  }
  throw e;
}

function selectors(list: string[]): Matcher[][] {
  try {
    return list.map((s) => parseSelector(s));
  } catch (e) {
    return invalid(e);
  }
}

/** `Accept: …; allow-utf8-labelnames=true` keeps label names that are not legacy Prometheus names. */
function allowUtf8(ctx: HandlerContext): boolean {
  return /(^|;)\s*allow-utf8-labelnames=true\s*(;|$)/i.test(ctx.requestHeader.get('accept') ?? '');
}

export function querierRoutes(opts: QuerierOptions) {
  const now = opts.now ?? Date.now;
  const limits = opts.limits ?? (() => DEFAULT_FLAME_GRAPH_LIMITS);
  const age = opts.replayAgeMs ?? 30000;
  /** Series whose (replayed) timestamp falls in [start, end] (each its own age, else `age`); null past the lookback. */
  const inRange = (start: bigint, end: bigint): { series: StoredSeries[]; start: number; end: number } | null => {
    let check;
    try {
      check = validateRange(Number(start), Number(end), now());
    } catch (e) {
      return invalid(e);
    }
    if (check.empty) {
      return null;
    }
    const series = opts.series.filter((s) => {
      const ts = now() - (s.replayAgeMs ?? age);
      return ts >= check.start && ts <= check.end;
    });
    return { series, start: check.start, end: check.end };
  };

  /**
   * What the two profile queries select, validated in Pyroscope's order (profile type, label selector, range): the
   * matching series as (profile, value index); `range` null when it lies past the lookback.
   */
  const selectProfiles = (req: { profileTypeID: string; labelSelector: string; start: bigint; end: bigint }) => {
    let profileType;
    try {
      profileType = parseProfileTypeId(req.profileTypeID);
    } catch (e) {
      return invalid(e);
    }
    const matchers = selectors([req.labelSelector || '']);
    const range = inRange(req.start, req.end);
    const series: SeriesProfile[] = range
      ? selectSeries(range.series, matchers, profileType.ID).map((s) => ({
          profile: s.profile,
          valueIndex: s.valueIndex,
        }))
      : [];
    return { profileType, range, series };
  };

  return (router: ConnectRouter) =>
    router.service(QuerierService, {
      profileTypes(req) {
        let start = Number(req.start);
        let end = Number(req.end);
        if (start === 0 && end === 0) {
          end = now();
          start = end - 3600000;
        }
        const seen = new Map<string, StoredSeries['profileType']>();
        for (const s of opts.series) {
          const ts = now() - (s.replayAgeMs ?? age);
          if (ts >= start && ts <= end) {
            seen.set(s.profileType.ID, s.profileType);
          }
        }
        const ids = [...seen.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        return { profileTypes: ids.map((id) => create(ProfileTypeSchema, seen.get(id))) };
      },

      labelNames(req, ctx) {
        const r = inRange(req.start, req.end);
        if (!r) {
          return {};
        }
        const names = new Set<string>();
        for (const s of selectSeries(r.series, selectors(req.matchers))) {
          Object.keys(s.labels).forEach((n) => names.add(n));
        }
        const utf8 = allowUtf8(ctx);
        return { names: [...names].filter((n) => utf8 || LEGACY_NAME.test(n)).sort() };
      },

      labelValues(req) {
        const r = inRange(req.start, req.end);
        if (!r) {
          return {};
        }
        if (!req.name) {
          throw new ConnectError('name is required', Code.InvalidArgument);
        }
        const values = new Set<string>();
        for (const s of selectSeries(r.series, selectors(req.matchers))) {
          const v = s.labels[req.name];
          if (v) {
            values.add(v);
          }
        }
        return { names: [...values].sort() };
      },

      series(req, ctx) {
        const r = inRange(req.start, req.end);
        if (!r) {
          return {};
        }
        const utf8 = allowUtf8(ctx);
        const sets = new Map<string, Array<[string, string]>>();
        for (const s of selectSeries(r.series, selectors(req.matchers))) {
          const pairs = Object.entries(s.labels)
            .filter(([n, v]) => v && (req.labelNames.length === 0 || req.labelNames.includes(n)))
            .filter(([n]) => utf8 || LEGACY_NAME.test(n))
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
          sets.set(JSON.stringify(pairs), pairs);
        }
        const sorted = [...sets.keys()].sort();
        return {
          labelsSet: sorted.map((k) =>
            create(LabelsSchema, {
              labels: sets.get(k)!.map(([name, value]) => create(LabelPairSchema, { name, value })),
            })
          ),
        };
      },

      selectMergeStacktraces(req) {
        const empty = create(SelectMergeStacktracesResponseSchema, {
          flamegraph: create(FlameGraphSchema, {
            names: ['total'],
            levels: [create(LevelSchema, { values: [0n, 0n, 0n, 0n] })],
          }),
        });
        const { series } = selectProfiles(req);
        let maxNodes: number;
        try {
          maxNodes = validateMaxNodes(req.maxNodes === undefined ? undefined : Number(req.maxNodes), limits());
        } catch (e) {
          return invalid(e);
        }
        if (req.format === ProfileFormat.DOT || req.format === ProfileFormat.PPROF) {
          throw new ConnectError('this double serves the flamegraph and tree formats only', Code.Unimplemented);
        }
        const callSite = req.stackTraceSelector?.callSite.map((l) => l.name) ?? [];
        const samples = selectSamples(series, callSite);
        const tree = buildTree(samples.map((s) => ({ names: s.frames, value: Number(s.value) })));
        if (req.format === ProfileFormat.TREE) {
          return { tree: marshalTree(tree, backendMinValue(tree, maxNodes)) };
        }
        if (tree.children.length === 0) {
          return empty;
        }
        // The backend truncates with the validated value; the final conversion uses the raw request value.
        const truncated = truncateTree(tree, backendMinValue(tree, maxNodes));
        const fg = toFlameGraph(truncated, Number(req.maxNodes ?? 0n));
        return {
          flamegraph: create(FlameGraphSchema, {
            names: fg.names,
            levels: fg.levels.map((values) => create(LevelSchema, { values: values.map((v) => BigInt(v)) })),
            total: BigInt(fg.total),
            maxSelf: BigInt(fg.maxSelf),
          }),
        };
      },

      selectSeries(req) {
        let profileType;
        try {
          profileType = parseProfileTypeId(req.profileTypeID);
        } catch (e) {
          return invalid(e);
        }
        const matchers = selectors([req.labelSelector || '']);
        const range = inRange(req.start, req.end);
        if (!range) {
          return {};
        }
        if (req.step < 0.001) {
          throw new ConnectError('step must be >= 1ms', Code.InvalidArgument);
        }
        // v2 ignores stackTraceSelector here: every sample of the selected series counts.
        const series = selectSeries(range.series, matchers, profileType.ID);
        return { series: timeSeries(series, req, now() - age, range.start) };
      },

      selectMergeProfile(req) {
        const { profileType, range, series } = selectProfiles(req);
        if (!range) {
          return create(ProfileSchema, {});
        }
        let maxNodes: number;
        try {
          maxNodes = selectMergeProfileMaxNodes(
            req.maxNodes === undefined ? undefined : Number(req.maxNodes),
            limits()
          );
        } catch (e) {
          return invalid(e);
        }
        const merged = mergeProfiles(series, {
          profileType,
          callSite: req.stackTraceSelector?.callSite.map((l) => l.name) ?? [],
          maxNodes,
          endMs: range.end,
        });
        // No sample selected: Pyroscope answers an empty profile, without sample type, period or time.
        return merged.sample.length > 0 ? merged : create(ProfileSchema, {});
      },
    });
}

/**
 * SelectSeries' answer over profiles all taken at `profileTimeMs`: one series per distinct value set of the groupBy
 * labels, one point at the first step boundary (counted from the range start less a step, as the v2 frontend
 * does) at or after the profile time, the summed value, or its average over the group's series (profiles with the
 * same labels are one series); the heaviest series first, cut to
 * `limit` when one is given (timeseries.TopSeries).
 */
function timeSeries(
  series: StoredSeries[],
  req: { groupBy: string[]; step: number; aggregation?: TimeSeriesAggregationType; limit?: bigint },
  profileTimeMs: number,
  startMs: number
) {
  const stepMs = Math.trunc(req.step * 1000);
  const first = startMs - stepMs;
  const timestamp = first + Math.ceil((profileTimeMs - first) / stepMs) * stepMs;
  const groups = new Map<string, { labels: Array<[string, string]>; sum: number; series: Set<string> }>();
  for (const s of series) {
    const labels = req.groupBy.filter((n) => s.labels[n]).map((n): [string, string] => [n, s.labels[n]]);
    const key = JSON.stringify(labels);
    const group = groups.get(key) ?? { labels, sum: 0, series: new Set<string>() };
    group.sum += s.profile.sample.reduce((sum, sample) => sum + Number(sample.value[s.valueIndex] ?? 0n), 0);
    group.series.add(JSON.stringify(Object.entries(s.labels).sort()));
    groups.set(key, group);
  }
  const average = req.aggregation === TimeSeriesAggregationType.AVERAGE;
  const ranked = [...groups.values()].sort((a, b) => b.sum - a.sum);
  const limit = Number(req.limit ?? 0n);
  return (limit > 0 ? ranked.slice(0, limit) : ranked).map((g) =>
    create(SeriesSchema, {
      labels: g.labels.map(([name, value]) => create(LabelPairSchema, { name, value })),
      points: [create(PointSchema, { value: average ? g.sum / g.series.size : g.sum, timestamp: BigInt(timestamp) })],
    })
  );
}
