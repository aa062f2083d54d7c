// Small pprof profiles (google.v1.Profile) from root-first stacks, for the double's unit tests, built with the one
// pprof builder (`@linescope/lines`' testing builder) and read back as the double reads an ingested profile.
import { fromBinary } from '@bufbuild/protobuf';
import { PprofBuilder, StackFrame } from '@linescope/lines/testing/pprofBuilder';
import { ProfileSchema, type Profile } from '../../proto/gen/google/v1/profile_pb';

/**
 * A frame is `name` or `name@file:line` (`main.go:1` when not said); a location may inline several frames
 * (`outer|inner`, root first). Each stack gets its value in cpu/nanoseconds and a tenth of it (at least 1) in
 * samples/count.
 */
export function cpuProfile(stacks: Array<[string, number]>, buildId = ''): Profile {
  const builder = new PprofBuilder([
    ['samples', 'count'],
    ['cpu', 'nanoseconds'],
  ]).withPeriod(['cpu', 'nanoseconds'], 10_000_000);
  const mapping = builder.mapping(buildId, '/bin/app');
  for (const [stack, value] of stacks) {
    // pprof keeps stacks, and the frames inlined into one location, leaf first.
    const locations = stack
      .split(';')
      .reverse()
      .map((location) => location.split('|').reverse().map(frameOf));
    builder.stack(mapping, locations, [Math.max(1, Math.round(value / 10)), value]);
  }
  return fromBinary(ProfileSchema, builder.encode());
}

function frameOf(text: string): StackFrame {
  const [name, where = 'main.go:1'] = text.split('@');
  const [file, line] = where.split(':');
  return { name, file, startLine: 1, line: Number(line) };
}
