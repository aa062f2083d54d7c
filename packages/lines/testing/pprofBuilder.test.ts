/** The one pprof builder's stack form: what the recorders and the doubles' tests rely on. */
import { Profile } from 'pprof-format';
import { PprofBuilder, StackFrame } from './pprofBuilder';

const frame = (name: string, line: number, startLine = 1): StackFrame => ({
  name,
  file: `${name}.go`,
  startLine,
  line,
});

/** The profile decoded again, each sample as `value: frame;frame` leaf first, inlined frames joined with `+`. */
function samplesOf(bytes: Uint8Array, valueIndex = 0): string[] {
  const p = Profile.decode(bytes);
  const s = p.stringTable.strings;
  const names = new Map(p.function.map((f) => [Number(f.id), s[Number(f.name)]]));
  const locations = new Map(p.location.map((l) => [Number(l.id), l]));
  return p.sample.map((sample) => {
    const stack = sample.locationId.map((id) =>
      locations
        .get(Number(id))!
        .line.map((l) => `${names.get(Number(l.functionId))}:${l.line}`)
        .join('+')
    );
    return `${sample.value[valueIndex]}: ${stack.join(';')}`;
  });
}

describe('PprofBuilder.stack', () => {
  it('makes each function and location once and adds a repeated stack to its sample', () => {
    const b = new PprofBuilder([
      ['samples', 'count'],
      ['cpu', 'nanoseconds'],
    ]);
    const m = b.mapping('v1', '/bin/app', { hasFilenames: true, hasInlineFrames: true });
    b.stack(m, [[frame('leaf', 3)], [frame('main', 9)]], [1, 10]);
    b.stack(m, [[frame('leaf', 4)], [frame('main', 9)]], [1, 20]);
    b.stack(m, [[frame('leaf', 3)], [frame('main', 9)]], [2, 30]);
    b.stack(m, [[frame('inner', 7), frame('outer', 2)], [frame('main', 9)]], [1, 5]);
    const p = Profile.decode(b.encode());
    expect(samplesOf(b.encode(), 1)).toEqual(['40: leaf:3;main:9', '20: leaf:4;main:9', '5: inner:7+outer:2;main:9']);
    expect(samplesOf(b.encode(), 0)[0]).toBe('3: leaf:3;main:9');
    expect(p.function.map((f) => p.stringTable.strings[Number(f.name)])).toEqual(['leaf', 'main', 'inner', 'outer']);
    expect(p.location).toHaveLength(4);
    expect(new Set(p.location.map((l) => Number(l.address))).size).toBe(4);
    expect(p.mapping[0]).toMatchObject({ hasFunctions: true, hasFilenames: true, hasInlineFrames: true });
  });

  it('tells functions apart by start line and file, not by name alone', () => {
    const b = new PprofBuilder();
    const m = b.mapping();
    b.stack(m, [[frame('f', 3, 1)]], [1]);
    b.stack(m, [[frame('f', 3, 2)]], [1]);
    b.stack(m, [[{ name: 'f', file: 'other.go', line: 3 }]], [1]);
    expect(Profile.decode(b.encode()).function).toHaveLength(3);
  });

  it('refuses a sample with the wrong number of values, no location or an empty location', () => {
    const b = new PprofBuilder([
      ['samples', 'count'],
      ['cpu', 'nanoseconds'],
    ]);
    const m = b.mapping();
    expect(() => b.stack(m, [[frame('f', 1)]], [1])).toThrow('a sample needs 2 values, got 1');
    expect(() => b.stack(m, [], [1, 1])).toThrow(/at least one frame/);
    expect(() => b.stack(m, [[frame('f', 1)], []], [1, 1])).toThrow(/at least one frame/);
    expect(Profile.decode(b.encode()).sample).toEqual([]);
  });

  it('writes the period, time and comments it is given, and the defaults otherwise', () => {
    const plain = Profile.decode(new PprofBuilder().encode());
    expect(Number(plain.period)).toBe(10_000_000);
    expect(plain.stringTable.strings[Number(plain.periodType!.type)]).toBe('cpu');
    const b = new PprofBuilder([
      ['samples', 'count'],
      ['cpu', 'nanoseconds'],
    ])
      .withPeriod(['cpu', 'nanoseconds'], 5_000_000)
      .withTime(1_700_000_000_000_000_000, 2_000_000_000)
      .comment('recorded by a test');
    const p = Profile.decode(b.encode());
    const s = p.stringTable.strings;
    expect([s[Number(p.periodType!.type)], s[Number(p.periodType!.unit)], Number(p.period)]).toEqual([
      'cpu',
      'nanoseconds',
      5_000_000,
    ]);
    expect([Number(p.timeNanos), Number(p.durationNanos)]).toEqual([1_700_000_000_000_000_000, 2_000_000_000]);
    expect(p.comment.map((c) => s[Number(c)])).toEqual(['recorded by a test']);
  });
});
