import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { gunzipSync } from 'zlib';

import { Profile } from 'pprof-format';

import { computeFunctionDetails } from './computeFunctionDetails';
import { PprofData, readPprof } from './pprofReader';
import { PprofBuilder } from '../testing/pprofBuilder';

/** Everything readPprof exposes, in plain values, to compare with pprof-format's general decoder. */
function tablesOf(data: PprofData, valueCount: number) {
  const { locations } = data;
  const samples: Array<{ ids: number[]; values: number[] }> = [];
  for (let v = 0; v < valueCount; v++) {
    let i = 0;
    data.forEachSample(v, (ids, length, value) => {
      samples[i] ??= { ids: Array.from(ids.subarray(0, length)), values: [] };
      samples[i++].values.push(value);
    });
  }
  return {
    sampleTypes: data.sampleTypes,
    defaultSampleType: data.defaultSampleType,
    functions: data.functions,
    mappings: data.mappings,
    locations: Array.from({ length: locations.count }, (_, i) => ({
      id: locations.id[i],
      mappingId: locations.mappingId[i],
      lines: Array.from({ length: locations.lineStart[i + 1] - locations.lineStart[i] }, (_, k) => [
        locations.lineFunctionId[locations.lineStart[i] + k],
        locations.lineNumber[locations.lineStart[i] + k],
      ]),
    })),
    samples,
  };
}

function tablesOfProfile(profile: Profile) {
  const text = (i: number | bigint) => profile.stringTable.strings[Number(i)] ?? '';
  const signed = (v: number | bigint) => (typeof v === 'bigint' ? Number(BigInt.asIntN(64, v)) : v);
  return {
    sampleTypes: profile.sampleType.map((t) => ({ type: text(t.type), unit: text(t.unit) })),
    defaultSampleType: text(profile.defaultSampleType),
    functions: profile.function.map((f) => ({
      id: Number(f.id),
      name: text(f.name),
      filename: text(f.filename),
      startLine: signed(f.startLine),
    })),
    mappings: profile.mapping.map((m) => ({ id: Number(m.id), buildId: text(m.buildId) })),
    locations: profile.location.map((l) => ({
      id: Number(l.id),
      mappingId: Number(l.mappingId),
      lines: l.line.map((line) => [Number(line.functionId), signed(line.line)]),
    })),
    samples: profile.sample.map((s) => ({
      ids: s.locationId.map(Number),
      values: profile.sampleType.map((_, v) => (v < s.value.length ? signed(s.value[v]) : 0)),
    })),
  };
}

// A hand encoder for the wire forms that pprof-format never writes (unpacked repeated fields, fixed-width fields).
const varint = (value: bigint): number[] => {
  let v = BigInt.asUintN(64, value);
  const out: number[] = [];
  do {
    const byte = Number(v & BigInt(0x7f));
    v >>= BigInt(7);
    out.push(v ? byte | 0x80 : byte);
  } while (v);
  return out;
};
const key = (field: number, wireType: number) => varint(BigInt(field * 8 + wireType));
const int = (field: number, value: number | bigint) => [...key(field, 0), ...varint(BigInt(value))];
const bytesField = (field: number, payload: number[]) => [
  ...key(field, 2),
  ...varint(BigInt(payload.length)),
  ...payload,
];
const str = (field: number, text: string) => bytesField(field, [...new TextEncoder().encode(text)]);

describe('readPprof', () => {
  const profilesDir = join(__dirname, '../../../samples/profiles');
  const recorded = readdirSync(profilesDir).filter((name) => name.endsWith('.pb.gz'));

  it.each(recorded)('reads %s exactly as pprof-format decodes it', (name) => {
    const bytes = readFileSync(join(profilesDir, name));
    const profile = Profile.decode(gunzipSync(bytes));
    expect(profile.sample.length).toBeGreaterThan(0);
    expect(tablesOf(readPprof(bytes), profile.sampleType.length)).toEqual(tablesOfProfile(profile));
  });

  it('reads values and ids at the limits of 64-bit varints', () => {
    const b = new PprofBuilder([
      ['a', 'count'],
      ['b', 'count'],
      ['c', 'count'],
    ]);
    const f = b.function('f', 'f.go', 7);
    const far = b.location(b.mapping(), [[f, 2 ** 31]], 2 ** 40 + 1);
    b.sample([far], -1, 2 ** 53 - 1, 2 ** 32).sample([far], -(2 ** 40), 127, 128);
    // pprof-format hands table fields of more than 4 varint bytes over as unsigned 64-bit bigints
    b.location(b.mapping(), [[b.function('g', 'g.go', -(2 ** 33)), -1]], 2 ** 53 - 1);
    const profile = b.profile();
    expect(tablesOf(readPprof(profile.encode()), 3)).toEqual(tablesOfProfile(profile));
    expect(readPprof(profile.encode()).functions[1].startLine).toBe(-(2 ** 33));
    expect(Array.from(readPprof(profile.encode()).locations.lineNumber)).toEqual([2 ** 31, -1]);
    expect(tablesOf(readPprof(profile.encode()), 3).samples).toEqual([
      { ids: [2 ** 40 + 1], values: [-1, 2 ** 53 - 1, 2 ** 32] },
      { ids: [2 ** 40 + 1], values: [-(2 ** 40), 127, 128] },
    ]);
  });

  it('reads unpacked repeated fields and skips unknown and fixed-width fields', () => {
    const line = bytesField(4, [...int(1, 1), ...int(2, 12), ...int(3, 5)]); // function 1, line 12, column 5
    const bytes = new Uint8Array([
      ...bytesField(1, [...int(1, 1), ...int(2, 2)]), // sample type "cpu" / "nanoseconds"
      ...bytesField(2, [...int(1, 1), ...int(1, 1), ...int(2, 40), ...bytesField(3, int(1, 3))]), // unpacked + label
      ...[...key(99, 1), 1, 2, 3, 4, 5, 6, 7, 8], // an unknown fixed64 field
      ...[...key(98, 5), 1, 2, 3, 4], // an unknown fixed32 field
      ...bytesField(4, [...int(1, 1), ...int(2, 1), ...line, ...int(5, 1)]), // location 1 in mapping 1
      ...bytesField(5, [...int(1, 1), ...int(2, 3), ...int(3, 3), ...int(4, 4), ...int(5, 10)]), // function 1
      ...bytesField(3, [...int(1, 1), ...int(6, 5), ...int(7, 1)]), // mapping 1, build id string 5
      ...['', 'cpu', 'nanoseconds', 'main.work', 'work.go', '{"git_ref":"abc"}'].flatMap((s) => str(6, s)),
    ]);

    const details = computeFunctionDetails(bytes, 'main.work');
    expect(details.sampleType).toBe('cpu');
    expect(details.versions).toEqual([
      expect.objectContaining({
        key: '1',
        fileName: 'work.go',
        startLine: 10,
        version: { repository: '', gitRef: 'abc', rootPath: '' },
        lines: [{ line: 12, self: 40, total: 40 }],
        self: 40,
        total: 40,
      }),
    ]);
  });

  it('rejects truncated and malformed messages with a clear error', () => {
    const sample = bytesField(2, [...bytesField(1, [1, 2]), ...bytesField(2, [40])]);
    const cases = [
      new Uint8Array(sample.slice(0, sample.length - 1)), // a sample cut short
      new Uint8Array([...key(1, 2), 10, 1]), // a sample type longer than the profile
      new Uint8Array([...key(2, 2), 3, ...key(1, 2), 5, 1]), // packed ids overrunning their sample
      new Uint8Array([...key(3, 0), 0xff, 0xff]), // a varint with no last byte
      new Uint8Array([...key(3, 0), ...Array(10).fill(0xff), 1]), // a varint longer than 10 bytes
      new Uint8Array([...key(5, 3)]), // a group, which pprof never uses
      // a location with a fixed64 field, which pprof never writes and pprof-format's Location decoder cannot read
      new Uint8Array(bytesField(4, [...int(1, 1), ...key(3, 1), 1, 2, 3, 4, 5, 6, 7, 8])),
    ];
    const readFully = (bytes: Uint8Array) => readPprof(bytes).forEachSample(0, () => {});
    for (const bytes of cases) {
      expect(() => readFully(bytes)).toThrow(/^The profile is not a valid pprof protobuf: /);
    }
  });

  it('either reads a cut profile or says it is not valid pprof, wherever it is cut', () => {
    const b = new PprofBuilder();
    const f = b.function('f', 'f.go');
    const m = b.mapping('{"git_ref":"v1"}');
    b.sample([b.location(m, [[f, 3]]), b.location(m, [[f, 4]])], 1234567);
    const bytes = b.encode();
    for (let length = 0; length < bytes.length; length++) {
      try {
        computeFunctionDetails(bytes.subarray(0, length), 'f');
      } catch (e) {
        expect((e as Error).message).toMatch(/^The profile is not a valid pprof protobuf: /);
      }
    }
  });
});
