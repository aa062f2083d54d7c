import { gunzipSync } from 'fflate';
import { Function as FunctionMessage, Location, Mapping, ValueType } from 'pprof-format';

import { ProtoReader, WireType } from './protoReader';

/** How pprof-format hands out integer fields: numbers, or bigints for varints longer than 4 bytes. */
type Numeric = number | bigint;

// Field tags (field number × 8 + wire type) of pprof's profile.proto that the reader walks itself: the top-level
// Profile fields it reads and the fields of Sample, which it streams.
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
  sample: {
    locationIdPacked: (1 << 3) | WireType.LengthDelimited,
    locationId: (1 << 3) | WireType.Varint,
    valuePacked: (2 << 3) | WireType.LengthDelimited,
    value: (2 << 3) | WireType.Varint,
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
 * SelectMergeProfile answers with `application/proto`). The work is split by cost:
 * - the tables (sample types, mappings, locations with their lines, functions) are decoded message by message with
 *   pprof-format's own decoders (`ValueType`, `Mapping`, `Location`, `Function`), and the string table as
 *   pprof-format decodes it; ProtoReader only walks the top-level Profile fields to hand each message over;
 * - the samples (field 2) are not decoded into objects: `forEachSample` streams them with ProtoReader into one
 *   reused buffer. They are most of a large profile's bytes (74% of the 37 MB benchmark profile) and, as one Sample
 *   object with two arrays each, most of the time and memory of a whole-profile `Profile.decode`.
 * See bench/profile for the numbers. The inflate is synchronous so the same code runs in the Web Worker, on the
 * main thread and in Node.
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
  // pprof-format's StringTable has no public decoder: Profile.decode fills it through its internal _decodeString,
  // a default TextDecoder per entry (UTF-8, bad bytes replaced) plus an encoded copy and a dedup map kept for
  // re-encoding. The strings are decoded the same way here, without the copies a reader does not need.
  const decoder = new TextDecoder();
  const strings: string[] = [];
  const sampleTypes: ValueType[] = [];
  const mappings: Mapping[] = [];
  const locations = new LocationColumns();
  const functions: FunctionMessage[] = [];
  let defaultSampleType = 0;

  for (let tag = reader.tag(buf.length); tag >= 0; tag = reader.tag(buf.length)) {
    switch (tag) {
      case tags.profile.sample:
        reader.pos = reader.delimited(); // streamed later by forEachSample
        break;
      case tags.profile.sampleType:
        sampleTypes.push(ValueType.decode(reader.bytes()));
        break;
      case tags.profile.mapping:
        mappings.push(Mapping.decode(reader.bytes()));
        break;
      case tags.profile.location:
        locations.add(Location.decode(reader.bytes()));
        break;
      case tags.profile.function:
        functions.push(FunctionMessage.decode(reader.bytes()));
        break;
      case tags.profile.stringTable:
        strings.push(decoder.decode(reader.bytes()));
        break;
      case tags.profile.defaultSampleType:
        defaultSampleType = reader.uint();
        break;
      default:
        reader.skip(tag & 7);
    }
  }

  // Strings come after the tables that point into them (field 6), so names are resolved at the end.
  const text = (index: Numeric) => strings[Number(index)] ?? '';
  return {
    sampleTypes: sampleTypes.map((t) => ({ type: text(t.type), unit: text(t.unit) })),
    defaultSampleType: text(defaultSampleType),
    functions: functions.map((fn) => ({
      id: unsigned(fn.id),
      name: text(fn.name),
      filename: text(fn.filename),
      startLine: signed(fn.startLine),
    })),
    mappings: mappings.map((m) => ({ id: unsigned(m.id), buildId: text(m.buildId) })),
    locations: locations.build(),
    forEachSample: (valueIndex, visit) => {
      try {
        streamSamples(buf, valueIndex, visit);
      } catch (e) {
        throw new Error(`The profile is not a valid pprof protobuf: ${errorMessage(e)}`);
      }
    },
  };
}

/**
 * Collects the locations as columns while they are decoded, so that each pprof-format Location (and its Lines)
 * can be dropped at once: hundreds of thousands of them kept alive until the end would all be promoted to the old
 * generation of the garbage collector, which costs more than decoding them.
 */
class LocationColumns {
  private readonly id: number[] = [];
  private readonly mappingId: number[] = [];
  private readonly lineStart: number[] = [];
  private readonly lineFunctionId: number[] = [];
  private readonly lineNumber: number[] = [];

  add(location: Location): void {
    this.id.push(unsigned(location.id));
    this.mappingId.push(unsigned(location.mappingId));
    this.lineStart.push(this.lineFunctionId.length);
    for (const line of location.line) {
      this.lineFunctionId.push(unsigned(line.functionId));
      this.lineNumber.push(signed(line.line));
    }
  }

  build(): PprofLocations {
    return {
      count: this.id.length,
      id: Float64Array.from(this.id),
      mappingId: Float64Array.from(this.mappingId),
      lineStart: Int32Array.from([...this.lineStart, this.lineFunctionId.length]),
      lineFunctionId: Float64Array.from(this.lineFunctionId),
      lineNumber: Float64Array.from(this.lineNumber),
    };
  }
}

/**
 * pprof-format decodes varints of up to 4 bytes to numbers and longer ones to unsigned 64-bit bigints. Ids are
 * uint64 and line numbers int64 (two's complement on the wire); as numbers they are exact up to 2^53.
 */
function unsigned(value: Numeric): number {
  return typeof value === 'bigint' ? Number(BigInt.asUintN(64, value)) : value;
}

function signed(value: Numeric): number {
  return typeof value === 'bigint' ? Number(BigInt.asIntN(64, value)) : value;
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
