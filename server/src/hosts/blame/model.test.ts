import { FileNotFoundError } from '../errors';
import { Blame, BlameAnswerError, clipBlame, isBlame } from './model';

const commit = (c: string) => ({ sha: c.repeat(40), title: c, authorName: 'Ana', date: 1, url: `u/${c}` });
const blame: Blame = {
  ranges: [
    { startLine: 1, endLine: 4, commit: 0 },
    { startLine: 5, endLine: 5, commit: 1 },
    { startLine: 6, endLine: 9, commit: 2 },
  ],
  commits: [commit('a'), commit('b'), commit('c')],
};

describe('clipBlame', () => {
  it('keeps the ranges overlapping the span, clipped, with only their commits renumbered', () => {
    expect(clipBlame(blame, { start: 5, end: 7 })).toEqual({
      ranges: [
        { startLine: 5, endLine: 5, commit: 0 },
        { startLine: 6, endLine: 7, commit: 1 },
      ],
      commits: [commit('b'), commit('c')],
    });
  });

  it('answers the whole blame without a span, and nothing for a span past the end', () => {
    expect(clipBlame(blame, undefined)).toBe(blame);
    expect(clipBlame(blame, { start: 50, end: 60 })).toEqual({ ranges: [], commits: [] });
  });

  it.each([
    [
      'overlapping',
      [
        { startLine: 1, endLine: 4, commit: 0 },
        { startLine: 4, endLine: 5, commit: 0 },
      ],
    ],
    ['backwards', [{ startLine: 3, endLine: 2, commit: 0 }]],
    ['naming a missing commit', [{ startLine: 1, endLine: 2, commit: 7 }]],
    ['not integers', [{ startLine: 1.5, endLine: 2, commit: 0 }]],
  ])('refuses a host answer with ranges %s', (_name, ranges) => {
    expect(() => clipBlame({ ranges, commits: [commit('a')] }, undefined)).toThrow(BlameAnswerError);
  });

  it('is not a missing-file error (a broken answer is the host’s fault, not the user’s)', () => {
    expect(new BlameAnswerError('x')).not.toBeInstanceOf(FileNotFoundError);
  });
});

describe('isBlame (values read back from the shared tier)', () => {
  it('accepts a blame and refuses other shapes', () => {
    expect(isBlame(blame)).toBe(true);
    expect(isBlame(null)).toBe(false);
    expect(isBlame({ ranges: [], commits: [{ ...commit('a'), sha: 'not a sha' }] })).toBe(false);
    expect(isBlame({ ranges: [{ startLine: '1', endLine: 2, commit: 0 }], commits: [] })).toBe(false);
    expect(isBlame({ ranges: new Array(300_000).fill({ startLine: 1, endLine: 1, commit: 0 }), commits: [] })).toBe(
      false
    );
  });
});
