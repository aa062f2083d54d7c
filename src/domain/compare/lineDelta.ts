import type { LineMatching, LineStatus } from './lineMatching';

// Baseline, comparison and their difference for each line of one function. Values are compared as shares of each
// side's whole profile too: a busier hour makes every line costlier, but not a larger part of the whole.

export interface CostPair {
  self: number;
  total: number;
}

/** One side's per-line numbers of the function (as computed from its profile) and its whole profile's total. */
export interface ComparisonSide {
  lines: ReadonlyArray<{ line: number; self: number; total: number }>;
  /** The function's own self and total on this side. */
  self: number;
  total: number;
  /** The total of the side's whole profile (every sample of its selection and time range): shares are of this. */
  whole: number;
}

export interface LineComparison {
  /** The line in the comparison's file (the code shown); undefined for a line that only the baseline has. */
  line?: number;
  /** The same code's line in the baseline's file, when it has one. */
  baselineLine?: number;
  status: LineStatus;
  baseline: CostPair;
  comparison: CostPair;
  /** comparison − baseline. */
  delta: CostPair;
  /** Each side's values as a share (0..1) of its whole profile; 0 when that side has no whole to share. */
  baselineShare: CostPair;
  comparisonShare: CostPair;
  /** comparisonShare − baselineShare: what the ranking and the colour use. */
  deltaShare: CostPair;
}

export interface FunctionComparison {
  /** Lines with samples on either side: comparison lines ascending, then removed baseline lines ascending. */
  lines: LineComparison[];
  /** The function as a whole, compared the same way. */
  function: Omit<LineComparison, 'line' | 'baselineLine' | 'status'>;
  /** False when lines were paired by number because no exact matching of the two files was possible. */
  exactMatching: boolean;
}

/** A value as a share of a whole; 0 when there is no whole (an empty side), never NaN or Infinity. */
export function share(value: number, whole: number): number {
  return whole > 0 && Number.isFinite(whole) ? value / whole : 0;
}

function compareCosts(baseline: CostPair, comparison: CostPair, baselineWhole: number, comparisonWhole: number) {
  const baselineShare = { self: share(baseline.self, baselineWhole), total: share(baseline.total, baselineWhole) };
  const comparisonShare = {
    self: share(comparison.self, comparisonWhole),
    total: share(comparison.total, comparisonWhole),
  };
  return {
    baseline,
    comparison,
    delta: { self: comparison.self - baseline.self, total: comparison.total - baseline.total },
    baselineShare,
    comparisonShare,
    deltaShare: {
      self: comparisonShare.self - baselineShare.self,
      total: comparisonShare.total - baselineShare.total,
    },
  };
}

const ZERO: CostPair = { self: 0, total: 0 };

/**
 * Compares one function's lines on two sides. Without a matching (both sides run the same code, or a file is
 * unknown) lines pair by number; with one, each baseline line's numbers go to the comparison line holding the same
 * code, and baseline lines whose code was removed are listed apart with `line` undefined.
 */
export function compareFunction(
  baseline: ComparisonSide,
  comparison: ComparisonSide,
  matching?: LineMatching
): FunctionComparison {
  const baselineByLine = new Map(baseline.lines.map((l) => [l.line, l]));
  const comparisonByLine = new Map(comparison.lines.map((l) => [l.line, l]));
  // Comparison line → baseline line, for the baseline lines that have samples.
  const counterpart = new Map<number, number>();
  const removed: number[] = [];
  const comparisonLineOf = matching ? reverseIndex(matching) : undefined;
  for (const { line } of baseline.lines) {
    const target = comparisonLineOf ? comparisonLineOf.get(line) : line;
    if (target === undefined) {
      removed.push(line);
    } else {
      counterpart.set(target, line);
    }
  }
  const shownLines = new Set<number>([...comparisonByLine.keys(), ...counterpart.keys()]);
  const lines: LineComparison[] = [...shownLines]
    .sort((a, b) => a - b)
    .map((line) => {
      const baselineLine = matching ? matching.baselineLineOf[line] || undefined : line;
      const status: LineStatus = matching ? (matching.statusOf[line] ?? 'added') : 'same';
      const before = baselineLine !== undefined ? baselineByLine.get(baselineLine) : undefined;
      return {
        line,
        ...(baselineLine !== undefined ? { baselineLine } : {}),
        status,
        ...compareCosts(before ?? ZERO, comparisonByLine.get(line) ?? ZERO, baseline.whole, comparison.whole),
      };
    });
  for (const line of removed.sort((a, b) => a - b)) {
    lines.push({
      baselineLine: line,
      status: 'removed',
      ...compareCosts(baselineByLine.get(line)!, ZERO, baseline.whole, comparison.whole),
    });
  }
  return {
    lines,
    function: compareCosts(baseline, comparison, baseline.whole, comparison.whole),
    exactMatching: matching?.exact ?? true,
  };
}

/** Baseline line → the comparison line holding its code; absent when that code is gone (or out of the file). */
function reverseIndex(matching: LineMatching): Map<number, number> {
  const reverse = new Map<number, number>();
  matching.baselineLineOf.forEach((baselineLine, line) => {
    if (baselineLine > 0) {
      reverse.set(baselineLine, line);
    }
  });
  return reverse;
}

/** How much a line's change counts in the ranking: the change of its total's share, then of its self's. */
const magnitude = (l: LineComparison) => Math.abs(l.deltaShare.total) + Math.abs(l.deltaShare.self) * 1e-6;

/**
 * The lines that changed most, largest first: by the change of their total as a share of the whole profile (then
 * of their self), lines that did not change left out, ties in file order.
 */
export function largestChanges(comparison: FunctionComparison, limit = 10): LineComparison[] {
  return comparison.lines
    .filter((l) => l.deltaShare.total !== 0 || l.deltaShare.self !== 0)
    .map((l, order) => ({ l, order, size: magnitude(l) }))
    .sort((a, b) => b.size - a.size || a.order - b.order)
    .slice(0, Math.max(0, limit))
    .map(({ l }) => l);
}

/** Where a change sits on the diverging scale: worse (costlier) or better, and how strongly (0..1). */
export interface ChangeTone {
  direction: 'worse' | 'better' | 'none';
  strength: number;
}

/**
 * The tone of a change of share against the largest change shown (so the biggest is full colour). The square root
 * keeps small but real changes visible beside a big one.
 */
export function changeTone(deltaShare: number, largest: number): ChangeTone {
  if (!(largest > 0) || deltaShare === 0 || !Number.isFinite(deltaShare)) {
    return { direction: 'none', strength: 0 };
  }
  return {
    direction: deltaShare > 0 ? 'worse' : 'better',
    strength: Math.min(1, Math.sqrt(Math.abs(deltaShare) / largest)),
  };
}

/** The largest change of a total's share among the lines: the scale of changeTone. */
export function largestShareChange(comparison: FunctionComparison): number {
  return comparison.lines.reduce((max, l) => Math.max(max, Math.abs(l.deltaShare.total)), 0);
}
