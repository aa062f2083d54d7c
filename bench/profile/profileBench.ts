// Function-details benchmark: on one large profile built from the recorded ones, times in the same run
//   (a) pprof-format Profile.decode of the whole profile: every table and every sample as objects,
//   (b) Linescope's computeFunctionDetails: scanPprof (one ProtoReader over the bytes, no object per message: the
//       small tables read, the string table only indexed, names compared as bytes), one visit of the locations
//       keeping only the function's, one pass over the streamed samples, and the per-line computation,
//   (c) the incumbent's path: JSON pprof as Pyroscope's JSON API returns it, JSON.parse + its per-line algorithm,
// and prints (b)/(a) (the goal: at most 0.10) and (c)/(b) (the goal: at least 5); (b') is (b) with the
// callee/caller index built in the same pass, printed with (b')/(b) (the goal: at most 1.25); also (b)'s reading
// alone (the tables, then the tables and one pass over the streamed samples) and the true floor: a bare
// varint scan of the same bytes, every field read and skipped (varintFloor.ts), with (b)/floor.
// Times are the process's CPU time (user + system, the garbage collector's threads included), not wall time: on a
// machine shared with other work they hold where wall times follow the neighbours.
// Run: npm run bench:profile [-- --mb 30 --runs 5]
import { readFileSync } from 'fs';
import { join } from 'path';
import { gunzipSync } from 'zlib';

import { Profile } from 'pprof-format';

import { computeFunctionDetails, scanPprof } from '@linescope/lines';
import { replicateProfiles } from '@linescope/lines/testing/replicateProfiles';
import { incumbentFunctionDetails } from './incumbent';
import { toPprofJson } from './pprofJson';
import { scanVarints } from './varintFloor';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const targetBytes = option('mb', 30) * 1024 * 1024;
const runs = option('runs', 5);
const functionName = 'main.handleRequest';

const profilesDir = join(__dirname, '../../samples/profiles');
const sources = ['shop-go-v1.cpu.pb.gz', 'shop-go-v2.cpu.pb.gz'].map((name) =>
  Profile.decode(gunzipSync(readFileSync(join(profilesDir, name))))
);
const bytesPerCopy =
  replicateProfiles(sources, { copies: sources.length, versions: 1, sampleType: 'cpu' }).encode().byteLength /
  sources.length;
const copies = Math.ceil(targetBytes / bytesPerCopy);
const bytes = replicateProfiles(sources, { copies, versions: 4, sampleType: 'cpu' }).encode();
const jsonText = JSON.stringify(toPprofJson(Profile.decode(bytes)));

/** CPU time of this process so far, in milliseconds. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Median CPU time of `runs` runs after one warm-up; the result of the last run is returned for checking. */
function measure<T>(run: () => T): { ms: number; result: T } {
  let result = run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = cpuMs();
    result = run();
    times.push(cpuMs() - start);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], result };
}

/** measure() for two runs at once, their runs alternating. */
function measureAlternating<T>(
  first: () => T,
  second: () => T
): [{ ms: number; result: T }, { ms: number; result: T }] {
  const times: [number[], number[]] = [[], []];
  const results = [first(), second()];
  for (let i = 0; i < runs; i++) {
    [first, second].forEach((run, r) => {
      const start = cpuMs();
      results[r] = run();
      times[r].push(cpuMs() - start);
    });
  }
  const median = (t: number[]) => [...t].sort((a, b) => a - b)[Math.floor(t.length / 2)];
  return [
    { ms: median(times[0]), result: results[0] },
    { ms: median(times[1]), result: results[1] },
  ];
}

// Only the counts are kept: a decoded profile left alive would make the garbage collector slow down what runs next.
const decode = measure(() => {
  const profile = Profile.decode(bytes);
  return { samples: profile.sample.length, locations: profile.location.length };
});
const floor = measure(() => scanVarints(bytes));
// (b)'s reading alone: the scan and one visit of the locations, then also one pass over the streamed samples.
const scanAndLocations = () => {
  const profile = scanPprof(bytes);
  let lines = 0;
  profile.forEachLocation((_id, _mapping, _functions, _lines, lineCount) => (lines += lineCount));
  return { profile, lines };
};
const tables = measure(() => scanAndLocations().lines);
const read = measure(() => {
  const { profile, lines } = scanAndLocations();
  let frames = 0;
  profile.forEachSample(0, (_, length) => (frames += length));
  return frames + lines;
});
// Runs of (b) and (b') alternate, so that a load on the machine or the heap left by one weighs on both alike.
const [ours, withCalls] = measureAlternating(
  () => computeFunctionDetails(bytes, functionName),
  () => computeFunctionDetails(bytes, functionName, { calls: true })
);
const incumbent = measure(() => incumbentFunctionDetails(JSON.parse(jsonText), functionName));

// Both must have read the same data: the incumbent's "Total:" (the sum of line totals) is the function's total
// when no sample passes two of its lines, which holds for main.handleRequest (not recursive).
const incumbentTotal = incumbent.result.reduce(
  (sum, d) => sum + [...d.callSites.values()].reduce((s, site) => s + site.cum, 0),
  0
);
if (incumbentTotal !== ours.result.total) {
  throw new Error(`The incumbent's total ${incumbentTotal} differs from ours ${ours.result.total}`);
}
const calleeCount = (withCalls.result.versions[0]?.calls?.lines ?? []).reduce((n, l) => n + l.callees.length, 0);
if (withCalls.result.total !== ours.result.total || calleeCount === 0) {
  throw new Error(`The run with the call index found total ${withCalls.result.total} and ${calleeCount} callees`);
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const ms = (n: number) => `${n.toFixed(0)} ms`.padStart(9);
console.log(
  `profile: ${copies} copies of the recorded shop-go CPU profiles, ${decode.result.samples} samples, ` +
    `${decode.result.locations} locations; binary ${mb(bytes.byteLength)}, JSON ${mb(jsonText.length)}`
);
console.log(`function: ${functionName}, ${ours.result.versions.length} versions; median CPU time of ${runs} runs`);
const ratio = (n: number) => (n / decode.ms).toFixed(2);
console.log(`(a) pprof-format Profile.decode of the whole profile                 ${ms(decode.ms)}`);
console.log(
  `    floor: a bare varint scan of the same bytes, every field skipped  ${ms(floor.ms)}   /(a) = ${ratio(floor.ms)}`
);
console.log(
  `    scanPprof + one visit of the locations (the tables of (b))       ${ms(tables.ms)}   /(a) = ${ratio(tables.ms)}`
);
console.log(
  `    … + one pass over the streamed samples (all that (b) reads)      ${ms(read.ms)}   /(a) = ${ratio(read.ms)}`
);
console.log(
  `(b) computeFunctionDetails (binary: the reading above + per-line)   ${ms(ours.ms)}   (b)/(a) = ${ratio(ours.ms)} ` +
    `(goal ≤ 0.10), (b)/floor = ${(ours.ms / floor.ms).toFixed(2)}`
);
console.log(
  `(b') computeFunctionDetails with the callee/caller index             ${ms(withCalls.ms)}   (b')/(b) = ${(
    withCalls.ms / ours.ms
  ).toFixed(2)} (goal ≤ 1.25)`
);
console.log(
  `(c) JSON.parse + incumbent algorithm                                 ${ms(incumbent.ms)}   (c)/(a) = ${ratio(incumbent.ms)}`
);
console.log(`(c)/(b) = ${(incumbent.ms / ours.ms).toFixed(2)} (goal ≥ 5)`);
