import type { FunctionVersion } from './model';

// The "Breakdown per line" rows: every line of the function's span, not only the ones with samples, so the numbers
// read like `pprof -list` around the source (which issue 6 adds beside them).

export interface BreakdownRow {
  line: number;
  self: number;
  total: number;
  /** False for lines of the span that no sample touched. */
  sampled: boolean;
}

export interface Breakdown {
  rows: BreakdownRow[];
  /** True when the span was too long to list and only sampled lines are shown. */
  compact: boolean;
}

/** Beyond this many lines a span is listed by its sampled lines only (a wrong start line must not freeze the page). */
export const MAX_SPAN_LINES = 2000;

export function buildBreakdown(version: FunctionVersion): Breakdown {
  const sampled = version.lines.filter((l) => l.line > 0);
  if (sampled.length === 0) {
    return { rows: [], compact: false };
  }
  const first = Math.min(...sampled.map((l) => l.line));
  const last = Math.max(...sampled.map((l) => l.line));
  // The span starts at the function's declared start line when it is plausible (not after the first sample).
  const start = version.startLine && version.startLine > 0 && version.startLine <= first ? version.startLine : first;
  const byLine = new Map(sampled.map((l) => [l.line, l]));
  const row = (line: number): BreakdownRow => {
    const cost = byLine.get(line);
    return { line, self: cost?.self ?? 0, total: cost?.total ?? 0, sampled: cost !== undefined };
  };
  const from = last - start + 1 <= MAX_SPAN_LINES ? start : first;
  if (last - from + 1 > MAX_SPAN_LINES) {
    return { rows: sampled.map((l) => row(l.line)), compact: true };
  }
  const rows: BreakdownRow[] = [];
  for (let line = from; line <= last; line++) {
    rows.push(row(line));
  }
  return { rows, compact: false };
}
