// Builds small pprof profiles (google.v1.Profile) from root-first stacks, for the double's unit tests.
import { create } from '@bufbuild/protobuf';
import {
  FunctionSchema,
  LineSchema,
  LocationSchema,
  MappingSchema,
  ProfileSchema,
  SampleSchema,
  ValueTypeSchema,
  type Profile,
} from '../../proto/gen/google/v1/profile_pb';
import { newStringTable } from './string-table';

/** A frame is `name` or `name@file:line`; a location may inline several frames (`outer|inner`, root first). */
export function cpuProfile(stacks: Array<[string, number]>, buildId = ''): Profile {
  const table = newStringTable();
  const str = table.index;
  const p = create(ProfileSchema, {
    sampleType: [
      create(ValueTypeSchema, { type: str('samples'), unit: str('count') }),
      create(ValueTypeSchema, { type: str('cpu'), unit: str('nanoseconds') }),
    ],
    periodType: create(ValueTypeSchema, { type: str('cpu'), unit: str('nanoseconds') }),
    period: 10000000n,
    mapping: [create(MappingSchema, { id: 1n, filename: str('/bin/app'), buildId: str(buildId), hasFunctions: true })],
  });
  const fns = new Map<string, bigint>();
  const fn = (name: string, file: string) => {
    const key = `${name}@${file}`;
    if (!fns.has(key)) {
      const id = BigInt(p.function.length + 1);
      p.function.push(
        create(FunctionSchema, { id, name: str(name), systemName: str(name), filename: str(file), startLine: 1n })
      );
      fns.set(key, id);
    }
    return fns.get(key)!;
  };
  const locs = new Map<string, bigint>();
  for (const [stack, value] of stacks) {
    const ids = stack.split(';').map((frame) => {
      if (!locs.has(frame)) {
        const id = BigInt(p.location.length + 1);
        // Inlined frames are stored leaf first inside a location.
        const lines = frame
          .split('|')
          .reverse()
          .map((f) => {
            const [name, where = 'main.go:1'] = f.split('@');
            const [file, line] = where.split(':');
            return create(LineSchema, { functionId: fn(name, file), line: BigInt(line) });
          });
        p.location.push(create(LocationSchema, { id, mappingId: 1n, address: id * 16n, line: lines }));
        locs.set(frame, id);
      }
      return locs.get(frame)!;
    });
    p.sample.push(
      create(SampleSchema, {
        locationId: ids.reverse(),
        value: [BigInt(Math.max(1, Math.round(value / 10))), BigInt(value)],
      })
    );
  }
  p.stringTable = table.strings;
  return p;
}
