// Request validation of Pyroscope's v2 query frontend (pkg/validation/validate.go). Pure.
import { DEFAULT_MAX_NODES, MAX_MAX_NODES } from './function-tree';

export class InvalidArgument extends Error {}

const DAY = 24 * 3600 * 1000;
export const MAX_LOOKBACK_MS = 7 * DAY;
export const MAX_QUERY_LENGTH_MS = DAY;

/** Go's time.Duration String() for whole milliseconds, e.g. 48h0m0s, 1m30s, 250ms. */
export function goDuration(ms: number): string {
  if (ms === 0) {
    return '0s';
  }
  if (ms < 1000) {
    return `${ms}ms`;
  }
  const h = Math.floor(ms / 3600000);
  const m = Math.floor((ms % 3600000) / 60000);
  const s = (ms % 60000) / 1000;
  if (h > 0) {
    return `${h}h${m}m${s}s`;
  }
  if (m > 0) {
    return `${m}m${s}s`;
  }
  return `${s}s`;
}

export type RangeCheck = { empty: true } | { empty: false; start: number; end: number };

/** ValidateRangeRequest: missing or inverted range is an error, a range past the lookback an empty success. */
export function validateRange(start: number, end: number, now: number): RangeCheck {
  if (start === 0 || end === 0) {
    throw new InvalidArgument('missing time range in the query');
  }
  if (start > end) {
    throw new InvalidArgument('query start time is after end time');
  }
  const oldest = now - MAX_LOOKBACK_MS;
  if (end < oldest) {
    return { empty: true };
  }
  const clampedStart = Math.max(start, oldest);
  if (end - clampedStart > MAX_QUERY_LENGTH_MS) {
    throw new InvalidArgument(
      `the query time range exceeds the limit (max_query_length, actual: ${goDuration(end - clampedStart)}, limit: 1d)`
    );
  }
  return { empty: false, start: clampedStart, end };
}

/**
 * A tenant's flame-graph limits (pkg/validation/limits.go), Pyroscope's defaults unless overridden: the default and
 * the largest max_nodes, and whether SelectMergeProfile enforces them at all (off by default, so that pprof exports
 * stay whole; -querier.max-flamegraph-nodes-on-select-merge-profile).
 */
export interface FlameGraphLimits {
  maxFlameGraphNodesDefault: number;
  maxFlameGraphNodesMax: number;
  maxFlameGraphNodesOnSelectMergeProfile: boolean;
}

export const DEFAULT_FLAME_GRAPH_LIMITS: FlameGraphLimits = {
  maxFlameGraphNodesDefault: DEFAULT_MAX_NODES,
  maxFlameGraphNodesMax: MAX_MAX_NODES,
  maxFlameGraphNodesOnSelectMergeProfile: false,
};

/** ValidateMaxNodes: absent or 0 → the default; negative or above the max (when there is one) → invalid_argument. */
export function validateMaxNodes(
  maxNodes: number | undefined,
  limits: FlameGraphLimits = DEFAULT_FLAME_GRAPH_LIMITS
): number {
  if (maxNodes === undefined || maxNodes === 0) {
    return limits.maxFlameGraphNodesDefault;
  }
  const max = limits.maxFlameGraphNodesMax;
  if (max !== 0 && maxNodes < 0) {
    throw new InvalidArgument(`max flamegraph nodes limit must be set (max allowed ${max})`);
  }
  if (max !== 0 && maxNodes > max) {
    throw new InvalidArgument(`max flamegraph nodes limit ${maxNodes} is greater than allowed ${max}`);
  }
  return maxNodes;
}

/**
 * The max_nodes SelectMergeProfile truncates with (query_select_merge_profile.go): the request's own, unless the
 * tenant enforces the limits, which then validate it (and put the default in for an unset one).
 */
export function selectMergeProfileMaxNodes(maxNodes: number | undefined, limits: FlameGraphLimits): number {
  return limits.maxFlameGraphNodesOnSelectMergeProfile
    ? validateMaxNodes(maxNodes, limits)
    : Math.max(0, maxNodes ?? 0);
}
