// Each line's cost over time: the selected range cut into a fixed number of buckets, the function's per-line self and
// total in each (from that bucket's profile of the same call site), and where the profile's commit changes.
import type { FunctionDetails } from '../model';

export const HISTORY_BUCKETS = 12;

export interface TimeSpan {
  from: number;
  to: number;
}

/** `count` adjacent spans covering the range (the last one ends at its end). */
export function bucketRanges(range: TimeSpan, count = HISTORY_BUCKETS): TimeSpan[] {
  const width = (range.to - range.from) / count;
  if (!(width > 0) || !Number.isFinite(width)) {
    return [];
  }
  return Array.from({ length: count }, (_, i) => ({
    from: Math.round(range.from + i * width),
    to: i === count - 1 ? range.to : Math.round(range.from + (i + 1) * width),
  }));
}

export interface CostPoint {
  self: number;
  total: number;
}

export interface BucketCosts {
  /** Per line of the file, summed over the bucket's versions of the function in that file. */
  lines: Map<number, CostPoint>;
  /** The commit of the bucket's largest version (undefined: no sample, or no version information). */
  commit?: string;
}

export function bucketCosts(details: FunctionDetails | undefined, fileName: string): BucketCosts {
  const lines = new Map<number, CostPoint>();
  const versions = (details?.versions ?? []).filter((v) => v.fileName === fileName);
  for (const version of versions) {
    for (const cost of version.lines) {
      const point = lines.get(cost.line) ?? { self: 0, total: 0 };
      point.self += cost.self;
      point.total += cost.total;
      lines.set(cost.line, point);
    }
  }
  const largest = [...versions].sort((a, b) => b.total - a.total)[0];
  return { lines, commit: largest?.version?.gitRef || undefined };
}

export interface LineHistory {
  buckets: number;
  /** Lines with samples in any bucket → one point per bucket (zero where none). */
  series: Map<number, CostPoint[]>;
  /** Bucket indexes whose commit differs from the last bucket before them that had one. */
  commitChanges: number[];
  commits: Array<string | undefined>;
}

export function lineHistory(buckets: readonly BucketCosts[]): LineHistory {
  const series = new Map<number, CostPoint[]>();
  buckets.forEach((bucket, i) => {
    bucket.lines.forEach((point, line) => {
      let points = series.get(line);
      if (!points) {
        points = buckets.map(() => ({ self: 0, total: 0 }));
        series.set(line, points);
      }
      points[i] = { ...point };
    });
  });
  const commitChanges: number[] = [];
  let last: string | undefined;
  buckets.forEach((bucket, i) => {
    if (bucket.commit) {
      if (last !== undefined && bucket.commit !== last) {
        commitChanges.push(i);
      }
      last = bucket.commit;
    }
  });
  return { buckets: buckets.length, series, commitChanges, commits: buckets.map((b) => b.commit) };
}
