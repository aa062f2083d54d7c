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

/** An offset as the URL writes it: 1w, 2d, 3h, 90m. */
export function formatOffset(ms: number): string {
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

/** What is wrong with a `compare=` value or a typed label selector (the panel words it: baselineText.ts). */
export interface BaselineProblem {
  kind: 'offset' | 'range' | 'selector' | 'no-version' | 'comparison';
  /** The part that could not be read. */
  value: string;
}

export type ParsedBaseline = { baseline: Baseline } | { error: BaselineProblem };

/** Reads `compare=…`; a malformed value is an error that says what was expected, never a silent other comparison. */
export function parseBaselineParam(value: string): ParsedBaseline {
  const colon = value.indexOf(':');
  const kind = colon < 0 ? value : value.slice(0, colon);
  const rest = colon < 0 ? '' : value.slice(colon + 1).trim();
  switch (kind) {
    case 'offset': {
      const m = /^(\d{1,6})([mhdw])$/.exec(rest);
      if (!m || Number(m[1]) === 0) {
        return { error: { kind: 'offset', value: rest } };
      }
      return { baseline: { kind: 'offset', ms: Number(m[1]) * UNIT_MS[m[2]] } };
    }
    case 'range': {
      const m = /^(\d{1,15})-(\d{1,15})$/.exec(rest);
      if (!m || Number(m[1]) >= Number(m[2])) {
        return { error: { kind: 'range', value: rest } };
      }
      return { baseline: { kind: 'range', from: Number(m[1]), to: Number(m[2]) } };
    }
    case 'labels': {
      const error = checkSelector(rest);
      return error ? { error } : { baseline: { kind: 'labels', selector: rest } };
    }
    case 'version':
      return rest ? { baseline: { kind: 'version', key: rest } } : { error: { kind: 'no-version', value: '' } };
    default:
      return { error: { kind: 'comparison', value } };
  }
}

/**
 * A light check of a label selector before it is sent: braces around it. Pyroscope validates the matchers
 * themselves and its error is shown as it is.
 */
export function checkSelector(selector: string): BaselineProblem | undefined {
  const s = selector.trim();
  if (!s.startsWith('{') || !s.endsWith('}')) {
    return { kind: 'selector', value: selector };
  }
  return undefined;
}
