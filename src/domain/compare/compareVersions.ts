import { compareFunction, type FunctionComparison } from './lineDelta';
import { matchLines } from './lineMatching';

/** One side as the panel has it: the chosen version's numbers, its whole profile, and its file once loaded. */
export interface VersionSide {
  version: {
    lines: ReadonlyArray<{ line: number; self: number; total: number }>;
    self: number;
    total: number;
  };
  whole: number;
  /** The commit the side ran, when known: files of the same commit need no diff. */
  gitRef?: string;
  /** The whole file at that commit (line n at index n - 1), when loaded. */
  file?: string[];
}

/**
 * Compares the chosen versions of two sides. Lines are matched through the diff of the two files when the sides
 * ran different commits and both files are loaded; otherwise (same commit, or a file unknown) by number.
 */
export function compareVersions(baseline: VersionSide, comparison: VersionSide): FunctionComparison {
  const sameCode = baseline.gitRef !== undefined && baseline.gitRef === comparison.gitRef;
  const matching =
    !sameCode && baseline.file && comparison.file ? matchLines(baseline.file, comparison.file) : undefined;
  return compareFunction(
    { ...baseline.version, whole: baseline.whole },
    { ...comparison.version, whole: comparison.whole },
    matching
  );
}
