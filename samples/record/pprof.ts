/**
 * Reading and writing gzipped pprof with pprof-format, and the one pprof builder (`@linescope/lines`' testing
 * builder) set up as every recorder uses it: one function per (name, file, start line), one location per frame
 * (function + line) or per compiled method with its inlined frames, identical stacks merged into one sample.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { PprofBuilder } from '@linescope/lines/testing/pprofBuilder';
import { Profile } from 'pprof-format';

export function readProfile(file: string): Profile {
  const bytes = readFileSync(file);
  // pprof files are usually gzipped, but the format allows plain protobuf too.
  const raw = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
  return Profile.decode(raw);
}

export function writeProfile(file: string, profile: Profile): void {
  // level 9 and a fixed header (no file name or time in gzip) keep re-recorded files small and comparable.
  writeFileSync(file, gzipSync(profile.encode(), { level: 9 }));
}

/** samples/count and cpu/nanoseconds per stack, one sample taken every `periodNanos` of CPU. */
export function cpuSamplesBuilder(periodNanos: number): PprofBuilder {
  return new PprofBuilder([
    ['samples', 'count'],
    ['cpu', 'nanoseconds'],
  ]).withPeriod(['cpu', 'nanoseconds'], periodNanos);
}
