import { compareFunction } from './lineDelta';
import { matchLines } from './lineMatching';
import { comparisonRows, MAX_COMPARISON_SPAN } from './rows';

const side = (lines: Array<[number, number]>) => ({
  whole: 100,
  self: 0,
  total: 10,
  lines: lines.map(([line, total]) => ({ line, self: 0, total })),
});

describe('comparisonRows', () => {
  it('lists the comparison span from the start line, unsampled lines included, then the removed lines', () => {
    const comparison = compareFunction(
      side([
        [2, 5],
        [3, 7],
      ]),
      side([[3, 1]]),
      matchLines(['func f() {', 'gone()', 'a()', '}'], ['func f() {', 'a()', 'b()', '}'])
    );
    const rows = comparisonRows(comparison, 1);
    expect(rows.map((r) => [r.key, r.line, r.removed, r.compared?.status])).toEqual([
      ['line:1', 1, false, undefined],
      ['line:2', 2, false, 'same'],
      ['line:3', 3, false, 'added'],
      ['removed:2', 2, true, 'removed'],
    ]);
  });

  it('ignores a start line after the first sampled line and lists only sampled lines of a huge span', () => {
    const near = comparisonRows(
      compareFunction(
        side([]),
        side([
          [10, 1],
          [12, 1],
        ])
      ),
      11
    );
    expect(near.map((r) => r.line)).toEqual([10, 11, 12]);
    const huge = comparisonRows(
      compareFunction(
        side([]),
        side([
          [1, 1],
          [MAX_COMPARISON_SPAN + 5, 1],
        ])
      )
    );
    expect(huge.map((r) => r.line)).toEqual([1, MAX_COMPARISON_SPAN + 5]);
  });

  it('is empty when neither side sampled a line', () => {
    expect(comparisonRows(compareFunction(side([]), side([])))).toEqual([]);
  });
});
