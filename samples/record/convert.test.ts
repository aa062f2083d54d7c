/**
 * The conversions the recording scripts rely on, on small inputs: our Python sampler's output and JFR's JSON to
 * pprof, and `go tool pprof -list` text to golden numbers. (The recorded profiles themselves are checked in
 * samples/profiles.test.ts.)
 */
import { Profile } from 'pprof-format';

import { parsePprofList } from './golden';
import { javaFileName, jfrJsonToProfile, JfrJson } from './java';
import { PythonRawProfile, pythonRawToProfile } from './python';

/** Each sample as `value: frame;frame;...` (innermost first; inlined frames joined with +), sorted. */
function describeSamples(profile: Profile, valueIndex: number): string[] {
  const s = profile.stringTable.strings;
  const fn = new Map(profile.function.map((f) => [Number(f.id), f]));
  const loc = new Map(profile.location.map((l) => [Number(l.id), l]));
  return profile.sample
    .map((sample) => {
      const frames = sample.locationId.map((id) =>
        loc
          .get(Number(id))!
          .line.map((l) => {
            const f = fn.get(Number(l.functionId))!;
            return `${s[Number(f.name)]}@${s[Number(f.filename)]}:${l.line}`;
          })
          .join('+')
      );
      return `${sample.value[valueIndex]}: ${frames.join(';')}`;
    })
    .sort();
}

describe('pythonRawToProfile', () => {
  const raw: PythonRawProfile = {
    python: '3.11.2',
    executable: '/usr/bin/python3.11',
    interval_ns: 5_000_000,
    start_unix_ns: 1_700_000_000_000_000_000,
    duration_ns: 2_000_000_000,
    frames: [
      ['/srv/app/shop/pricing.py', 'best_subset', 13, 25],
      ['/srv/app/shop/pricing.py', 'best_bundle', 4, 9],
      ['/srv/app/shop/catalog.py', 'Catalog.search', 41, 0],
    ],
    stacks: [
      [0, 0, 1],
      [2, 1],
    ],
    samples: [
      [0, 4_000_000],
      [1, 6_000_000],
      [0, 5_000_000],
    ],
  };

  it('merges identical stacks, keeps recursion, a line of 0 and the first lines', () => {
    const profile = pythonRawToProfile(raw);
    const types = profile.sampleType.map((t) => profile.stringTable.strings[Number(t.unit)]);
    expect(types).toEqual(['count', 'nanoseconds']);
    expect(describeSamples(profile, 1)).toEqual([
      '6000000: Catalog.search@/srv/app/shop/catalog.py:0;best_bundle@/srv/app/shop/pricing.py:9',
      '9000000: best_subset@/srv/app/shop/pricing.py:25;best_subset@/srv/app/shop/pricing.py:25;best_bundle@/srv/app/shop/pricing.py:9',
    ]);
    expect(describeSamples(profile, 0)).toEqual([
      expect.stringMatching(/^1: Catalog/),
      expect.stringMatching(/^2: best/),
    ]);
    const starts = profile.function.map((f) => Number(f.startLine));
    expect(starts.sort((a, b) => a - b)).toEqual([4, 13, 41]);
    expect(Number(profile.period)).toBe(5_000_000);
    // The encoded profile decodes to the same samples.
    expect(describeSamples(Profile.decode(profile.encode()), 1)).toEqual(describeSamples(profile, 1));
  });

  it('rejects samples that name missing stacks or frames', () => {
    expect(() => pythonRawToProfile({ ...raw, samples: [[7, 1]] })).toThrow(/stack 7, which does not exist/);
    expect(() => pythonRawToProfile({ ...raw, stacks: [[9]], samples: [[0, 1]] })).toThrow(/frame 9/);
    expect(() => pythonRawToProfile({} as PythonRawProfile)).toThrow(/not a pysampler profile/);
  });
});

describe('jfrJsonToProfile', () => {
  const frame = (cls: string, method: string, lineNumber: number, type = 'JIT compiled') => ({
    method: { type: { name: cls }, name: method },
    lineNumber,
    type,
  });
  const event = (time: string, frames: Array<ReturnType<typeof frame>>) => ({
    type: 'jdk.ExecutionSample',
    values: { startTime: time, sampledThread: { javaName: 'main' }, stackTrace: { truncated: false, frames } },
  });
  const json: JfrJson = {
    recording: {
      events: [
        event('2026-01-01T00:00:00.000Z', [
          frame('java/lang/StringLatin1', 'toLowerCase', 1, 'Inlined'),
          frame('java/lang/String', 'toLowerCase', 2),
          frame('com/linescope/shop/Catalog', 'score', 57),
          frame('com.linescope.shop.Catalog$$Lambda$98+0x0000000800c0b000/123456', 'apply', -1),
        ]),
        event('2026-01-01T00:00:01.000Z', [frame('com/linescope/shop/Pricing', 'bestSubset', 40, 'Interpreted')]),
        event('2026-01-01T00:00:02.000Z', [frame('com/linescope/shop/Pricing', 'bestSubset', 40, 'Interpreted')]),
      ],
    },
  };

  it('joins inlined frames into their compiled caller, maps -1 to 0 and names classes with slashes', () => {
    const profile = jfrJsonToProfile(json, 10_000_000, {
      filename: '/usr/lib/jvm/lib/server/libjvm.so',
      version: '17',
    });
    expect(describeSamples(profile, 1)).toEqual([
      '10000000: java/lang/StringLatin1.toLowerCase@java/lang/StringLatin1.java:1+java/lang/String.toLowerCase@java/lang/String.java:2;' +
        'com/linescope/shop/Catalog.score@com/linescope/shop/Catalog.java:57;' +
        'com/linescope/shop/Catalog$$Lambda$98+0x0000000800c0b000/123456.apply@com/linescope/shop/Catalog.java:0',
      '20000000: com/linescope/shop/Pricing.bestSubset@com/linescope/shop/Pricing.java:40',
    ]);
    expect(Number(profile.durationNanos)).toBe(2_010_000_000);
    expect(profile.mapping[0].hasInlineFrames).toBe(true);
  });

  it('rejects input that is not a recording with execution samples', () => {
    const none = { filename: 'libjvm.so', version: '17' };
    expect(() => jfrJsonToProfile({} as JfrJson, 1, none)).toThrow(/recording.events is missing/);
    expect(() => jfrJsonToProfile({ recording: { events: [] } }, 1, none)).toThrow(/no jdk.ExecutionSample/);
  });

  it.each([
    ['java/util/HashMap$Node', 'java/util/HashMap.java'],
    ['com/linescope/shop/Catalog', 'com/linescope/shop/Catalog.java'],
    ['com.linescope.shop.Catalog$$Lambda$98+0x0000000800c0b000/123456', 'com/linescope/shop/Catalog.java'],
    ['java.lang.invoke.LambdaForm$MH+0x00007fdd7801e400/1637061418', 'java/lang/invoke/LambdaForm.java'],
  ])('javaFileName(%s) is %s', (cls, file) => {
    expect(javaFileName(cls)).toBe(file);
  });
});

describe('parsePprofList', () => {
  const text = [
    'Total: 2800000000ns',
    'ROUTINE ======================== example.com/m/pricing.bestSubset in /opt/m/pricing/bundle.go',
    '970000000ns 3820000000ns (flat, cum) 136.43% of Total',
    '         .          .     30:// total found so far in best.',
    '480000000ns 610000000ns     31:func bestSubset(products []catalog.Product) int {',
    '         . 30000000ns     38:\t\t\treturn total',
    'ROUTINE ======================== main.main in /opt/m/main.go',
    '         0 10000000ns (flat, cum)  0.36% of Total',
    '         . 10000000ns     20:\tserve()',
    '',
  ].join('\n');

  it('reads totals, headers and the non-zero rows', () => {
    expect(parsePprofList(text, 'ns')).toEqual({
      total: 2_800_000_000,
      functions: [
        {
          name: 'example.com/m/pricing.bestSubset',
          file: '/opt/m/pricing/bundle.go',
          flat: 970_000_000,
          cum: 3_820_000_000,
          lines: [
            { line: 31, flat: 480_000_000, cum: 610_000_000 },
            { line: 38, flat: 0, cum: 30_000_000 },
          ],
        },
        {
          name: 'main.main',
          file: '/opt/m/main.go',
          flat: 0,
          cum: 10_000_000,
          lines: [{ line: 20, flat: 0, cum: 10_000_000 }],
        },
      ],
    });
  });

  it('refuses values in another unit and output without a total', () => {
    expect(() => parsePprofList(text.replace('480000000ns', '480ms'), 'ns')).toThrow(/unexpected value "480ms"/);
    expect(() => parsePprofList(text, 'B')).toThrow(/expected an integer in "B"/);
    expect(() => parsePprofList('no matches found', 'ns')).toThrow(/no "Total:" line/);
  });
});
