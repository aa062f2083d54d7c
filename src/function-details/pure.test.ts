import { buildBreakdown } from './breakdown';
import { MAX_FUNCTION_LINES } from '../domain/span';
import { formatShare, formatValue, grafanaUnit, lineCellFormatter } from '../domain/format';
import type { FunctionVersion } from '../domain/model';
import { describeRepository, shortRef } from '../domain/repository';
import { choiceNameTexts as choiceNames } from './versionNames';

const version = (patch: Partial<FunctionVersion>): FunctionVersion => ({
  key: '1',
  functionName: 'f',
  fileName: 'f.go',
  lines: [],
  withoutLineNumber: { self: 0, total: 0 },
  self: 0,
  total: 0,
  ...patch,
});

describe('breakdown rows', () => {
  it('lists every line from the start line to the last sampled line', () => {
    const b = buildBreakdown(
      version({
        startLine: 10,
        lines: [
          { line: 12, self: 1, total: 2 },
          { line: 14, self: 0, total: 5 },
        ],
      })
    );
    expect(b.compact).toBe(false);
    expect(b.rows).toEqual([
      { line: 10, self: 0, total: 0, sampled: false },
      { line: 11, self: 0, total: 0, sampled: false },
      { line: 12, self: 1, total: 2, sampled: true },
      { line: 13, self: 0, total: 0, sampled: false },
      { line: 14, self: 0, total: 5, sampled: true },
    ]);
  });

  it('ignores an implausible start line (after the first sample, or missing)', () => {
    expect(
      buildBreakdown(version({ startLine: 30, lines: [{ line: 12, self: 1, total: 1 }] })).rows.map((r) => r.line)
    ).toEqual([12]);
    expect(
      buildBreakdown(
        version({
          lines: [
            { line: 3, self: 1, total: 1 },
            { line: 4, self: 0, total: 1 },
          ],
        })
      ).rows
    ).toHaveLength(2);
  });

  it('has no rows when no sample has a line number', () => {
    expect(buildBreakdown(version({ lines: [] })).rows).toEqual([]);
  });

  it('lists only sampled lines for a huge span instead of millions of rows', () => {
    const b = buildBreakdown(
      version({
        startLine: 1,
        lines: [
          { line: 5, self: 1, total: 1 },
          { line: 5 + MAX_FUNCTION_LINES * 50, self: 1, total: 1 },
        ],
      })
    );
    expect(b.compact).toBe(true);
    expect(b.rows.map((r) => r.line)).toEqual([5, 5 + MAX_FUNCTION_LINES * 50]);
  });

  it('starts at the first sampled line when the declared start makes the span too long', () => {
    const b = buildBreakdown(
      version({
        startLine: 1,
        lines: [
          { line: 5000, self: 1, total: 1 },
          { line: 5002, self: 1, total: 1 },
        ],
      })
    );
    expect(b.compact).toBe(false);
    expect(b.rows.map((r) => r.line)).toEqual([5000, 5001, 5002]);
  });
});

describe('value formats', () => {
  it("maps pprof units to Grafana's value formats", () => {
    expect(grafanaUnit('nanoseconds')).toBe('ns');
    expect(grafanaUnit('count')).toBe('short');
    expect(grafanaUnit('bytes')).toBe('bytes');
    expect(formatValue(1_500_000_000, 'nanoseconds')).toBe('1.50 s');
    expect(formatValue(3 * 1024 * 1024, 'bytes')).toBe('3 MiB');
    expect(formatValue(1500, 'count')).toBe('1.50 K');
  });

  it('formats shares with sensible precision and no division by zero', () => {
    expect(formatShare(1, 3)).toBe('33%');
    expect(formatShare(1, 20)).toBe('5.0%');
    expect(formatShare(1, 100000)).toBe('<0.1%');
    expect(formatShare(0, 10)).toBe('0%');
    expect(formatShare(1, 0)).toBe('–');
  });

  it('per-line cells: a dash and no share for a line without samples, the value and its share otherwise', () => {
    const cell = lineCellFormatter('nanoseconds', 2_000_000_000);
    expect([cell.value(0), cell.share(0)]).toEqual(['–', '']);
    expect([cell.value(500_000_000), cell.share(500_000_000)]).toEqual(['500 ms', '25%']);
  });
});

describe('repositories', () => {
  it.each([
    [
      'https://github.com/linescope-demo/shop-go',
      'linescope-demo/shop-go',
      'https://github.com/linescope-demo/shop-go',
    ],
    [
      'https://github.com/linescope-demo/shop-go.git',
      'linescope-demo/shop-go',
      'https://github.com/linescope-demo/shop-go',
    ],
    [
      'git@github.com:linescope-demo/shop-go.git',
      'linescope-demo/shop-go',
      'https://github.com/linescope-demo/shop-go',
    ],
    ['ssh://git@ghe.example.com/team/app.git', 'team/app', 'https://ghe.example.com/team/app'],
    ['github.com/o/r', 'o/r', 'https://github.com/o/r'],
    ['https://ghe.example.com:8443/team/app', 'team/app', 'https://ghe.example.com:8443/team/app'],
    ['ssh://git@ghe.example.com:2222/team/app.git', 'team/app', 'https://ghe.example.com/team/app'],
    ['https://gitlab.example.com/group/sub/app', 'group/sub/app', 'https://gitlab.example.com/group/sub/app'],
  ])('reads %s', (url, display, webUrl) => {
    expect(describeRepository(url)).toMatchObject({ display, webUrl });
  });

  it.each(['', 'not a url', 'https://github.com/only-owner', 'javascript:alert(1)', 'file:///etc/passwd'])(
    'rejects %s',
    (url) => expect(describeRepository(url)).toBeUndefined()
  );

  it('shortens commit shas only', () => {
    expect(shortRef('0123456789abcdef0123456789abcdef01234567')).toBe('0123456');
    expect(shortRef('main')).toBe('main');
    expect(shortRef('v1.2.3')).toBe('v1.2.3');
  });
});

describe('commit choice names', () => {
  const at = (gitRef: string) => ({ repository: 'https://github.com/o/r', gitRef, rootPath: '' });

  it('names each choice by its ref when the refs differ', () => {
    expect(choiceNames([{ version: at('a'.repeat(40)) }, { version: at('v2') }, {}])).toEqual([
      'aaaaaaa',
      'v2',
      'unknown version 3',
    ]);
  });

  it('tells apart versions an override gave the same ref by the ref the profile gave each', () => {
    expect(
      choiceNames([
        { version: at('main'), replaced: at('b'.repeat(40)) },
        { version: at('main'), replaced: at('a'.repeat(40)) },
      ])
    ).toEqual(['main (profiled as bbbbbbb)', 'main (profiled as aaaaaaa)']);
  });

  it('falls back to the place among the versions when the profile gave none or the same ref to each', () => {
    // Labels give every unversioned mapping the same ref; a missing one cannot tell apart either.
    expect(
      choiceNames([
        { version: at('main'), replaced: at('v1') },
        { version: at('main'), replaced: at('v1') },
        { version: at('main') },
      ])
    ).toEqual(['main (version 1 of 3)', 'main (version 2 of 3)', 'main (version 3 of 3)']);
    // Two builds stamped with the same branch name, no override.
    expect(choiceNames([{ version: at('main') }, { version: at('main') }, { version: at('dev') }])).toEqual([
      'main (version 1 of 3)',
      'main (version 2 of 3)',
      'dev',
    ]);
  });
});
