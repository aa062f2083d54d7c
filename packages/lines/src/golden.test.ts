import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { gunzipSync } from 'zlib';

import { Profile } from 'pprof-format';

import type { GoldenFile, GoldenFunction } from '../../../samples/record/golden';
import { FunctionDetails } from './model';
import { computeFunctionDetails } from './computeFunctionDetails';

// Recorded profiles with what `go tool pprof -list` printed for them (samples/README.md): our numbers must be
// exactly pprof's, for every function and sample type recorded.
const profilesDir = join(__dirname, '../../../samples/profiles');
const goldenFiles = readdirSync(profilesDir)
  .filter((name) => name.endsWith('.golden.json'))
  .sort();

/** pprof -list prints one ROUTINE per function and file over all mappings: sum our versions of that file. */
function asPprofList(details: FunctionDetails) {
  const lines = new Map<number, { flat: number; cum: number }>();
  let self = 0;
  let functionTotal = 0;
  for (const version of details.versions) {
    self += version.self;
    functionTotal += version.total;
    for (const line of version.lines) {
      const sum = lines.get(line.line) ?? { flat: 0, cum: 0 };
      sum.flat += line.self;
      sum.cum += line.total;
      lines.set(line.line, sum);
    }
  }
  const rows = [...lines.entries()]
    .filter(([, sum]) => sum.flat !== 0 || sum.cum !== 0)
    .sort(([a], [b]) => a - b)
    .map(([line, sum]) => ({ line, ...sum }));
  return { rows, self, functionTotal };
}

/** The report's "Total:", read with pprof-format as a check that we read the same sample type as pprof. */
function sumOfSamples(bytes: Uint8Array, sampleType: string): number {
  const profile = Profile.decode(gunzipSync(bytes));
  const index = profile.sampleType.findIndex((t) => profile.stringTable.strings[Number(t.type)] === sampleType);
  return profile.sample.reduce((sum, sample) => sum + Number(sample.value[index]), 0);
}

describe('computeFunctionDetails against go tool pprof -list goldens', () => {
  it('has recorded goldens to check', () => {
    expect(goldenFiles.length).toBeGreaterThan(0);
  });

  describe.each(goldenFiles)('%s', (goldenName) => {
    const golden: GoldenFile = JSON.parse(readFileSync(join(profilesDir, goldenName), 'utf8'));
    const bytes = readFileSync(join(profilesDir, golden.profile));

    describe.each(golden.reports.map((report) => [report.sampleIndex, report] as const))('%s', (_, report) => {
      it('reads the same sample type as pprof', () => {
        expect(sumOfSamples(bytes, report.sampleIndex)).toBe(report.total);
        expect(report.functions.length).toBeGreaterThan(0);
      });

      it.each(report.functions.map((fn) => [fn.name, fn] as const))('%s', (_name, fn: GoldenFunction) => {
        const details = computeFunctionDetails(bytes, fn.name, { sampleType: report.sampleIndex, fileName: fn.file });
        const ours = asPprofList(details);

        expect(details.versions.length).toBeGreaterThan(0);
        expect(details.versions.every((v) => v.withoutLineNumber.total === 0)).toBe(true);
        expect(ours.rows).toEqual(fn.lines);
        // pprof's ROUTINE flat is the function's self; its cum sums the rows, which double-counts recursion
        // through several lines, while our function total counts each sample once.
        expect(ours.self).toBe(fn.flat);
        expect(ours.rows.reduce((sum, row) => sum + row.cum, 0)).toBe(fn.cum);
        expect(ours.functionTotal).toBeLessThanOrEqual(fn.cum);
        expect(details.total).toBeLessThanOrEqual(report.total);
      });
    });
  });
});
