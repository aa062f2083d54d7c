import type { FunctionComparison, LineComparison } from './lineDelta';

// The rows of the comparison view: the comparison's function span line by line (the code shown is the
// comparison's), then the baseline's lines whose code is gone.

export interface ComparisonRow {
  /** Stable across renders and unique: `line:<n>` for a comparison line, `removed:<n>` for a baseline-only line. */
  key: string;
  /** The comparison's line, or the baseline's for a removed one. */
  line: number;
  removed: boolean;
  /** Undefined for a line of the span that neither side sampled. */
  compared?: LineComparison;
}

/** Beyond this many lines a span is listed by its sampled lines only (a wrong start line must not freeze the page). */
export const MAX_COMPARISON_SPAN = 2000;

export const rowKey = (l: LineComparison): string =>
  l.line !== undefined ? `line:${l.line}` : `removed:${l.baselineLine}`;

export function comparisonRows(comparison: FunctionComparison, startLine?: number): ComparisonRow[] {
  const shown = comparison.lines.filter((l): l is LineComparison & { line: number } => l.line !== undefined);
  const removed = comparison.lines.filter((l) => l.line === undefined);
  const rows: ComparisonRow[] = [];
  if (shown.length > 0) {
    const byLine = new Map(shown.map((l) => [l.line, l]));
    const first = shown[0].line;
    const last = shown[shown.length - 1].line;
    const start = startLine && startLine > 0 && startLine <= first ? startLine : first;
    const from = last - start + 1 <= MAX_COMPARISON_SPAN ? start : first;
    if (last - from + 1 > MAX_COMPARISON_SPAN) {
      shown.forEach((l) => rows.push({ key: rowKey(l), line: l.line, removed: false, compared: l }));
    } else {
      for (let line = from; line <= last; line++) {
        rows.push({ key: `line:${line}`, line, removed: false, compared: byLine.get(line) });
      }
    }
  }
  for (const l of removed) {
    rows.push({ key: rowKey(l), line: l.baselineLine!, removed: true, compared: l });
  }
  return rows;
}
