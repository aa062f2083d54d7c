/*
 * Preloaded into the Node sample service (`node --import …/node-profiler.mjs dist/main.js`) to profile it the way
 * Pyroscope's Node SDK does: @datadog/pprof's time profiler with line numbers, started before the service's own
 * code loads and stopped when the process exits, written as gzipped pprof. `--import` runs this module to its end,
 * top-level await included, before the service starts, so the source maps are loaded before any sample is taken.
 *
 * Environment: LINESCOPE_PROFILE_OUT (the .pb.gz to write), LINESCOPE_SOURCE_MAPS (optional: a folder whose source
 * maps turn compiled frames back into TypeScript files and lines), LINESCOPE_INTERVAL_MICROS (default 1000).
 */
import { writeFileSync } from 'node:fs';

import pprof from '@datadog/pprof';

const out = process.env.LINESCOPE_PROFILE_OUT;
if (!out) {
  throw new Error('node-profiler: set LINESCOPE_PROFILE_OUT to the file to write');
}
const intervalMicros = Number(process.env.LINESCOPE_INTERVAL_MICROS || 1000);
const mapsDir = process.env.LINESCOPE_SOURCE_MAPS;
const sourceMapper = mapsDir ? await pprof.SourceMapper.create([mapsDir]) : undefined;

pprof.time.start({ intervalMicros, lineNumbers: true, sourceMapper });

// @datadog/pprof stops its profiler in an exit listener of its own; this one must run before it.
process.prependListener('exit', () => {
  writeFileSync(out, pprof.encodeSync(pprof.time.stop()));
});
