import { highlightLines, languageOf } from './highlight';
import { buildRows, widestColumns } from './rows';
import { functionSpan } from '../../domain/span';

const kinds = (line: Array<{ kind: string; text: string }>) =>
  line.filter((t) => t.kind !== 'plain').map((t) => `${t.kind}:${t.text}`);

describe('highlightLines', () => {
  test('Go: keywords, strings, comments, numbers, calls; a raw string spanning lines stays a string', () => {
    const lines = highlightLines('func add(a int) int {\n\treturn a + 1 // one\n}\nvar s = `x\ny` + "q\\"z"', 'go');
    expect(kinds(lines[0])).toEqual([
      'keyword:func',
      'function:add',
      'punctuation:(',
      'type:int',
      'punctuation:)',
      'type:int',
      'punctuation:{',
    ]);
    expect(kinds(lines[1])).toEqual(['keyword:return', 'number:1', 'comment:// one']);
    expect(kinds(lines[3])).toContain('string:`x');
    expect(kinds(lines[4])).toEqual(['string:y`', 'string:"q\\"z"']);
  });

  test('Python: a triple-quoted string is one string over its lines; # starts a comment', () => {
    const lines = highlightLines('def f(x):\n    """doc\n    more"""\n    return x  # done', 'python');
    expect(kinds(lines[0])[0]).toBe('keyword:def');
    expect(kinds(lines[1])).toEqual(['string:"""doc']);
    expect(kinds(lines[2])).toEqual(['string:    more"""']);
    expect(kinds(lines[3])).toEqual(['keyword:return', 'comment:# done']);
  });

  test('Java and JavaScript: block comments across lines, template literals', () => {
    const java = highlightLines('/* a\n b */ public int x = 0x1F;', 'java');
    expect(kinds(java[0])).toEqual(['comment:/* a']);
    expect(kinds(java[1]).slice(0, 3)).toEqual(['comment: b */', 'keyword:public', 'keyword:int']);
    const js = highlightLines('const s = `a\n${b}`;', 'javascript');
    expect(kinds(js[0])).toEqual(['keyword:const', 'string:`a']);
    // The interpolation is code again: its braces are punctuation, its expression plain.
    expect(kinds(js[1])).toEqual(['punctuation:${', 'punctuation:}', 'string:`', 'punctuation:;']);
  });

  test('TypeScript: types and keywords of its own', () => {
    const ts = highlightLines('interface Cart { total: number }\nconst f = (c: Cart): void => {};', 'typescript');
    expect(kinds(ts[0])).toEqual(['keyword:interface', 'type:Cart', 'punctuation:{', 'type:number', 'punctuation:}']);
    expect(kinds(ts[1])).toContain('keyword:void');
  });

  test('keeps the text exactly and the line count', () => {
    const text = 'a\n\n"unterminated\nb';
    const lines = highlightLines(text, 'go');
    expect(lines.map((l) => l.map((t) => t.text).join('')).join('\n')).toBe(text);
    expect(highlightLines('x\ny', undefined)).toEqual([[{ kind: 'plain', text: 'x' }], [{ kind: 'plain', text: 'y' }]]);
  });

  test('languages by extension', () => {
    expect(['a.go', 'b.py', 'C.java', 'd.ts', 'e.mjs', 'f.rs'].map(languageOf)).toEqual([
      'go',
      'python',
      'java',
      'typescript',
      'javascript',
      undefined,
    ]);
  });

  test('a 20,000-line file is tokenized in one pass', () => {
    const text = Array.from({ length: 20000 }, (_, i) => `\tx${i} := compute("s", ${i}) // c`).join('\n');
    expect(highlightLines(text, 'go')).toHaveLength(20000);
  });
});

describe('functionSpan', () => {
  const go = ['package p', '', 'func f() {', '\tif x {', '\t\ty()', '\t}', '\ts := "}"', '}', '', 'func g() {}'].join(
    '\n'
  );

  test('Go: from the start line to the matching brace, braces in strings ignored', () => {
    const tokens = highlightLines(go, 'go');
    expect(functionSpan({ costs: [{ line: 5, self: 1, total: 1 }], startLine: 3, tokens, language: 'go' })).toEqual({
      start: 3,
      end: 8,
    });
  });

  test('never ends before the last hot line, never starts after the first one', () => {
    const tokens = highlightLines(go, 'go');
    expect(functionSpan({ costs: [{ line: 10, self: 1, total: 1 }], startLine: 3, tokens, language: 'go' })).toEqual({
      start: 3,
      end: 10,
    });
    expect(functionSpan({ costs: [{ line: 2, self: 1, total: 1 }], startLine: 3, tokens, language: 'go' })).toEqual({
      start: 2,
      end: 8,
    });
  });

  test('Python: a multi-line signature, then the body by indentation (blank lines and comments inside)', () => {
    const py = [
      '@cache',
      'def total(',
      '    items,',
      '):',
      '    s = 0',
      '',
      '    # sum',
      '    for i in items:',
      '        s += i',
      '    return s',
      '',
      'def other():',
      '    pass',
    ].join('\n');
    const tokens = highlightLines(py, 'python');
    expect(functionSpan({ costs: [{ line: 9, self: 5, total: 5 }], startLine: 1, tokens, language: 'python' })).toEqual(
      { start: 1, end: 10 }
    );
  });

  test('without source: the declared start to the last hot line', () => {
    expect(functionSpan({ costs: [{ line: 12, self: 0, total: 3 }], startLine: 10 })).toEqual({ start: 10, end: 12 });
    expect(functionSpan({ costs: [] })).toBeUndefined();
  });
});

test('the widest line of a span in columns, tabs expanded to the next stop', () => {
  const lines = ['func f() {', '\tx := 1', '\t\tif x {', 'ab\tc', 'a very long line outside the span'];
  expect(widestColumns(lines, 0, 0, 4)).toBe(10);
  expect(widestColumns(lines, 1, 1, 4)).toBe(10);
  expect(widestColumns(lines, 0, 3, 4)).toBe(14);
  expect(widestColumns(lines, 3, 3, 4)).toBe(5);
  expect(widestColumns(lines, 0, 99, 4)).toBe(33);
  expect(widestColumns([], 0, 10, 4)).toBe(0);
});

test('rows carry values, heat relative to the hottest line, and the hottest index', () => {
  const { rows, hottestIndex } = buildRows({ start: 3, end: 6 }, [
    { line: 4, self: 1, total: 2 },
    { line: 5, self: 4, total: 8 },
    { line: 99, self: 1, total: 100 },
  ]);
  expect(rows.map((r) => [r.line, r.self, r.total, r.heat])).toEqual([
    [3, 0, 0, 0],
    [4, 1, 2, 0.25],
    [5, 4, 8, 1],
    [6, 0, 0, 0],
  ]);
  expect(hottestIndex).toBe(2);
});
