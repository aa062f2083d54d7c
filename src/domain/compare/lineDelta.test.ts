import { changeTone, compareFunction, ComparisonSide, largestChanges, largestShareChange, share } from './lineDelta';
import { formatSharePercent, formatSharePoints, formatSignedValue } from './formatChange';
import { matchLines } from './lineMatching';

const side = (whole: number, lines: Array<[number, number, number]>): ComparisonSide => ({
  whole,
  lines: lines.map(([line, self, total]) => ({ line, self, total })),
  self: lines.reduce((s, l) => s + l[1], 0),
  total: lines.reduce((s, l) => Math.max(s, l[2]), 0),
});

describe('share', () => {
  it('divides by the whole and is 0 (never NaN or Infinity) without one', () => {
    expect(share(25, 100)).toBe(0.25);
    expect(share(0, 0)).toBe(0);
    expect(share(5, 0)).toBe(0);
    expect(share(5, Number.NaN)).toBe(0);
    expect(share(5, Number.POSITIVE_INFINITY)).toBe(0);
  });
});

describe('compareFunction', () => {
  it('gives baseline, comparison and difference per line, as values and shares of each whole', () => {
    const result = compareFunction(
      side(1000, [
        [10, 10, 100],
        [11, 0, 50],
      ]),
      side(4000, [
        [10, 40, 400],
        [12, 20, 20],
      ])
    );
    expect(result.lines.map((l) => l.line)).toEqual([10, 11, 12]);
    const [ten, eleven, twelve] = result.lines;
    expect(ten).toMatchObject({
      line: 10,
      baselineLine: 10,
      status: 'same',
      baseline: { self: 10, total: 100 },
      comparison: { self: 40, total: 400 },
      delta: { self: 30, total: 300 },
      baselineShare: { self: 0.01, total: 0.1 },
      comparisonShare: { self: 0.01, total: 0.1 },
      deltaShare: { self: 0, total: 0 },
    });
    expect(eleven.comparison).toEqual({ self: 0, total: 0 });
    expect(eleven.deltaShare.total).toBeCloseTo(-0.05);
    expect(twelve.baseline).toEqual({ self: 0, total: 0 });
    expect(twelve.deltaShare.total).toBeCloseTo(0.005);
  });

  it('does not call a busier hour a regression: four times the load, the same shares, no largest change', () => {
    const quiet = side(1000, [
      [1, 5, 50],
      [2, 10, 20],
    ]);
    const busy = side(4000, [
      [1, 20, 200],
      [2, 40, 80],
    ]);
    const result = compareFunction(quiet, busy);
    expect(result.lines.every((l) => l.delta.total > 0)).toBe(true);
    expect(result.lines.every((l) => Math.abs(l.deltaShare.total) < 1e-12)).toBe(true);
    expect(largestChanges(result)).toEqual([]);
  });

  it('gives shares of 0 for a side with an empty whole (no data in the baseline window)', () => {
    const result = compareFunction(side(0, []), side(200, [[3, 10, 20]]));
    expect(result.lines).toHaveLength(1);
    expect(result.lines[0].baselineShare).toEqual({ self: 0, total: 0 });
    expect(result.lines[0].deltaShare).toEqual({ self: 0.05, total: 0.1 });
    expect(result.function.deltaShare.total).toBeCloseTo(0.1);
  });

  it('follows the code through a matching: shifted lines keep their numbers, removed ones are listed apart', () => {
    const before = ['func f() {', 'a()', 'gone()', 'b()', '}'];
    const after = ['func f() {', '// note', 'a()', 'b()', 'new()', '}'];
    const result = compareFunction(
      side(100, [
        [2, 10, 10],
        [3, 5, 5],
        [4, 20, 20],
      ]),
      side(100, [
        [3, 10, 10],
        [4, 30, 30],
        [5, 1, 1],
      ]),
      matchLines(before, after)
    );
    expect(result.lines.map((l) => [l.line, l.baselineLine, l.status, l.delta.total])).toEqual([
      [3, 2, 'same', 0],
      [4, 4, 'same', 10],
      [5, undefined, 'added', 1],
      [undefined, 3, 'removed', -5],
    ]);
    expect(result.exactMatching).toBe(true);
  });

  it('compares the function as a whole too', () => {
    const result = compareFunction(
      { whole: 100, self: 2, total: 10, lines: [] },
      { whole: 200, self: 2, total: 40, lines: [] }
    );
    expect(result.function.delta).toEqual({ self: 0, total: 30 });
    expect(result.function.deltaShare.total).toBeCloseTo(0.1);
    expect(result.function.deltaShare.self).toBeCloseTo(-0.01);
  });
});

describe('largestChanges', () => {
  const result = compareFunction(
    side(100, [
      [1, 0, 10],
      [2, 0, 30],
      [3, 5, 5],
      [4, 0, 7],
    ]),
    side(100, [
      [1, 0, 12],
      [2, 0, 5],
      [3, 9, 5],
      [4, 0, 7],
    ])
  );

  it('ranks by the change of the total share (either way), then self, leaving unchanged lines out', () => {
    expect(largestChanges(result).map((l) => l.line)).toEqual([2, 1, 3]);
  });

  it('keeps at most the limit', () => {
    expect(largestChanges(result, 1).map((l) => l.line)).toEqual([2]);
    expect(largestChanges(result, 0)).toEqual([]);
  });
});

describe('changeTone', () => {
  it('is worse for a larger share, better for a smaller one, full strength at the largest change', () => {
    expect(changeTone(0.2, 0.2)).toEqual({ direction: 'worse', strength: 1 });
    expect(changeTone(-0.05, 0.2)).toEqual({ direction: 'better', strength: 0.5 });
    expect(changeTone(0, 0.2)).toEqual({ direction: 'none', strength: 0 });
    expect(changeTone(0.1, 0)).toEqual({ direction: 'none', strength: 0 });
    expect(changeTone(Number.NaN, 1)).toEqual({ direction: 'none', strength: 0 });
  });

  it('takes its scale from the largest change of a total share', () => {
    const result = compareFunction(side(10, [[1, 0, 1]]), side(10, [[1, 0, 4]]));
    expect(largestShareChange(result)).toBeCloseTo(0.3);
  });
});

describe('formatting a change', () => {
  it('reads shares as percentages and their changes as signed percentage points', () => {
    expect(formatSharePercent(0.181)).toBe('18%');
    expect(formatSharePercent(0.0026)).toBe('0.3%');
    expect(formatSharePercent(0.0004)).toBe('<0.1%');
    expect(formatSharePercent(0)).toBe('0%');
    expect(formatSharePoints(0.072)).toBe('+7.2 pp');
    expect(formatSharePoints(-0.178)).toBe('−18 pp');
    expect(formatSharePoints(0.0001)).toBe('+<0.1 pp');
    expect(formatSharePoints(0)).toBe('±0 pp');
    expect(formatSharePoints(Number.NaN)).toBe('±0 pp');
    expect(formatSignedValue(-1350, (v) => `${v} ms`)).toBe('−1350 ms');
    expect(formatSignedValue(5, (v) => `${v} ms`)).toBe('+5 ms');
    expect(formatSignedValue(0, (v) => `${v} ms`)).toBe('±0');
  });
});
