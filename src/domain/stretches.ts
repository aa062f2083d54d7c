// Which stretches of a file the code view shows for one function: its own span, and apart from it every other
// stretch that holds sampled lines. A JIT attributes an inlined callee's lines to the caller, so a function's samples
// can sit far from its body (a helper thousands of lines away, or a line of another file past this one's end): each
// such line is shown with a little context, the lines between are collapsed into a gap that says how many there are,
// and no sampled line is ever left out.

export interface LineRange {
  start: number;
  end: number;
}

export interface Stretch extends LineRange {
  /** True for the stretch holding the function's own span. */
  own: boolean;
}

export type ViewItem =
  | { kind: 'line'; line: number }
  /** Lines from..to are not shown. */
  | { kind: 'gap'; from: number; to: number };

/** Lines shown around a sampled line outside the function. */
export const CONTEXT_LINES = 2;
/** Stretches this close are joined: a gap of a few lines hides less than it costs to read. */
export const JOIN_WITHIN = 6;

/**
 * The function's span and the stretches around sampled lines outside it, in line order, joined where they are
 * close. `fileLines` is the file's length: a sampled line past the end gets a stretch of its own, without context.
 */
export function sourceStretches(span: LineRange, sampledLines: number[], fileLines: number): Stretch[] {
  const own: Stretch = { start: Math.max(1, span.start), end: Math.max(span.start, span.end), own: true };
  const outside = [...new Set(sampledLines.filter((l) => l > 0 && (l < own.start || l > own.end)))].sort(
    (a, b) => a - b
  );
  const stretches: Stretch[] = [own];
  for (const line of outside) {
    stretches.push(
      line > fileLines
        ? { start: line, end: line, own: false }
        : { start: Math.max(1, line - CONTEXT_LINES), end: Math.min(fileLines, line + CONTEXT_LINES), own: false }
    );
  }
  stretches.sort((a, b) => a.start - b.start || Number(b.own) - Number(a.own));
  const joined: Stretch[] = [];
  for (const stretch of stretches) {
    const last = joined[joined.length - 1];
    // Lines past the end of the file exist only where sampled: never join across them.
    const pastEnd = stretch.start > fileLines || (last !== undefined && last.end > fileLines);
    if (last && !pastEnd && stretch.start <= last.end + 1 + JOIN_WITHIN) {
      last.end = Math.max(last.end, stretch.end);
      last.own = last.own || stretch.own;
    } else {
      joined.push({ ...stretch });
    }
  }
  return joined;
}

/** The rows of the view: each line of each stretch, with a gap between stretches that are apart. */
export function viewItems(stretches: Stretch[], fileLines: number): ViewItem[] {
  const items: ViewItem[] = [];
  stretches.forEach((stretch, i) => {
    const previous = stretches[i - 1];
    if (previous) {
      const from = previous.end + 1;
      const to = Math.min(stretch.start - 1, Math.max(fileLines, previous.end));
      if (from <= to) {
        items.push({ kind: 'gap', from, to });
      }
    }
    for (let line = stretch.start; line <= stretch.end; line++) {
      items.push({ kind: 'line', line });
    }
  });
  return items;
}

/** Each stretch as its caption names it: "38–61", or "133" for one line. */
export function stretchRanges(stretches: LineRange[]): string[] {
  return stretches.map((s) => (s.start === s.end ? `${s.start}` : `${s.start}–${s.end}`));
}
