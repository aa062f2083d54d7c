import { formattedValueToString, getValueFormat } from '@grafana/data';

// pprof sample units → Grafana value formats, so numbers read like the rest of Grafana (1.2 s, 34 MiB, 1.5K).
const UNIT_FORMATS: Record<string, string> = {
  nanoseconds: 'ns',
  microseconds: 'µs',
  milliseconds: 'ms',
  seconds: 's',
  count: 'short',
  bytes: 'bytes',
};

export function grafanaUnit(pprofUnit: string): string {
  return UNIT_FORMATS[pprofUnit] ?? (pprofUnit ? pprofUnit : 'short');
}

export function formatValue(value: number, pprofUnit: string): string {
  return formattedValueToString(getValueFormat(grafanaUnit(pprofUnit))(value));
}

/** A share of a whole as a percentage; "–" when there is no whole to compare with. */
export function formatShare(part: number, whole: number): string {
  if (!(whole > 0)) {
    return '–';
  }
  const pct = (part / whole) * 100;
  if (part > 0 && pct < 0.1) {
    return '<0.1%';
  }
  return `${pct >= 10 || pct === 0 ? pct.toFixed(0) : pct.toFixed(1)}%`;
}

/** How a table cell reads for nothing: a dash (`pprof -list`'s "." read as a typo in sentences and tables). */
export const NO_VALUE = '–';

/**
 * How a line's value and share read in the per-line views (the breakdown table and the code view): a dash for a
 * line without samples, and no share, so the sampled lines stand out.
 */
export function lineCellFormatter(pprofUnit: string, functionTotal: number) {
  return {
    value: (v: number) => (v > 0 ? formatValue(v, pprofUnit) : NO_VALUE),
    share: (v: number) => (v > 0 ? formatShare(v, functionTotal) : ''),
  };
}
