import { readFileSync } from 'fs';
import { join } from 'path';
import { LineMatching, matchByNumber, matchLines, similarity } from './lineMatching';

const pairs = (m: LineMatching) =>
  Array.from(m.baselineLineOf)
    .map((baseline, line) => [line, baseline, m.statusOf[line]] as const)
    .slice(1);

describe('matchLines', () => {
  it('pairs every line of identical files with itself', () => {
    const text = ['package main', '', 'func main() {', '\twork()', '}'];
    const m = matchLines(text, [...text]);
    expect(pairs(m)).toEqual(text.map((_, i) => [i + 1, i + 1, 'same']));
    expect(m.removed).toEqual([]);
    expect(m.exact).toBe(true);
  });

  it('shifts the lines below an insertion and marks the inserted lines added', () => {
    const m = matchLines(['a := 1', 'b := 2', 'c := 3'], ['a := 1', '// why', '// more', 'b := 2', 'c := 3']);
    expect(pairs(m)).toEqual([
      [1, 1, 'same'],
      [2, 0, 'added'],
      [3, 0, 'added'],
      [4, 2, 'same'],
      [5, 3, 'same'],
    ]);
    expect(m.removed).toEqual([]);
  });

  it('lists removed lines of the baseline and pulls the rest up', () => {
    const m = matchLines(['a := 1', 'log.Print(a)', 'b := 2'], ['a := 1', 'b := 2']);
    expect(pairs(m)).toEqual([
      [1, 1, 'same'],
      [2, 3, 'same'],
    ]);
    expect(m.removed).toEqual([2]);
  });

  it('follows a moved line to its new place', () => {
    const before = ['x := load()', 'y := parse(x)', 'z := compute(y)', 'save(z)'];
    const after = ['y := parse(x)', 'z := compute(y)', 'x := load()', 'save(z)'];
    const m = matchLines(before, after);
    expect(m.statusOf[3]).toBe('moved');
    expect(m.baselineLineOf[3]).toBe(1);
    expect(m.baselineLineOf[1]).toBe(2);
    expect(m.baselineLineOf[2]).toBe(3);
    expect(m.baselineLineOf[4]).toBe(4);
    expect(m.removed).toEqual([]);
  });

  it('does not call punctuation or repeated code a move', () => {
    const m = matchLines(['if a {', '}', 'if b {', '}'], ['if c {', '}', '}']);
    expect(m.statusOf.slice(1).filter((s) => s === 'moved')).toEqual([]);
  });

  it('pairs the lines of an n-for-n replacement as edited', () => {
    const m = matchLines(
      ['a()', 'for _, p := range ps {', 'name := lower(p.Name)', 'b()'],
      ['a()', 'for i, p := range ps {', 'name := names[i]', 'b()']
    );
    expect(pairs(m)).toEqual([
      [1, 1, 'same'],
      [2, 2, 'edited'],
      [3, 3, 'edited'],
      [4, 4, 'same'],
    ]);
  });

  it('pairs only alike lines when a hunk changes the line count, the rest added', () => {
    const m = matchLines(
      ['a()', 'total := sum(values)', 'b()'],
      ['a()', 'defer trace.Start().End()', 'total := sum(values, 0)', 'b()']
    );
    expect(pairs(m)).toEqual([
      [1, 1, 'same'],
      [2, 0, 'added'],
      [3, 2, 'edited'],
      [4, 3, 'same'],
    ]);
    expect(m.removed).toEqual([]);
  });

  it('treats a re-indented line as the same code, edited', () => {
    const m = matchLines(['if x {', 'work()', '}'], ['if x {', '\twork()', '}']);
    expect(pairs(m)).toEqual([
      [1, 1, 'same'],
      [2, 2, 'edited'],
      [3, 3, 'same'],
    ]);
  });

  it('handles empty files on either side', () => {
    expect(matchLines([], ['a', 'b']).statusOf.slice(1)).toEqual(['added', 'added']);
    expect(matchLines(['a', 'b'], []).removed).toEqual([1, 2]);
    expect(pairs(matchLines([], []))).toEqual([]);
  });

  it('matches the recorded shop-go versions of catalog/search.go: the edited loop keeps its line numbers', () => {
    const read = (v: string) =>
      readFileSync(join(__dirname, '../../../samples/sources/shop-go', v, 'catalog/search.go'), 'utf8').split('\n');
    const m = matchLines(read('v1'), read('v2'));
    expect(m.statusOf[16]).toBe('edited');
    expect(m.statusOf[17]).toBe('edited');
    expect(m.baselineLineOf[17]).toBe(17);
    expect(m.statusOf[30]).toBe('same');
    expect(m.removed).toEqual([]);
  });

  it('stays a one-to-one pairing on a large file with scattered edits', () => {
    const before = Array.from({ length: 20000 }, (_, i) => `line ${i} = compute(${i})`);
    const after = before.filter((_, i) => i % 97 !== 0).map((l, i) => (i % 101 === 0 ? `${l} // edited` : l));
    after.splice(500, 0, 'inserted()');
    const m = matchLines(before, after);
    const used = Array.from(m.baselineLineOf).filter((b) => b > 0);
    expect(new Set(used).size).toBe(used.length);
    expect(used.length + m.removed.length).toBe(before.length);
    expect(m.statusOf[501]).toBe('added');
  });
});

describe('two unrelated files', () => {
  it('are paired by number, marked as not exact, when the diff would be too long', () => {
    const before = Array.from({ length: 3000 }, (_, i) => `old line ${i}`);
    const after = Array.from({ length: 3000 }, (_, i) => `new code ${i}`);
    const m = matchLines(before, after);
    expect(m.exact).toBe(false);
    expect(m.baselineLineOf[10]).toBe(10);
  });
});

describe('matchByNumber', () => {
  it('pairs lines of the same number, the longer side left over', () => {
    const m = matchByNumber(3, 2);
    expect(pairs(m)).toEqual([
      [1, 1, 'same'],
      [2, 2, 'same'],
    ]);
    expect(m.removed).toEqual([3]);
    expect(m.exact).toBe(false);
    expect(matchByNumber(1, 2).statusOf[2]).toBe('added');
  });
});

describe('similarity', () => {
  it('is 1 for equal lines, 0 for lines with nothing in common, in between otherwise', () => {
    expect(similarity('abc', 'abc')).toBe(1);
    expect(similarity('', '')).toBe(1);
    expect(similarity('abc', 'xyz')).toBe(0);
    const s = similarity('total := sum(values)', 'total := sum(values, 0)');
    expect(s).toBeGreaterThan(0.8);
    expect(s).toBeLessThan(1);
  });
});
