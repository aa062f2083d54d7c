import fc from 'fast-check';

/**
 * fast-check settings shared by the property tests. By default a run is reproducible (a fixed seed) and bounded:
 * it stops generating inputs after a couple of seconds, however slow the machine, so that `npm test` stays quick.
 * `FUZZ_RUNS=100000` asks for a long run of that many inputs with no time bound and a fresh seed (printed with
 * any failure, and replayed with `FUZZ_SEED=<seed>`).
 */
export function fuzzParameters<T>(defaultRuns = 300): fc.Parameters<T> {
  const longRuns = Number(process.env.FUZZ_RUNS) || 0;
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : longRuns ? Date.now() : 20261202;
  return longRuns > 0
    ? { seed, numRuns: longRuns }
    : { seed, numRuns: defaultRuns, plugins: [fc.interruptAfterTimeLimit(2_500)] };
}

/** How long a jest test running one bounded property may take: the time bound plus slack for a busy machine. */
export const fuzzTestTimeout = Number(process.env.FUZZ_RUNS) ? 24 * 3600_000 : 30_000;

/** Mutations of a valid byte string, as a fuzzer makes them: flipped, overwritten, cut, inserted, repeated bytes. */
export function mutatedBytes(valid: fc.Arbitrary<Uint8Array>): fc.Arbitrary<Uint8Array> {
  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.nat(7) }),
    fc.record({ kind: fc.constant('set' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ maxLength: 12 }) }),
    fc.record({
      kind: fc.constant('repeat' as const),
      at: fc.nat(),
      length: fc.nat(64),
      times: fc.integer({ min: 2, max: 8 }),
    })
  );
  return fc.tuple(valid, fc.array(mutation, { minLength: 1, maxLength: 6 })).map(([bytes, mutations]) => {
    let out = Array.from(bytes);
    for (const m of mutations) {
      const at = out.length ? m.at % (out.length + 1) : 0;
      switch (m.kind) {
        case 'flip':
          if (at < out.length) {
            out[at] ^= 1 << m.bit;
          }
          break;
        case 'set':
          if (at < out.length) {
            out[at] = m.byte;
          }
          break;
        case 'truncate':
          out = out.slice(0, at);
          break;
        case 'insert':
          out.splice(at, 0, ...m.bytes);
          break;
        case 'repeat': {
          const slice = out.slice(at, at + m.length);
          out.splice(at, 0, ...Array.from({ length: m.times - 1 }, () => slice).flat());
          break;
        }
      }
    }
    return Uint8Array.from(out);
  });
}

/** Messages of JavaScript runtime errors: a bug of ours surfacing, not a report about the input. */
export const runtimeErrorMessage =
  /Cannot read propert|Cannot set propert|is not a function|is not iterable|is not defined|Invalid array length|Invalid typed array length|Maximum call stack|out of memory/i;
