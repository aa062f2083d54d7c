// Blame as the panel reads it: the source server's ranges (1-based, inclusive, pointing into a list of commits)
// merged into one entry per line, with how long ago each commit was and whether it is among the file's recent
// changes. Everything comes from the host through the server: text is shown as text, never as markup.

export interface BlameCommit {
  sha: string;
  title: string;
  authorName: string;
  authorLogin?: string;
  /** Unix ms. */
  date: number;
  /** The commit's page, built from the repository (see links.ts), never taken from the answer. */
  url?: string;
  changeRequest?: { number: number; title: string; url?: string };
}

export interface BlameRangeIn {
  startLine: number;
  endLine: number;
  commit: number;
}

export interface LineBlame {
  commit: BlameCommit;
  /** The first line of a run of lines with the same commit: the view names the commit there only. */
  first: boolean;
  /** Among the newest changes of the lines shown (see RECENT_SHARE). */
  recent: boolean;
}

/** The newest this share of the distinct commits shown count as recent (at least one). */
const RECENT_SHARE = 0.25;
/** More lines than any function view shows: a bigger answer is cut, not drawn. */
export const MAX_BLAME_LINES = 50_000;

/**
 * One entry per line from the server's ranges, ignoring ranges that are out of order, overlapping, out of
 * bounds or that name a missing commit (a broken answer loses only those lines).
 */
export function blameByLine(ranges: readonly BlameRangeIn[], commits: readonly BlameCommit[]): Map<number, LineBlame> {
  const byLine = new Map<number, LineBlame>();
  let previousEnd = 0;
  for (const range of ranges) {
    const commit = commits[range.commit];
    const { startLine, endLine } = range;
    if (
      !commit ||
      !Number.isInteger(startLine) ||
      !Number.isInteger(endLine) ||
      startLine <= previousEnd ||
      endLine < startLine ||
      byLine.size + (endLine - startLine + 1) > MAX_BLAME_LINES
    ) {
      continue;
    }
    previousEnd = endLine;
    for (let line = startLine; line <= endLine; line++) {
      const before = byLine.get(line - 1);
      byLine.set(line, { commit, first: before?.commit.sha !== commit.sha, recent: false });
    }
  }
  const dates = [...new Set([...byLine.values()].map((b) => b.commit))].map((c) => c.date).sort((a, b) => b - a);
  if (dates.length > 1) {
    const threshold = dates[Math.max(0, Math.ceil(dates.length * RECENT_SHARE) - 1)];
    byLine.forEach((entry) => (entry.recent = entry.commit.date >= threshold));
  }
  return byLine;
}

/** "3 days ago", "2 months ago", "just now": a date relative to now, coarse on purpose. */
export function relativeDate(date: number, now: number): string {
  const seconds = Math.round((now - date) / 1000);
  if (!Number.isFinite(seconds) || date <= 0) {
    return 'unknown date';
  }
  if (seconds < 0) {
    return 'in the future';
  }
  const units: Array<[string, number]> = [
    ['year', 365 * 86400],
    ['month', 30 * 86400],
    ['week', 7 * 86400],
    ['day', 86400],
    ['hour', 3600],
    ['minute', 60],
  ];
  for (const [unit, size] of units) {
    const count = Math.floor(seconds / size);
    if (count >= 1) {
      return `${count} ${unit}${count === 1 ? '' : 's'} ago`;
    }
  }
  return 'just now';
}

/** The same, as few characters as a narrow column needs: "3d", "2mo", "1y", "now". */
export function compactAge(date: number, now: number): string {
  const words = relativeDate(date, now);
  const match = /^(\d+) (year|month|week|day|hour|minute)s? ago$/.exec(words);
  if (!match) {
    return words === 'just now' ? 'now' : '?';
  }
  const unit = { year: 'y', month: 'mo', week: 'w', day: 'd', hour: 'h', minute: 'm' }[match[2]];
  return `${match[1]}${unit}`;
}

export function shortSha(sha: string): string {
  return sha.slice(0, 7);
}
