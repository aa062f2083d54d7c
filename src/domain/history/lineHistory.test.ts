import type { FunctionDetails, FunctionVersion } from '../model';
import { bucketCosts, bucketRanges, lineHistory } from './lineHistory';

const version = (gitRef: string, fileName: string, lines: Array<[number, number, number]>): FunctionVersion => ({
  key: gitRef,
  functionName: 'f',
  fileName,
  version: { repository: 'https://github.com/o/r', gitRef, rootPath: '' },
  lines: lines.map(([line, self, total]) => ({ line, self, total })),
  withoutLineNumber: { self: 0, total: 0 },
  self: lines.reduce((s, l) => s + l[1], 0),
  total: lines.reduce((s, l) => s + l[2], 0),
});
const details = (...versions: FunctionVersion[]): FunctionDetails => ({
  functionName: 'f',
  sampleType: 'cpu',
  unit: 'nanoseconds',
  versions,
  total: versions.reduce((s, v) => s + v.total, 0),
});

describe('bucketRanges', () => {
  it('cuts the range into adjacent buckets ending at its end', () => {
    const buckets = bucketRanges({ from: 0, to: 3_600_000 }, 12);
    expect(buckets).toHaveLength(12);
    expect(buckets[0]).toEqual({ from: 0, to: 300_000 });
    expect(buckets[11].to).toBe(3_600_000);
    buckets.slice(1).forEach((b, i) => expect(b.from).toBe(buckets[i].to));
  });

  it('gives none for an empty or reversed range', () => {
    expect(bucketRanges({ from: 10, to: 10 })).toEqual([]);
    expect(bucketRanges({ from: 10, to: 0 })).toEqual([]);
  });
});

describe('lineHistory', () => {
  it('gives each line with samples a point per bucket, and marks where the commit changes', () => {
    const buckets = [
      bucketCosts(details(version('v1', 'a.go', [[17, 5, 100]])), 'a.go'),
      bucketCosts(undefined, 'a.go'),
      bucketCosts(details(version('v1', 'a.go', [[17, 4, 90]])), 'a.go'),
      bucketCosts(
        details(
          version('v2', 'a.go', [
            [17, 0, 2],
            [16, 1, 9],
          ])
        ),
        'a.go'
      ),
    ];
    const history = lineHistory(buckets);
    expect(history.series.get(17)!.map((p) => p.total)).toEqual([100, 0, 90, 2]);
    expect(history.series.get(16)!.map((p) => p.self)).toEqual([0, 0, 0, 1]);
    expect(history.commitChanges).toEqual([3]);
    expect(history.commits).toEqual(['v1', undefined, 'v1', 'v2']);
  });

  it('sums the versions of one bucket in the same file, names the largest one’s commit, ignores other files', () => {
    const bucket = bucketCosts(
      details(
        version('v1', 'a.go', [[3, 1, 10]]),
        version('v2', 'a.go', [[3, 2, 30]]),
        version('v3', 'b.go', [[3, 9, 99]])
      ),
      'a.go'
    );
    expect(bucket.lines.get(3)).toEqual({ self: 3, total: 40 });
    expect(bucket.commit).toBe('v2');
  });

  it('has no series and no change for buckets without samples', () => {
    const history = lineHistory([bucketCosts(undefined, 'a.go'), bucketCosts(undefined, 'a.go')]);
    expect(history.series.size).toBe(0);
    expect(history.commitChanges).toEqual([]);
  });
});
