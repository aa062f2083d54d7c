// Suspect commits of a comparison: the lines that got hotter between two versions, matched with the commits between
// the versions (the host's compare) that last changed those lines (blame at the newer version). A commit that last
// changed a line is a suspect only if it is one of the commits between: a line last changed before the older
// version got hotter for another reason (data, configuration, callees).
import type { BlameCommit, LineBlame } from './blame';

export interface HotterLine {
  line: number;
  /** What the line gained, in the comparison's measure (share points, or the value when the unit is absolute). */
  gained: number;
}

export interface Suspect {
  commit: BlameCommit;
  /** The hotter lines this commit last changed, hottest gain first. */
  lines: HotterLine[];
  gained: number;
}

export type SuspectVerdict =
  | { kind: 'suspects'; suspects: Suspect[]; unmatched: HotterLine[] }
  /** No line got hotter. */
  | { kind: 'nothing-hotter' }
  /** Lines got hotter, but none was changed between the versions: the regression is not in this function's code. */
  | { kind: 'no-change'; hotter: HotterLine[] };

export function matchSuspects(
  hotter: readonly HotterLine[],
  blame: ReadonlyMap<number, LineBlame>,
  between: ReadonlySet<string>
): SuspectVerdict {
  const gaining = hotter.filter((h) => h.gained > 0);
  if (gaining.length === 0) {
    return { kind: 'nothing-hotter' };
  }
  const bySha = new Map<string, Suspect>();
  const unmatched: HotterLine[] = [];
  for (const line of gaining) {
    const commit = blame.get(line.line)?.commit;
    if (!commit || !between.has(commit.sha)) {
      unmatched.push(line);
      continue;
    }
    const suspect = bySha.get(commit.sha) ?? { commit, lines: [], gained: 0 };
    suspect.lines.push(line);
    suspect.gained += line.gained;
    bySha.set(commit.sha, suspect);
  }
  if (bySha.size === 0) {
    return { kind: 'no-change', hotter: gaining };
  }
  const suspects = [...bySha.values()];
  suspects.forEach((s) => s.lines.sort((a, b) => b.gained - a.gained || a.line - b.line));
  // Most cost gained first; ties: the newer commit first.
  suspects.sort((a, b) => b.gained - a.gained || b.commit.date - a.commit.date);
  return { kind: 'suspects', suspects, unmatched };
}

/** The comparison's lines whose share of the whole grew (lines only the baseline has are not in the code shown). */
export function hotterLines(lines: ReadonlyArray<{ line?: number; deltaShare: { total: number } }>): HotterLine[] {
  return lines
    .filter((l): l is { line: number; deltaShare: { total: number } } => l.line !== undefined && l.deltaShare.total > 0)
    .map((l) => ({ line: l.line, gained: l.deltaShare.total }));
}

/** The lines to blame for `hotter`: from the first to the last (one request), undefined when there are none. */
export function spanOf(hotter: readonly HotterLine[]): { start: number; end: number } | undefined {
  if (hotter.length === 0) {
    return undefined;
  }
  const lines = hotter.map((h) => h.line);
  return { start: Math.min(...lines), end: Math.max(...lines) };
}
