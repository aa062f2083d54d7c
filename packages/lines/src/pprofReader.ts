import { gunzipWithLimit, ProfileTooLargeError } from './inflate';
import type { LocationVisitor, PprofFunctions, PprofLocations } from './pprofColumns';
import { tags } from './pprofTags';
import { FunctionColumns, grow, LocationColumns, readLocations, readMapping, readValueType } from './pprofTables';
import { ProtoReader } from './protoReader';
import { Spans } from './spans';
import { PprofStrings, StringTable } from './stringTable';

export { LocationColumns } from './pprofTables';
export type { LocationVisitor, PprofFunctions, PprofLocations } from './pprofColumns';
export { type StringTable, utf8Text, type Utf8Text } from './stringTable';

export interface PprofFunction {
  id: number;
  name: string;
  filename: string;
  startLine: number;
}

/** Functions as columns; names and file names are string table indices (see `strings`). */
export interface PprofMapping {
  id: number;
  buildId: string;
}

export type SampleVisitor = (locationIds: Float64Array, length: number, value: number) => void;

/**
 * A pprof profile as found by one walk over its bytes: the small tables read, the string table indexed, the
 * locations and samples located and read only when visited.
 */
export interface PprofScan {
  sampleTypes: Array<{ type: string; unit: string }>;
  defaultSampleType: string;
  /** The string table, decoded only where asked (and then kept). */
  strings: StringTable;
  functionTable: PprofFunctions;
  /** Every function with its name and file decoded: for callers that need all of them (the call index). */
  readonly functions: PprofFunction[];
  mappings: PprofMapping[];
  locationCount: number;
  /** Reads the locations in order, each once per call, without keeping them. */
  forEachLocation(visit: LocationVisitor): void;
  /**
   * Calls `visit` for every sample with its location ids (leaf first; the first `length` entries of a buffer that
   * is reused between calls) and its value at `valueIndex` (0 when the sample has fewer values).
   */
  forEachSample(valueIndex: number, visit: SampleVisitor): void;
}

/** The scan with every location read into columns (which also checks that they are well formed). */
export interface PprofData extends PprofScan {
  locations: PprofLocations;
}

/** gzip streams start with 0x1f 0x8b; a serialised pprof never does (0x1f is not a valid first field tag). */
function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Reads a pprof profile, gzipped (`.pb.gz`, as `go tool pprof` and recordings store it) or raw (as Pyroscope's
 * SelectMergeProfile answers with `application/proto`), with one ProtoReader over the bytes and no object per
 * message: the tables go into typed-array columns (locations and their lines, functions), the string table is only
 * indexed (each string is decoded when asked for, and most never are: a function is found by comparing bytes), and
 * the samples (most of a large profile's bytes) are streamed by `forEachSample` into one reused buffer. Integers
 * read as pprof-format would hand them over, then converted to numbers (exact up to 2^53). See bench/profile for the
 * numbers. The inflate is synchronous so the same code runs in the Web Worker, on the main thread and in Node, and bounded
 * (MAX_INFLATED_PROFILE_BYTES): a gzip bomb is "too large", not a dead tab.
 */
export function readPprof(bytes: Uint8Array): PprofData {
  const scan = scanPprof(bytes);
  const columns = new LocationColumns();
  scan.forEachLocation((id, mappingId, functionIds, lineNumbers, lineCount) =>
    columns.add(id, mappingId, functionIds, lineNumbers, lineCount)
  );
  return Object.assign(scan, { locations: columns.build() });
}

/**
 * readPprof without the location table: what computeFunctionDetails reads when it needs only the locations of the
 * function, which it finds in one visit of them. Malformed locations are found during that visit.
 */
export function scanPprof(bytes: Uint8Array): PprofScan {
  let raw = bytes;
  if (isGzip(bytes)) {
    try {
      raw = gunzipWithLimit(bytes);
    } catch (e) {
      if (e instanceof ProfileTooLargeError) {
        throw e;
      }
      throw new Error(`The profile looks gzipped but could not be inflated: ${errorMessage(e)}`);
    }
  }
  return asPprofError(() => scanProfile(raw));
}

function asPprofError<T>(read: () => T): T {
  try {
    return read();
  } catch (e) {
    throw new Error(`The profile is not a valid pprof protobuf: ${errorMessage(e)}`);
  }
}

function scanProfile(buf: Uint8Array): PprofScan {
  const reader = new ProtoReader(buf);
  const strings = new PprofStrings(buf);
  const sampleTypes: Array<{ type: number; unit: number }> = [];
  const mappings: Array<{ id: number; buildId: number }> = [];
  const locationSpans = new Spans();
  const functions = new FunctionColumns();
  let defaultSampleType = 0;

  for (let tag = reader.tag(buf.length); tag >= 0; tag = reader.tag(buf.length)) {
    switch (tag) {
      case tags.profile.sample:
        reader.pos = reader.delimited(); // streamed later by forEachSample
        break;
      case tags.profile.location: {
        const end = reader.delimited();
        locationSpans.add(reader.pos, end);
        reader.pos = end;
        break;
      }
      case tags.profile.function:
        functions.read(reader, reader.delimited());
        break;
      case tags.profile.stringTable: {
        const end = reader.delimited();
        strings.spans.add(reader.pos, end);
        reader.pos = end;
        break;
      }
      case tags.profile.sampleType:
        sampleTypes.push(readValueType(reader, reader.delimited()));
        break;
      case tags.profile.mapping:
        mappings.push(readMapping(reader, reader.delimited()));
        break;
      case tags.profile.defaultSampleType:
        defaultSampleType = reader.int64();
        break;
      default:
        reader.skip(tag & 7);
    }
  }

  // Strings come after the tables that point into them (field 6), so names are resolved at the end.
  const table = strings.build();
  const text = (index: number) => table.get(index);
  const functionTable = functions.build();
  let allFunctions: PprofFunction[] | undefined;
  return {
    sampleTypes: sampleTypes.map((t) => ({ type: text(t.type), unit: text(t.unit) })),
    defaultSampleType: text(defaultSampleType),
    strings: table,
    functionTable,
    get functions() {
      allFunctions ??= Array.from({ length: functionTable.count }, (_, i) => ({
        id: functionTable.id[i],
        name: text(functionTable.name[i]),
        filename: text(functionTable.filename[i]),
        startLine: functionTable.startLine[i],
      }));
      return allFunctions;
    },
    mappings: mappings.map((m) => ({ id: m.id, buildId: text(m.buildId) })),
    locationCount: locationSpans.count,
    forEachLocation: (visit) => asPprofError(() => readLocations(buf, locationSpans, visit)),
    forEachSample: (valueIndex, visit) => asPprofError(() => streamSamples(buf, valueIndex, visit)),
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

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
