import { gunzipSync } from 'fflate';

import { ProtoReader, WireType } from './protoReader';
import { Spans } from './spans';
import { PprofStrings, StringTable } from './stringTable';

export { type StringTable, utf8Text, type Utf8Text } from './stringTable';

// Field tags (field number × 8 + wire type) of pprof's profile.proto.
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
  mapping: { id: (1 << 3) | WireType.Varint, buildId: (6 << 3) | WireType.Varint },
  valueType: { type: (1 << 3) | WireType.Varint, unit: (2 << 3) | WireType.Varint },
};

export interface PprofFunction {
  id: number;
  name: string;
  filename: string;
  startLine: number;
}

/** Functions as columns; names and file names are string table indices (see `strings`). */
export interface PprofFunctions {
  count: number;
  id: Float64Array;
  name: Float64Array;
  filename: Float64Array;
  startLine: Float64Array;
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

/**
 * One location: its id, its mapping's id, and its line entries (innermost first) as the first `lineCount` entries
 * of buffers reused between calls.
 */
export type LocationVisitor = (
  id: number,
  mappingId: number,
  lineFunctionIds: Float64Array,
  lineNumbers: Float64Array,
  lineCount: number
) => void;

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
 * numbers. The inflate is synchronous so the same code runs in the Web Worker, on the main thread and in Node.
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
      raw = gunzipSync(bytes);
    } catch (e) {
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

/**
 * Skips a field of a table message. pprof writes its tables with varints and nested messages only; a fixed-width
 * field there means the bytes are not pprof (pprof-format's decoders refuse it too).
 */
function skipTableField(reader: ProtoReader, tag: number): void {
  const wireType = tag & 7;
  if (wireType !== WireType.Varint && wireType !== WireType.LengthDelimited) {
    throw new Error(`unexpected wire type ${wireType} in a table message at byte ${reader.pos}`);
  }
  reader.skip(wireType);
}

function readValueType(reader: ProtoReader, end: number): { type: number; unit: number } {
  const value = { type: 0, unit: 0 };
  for (let tag = reader.tag(end); tag >= 0; tag = reader.tag(end)) {
    if (tag === tags.valueType.type) {
      value.type = reader.int64();
    } else if (tag === tags.valueType.unit) {
      value.unit = reader.int64();
    } else {
      skipTableField(reader, tag);
    }
  }
  return value;
}

function readMapping(reader: ProtoReader, end: number): { id: number; buildId: number } {
  const mapping = { id: 0, buildId: 0 };
  for (let tag = reader.tag(end); tag >= 0; tag = reader.tag(end)) {
    if (tag === tags.mapping.id) {
      mapping.id = reader.uint();
    } else if (tag === tags.mapping.buildId) {
      mapping.buildId = reader.int64();
    } else {
      skipTableField(reader, tag);
    }
  }
  return mapping;
}

/** A Float64Array column that doubles as it fills. */
class Column {
  values: Float64Array = new Float64Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.values.length) {
      const larger = new Float64Array(this.values.length * 2);
      larger.set(this.values);
      this.values = larger;
    }
    this.values[this.length++] = value;
  }

  build(): Float64Array {
    return this.values.slice(0, this.length);
  }
}

/** Reads each location field by field into reused buffers, and hands it to `visit`. */
function readLocations(buf: Uint8Array, spans: Spans, visit: LocationVisitor): void {
  const reader = new ProtoReader(buf);
  let functionIds: Float64Array = new Float64Array(64);
  let lineNumbers: Float64Array = new Float64Array(64);
  for (let i = 0; i < spans.count; i++) {
    reader.pos = spans.start[i];
    const end = spans.end[i];
    let id = 0;
    let mappingId = 0;
    let lineCount = 0;
    for (let tag = reader.tag(end); tag >= 0; tag = reader.tag(end)) {
      if (tag === tags.location.line) {
        const lineEnd = reader.delimited();
        let functionId = 0;
        let line = 0;
        for (let t = reader.tag(lineEnd); t >= 0; t = reader.tag(lineEnd)) {
          if (t === tags.line.functionId) {
            functionId = reader.uint();
          } else if (t === tags.line.line) {
            line = reader.int64();
          } else {
            skipTableField(reader, t);
          }
        }
        if (lineCount === functionIds.length) {
          functionIds = grow(functionIds);
          lineNumbers = grow(lineNumbers);
        }
        functionIds[lineCount] = functionId;
        lineNumbers[lineCount++] = line;
      } else if (tag === tags.location.id) {
        id = reader.uint();
      } else if (tag === tags.location.mappingId) {
        mappingId = reader.uint();
      } else {
        skipTableField(reader, tag);
      }
    }
    visit(id, mappingId, functionIds, lineNumbers, lineCount);
  }
}

/** The locations as columns, for readers of the whole table (the call index, tests). */
export class LocationColumns {
  private readonly id = new Column();
  private readonly mappingId = new Column();
  private readonly lineStart = new Column();
  private readonly lineFunctionId = new Column();
  private readonly lineNumber = new Column();

  add(id: number, mappingId: number, functionIds: Float64Array, lineNumbers: Float64Array, lineCount: number): void {
    this.id.push(id);
    this.mappingId.push(mappingId);
    this.lineStart.push(this.lineFunctionId.length);
    for (let k = 0; k < lineCount; k++) {
      this.lineFunctionId.push(functionIds[k]);
      this.lineNumber.push(lineNumbers[k]);
    }
  }

  build(): PprofLocations {
    this.lineStart.push(this.lineFunctionId.length);
    return {
      count: this.id.length,
      id: this.id.build(),
      mappingId: this.mappingId.build(),
      lineStart: Int32Array.from(this.lineStart.build()),
      lineFunctionId: this.lineFunctionId.build(),
      lineNumber: this.lineNumber.build(),
    };
  }
}

class FunctionColumns {
  private readonly id = new Column();
  private readonly name = new Column();
  private readonly filename = new Column();
  private readonly startLine = new Column();

  read(reader: ProtoReader, end: number): void {
    let id = 0;
    let name = 0;
    let filename = 0;
    let startLine = 0;
    for (let tag = reader.tag(end); tag >= 0; tag = reader.tag(end)) {
      if (tag === tags.function.id) {
        id = reader.uint();
      } else if (tag === tags.function.name) {
        name = reader.int64();
      } else if (tag === tags.function.filename) {
        filename = reader.int64();
      } else if (tag === tags.function.startLine) {
        startLine = reader.int64();
      } else {
        skipTableField(reader, tag);
      }
    }
    this.id.push(id);
    this.name.push(name);
    this.filename.push(filename);
    this.startLine.push(startLine);
  }

  build(): PprofFunctions {
    return {
      count: this.id.length,
      id: this.id.build(),
      name: this.name.build(),
      filename: this.filename.build(),
      startLine: this.startLine.build(),
    };
  }
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
