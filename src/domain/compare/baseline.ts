// What a function's numbers are compared with, and how that choice reads in the page URL (`compare=…`), so a shared
// link opens the same comparison.
//   compare=offset:1d                 the same window one day earlier (any <n>m, <n>h, <n>d or <n>w)
//   compare=range:<from ms>-<to ms>   another time range
//   compare=labels:{version="v1.0.0"} another label selection, same time range
//   compare=version:<key>             another version (pprof mapping) of the function in the same profile

export type Baseline =
  | { kind: 'offset'; ms: number }
  | { kind: 'range'; from: number; to: number }
  | { kind: 'labels'; selector: string }
  | { kind: 'version'; key: string };

export const MINUTE_MS = 60_000;
export const DAY_MS = 24 * 60 * MINUTE_MS;
export const WEEK_MS = 7 * DAY_MS;

const UNIT_MS: Record<string, number> = { m: MINUTE_MS, h: 60 * MINUTE_MS, d: DAY_MS, w: WEEK_MS };

/** The part of a panel target a baseline changes (structural, so any target type with these fields fits). */
export interface QueryScope {
  labelSelector: string;
  range: { from: number; to: number };
}

/**
 * The query of the baseline side: the comparison's with the range shifted or replaced, or the label selection
 * replaced. A version baseline reads the comparison's own profile, so its scope is the comparison's.
 */
export function baselineScope<T extends QueryScope>(comparison: T, baseline: Baseline): T {
  switch (baseline.kind) {
    case 'offset':
      return {
        ...comparison,
        range: { from: comparison.range.from - baseline.ms, to: comparison.range.to - baseline.ms },
      };
    case 'range':
      return { ...comparison, range: { from: baseline.from, to: baseline.to } };
    case 'labels':
      return { ...comparison, labelSelector: baseline.selector };
    case 'version':
      return comparison;
  }
}

/** True when the baseline needs its own profile (every kind but another version of the same profile). */
export const needsOwnProfile = (baseline: Baseline) => baseline.kind !== 'version';

function formatOffset(ms: number): string {
  for (const unit of ['w', 'd', 'h', 'm']) {
    if (ms % UNIT_MS[unit] === 0) {
      return `${ms / UNIT_MS[unit]}${unit}`;
    }
  }
  return `${Math.round(ms / MINUTE_MS)}m`;
}

export function formatBaselineParam(baseline: Baseline): string {
  switch (baseline.kind) {
    case 'offset':
      return `offset:${formatOffset(baseline.ms)}`;
    case 'range':
      return `range:${baseline.from}-${baseline.to}`;
    case 'labels':
      return `labels:${baseline.selector}`;
    case 'version':
      return `version:${baseline.key}`;
  }
}

export type ParsedBaseline = { baseline: Baseline } | { error: string };

/** Reads `compare=…`; a malformed value is an error that says what was expected, never a silent other comparison. */
export function parseBaselineParam(value: string): ParsedBaseline {
  const colon = value.indexOf(':');
  const kind = colon < 0 ? value : value.slice(0, colon);
  const rest = colon < 0 ? '' : value.slice(colon + 1).trim();
  switch (kind) {
    case 'offset': {
      const m = /^(\d{1,6})([mhdw])$/.exec(rest);
      if (!m || Number(m[1]) === 0) {
        return { error: `“${rest}” is not a time offset: expected a number and m, h, d or w, such as 1d or 1w` };
      }
      return { baseline: { kind: 'offset', ms: Number(m[1]) * UNIT_MS[m[2]] } };
    }
    case 'range': {
      const m = /^(\d{1,15})-(\d{1,15})$/.exec(rest);
      if (!m || Number(m[1]) >= Number(m[2])) {
        return { error: `“${rest}” is not a time range: expected <from>-<to> in Unix milliseconds, from before to` };
      }
      return { baseline: { kind: 'range', from: Number(m[1]), to: Number(m[2]) } };
    }
    case 'labels': {
      const error = checkSelector(rest);
      return error ? { error } : { baseline: { kind: 'labels', selector: rest } };
    }
    case 'version':
      return rest ? { baseline: { kind: 'version', key: rest } } : { error: 'No version is named after “version:”' };
    default:
      return {
        error: `“${value}” is not a comparison: expected offset:…, range:…, labels:{…} or version:…`,
      };
  }
}

/**
 * A light check of a label selector before it is sent: braces around it. Pyroscope validates the matchers
 * themselves and its error is shown as it is.
 */
export function checkSelector(selector: string): string | undefined {
  const s = selector.trim();
  if (!s.startsWith('{') || !s.endsWith('}')) {
    return `“${selector}” is not a label selector: expected matchers in braces, such as {service_name="api", version="v1.0.0"}`;
  }
  return undefined;
}

/** How the baseline reads in the panel ("the same window 1 day earlier", "version=\"v1.0.0\""...). */
export function describeBaseline(baseline: Baseline, versionName?: (key: string) => string): string {
  switch (baseline.kind) {
    case 'offset':
      if (baseline.ms === DAY_MS) {
        return 'the same window one day earlier';
      }
      if (baseline.ms === WEEK_MS) {
        return 'the same window one week earlier';
      }
      return `the same window ${formatOffset(baseline.ms)} earlier`;
    case 'range':
      return `${new Date(baseline.from).toISOString()} – ${new Date(baseline.to).toISOString()}`;
    case 'labels':
      return baseline.selector;
    case 'version':
      return versionName ? versionName(baseline.key) : `version ${baseline.key}`;
  }
}
