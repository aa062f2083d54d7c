import type { FunctionVersion } from '../domain/model';
import { MAX_FUNCTION_LINES, functionSpan } from '../domain/span';

// The "Breakdown per line" rows: every line of the function's span, not only the ones with samples, so the numbers
// read like `pprof -list` around the source.

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

export function buildBreakdown(version: FunctionVersion): Breakdown {
  const sampled = version.lines.filter((l) => l.line > 0);
  const span = sampled.length > 0 ? functionSpan({ costs: sampled, startLine: version.startLine }) : undefined;
  if (!span) {
    return { rows: [], compact: false };
  }
  const byLine = new Map(sampled.map((l) => [l.line, l]));
  const row = (line: number): BreakdownRow => {
    const cost = byLine.get(line);
    return { line, self: cost?.self ?? 0, total: cost?.total ?? 0, sampled: cost !== undefined };
  };
  if (span.end - span.start + 1 > MAX_FUNCTION_LINES) {
    return { rows: sampled.map((l) => row(l.line)), compact: true };
  }
  const rows: BreakdownRow[] = [];
  for (let line = span.start; line <= span.end; line++) {
    rows.push(row(line));
  }
  return { rows, compact: false };
}
