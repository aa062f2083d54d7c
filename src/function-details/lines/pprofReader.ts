import { gunzipSync } from 'fflate';

import { ProtoReader, WireType } from './protoReader';

// Field tags (field number × 8 + wire type) of pprof's profile.proto that the per-line computation reads.
const tags = {
  profile: {
    sampleType: (1 << 3) | WireType.LengthDelimited,
    sample: (2 << 3) | WireType.LengthDelimited,
    mapping: (3 << 3) | WireType.LengthDelimited,
    location: (4 << 3) | WireType.LengthDelimited,
    function: (5 << 3) | WireType.LengthDelimited,
    stringTable: (6 << 3) | WireType.LengthDelimited,
    defaultSampleType: (14 << 3) | WireType.Varint,
  },
  valueType: { type: (1 << 3) | WireType.Varint, unit: (2 << 3) | WireType.Varint },
  sample: {
    locationIdPacked: (1 << 3) | WireType.LengthDelimited,
    locationId: (1 << 3) | WireType.Varint,
    valuePacked: (2 << 3) | WireType.LengthDelimited,
    value: (2 << 3) | WireType.Varint,
  },
  mapping: { id: (1 << 3) | WireType.Varint, buildId: (6 << 3) | WireType.Varint },
  location: {
    id: (1 << 3) | WireType.Varint,
    mappingId: (2 << 3) | WireType.Varint,
    line: (4 << 3) | WireType.LengthDelimited,
  },
  line: { functionId: (1 << 3) | WireType.Varint, line: (2 << 3) | WireType.Varint },
  function: {
    id: (1 << 3) | WireType.Varint,
    name: (2 << 3) | WireType.Varint,
    filename: (4 << 3) | WireType.Varint,
    startLine: (5 << 3) | WireType.Varint,
  },
};

export interface PprofFunction {
  id: number;
  name: string;
  filename: string;
  startLine: number;
}

export interface PprofMapping {
  id: number;
  buildId: string;
}

/** Locations as columns; the line entries of location i are [lineStart[i], lineStart[i + 1]), innermost first. */
export interface PprofLocations {
  count: number;
  id: Float64Array;
  mappingId: Float64Array;
  lineStart: Int32Array;
  lineFunctionId: Float64Array;
  lineNumber: Float64Array;
}

export type SampleVisitor = (locationIds: Float64Array, length: number, value: number) => void;

/** What the per-line computation needs from a pprof profile; samples are streamed, never materialised. */
export interface PprofData {
  sampleTypes: Array<{ type: string; unit: string }>;
  defaultSampleType: string;
  functions: PprofFunction[];
  mappings: PprofMapping[];
  locations: PprofLocations;
  /**
   * Calls `visit` for every sample with its location ids (leaf first; the first `length` entries of a buffer that
   * is reused between calls) and its value at `valueIndex` (0 when the sample has fewer values).
   */
  forEachSample(valueIndex: number, visit: SampleVisitor): void;
}

/** gzip streams start with 0x1f 0x8b; a serialised pprof never does (0x1f is not a valid first field tag). */
function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Reads a pprof profile, gzipped (`.pb.gz`, as `go tool pprof` and recordings store it) or raw (as Pyroscope's
 * SelectMergeProfile answers with `application/proto`). A purpose-built reader rather than a general protobuf
 * decoder: it keeps the symbol tables in columns and streams samples without allocating per sample, which is what
 * makes tens-of-megabytes profiles cheap (see bench/profile). The inflate is synchronous so the same code runs in
 * the Web Worker, on the main thread and in Node.
 */
export function readPprof(bytes: Uint8Array): PprofData {
  let raw = bytes;
  if (isGzip(bytes)) {
    try {
      raw = gunzipSync(bytes);
    } catch (e) {
      throw new Error(`The profile looks gzipped but could not be inflated: ${errorMessage(e)}`);
    }
  }
  try {
    return readProfile(raw);
  } catch (e) {
    throw new Error(`The profile is not a valid pprof protobuf: ${errorMessage(e)}`);
  }
}

function readProfile(buf: Uint8Array): PprofData {
  const reader = new ProtoReader(buf);
  const decoder = new TextDecoder();
  const strings: string[] = [];
  const sampleTypes: Array<[type: number, unit: number]> = [];
  const mappings: Array<[id: number, buildId: number]> = [];
  const functions: Array<[id: number, name: number, filename: number, startLine: number]> = [];
  const locationId: number[] = [];
  const locationMapping: number[] = [];
  const lineStart: number[] = [];
  const lineFunctionId: number[] = [];
  const lineNumber: number[] = [];
  let defaultSampleType = 0;

  for (let tag = reader.tag(buf.length); tag >= 0; tag = reader.tag(buf.length)) {
    switch (tag) {
      case tags.profile.sample:
        reader.pos = reader.delimited(); // streamed later by forEachSample
        break;
      case tags.profile.location: {
        const end = reader.delimited();
        let id = 0;
        let mappingId = 0;
        lineStart.push(lineFunctionId.length);
        for (let t = reader.tag(end); t >= 0; t = reader.tag(end)) {
          if (t === tags.location.id) {
            id = reader.uint();
          } else if (t === tags.location.mappingId) {
            mappingId = reader.uint();
          } else if (t === tags.location.line) {
            const lineEnd = reader.delimited();
            let functionId = 0;
            let line = 0;
            for (let lt = reader.tag(lineEnd); lt >= 0; lt = reader.tag(lineEnd)) {
              if (lt === tags.line.functionId) {
                functionId = reader.uint();
              } else if (lt === tags.line.line) {
                line = reader.int64();
              } else {
                reader.skip(lt & 7);
              }
            }
            lineFunctionId.push(functionId);
            lineNumber.push(line);
          } else {
            reader.skip(t & 7);
          }
        }
        locationId.push(id);
        locationMapping.push(mappingId);
        break;
      }
      case tags.profile.function: {
        const end = reader.delimited();
        const fn: [number, number, number, number] = [0, 0, 0, 0];
        for (let t = reader.tag(end); t >= 0; t = reader.tag(end)) {
          if (t === tags.function.id) {
            fn[0] = reader.uint();
          } else if (t === tags.function.name) {
            fn[1] = reader.uint();
          } else if (t === tags.function.filename) {
            fn[2] = reader.uint();
          } else if (t === tags.function.startLine) {
            fn[3] = reader.int64();
          } else {
            reader.skip(t & 7);
          }
        }
        functions.push(fn);
        break;
      }
      case tags.profile.mapping: {
        const end = reader.delimited();
        const mapping: [number, number] = [0, 0];
        for (let t = reader.tag(end); t >= 0; t = reader.tag(end)) {
          if (t === tags.mapping.id) {
            mapping[0] = reader.uint();
          } else if (t === tags.mapping.buildId) {
            mapping[1] = reader.uint();
          } else {
            reader.skip(t & 7);
          }
        }
        mappings.push(mapping);
        break;
      }
      case tags.profile.sampleType: {
        const end = reader.delimited();
        const valueType: [number, number] = [0, 0];
        for (let t = reader.tag(end); t >= 0; t = reader.tag(end)) {
          if (t === tags.valueType.type) {
            valueType[0] = reader.uint();
          } else if (t === tags.valueType.unit) {
            valueType[1] = reader.uint();
          } else {
            reader.skip(t & 7);
          }
        }
        sampleTypes.push(valueType);
        break;
      }
      case tags.profile.stringTable:
        strings.push(reader.string(decoder));
        break;
      case tags.profile.defaultSampleType:
        defaultSampleType = reader.uint();
        break;
      default:
        reader.skip(tag & 7);
    }
  }
  lineStart.push(lineFunctionId.length);

  // Strings come after the tables that point into them (field 6), so names are resolved at the end.
  const text = (index: number) => strings[index] ?? '';
  return {
    sampleTypes: sampleTypes.map(([type, unit]) => ({ type: text(type), unit: text(unit) })),
    defaultSampleType: text(defaultSampleType),
    functions: functions.map(([id, name, filename, startLine]) => ({
      id,
      name: text(name),
      filename: text(filename),
      startLine,
    })),
    mappings: mappings.map(([id, buildId]) => ({ id, buildId: text(buildId) })),
    locations: {
      count: locationId.length,
      id: Float64Array.from(locationId),
      mappingId: Float64Array.from(locationMapping),
      lineStart: Int32Array.from(lineStart),
      lineFunctionId: Float64Array.from(lineFunctionId),
      lineNumber: Float64Array.from(lineNumber),
    },
    forEachSample: (valueIndex, visit) => {
      try {
        streamSamples(buf, valueIndex, visit);
      } catch (e) {
        throw new Error(`The profile is not a valid pprof protobuf: ${errorMessage(e)}`);
      }
    },
  };
}

function streamSamples(buf: Uint8Array, valueIndex: number, visit: SampleVisitor): void {
  const reader = new ProtoReader(buf);
  let ids: Float64Array = new Float64Array(256);
  for (let tag = reader.tag(buf.length); tag >= 0; tag = reader.tag(buf.length)) {
    if (tag !== tags.profile.sample) {
      reader.skip(tag & 7);
      continue;
    }
    const end = reader.delimited();
    let length = 0;
    let valuesSeen = 0;
    let value = 0;
    for (let t = reader.tag(end); t >= 0; t = reader.tag(end)) {
      if (t === tags.sample.locationIdPacked) {
        const idsEnd = reader.delimited();
        while (reader.pos < idsEnd) {
          if (length === ids.length) {
            ids = grow(ids);
          }
          ids[length++] = reader.uint();
        }
        reader.expectAt(idsEnd);
      } else if (t === tags.sample.valuePacked) {
        const valuesEnd = reader.delimited();
        while (reader.pos < valuesEnd) {
          const v = reader.int64();
          if (valuesSeen++ === valueIndex) {
            value = v;
          }
        }
        reader.expectAt(valuesEnd);
      } else if (t === tags.sample.locationId) {
        if (length === ids.length) {
          ids = grow(ids);
        }
        ids[length++] = reader.uint();
      } else if (t === tags.sample.value) {
        const v = reader.int64();
        if (valuesSeen++ === valueIndex) {
          value = v;
        }
      } else {
        reader.skip(t & 7); // labels
      }
    }
    visit(ids, length, value);
  }
}

function grow(ids: Float64Array): Float64Array {
  const larger: Float64Array = new Float64Array(ids.length * 2);
  larger.set(ids);
  return larger;
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
