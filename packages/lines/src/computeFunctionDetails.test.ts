import { gzipSync } from 'zlib';

import { Profile } from 'pprof-format';

import { FunctionVersion } from './model';
import { computeFunctionDetails } from './computeFunctionDetails';
import { PprofBuilder, pyroscopeBuildId } from '../testing/pprofBuilder';

const lineMap = (version: FunctionVersion) =>
  Object.fromEntries(version.lines.map((l) => [l.line, { self: l.self, total: l.total }]));

describe('computeFunctionDetails', () => {
  it('gives self to the leaf line and total to every line on the stack', () => {
    const b = new PprofBuilder();
    const m = b.mapping(pyroscopeBuildId({ repository: 'https://github.com/acme/shop', gitRef: 'abc123' }));
    const main = b.function('main.main', 'main.go', 3);
    const work = b.function('main.work', 'work.go', 10);
    const mainLoc = b.location(m, [[main, 5]]);
    const work11 = b.location(m, [[work, 11]]);
    const work12 = b.location(m, [[work, 12]]);
    b.sample([work11, mainLoc], 30).sample([work12, mainLoc], 50).sample([mainLoc], 7);

    const details = computeFunctionDetails(b.encode(), 'main.work');

    expect(details).toEqual({
      functionName: 'main.work',
      sampleType: 'cpu',
      unit: 'nanoseconds',
      total: 80,
      versions: [
        {
          key: '1',
          functionName: 'main.work',
          fileName: 'work.go',
          startLine: 10,
          version: { repository: 'https://github.com/acme/shop', gitRef: 'abc123', rootPath: '' },
          lines: [
            { line: 11, self: 30, total: 30 },
            { line: 12, self: 50, total: 50 },
          ],
          withoutLineNumber: { self: 0, total: 0 },
          self: 80,
          total: 80,
        },
      ],
    });
    const caller = computeFunctionDetails(b.encode(), 'main.main').versions[0];
    expect(lineMap(caller)).toEqual({ 5: { self: 7, total: 87 } });
    expect([caller.self, caller.total]).toEqual([7, 87]);
  });

  it('gives no self to the caller of an inlined callee, only to the innermost line', () => {
    const b = new PprofBuilder();
    const m = b.mapping();
    const caller = b.function('main.handle', 'handle.go', 20);
    const callee = b.function('strings.Index', 'strings.go', 100);
    // One leaf location: strings.Index (line 105) inlined into main.handle (line 24).
    const inlined = b.location(m, [
      [callee, 105],
      [caller, 24],
    ]);
    const plain = b.location(m, [[caller, 22]]);
    b.sample([inlined], 40).sample([plain], 5);

    const handle = computeFunctionDetails(b.encode(), 'main.handle').versions[0];
    expect(lineMap(handle)).toEqual({ 22: { self: 5, total: 5 }, 24: { self: 0, total: 40 } });
    expect([handle.self, handle.total]).toEqual([5, 45]);

    const index = computeFunctionDetails(b.encode(), 'strings.Index').versions[0];
    expect(lineMap(index)).toEqual({ 105: { self: 40, total: 40 } });
    expect([index.self, index.total]).toEqual([40, 40]);
  });

  it('gives only total to an inlined callee that is not at the leaf', () => {
    const b = new PprofBuilder();
    const m = b.mapping();
    const leafFn = b.function('runtime.memmove', 'memmove.s');
    const callee = b.function('bytes.Clone', 'bytes.go', 1);
    const caller = b.function('main.copy', 'copy.go', 1);
    const leaf = b.location(m, [[leafFn, 9]]);
    const inlined = b.location(m, [
      [callee, 3],
      [caller, 7],
    ]);
    b.sample([leaf, inlined], 11);

    const clone = computeFunctionDetails(b.encode(), 'bytes.Clone').versions[0];
    expect(lineMap(clone)).toEqual({ 3: { self: 0, total: 11 } });
    expect([clone.self, clone.total]).toEqual([0, 11]);
  });

  it('counts a sample once per line when the function recurses through the same line', () => {
    const b = new PprofBuilder();
    const m = b.mapping();
    const fib = b.function('main.fib', 'fib.go', 8);
    const main = b.function('main.main', 'main.go', 1);
    const fib10 = b.location(m, [[fib, 10]]);
    // A second location (another address) on the same line: still the same line for pprof.
    const fib10b = b.location(m, [[fib, 10]]);
    const mainLoc = b.location(m, [[main, 2]]);
    b.sample([fib10, fib10, fib10b, fib10, mainLoc], 100);

    const details = computeFunctionDetails(b.encode(), 'main.fib');
    const fibVersion = details.versions[0];
    expect(lineMap(fibVersion)).toEqual({ 10: { self: 100, total: 100 } });
    expect([fibVersion.self, fibVersion.total, details.total]).toEqual([100, 100, 100]);
  });

  it('counts a sample on each line but once in the function total when recursion passes different lines', () => {
    const b = new PprofBuilder();
    const m = b.mapping();
    const walk = b.function('main.walk', 'walk.go', 30);
    const walk31 = b.location(m, [[walk, 31]]);
    const walk35 = b.location(m, [[walk, 35]]);
    const walk38 = b.location(m, [[walk, 38]]);
    b.sample([walk38, walk35, walk31, walk35], 10).sample([walk31, walk31], 4);

    const version = computeFunctionDetails(b.encode(), 'main.walk').versions[0];
    expect(lineMap(version)).toEqual({
      31: { self: 4, total: 14 },
      35: { self: 0, total: 10 },
      38: { self: 10, total: 10 },
    });
    // The sum of line totals (34) double-counts; the function's total does not.
    expect([version.self, version.total]).toEqual([14, 14]);
  });

  it('groups versions by mapping, reads their build id JSON and sorts them by total', () => {
    const b = new PprofBuilder();
    const oldRelease = b.mapping(pyroscopeBuildId({ repository: 'https://github.com/acme/shop', gitRef: 'v1' }));
    const newRelease = b.mapping(
      pyroscopeBuildId({
        repository: 'https://github.com/acme/shop',
        gitRef: 'v2',
        buildId: 'deadbeef',
        rootPath: 'svc',
      })
    );
    const oldFn = b.function('main.work', 'work.go', 10);
    const newFn = b.function('main.work', 'work.go', 12);
    const oldLoc = b.location(oldRelease, [[oldFn, 11]]);
    const newLoc = b.location(newRelease, [[newFn, 14]]);
    b.sample([oldLoc], 3).sample([newLoc], 9).sample([newLoc], 1);

    const details = computeFunctionDetails(b.encode(), 'main.work');

    expect(details.versions.map((v) => [v.key, v.version?.gitRef, v.startLine, v.total])).toEqual([
      ['2', 'v2', 12, 10],
      ['1', 'v1', 10, 3],
    ]);
    expect(details.versions[0].version).toEqual({
      repository: 'https://github.com/acme/shop',
      gitRef: 'v2',
      rootPath: 'svc',
    });
    expect(details.total).toBe(13);
  });

  it('counts a sample once in the overall total even when its stack crosses two versions', () => {
    const b = new PprofBuilder();
    const lib1 = b.mapping('{"git_ref":"a"}');
    const lib2 = b.mapping('{"git_ref":"b"}');
    const f = b.function('cb', 'cb.c');
    const loc1 = b.location(lib1, [[f, 1]]);
    const loc2 = b.location(lib2, [[f, 1]]);
    b.sample([loc1, loc2], 6);

    const details = computeFunctionDetails(b.encode(), 'cb');
    expect(details.versions.map((v) => [v.key, v.self, v.total])).toEqual([
      ['1', 6, 6],
      ['2', 0, 6],
    ]);
    expect(details.total).toBe(6);
  });

  it('keeps frames without line numbers apart instead of dropping them', () => {
    const b = new PprofBuilder();
    const m = b.mapping();
    const f = b.function('app.run', 'app.py');
    const noLine = b.location(m, [[f, 0]]);
    const line7 = b.location(m, [[f, 7]]);
    b.sample([noLine], 5).sample([line7, noLine], 2).sample([noLine, line7], 1);

    const version = computeFunctionDetails(b.encode(), 'app.run').versions[0];
    expect(version.lines).toEqual([{ line: 7, self: 2, total: 3 }]);
    expect(version.withoutLineNumber).toEqual({ self: 6, total: 8 });
    expect([version.self, version.total]).toEqual([8, 8]);
    expect(version.startLine).toBeUndefined();
  });

  it('skips locations without line entries (unsymbolized frames) without failing', () => {
    const b = new PprofBuilder();
    const m = b.mapping();
    const f = b.function('app.run', 'app.go', 1);
    const unsymbolized = b.location(m, []);
    const line3 = b.location(m, [[f, 3]]);
    b.sample([unsymbolized, line3], 9).sample([unsymbolized], 4);

    const details = computeFunctionDetails(b.encode(), 'app.run');
    const version = details.versions[0];
    expect(version.lines).toEqual([{ line: 3, self: 0, total: 9 }]);
    expect([version.self, version.total, details.total]).toEqual([0, 9, 9]);
  });

  it('skips samples without locations and unknown location ids', () => {
    const b = new PprofBuilder();
    const m = b.mapping();
    const f = b.function('f', 'f.go');
    const loc = b.location(m, [[f, 1]]);
    b.sample([], 100).sample([999, loc], 2).sample([loc, 12345], 3);

    const version = computeFunctionDetails(b.encode(), 'f').versions[0];
    expect(version.lines).toEqual([{ line: 1, self: 3, total: 5 }]);
  });

  it('returns no versions for an empty profile, empty bytes and a function not in the profile', () => {
    expect(computeFunctionDetails(new Uint8Array(0), 'main.main')).toEqual({
      functionName: 'main.main',
      sampleType: '',
      unit: '',
      versions: [],
      total: 0,
    });
    expect(computeFunctionDetails(new Profile().encode(), 'main.main').versions).toEqual([]);

    const b = new PprofBuilder([['samples', 'count']]);
    const m = b.mapping();
    b.sample([b.location(m, [[b.function('other', 'o.go'), 1]])], 1);
    expect(computeFunctionDetails(b.encode(), 'main.main')).toEqual({
      functionName: 'main.main',
      sampleType: 'samples',
      unit: 'count',
      versions: [],
      total: 0,
    });
  });

  it('tolerates build ids that are not version JSON', () => {
    const buildIds = ['4f2a9c0e1b', '12345', '{not json', '{"build_id":"abc"}', '', 'null'];
    const b = new PprofBuilder();
    const f = b.function('f', 'f.go');
    for (const buildId of buildIds) {
      b.sample([b.location(b.mapping(buildId), [[f, 1]])], 1);
    }
    const details = computeFunctionDetails(b.encode(), 'f');
    expect(details.versions).toHaveLength(buildIds.length);
    expect(details.versions.every((v) => v.version === undefined)).toBe(true);
    expect(details.versions.map((v) => v.key)).toEqual(['1', '2', '3', '4', '5', '6']);
  });

  it('uses mapping id 0 as the key when locations have no mapping', () => {
    const b = new PprofBuilder();
    const f = b.function('f', 'f.go');
    b.sample([b.location(0, [[f, 2]])], 1);
    const [version] = computeFunctionDetails(b.encode(), 'f').versions;
    expect([version.key, version.version]).toEqual(['0', undefined]);
  });

  it('splits same-named functions of different files, or keeps one file when asked', () => {
    const b = new PprofBuilder();
    const m = b.mapping();
    const a = b.function('handler', 'a/views.py', 1);
    const c = b.function('handler', 'c/views.py', 1);
    b.sample([b.location(m, [[a, 2]])], 5).sample([b.location(m, [[c, 3]])], 8);

    const both = computeFunctionDetails(b.encode(), 'handler');
    expect(both.versions.map((v) => [v.key, v.fileName, v.total])).toEqual([
      ['1:c/views.py', 'c/views.py', 8],
      ['1:a/views.py', 'a/views.py', 5],
    ]);
    expect(both.total).toBe(13);

    const onlyA = computeFunctionDetails(b.encode(), 'handler', { fileName: 'a/views.py' });
    expect(onlyA.versions.map((v) => [v.key, v.fileName, v.total])).toEqual([['1', 'a/views.py', 5]]);
    expect(onlyA.total).toBe(5);
  });

  it('reads the default sample type, else the last, or the one asked for', () => {
    const build = (defaultType?: string) => {
      const b = new PprofBuilder([
        ['alloc_objects', 'count'],
        ['alloc_space', 'bytes'],
        ['inuse_objects', 'count'],
      ]);
      if (defaultType) {
        b.withDefaultSampleType(defaultType);
      }
      const m = b.mapping();
      b.sample([b.location(m, [[b.function('f', 'f.go'), 1]])], 1, 2048, 3);
      return b.encode();
    };
    const read = (bytes: Uint8Array, sampleType?: number | string) => {
      const details = computeFunctionDetails(bytes, 'f', { sampleType });
      return [details.sampleType, details.unit, details.total];
    };

    expect(read(build())).toEqual(['inuse_objects', 'count', 3]);
    expect(read(build('alloc_space'))).toEqual(['alloc_space', 'bytes', 2048]);
    expect(read(build('unknown'))).toEqual(['inuse_objects', 'count', 3]);
    expect(read(build('alloc_space'), 0)).toEqual(['alloc_objects', 'count', 1]);
    expect(read(build(), 'alloc_space')).toEqual(['alloc_space', 'bytes', 2048]);
    expect(() => read(build(), 'cpu')).toThrow(
      'Sample type "cpu" is not in the profile (available: 0: alloc_objects, 1: alloc_space, 2: inuse_objects)'
    );
    expect(() => read(build(), 3)).toThrow('Sample type 3 is not in the profile');
  });

  it('reads values beyond 32 bits and negative values (diff profiles) exactly', () => {
    const b = new PprofBuilder();
    const m = b.mapping();
    const loc = b.location(m, [[b.function('f', 'f.go'), 1]]);
    b.sample([loc], 2 ** 40 + 3)
      .sample([loc], -5)
      .sample([loc], BigInt(2 ** 50));

    const version = computeFunctionDetails(b.encode(), 'f').versions[0];
    expect(version.total).toBe(2 ** 40 + 3 - 5 + 2 ** 50);
  });

  it('looks up sparse, large location ids', () => {
    const b = new PprofBuilder();
    const m = b.mapping();
    const f = b.function('f', 'f.go');
    const far = b.location(m, [[f, 4]], 2 ** 31 + 17);
    const near = b.location(m, [[f, 5]], 3);
    b.sample([far, near], 7);

    const version = computeFunctionDetails(b.encode(), 'f').versions[0];
    expect(version.lines).toEqual([
      { line: 4, self: 7, total: 7 },
      { line: 5, self: 0, total: 7 },
    ]);
  });

  it('reads gzipped and raw pprof alike', () => {
    const b = new PprofBuilder();
    const m = b.mapping();
    b.sample([b.location(m, [[b.function('f', 'f.go'), 9]])], 42);
    const raw = b.encode();
    expect(computeFunctionDetails(gzipSync(raw), 'f')).toEqual(computeFunctionDetails(raw, 'f'));
    expect(computeFunctionDetails(gzipSync(raw), 'f').total).toBe(42);
  });

  it('rejects bad input with a clear error', () => {
    expect(() => computeFunctionDetails(new Uint8Array([0x1f, 0x8b, 1, 2, 3]), 'f')).toThrow(
      /^The profile looks gzipped but could not be inflated/
    );
    expect(() => computeFunctionDetails(new TextEncoder().encode('<html>502 Bad Gateway</html>'), 'f')).toThrow(
      /^The profile is not a valid pprof protobuf/
    );
    expect(() => computeFunctionDetails(new Profile().encode(), '')).toThrow('A function name is required');
  });
});

/**
 * An independent reading of `go tool pprof -list` (internal/graph: one node per function name, file and line;
 * per sample, cum once per node, flat to the last node visited from the root, i.e. the leaf's innermost line),
 * used to check the optimised implementation on random stacks with inlining, recursion and missing lines.
 */
function pprofListReference(profile: Profile, name: string) {
  const str = (i: number | bigint) => profile.stringTable.strings[Number(i)];
  const functions = new Map(profile.function.map((f) => [Number(f.id), f]));
  const locations = new Map(profile.location.map((l) => [Number(l.id), l]));
  const nodes = new Map<string, { flat: number; cum: number }>();
  let functionTotal = 0;
  for (const sample of profile.sample) {
    const value = Number(sample.value[0]);
    const seen = new Set<string>();
    let last: string | undefined;
    for (let i = sample.locationId.length - 1; i >= 0; i--) {
      const lines = locations.get(Number(sample.locationId[i]))!.line;
      for (let j = lines.length - 1; j >= 0; j--) {
        const fn = functions.get(Number(lines[j].functionId))!;
        const key = `${str(fn.name)}|${str(fn.filename)}|${Number(lines[j].line)}`;
        if (!seen.has(key)) {
          seen.add(key);
          const node = nodes.get(key) ?? { flat: 0, cum: 0 };
          node.cum += value;
          nodes.set(key, node);
        }
        last = key;
      }
    }
    if (last !== undefined) {
      nodes.get(last)!.flat += value;
    }
    if ([...seen].some((key) => key.startsWith(`${name}|`))) {
      functionTotal += value;
    }
  }
  const lines: Record<number, { self: number; total: number }> = {};
  for (const [key, node] of nodes) {
    const [fnName, , line] = key.split('|');
    if (fnName === name) {
      lines[Number(line)] = { self: node.flat, total: node.cum };
    }
  }
  return { lines, functionTotal };
}

describe('computeFunctionDetails against a direct reading of pprof -list', () => {
  // A small deterministic generator (mulberry32) so a failure can be replayed.
  const random = (seed: number) => () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  it.each([1, 2, 3, 4, 5])('agrees on random stacks (seed %i)', (seed) => {
    const rnd = random(seed);
    const pick = (n: number) => Math.floor(rnd() * n);
    const b = new PprofBuilder();
    const m = b.mapping();
    const functions = ['a', 'b', 'c', 'd'].map((name) => b.function(name, `${name}.go`));
    const locations = Array.from({ length: 40 }, () =>
      b.location(
        m,
        Array.from({ length: 1 + pick(3) }, () => [functions[pick(functions.length)], pick(4)] as [number, number])
      )
    );
    for (let s = 0; s < 300; s++) {
      b.sample(
        Array.from({ length: 1 + pick(8) }, () => locations[pick(locations.length)]),
        1 + pick(1000)
      );
    }
    const profile = b.profile();
    const bytes = profile.encode();

    for (const name of ['a', 'b', 'c', 'd']) {
      const expected = pprofListReference(profile, name);
      const [version] = computeFunctionDetails(bytes, name).versions;
      const actual = Object.fromEntries(version.lines.map((l) => [l.line, { self: l.self, total: l.total }]));
      if (version.withoutLineNumber.total !== 0) {
        actual[0] = version.withoutLineNumber;
      }
      expect(actual).toEqual(expected.lines);
      expect(version.total).toBe(expected.functionTotal);
      expect(version.self).toBe(Object.values(expected.lines).reduce((sum, l) => sum + l.self, 0));
    }
  });
});
