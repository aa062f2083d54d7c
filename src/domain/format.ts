import { formattedValueToString, getValueFormat } from '@grafana/data';
import { formatShare } from '@linescope/lines';

export { formatShare };

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

/** A count of things (lines, calls) in a sentence: grouped digits, as the rest of the panel prints them. */
export const formatCount = (n: number) => n.toLocaleString('en-US');

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
