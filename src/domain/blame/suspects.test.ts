import { blameByLine, type BlameCommit } from './blame';
import { hotterLines, matchSuspects, spanOf } from './suspects';

const sha = (c: string) => c.repeat(40);
const v100: BlameCommit = { sha: sha('a'), title: 'catalog search', authorName: 'Ana', date: Date.UTC(2026, 0, 5) };
const docs: BlameCommit = { sha: sha('b'), title: 'docs', authorName: 'Bo', date: Date.UTC(2026, 0, 20) };
const v110: BlameCommit = {
  sha: sha('c'),
  title: 'index the catalog once',
  authorName: 'Cy',
  date: Date.UTC(2026, 1, 2),
};
const between = new Set([docs.sha, v110.sha]);

// Lines 10-15 from v1.0.0, 16-17 changed by v1.1.0, 18-30 from v1.0.0.
const blame = blameByLine(
  [
    { startLine: 10, endLine: 15, commit: 0 },
    { startLine: 16, endLine: 17, commit: 1 },
    { startLine: 18, endLine: 30, commit: 0 },
  ],
  [v100, v110]
);

describe('matchSuspects', () => {
  it('names the commits between the versions that last changed the lines that got hotter, most gained first', () => {
    const verdict = matchSuspects(
      [
        { line: 16, gained: 0.85 },
        { line: 30, gained: 7.2 },
        { line: 17, gained: 0.1 },
        { line: 20, gained: 1.8 },
      ],
      blame,
      between
    );
    expect(verdict.kind).toBe('suspects');
    if (verdict.kind !== 'suspects') {
      return;
    }
    expect(verdict.suspects).toHaveLength(1);
    expect(verdict.suspects[0].commit.title).toBe('index the catalog once');
    expect(verdict.suspects[0].lines.map((l) => l.line)).toEqual([16, 17]);
    expect(verdict.suspects[0].gained).toBeCloseTo(0.95);
    // Lines last changed before the older version got hotter for another reason.
    expect(verdict.unmatched.map((l) => l.line)).toEqual([30, 20]);
  });

  it('ignores lines that got cooler', () => {
    const verdict = matchSuspects([{ line: 17, gained: -17.8 }], blame, between);
    expect(verdict).toEqual({ kind: 'nothing-hotter' });
  });

  it('says no line changed when every hotter line predates the older version', () => {
    const verdict = matchSuspects(
      [
        { line: 30, gained: 7.2 },
        { line: 12, gained: 1 },
      ],
      blame,
      between
    );
    expect(verdict).toEqual({
      kind: 'no-change',
      hotter: [
        { line: 30, gained: 7.2 },
        { line: 12, gained: 1 },
      ],
    });
  });

  it('treats a hotter line without blame (outside the blamed span) as unmatched', () => {
    const verdict = matchSuspects([{ line: 99, gained: 3 }], blame, between);
    expect(verdict.kind).toBe('no-change');
  });

  it('ranks several suspects by the cost they gained, then the newer first', () => {
    const two = blameByLine(
      [
        { startLine: 1, endLine: 1, commit: 0 },
        { startLine: 2, endLine: 2, commit: 1 },
        { startLine: 3, endLine: 3, commit: 0 },
      ],
      [docs, v110]
    );
    const verdict = matchSuspects(
      [
        { line: 1, gained: 1 },
        { line: 2, gained: 2 },
        { line: 3, gained: 1 },
      ],
      two,
      between
    );
    expect(verdict.kind === 'suspects' && verdict.suspects.map((s) => s.commit.title)).toEqual([
      'index the catalog once',
      'docs',
    ]);
  });
});

describe('hotterLines and spanOf', () => {
  it('keeps the lines of the code shown whose share grew, and spans them', () => {
    const hotter = hotterLines([
      { line: 16, deltaShare: { total: 0.0085 } },
      { line: 17, deltaShare: { total: -0.178 } },
      { line: undefined, deltaShare: { total: 0.2 } },
      { line: 30, deltaShare: { total: 0.072 } },
      { line: 31, deltaShare: { total: 0 } },
    ]);
    expect(hotter).toEqual([
      { line: 16, gained: 0.0085 },
      { line: 30, gained: 0.072 },
    ]);
    expect(spanOf(hotter)).toEqual({ start: 16, end: 30 });
    expect(spanOf([])).toBeUndefined();
  });
});
