/**
 * Blame and comparison as every host answers them: line ranges (1-based, inclusive) pointing into a list of
 * commits. Everything here is read from a host's answer or the shared tier, so it is checked and bounded.
 */
import { MalformedAnswerError } from '../errors';
import type { Repository } from '../repository';

export interface ChangeRequestInfo {
  number: number;
  title: string;
  url: string;
}

export interface BlameCommitInfo {
  sha: string;
  title: string;
  authorName: string;
  authorLogin?: string;
  /** Unix ms. */
  date: number;
  url: string;
  changeRequest?: ChangeRequestInfo;
}

export interface BlameLines {
  startLine: number;
  endLine: number;
  /** Index into `commits`. */
  commit: number;
}

export interface Blame {
  ranges: BlameLines[];
  commits: BlameCommitInfo[];
}

export interface Comparison {
  commits: BlameCommitInfo[];
  changedPaths: string[];
  truncated: boolean;
}

/** The lines asked for (both inclusive); undefined = the whole file. */
export interface LineSpan {
  start: number;
  end: number;
}

/** More ranges than any real file has lines is a hostile or broken answer. */
export const MAX_BLAME_RANGES = 200_000;
const MAX_TEXT = 1_000;
const SHA = /^[0-9a-f]{40,64}$/;

export class BlameAnswerError extends MalformedAnswerError {}

/** Text from a host, cut to a size a view can show. */
export function hostText(value: unknown): string {
  return typeof value === 'string' ? value.slice(0, MAX_TEXT) : '';
}

export function firstLine(message: string): string {
  return message.split('\n', 1)[0].trim();
}

/** A date string from a host as Unix ms (0 when absent or unreadable). */
export function hostDate(value: unknown): number {
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isFinite(ms) ? ms : 0;
}

export function checkSha(value: unknown): string {
  if (typeof value !== 'string' || !SHA.test(value)) {
    throw new BlameAnswerError(`the host named a commit that is not a sha: ${JSON.stringify(value)?.slice(0, 80)}`);
  }
  return value;
}

/**
 * A pull/merge request link from a host is kept only when it is this repository's own page for that number
 * (a host's answer must not point users elsewhere); otherwise the link is built from the number.
 */
export function changeRequestUrl(repo: Repository, kind: 'pull' | 'merge_requests', number: number, said: unknown) {
  const own = kind === 'pull' ? `${repo.webUrl}/pull/${number}` : `${repo.webUrl}/-/merge_requests/${number}`;
  return said === own ? said : own;
}

/** Checks order and bounds of ranges, then keeps those overlapping `span` (clipped to it). */
export function clipBlame(blame: Blame, span: LineSpan | undefined): Blame {
  let previousEnd = 0;
  for (const range of blame.ranges) {
    if (
      !Number.isInteger(range.startLine) ||
      !Number.isInteger(range.endLine) ||
      range.startLine <= previousEnd ||
      range.endLine < range.startLine ||
      !(range.commit >= 0 && range.commit < blame.commits.length)
    ) {
      throw new BlameAnswerError(`the host's blame has a range out of order or bounds at line ${range.startLine}`);
    }
    previousEnd = range.endLine;
  }
  if (!span) {
    return blame;
  }
  const ranges = blame.ranges
    .filter((r) => r.endLine >= span.start && r.startLine <= span.end)
    .map((r) => ({ ...r, startLine: Math.max(r.startLine, span.start), endLine: Math.min(r.endLine, span.end) }));
  // Only the commits the kept ranges name, renumbered.
  const used = new Map<number, number>();
  const commits: BlameCommitInfo[] = [];
  for (const range of ranges) {
    if (!used.has(range.commit)) {
      used.set(range.commit, commits.length);
      commits.push(blame.commits[range.commit]);
    }
    range.commit = used.get(range.commit)!;
  }
  return { ranges, commits };
}

/** Adds a commit once, answering its index (hosts repeat a commit per range). */
export function commitIndexer(commits: BlameCommitInfo[]): (commit: BlameCommitInfo) => number {
  const index = new Map<string, number>();
  return (commit) => {
    let at = index.get(commit.sha);
    if (at === undefined) {
      at = commits.length;
      commits.push(commit);
      index.set(commit.sha, at);
    }
    return at;
  };
}

/** Shape check of a Blame read back from the shared tier. */
export function isBlame(value: unknown): value is Blame {
  const blame = value as Blame;
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray(blame.ranges) &&
    Array.isArray(blame.commits) &&
    blame.ranges.length <= MAX_BLAME_RANGES &&
    blame.commits.every(
      (c) =>
        typeof c === 'object' &&
        c !== null &&
        SHA.test(c.sha) &&
        typeof c.title === 'string' &&
        typeof c.authorName === 'string' &&
        typeof c.url === 'string' &&
        typeof c.date === 'number'
    ) &&
    blame.ranges.every(
      (r) => typeof r === 'object' && r !== null && [r.startLine, r.endLine, r.commit].every(Number.isInteger)
    )
  );
}
