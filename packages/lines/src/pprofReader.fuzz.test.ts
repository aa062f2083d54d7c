import fc from 'fast-check';
import { gzipSync } from 'fflate';

import { fuzzParameters, fuzzTestTimeout, mutatedBytes, runtimeErrorMessage } from '../../../src/test-support/fuzz';
import { computeFunctionDetails } from './computeFunctionDetails';
import { PprofBuilder, pyroscopeBuildId } from '../testing/pprofBuilder';

const functionNames = ['main.work', 'main.main', 'runtime.mallocgc', ''];
const fileNames = ['work.go', 'main.go', '/usr/lib/go/src/runtime/malloc.go', ''];

/** A pprof profile of random shape, encoded with the real pprof-format encoder. */
const validProfile = fc
  .record({
    sampleTypes: fc.array(
      fc.tuple(fc.constantFrom('cpu', 'samples', 'alloc_space', ''), fc.constantFrom('nanoseconds', 'count', 'bytes')),
      {
        maxLength: 3,
      }
    ),
    mappings: fc.array(
      fc.oneof(
        fc.string(),
        fc.record({ repository: fc.webUrl(), gitRef: fc.string(), rootPath: fc.string() }).map(pyroscopeBuildId)
      ),
      { maxLength: 3 }
    ),
    functions: fc.array(
      fc.record({
        name: fc.constantFrom(...functionNames),
        file: fc.constantFrom(...fileNames),
        startLine: fc.integer({ min: -5, max: 1000 }),
      }),
      { maxLength: 6 }
    ),
    locations: fc.array(
      fc.record({
        mapping: fc.nat(4),
        lines: fc.array(fc.tuple(fc.nat(7), fc.integer({ min: -3, max: 500 })), { maxLength: 4 }),
        id: fc.option(fc.oneof(fc.nat(20), fc.constant(2 ** 40)), { nil: undefined }),
      }),
      { maxLength: 8 }
    ),
    samples: fc.array(
      fc.record({
        stack: fc.array(fc.nat(10), { maxLength: 12 }),
        values: fc.array(fc.integer({ min: 0, max: 1_000_000 }), { maxLength: 3 }),
      }),
      { maxLength: 20 }
    ),
  })
  .map((shape) => {
    const b = new PprofBuilder(shape.sampleTypes);
    const mappings = shape.mappings.map((buildId) => b.mapping(buildId));
    const functions = shape.functions.map((f) => b.function(f.name, f.file, f.startLine));
    // Ids that point nowhere (0, past the tables) are kept on purpose: producers write them.
    const locations = shape.locations.map((l) =>
      b.location(
        mappings[l.mapping] ?? l.mapping,
        l.lines.map(([fn, line]) => [functions[fn] ?? fn, line]),
        l.id
      )
    );
    // pprof-format's encoder miscounts the size of a sample with neither locations nor values (it writes a
    // truncated profile), so every generated sample has at least a location.
    for (const s of shape.samples.filter((sample) => sample.stack.length > 0)) {
      b.sample(
        s.stack.map((i) => locations[i] ?? i),
        ...s.values
      );
    }
    return b.encode();
  });

/** Runs the panel's computation; returns the error when it throws, after checking it is a report, not a crash. */
function compute(bytes: Uint8Array, functionName: string): Error | undefined {
  try {
    const details = computeFunctionDetails(bytes, functionName);
    expect(Number.isFinite(details.total)).toBe(true);
    return undefined;
  } catch (e) {
    expect(e).toBeInstanceOf(Error);
    const message = (e as Error).message;
    expect(message).toMatch(/^The profile (is not a valid pprof protobuf|looks gzipped but could not be inflated): ./);
    expect(message).not.toMatch(runtimeErrorMessage);
    return e as Error;
  }
}

describe('the pprof reader and the per-line computation under hostile profiles', () => {
  it(
    'read every well-formed profile, whatever its shape: lines ascending, self within total, totals counted once',
    () => {
      fc.assert(
        fc.property(validProfile, fc.constantFrom(...functionNames.filter(Boolean)), (bytes, name) => {
          const details = computeFunctionDetails(bytes, name);
          for (const version of details.versions) {
            expect(version.self).toBeLessThanOrEqual(version.total);
            expect(version.total).toBeLessThanOrEqual(details.total);
            const lines = version.lines.map((l) => l.line);
            expect(lines).toEqual([...lines].sort((a, b) => a - b));
            expect(new Set(lines).size).toBe(lines.length);
            for (const line of version.lines) {
              expect(line.line).toBeGreaterThan(0);
              expect(line.self).toBeLessThanOrEqual(line.total);
              expect(line.total).toBeLessThanOrEqual(version.total);
            }
          }
          expect(computeFunctionDetails(gzipSync(bytes), name)).toEqual(details);
        }),
        fuzzParameters()
      );
    },
    fuzzTestTimeout
  );

  it(
    'answer random bytes with a clear error or an empty result, never a crash',
    () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => {
          compute(bytes, 'main.work');
        }),
        fuzzParameters(2000)
      );
    },
    fuzzTestTimeout
  );

  it(
    'answer mutated profiles (flipped, cut, inserted, repeated bytes) with a clear error or a result, never a crash',
    () => {
      let errors = 0;
      fc.assert(
        fc.property(mutatedBytes(validProfile), (bytes) => {
          errors += compute(bytes, 'main.work') ? 1 : 0;
        }),
        fuzzParameters(1000)
      );
      // The mutations do reach the error paths, not only harmless bytes.
      expect(errors).toBeGreaterThan(0);
    },
    fuzzTestTimeout
  );

  it(
    'answer mutated gzipped profiles with a clear error, never a crash',
    () => {
      fc.assert(
        fc.property(mutatedBytes(validProfile.map((bytes) => gzipSync(bytes))), (bytes) => {
          compute(bytes, 'main.work');
        }),
        fuzzParameters(500)
      );
    },
    fuzzTestTimeout
  );
});

describe('huge profiles', () => {
  it('read a location with 100,000 line entries of the function (each counted once, no quadratic scan)', () => {
    const b = new PprofBuilder();
    const m = b.mapping('');
    const work = b.function('main.work', 'work.go', 1);
    const lines = Array.from({ length: 100_000 }, (_, i): [number, number] => [work, i + 1]);
    b.sample([b.location(m, [...lines, ...lines])], 3);
    const [version] = computeFunctionDetails(b.encode(), 'main.work').versions;
    expect(version.lines).toHaveLength(100_000);
    expect(version.lines[99_999]).toEqual({ line: 100_000, self: 0, total: 3 });
    expect(version.lines[0]).toEqual({ line: 1, self: 3, total: 3 });
    expect(version.total).toBe(3);
  });
});
