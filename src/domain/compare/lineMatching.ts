import { diffArrays, diffChars } from 'diff';

// Which line of the baseline's file is which line of the comparison's file, when the two sides ran different
// commits: the numbers of a line follow its code through the diff, so an edit above a hot loop does not make the
// loop look new.

/** How a line of the comparison's file relates to the baseline's. */
export type LineStatus = 'same' | 'moved' | 'edited' | 'added' | 'removed';

export interface LineMatching {
  /** Comparison line (1-based) → its baseline line, 0 when it was added. Index 0 is unused. */
  baselineLineOf: Int32Array;
  /** Comparison line (1-based) → how it relates to the baseline (index 0 is unused). */
  statusOf: LineStatus[];
  /** Baseline lines (1-based, ascending) with no counterpart in the comparison's file. */
  removed: number[];
  /**
   * False when the files were too different to diff: lines are then paired by number, as if the file had
   * not changed, and the view says so.
   */
  exact: boolean;
}

/**
 * Past this many inserted or removed lines the diff gives up (two unrelated files) and lines are paired by number
 * instead. A count, not a time, so the result does not depend on how busy the machine is.
 */
const MAX_EDIT_LENGTH = 2000;
/** A hunk's added and removed lines are paired by similarity only below this many pairs; more go by position. */
const MAX_SIMILARITY_PAIRS = 2500;
/** Two lines of a hunk with unequal line counts are the same code edited when at least this similar (0..1). */
const MIN_EDIT_SIMILARITY = 0.4;

/**
 * Matches the lines of two versions of a file (each the whole file, line n at index n - 1), with jsdiff's
 * Myers diff on the lines without their surrounding whitespace (re-indented code is the same code):
 * - lines the diff keeps are `same` (or `edited` when only their indentation changed);
 * - a removed line whose code reappears elsewhere, once on each side, is `moved` there;
 * - the other removed and added lines of one hunk are paired in order as `edited`: all of them when the hunk
 *   replaces n lines by n, else those at least 40% alike (by common characters);
 * - what is left is `added` (comparison) or `removed` (baseline).
 */
export function matchLines(baseline: string[], comparison: string[]): LineMatching {
  const baselineLineOf = new Int32Array(comparison.length + 1);
  const statusOf: LineStatus[] = new Array(comparison.length + 1).fill('added');
  const oldCode = baseline.map((l) => l.trim());
  const newCode = comparison.map((l) => l.trim());
  const changes = diffArrays(oldCode, newCode, { maxEditLength: MAX_EDIT_LENGTH });
  if (changes === undefined) {
    return matchByNumber(baseline.length, comparison.length);
  }

  const pair = (oldIndex: number, newIndex: number, status: LineStatus) => {
    baselineLineOf[newIndex + 1] = oldIndex + 1;
    statusOf[newIndex + 1] = status;
  };
  const hunks: Array<{ removed: number[]; added: number[] }> = [];
  let hunk: { removed: number[]; added: number[] } | undefined;
  let oldIndex = 0;
  let newIndex = 0;
  for (const change of changes) {
    const count = change.value.length;
    if (!change.added && !change.removed) {
      hunk = undefined;
      for (let k = 0; k < count; k++, oldIndex++, newIndex++) {
        pair(oldIndex, newIndex, baseline[oldIndex] === comparison[newIndex] ? 'same' : 'edited');
      }
      continue;
    }
    if (!hunk) {
      hunk = { removed: [], added: [] };
      hunks.push(hunk);
    }
    for (let k = 0; k < count; k++) {
      if (change.removed) {
        hunk.removed.push(oldIndex++);
      } else {
        hunk.added.push(newIndex++);
      }
    }
  }

  const movedOld = findMoves(hunks, oldCode, newCode, (o, n) => pair(o, n, 'moved'));
  const pairedOld = new Set(movedOld);
  for (const { removed, added } of hunks) {
    const oldLeft = removed.filter((o) => !pairedOld.has(o));
    const newLeft = added.filter((n) => statusOf[n + 1] === 'added');
    pairEdits(oldLeft, newLeft, oldCode, newCode).forEach(([o, n]) => {
      pair(o, n, 'edited');
      pairedOld.add(o);
    });
  }

  const removed: number[] = [];
  for (const { removed: lines } of hunks) {
    lines.filter((o) => !pairedOld.has(o)).forEach((o) => removed.push(o + 1));
  }
  removed.sort((a, b) => a - b);
  return { baselineLineOf, statusOf, removed, exact: true };
}

/** Pairs every comparison line with the baseline line of the same number (what a missing diff amounts to). */
export function matchByNumber(baselineLength: number, comparisonLength: number, exact = false): LineMatching {
  const baselineLineOf = new Int32Array(comparisonLength + 1);
  const statusOf: LineStatus[] = new Array(comparisonLength + 1).fill('added');
  for (let line = 1; line <= comparisonLength; line++) {
    if (line <= baselineLength) {
      baselineLineOf[line] = line;
      statusOf[line] = 'same';
    }
  }
  const removed: number[] = [];
  for (let line = comparisonLength + 1; line <= baselineLength; line++) {
    removed.push(line);
  }
  return { baselineLineOf, statusOf, removed, exact };
}

/**
 * Code removed in one hunk and added in another (or the same) is a move when it is unambiguous: its text occurs
 * once among all removed lines and once among all added ones, and it is more than punctuation.
 */
function findMoves(
  hunks: Array<{ removed: number[]; added: number[] }>,
  oldCode: string[],
  newCode: string[],
  onMove: (oldIndex: number, newIndex: number) => void
): number[] {
  const removedByCode = new Map<string, number[]>();
  const addedByCode = new Map<string, number[]>();
  for (const { removed, added } of hunks) {
    removed.forEach((o) => push(removedByCode, oldCode[o], o));
    added.forEach((n) => push(addedByCode, newCode[n], n));
  }
  const moved: number[] = [];
  removedByCode.forEach((olds, code) => {
    const news = addedByCode.get(code);
    if (olds.length === 1 && news?.length === 1 && /[\p{L}\p{N}]/u.test(code) && code.length >= 3) {
      onMove(olds[0], news[0]);
      moved.push(olds[0]);
    }
  });
  return moved;
}

function push(map: Map<string, number[]>, key: string, value: number) {
  const list = map.get(key);
  if (list) {
    list.push(value);
  } else {
    map.set(key, [value]);
  }
}

/** Pairs a hunk's removed and added lines in order (see matchLines). */
function pairEdits(removed: number[], added: number[], oldCode: string[], newCode: string[]): Array<[number, number]> {
  if (removed.length === 0 || added.length === 0) {
    return [];
  }
  if (removed.length === added.length || removed.length * added.length > MAX_SIMILARITY_PAIRS) {
    const n = Math.min(removed.length, added.length);
    return removed.slice(0, n).map((o, k) => [o, added[k]]);
  }
  const pairs: Array<[number, number]> = [];
  let from = 0;
  for (const n of added) {
    for (let k = from; k < removed.length; k++) {
      if (similarity(oldCode[removed[k]], newCode[n]) >= MIN_EDIT_SIMILARITY) {
        pairs.push([removed[k], n]);
        from = k + 1;
        break;
      }
    }
  }
  return pairs;
}

/** 0 (nothing in common) to 1 (equal): twice the characters the two share in order, over their lengths. */
export function similarity(a: string, b: string): number {
  if (a.length + b.length === 0) {
    return 1;
  }
  let common = 0;
  for (const part of diffChars(a, b)) {
    if (!part.added && !part.removed) {
      common += part.value.length;
    }
  }
  return (2 * common) / (a.length + b.length);
}
