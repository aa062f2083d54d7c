// Comparison benchmark: the time to compare one function across two large profiles (each decoded and computed as
// for one side, then the per-line difference with the lines matched through the diff of the two versions of its
// file, and the largest changes) beside the time of one side alone, in the same run. The goal is at most 2.2× one
// side. Run: npm run bench:profile [-- --mb 30 --runs 5]
import { readFileSync } from 'fs';
import { join } from 'path';
import { performance } from 'perf_hooks';
import { gunzipSync } from 'zlib';

import { Profile } from 'pprof-format';

import { compareVersions } from '../../src/domain/compare/compareVersions';
import { largestChanges } from '../../src/domain/compare/lineDelta';
import { computeFunctionDetails } from '@linescope/lines';
import { replicateProfiles } from '@linescope/lines/testing/replicateProfiles';

const GOAL = 2.2;
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const targetBytes = option('mb', 30) * 1024 * 1024;
const runs = option('runs', 5);
const functionName = 'github.com/linescope-demo/shop-go/catalog.(*Catalog).Search';

const samples = join(__dirname, '../../samples');
const read = (name: string) => Profile.decode(gunzipSync(readFileSync(join(samples, 'profiles', name))));
const file = (version: string) =>
  readFileSync(join(samples, 'sources/shop-go', version, 'catalog/search.go'), 'utf8').split('\n');

/** A profile of about `targetBytes` made of copies of one recorded profile (copies share tables, so measure twice). */
function large(source: Profile): Uint8Array {
  const build = (copies: number) => replicateProfiles([source], { copies, versions: 1, sampleType: 'cpu' }).encode();
  const probe = 64;
  const estimate = Math.ceil((probe * targetBytes) / build(probe).byteLength);
  return build(Math.max(1, Math.round((estimate * targetBytes) / build(estimate).byteLength)));
}

const baselineBytes = large(read('shop-go-v1.cpu.pb.gz'));
const comparisonBytes = large(read('shop-go-v2.cpu.pb.gz'));
const baselineFile = file('v1');
const comparisonFile = file('v2');

/**
 * Median wall times of `runs` runs of each after one warm-up, the two interleaved so that a busy machine slows both
 * alike; the results of the last runs are returned for checking.
 */
function measurePair<A, B>(a: () => A, b: () => B): [{ ms: number; result: A }, { ms: number; result: B }] {
  let resultA = a();
  let resultB = b();
  const timesA: number[] = [];
  const timesB: number[] = [];
  const time = (run: () => void, into: number[]) => {
    const start = performance.now();
    run();
    into.push(performance.now() - start);
  };
  for (let i = 0; i < runs; i++) {
    time(() => (resultA = a()), timesA);
    time(() => (resultB = b()), timesB);
  }
  const median = (times: number[]) => times.sort((x, y) => x - y)[Math.floor(times.length / 2)];
  return [
    { ms: median(timesA), result: resultA },
    { ms: median(timesB), result: resultB },
  ];
}

const [oneSide, comparison] = measurePair(
  () => computeFunctionDetails(comparisonBytes, functionName).total,
  () => {
    const before = computeFunctionDetails(baselineBytes, functionName);
    const after = computeFunctionDetails(comparisonBytes, functionName);
    const compared = compareVersions(
      { version: before.versions[0], whole: before.total, gitRef: 'v1.0.0', file: baselineFile },
      { version: after.versions[0], whole: after.total, gitRef: 'v1.1.0', file: comparisonFile }
    );
    return { compared, top: largestChanges(compared) };
  }
);

// The comparison must have done the work: both sides read, lines matched through the diff (the edited line 17
// keeps its baseline numbers).
const line17 = comparison.result.compared.lines.find((l) => l.line === 17);
if (comparison.result.top.length === 0 || line17?.status !== 'edited' || line17.baseline.total === 0) {
  throw new Error('The comparison found no change at the edited line 17 of catalog/search.go');
}
if (oneSide.result !== computeFunctionDetails(comparisonBytes, functionName).total) {
  throw new Error('One side gave different totals from run to run');
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const ms = (n: number) => `${n.toFixed(0)} ms`.padStart(9);
const ratio = comparison.ms / oneSide.ms;
console.log('');
console.log(
  `comparison: ${functionName} in two profiles of ${mb(baselineBytes.byteLength)} (shop-go v1.0.0 copies) and ` +
    `${mb(comparisonBytes.byteLength)} (v1.1.0 copies); median of ${runs} runs`
);
console.log(`(d) one side: computeFunctionDetails                              ${ms(oneSide.ms)}`);
console.log(
  `(e) comparison: both sides + line matching + difference + ranking ${ms(comparison.ms)}   (e)/(d) = ${ratio.toFixed(2)}` +
    ` (goal ≤ ${GOAL})`
);
if (ratio > GOAL) {
  console.log(`    over the goal: the comparison takes ${ratio.toFixed(2)}× one side`);
  process.exitCode = 1;
}
