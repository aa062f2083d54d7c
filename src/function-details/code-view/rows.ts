// The rows of the code view: each line of the span with its self and total, its share of the function, and how
// hot it is compared with the hottest line.
import type { LineCost } from '../../domain/model';
import { hottestLine } from '../../domain/hottest';
import type { Span } from '../../domain/span';

export interface CodeRow {
  line: number;
  self: number;
  total: number;
  /** 0..1: total of this line over the hottest line's total (drives the heat mark). */
  heat: number;
}

export interface CodeRows {
  rows: CodeRow[];
  /** Index in `rows` of the hottest line (by total, then self), or -1. */
  hottestIndex: number;
}

export function buildRows(span: Span, costs: LineCost[]): CodeRows {
  const byLine = new Map<number, LineCost>();
  for (const cost of costs) {
    if (cost.line >= span.start && cost.line <= span.end) {
      byLine.set(cost.line, cost);
    }
  }
  const hottest = hottestLine([...byLine.values()]);
  const max = hottest?.total ?? 0;
  const rows: CodeRow[] = new Array(span.end - span.start + 1);
  for (let line = span.start; line <= span.end; line++) {
    const cost = byLine.get(line);
    rows[line - span.start] = {
      line,
      self: cost?.self ?? 0,
      total: cost?.total ?? 0,
      heat: cost && max > 0 ? cost.total / max : 0,
    };
  }
  return { rows, hottestIndex: hottest && hottest.line > 0 ? hottest.line - span.start : -1 };
}

/**
 * How many monospace columns the widest of these lines takes, tabs expanded to the next stop. Every row is made this
 * wide, so that the pinned numbers of a short line stay in view when a long line is scrolled to its end.
 */
export function widestColumns(lines: string[], from: number, to: number, tabSize: number): number {
  let widest = 0;
  for (let i = from; i <= to && i < lines.length; i++) {
    const text = lines[i];
    let columns = 0;
    for (let c = 0; c < text.length; c++) {
      columns = text.charCodeAt(c) === 9 ? columns + tabSize - (columns % tabSize) : columns + 1;
    }
    widest = Math.max(widest, columns);
  }
  return widest;
}
