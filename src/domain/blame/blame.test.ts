import { blameByLine, compactAge, relativeDate, type BlameCommit } from './blame';

const commit = (sha: string, date: number): BlameCommit => ({
  sha: sha.repeat(40).slice(0, 40),
  title: sha,
  authorName: 'Ana',
  date,
});

describe('blameByLine', () => {
  const old = commit('a', Date.UTC(2025, 0, 1));
  const mid = commit('b', Date.UTC(2025, 6, 1));
  const fresh = commit('c', Date.UTC(2026, 0, 1));

  it('gives each line of the ranges its commit, naming the commit at the first line of each run', () => {
    const byLine = blameByLine(
      [
        { startLine: 3, endLine: 4, commit: 0 },
        { startLine: 5, endLine: 5, commit: 1 },
        { startLine: 6, endLine: 7, commit: 0 },
      ],
      [old, fresh]
    );
    expect([...byLine.keys()]).toEqual([3, 4, 5, 6, 7]);
    expect([...byLine.values()].map((b) => [b.commit.title, b.first])).toEqual([
      ['a', true],
      ['a', false],
      ['c', true],
      ['a', true],
      ['a', false],
    ]);
  });

  it('joins adjacent ranges of one commit into one run', () => {
    const byLine = blameByLine(
      [
        { startLine: 1, endLine: 1, commit: 0 },
        { startLine: 2, endLine: 3, commit: 0 },
      ],
      [old]
    );
    expect([...byLine.values()].map((b) => b.first)).toEqual([true, false, false]);
  });

  it('marks the newest quarter of the commits shown as recent, and nothing when one commit wrote everything', () => {
    const commits = [old, mid, fresh, commit('d', Date.UTC(2024, 0, 1))];
    const byLine = blameByLine(
      commits.map((_, i) => ({ startLine: i + 1, endLine: i + 1, commit: i })),
      commits
    );
    expect([...byLine.values()].filter((b) => b.recent).map((b) => b.commit.title)).toEqual(['c']);
    expect([...blameByLine([{ startLine: 1, endLine: 9, commit: 0 }], [old]).values()].some((b) => b.recent)).toBe(
      false
    );
  });

  it('drops ranges that overlap, run backwards, or name a missing commit, keeping the rest', () => {
    const byLine = blameByLine(
      [
        { startLine: 1, endLine: 2, commit: 0 },
        { startLine: 2, endLine: 3, commit: 0 },
        { startLine: 6, endLine: 4, commit: 0 },
        { startLine: 7, endLine: 7, commit: 5 },
        { startLine: 8, endLine: 8, commit: 0 },
      ],
      [old]
    );
    expect([...byLine.keys()]).toEqual([1, 2, 8]);
  });

  it('bounds a huge answer', () => {
    const byLine = blameByLine([{ startLine: 1, endLine: 10_000_000, commit: 0 }], [old]);
    expect(byLine.size).toBe(0);
  });

  it('gives an empty map for no ranges', () => {
    expect(blameByLine([], []).size).toBe(0);
  });
});

describe('relativeDate', () => {
  const now = Date.UTC(2026, 1, 1);
  it.each([
    [now - 30_000, 'just now'],
    [now - 3 * 3600_000, '3 hours ago'],
    [now - 86400_000, '1 day ago'],
    [now - 15 * 86400_000, '2 weeks ago'],
    [now - 400 * 86400_000, '1 year ago'],
    [now + 60_000, 'in the future'],
    [0, 'unknown date'],
  ])('%s → %s', (date, text) => {
    expect(relativeDate(date, now)).toBe(text);
  });
});

describe('compactAge', () => {
  const now = Date.UTC(2026, 1, 1);
  it.each([
    [now - 30_000, 'now'],
    [now - 3 * 86400_000, '3d'],
    [now - 65 * 86400_000, '2mo'],
    [now - 800 * 86400_000, '2y'],
    [0, '?'],
  ])('%s → %s', (date, text) => {
    expect(compactAge(date, now)).toBe(text);
  });
});
