// The tables of a pprof profile, read field by field with one ProtoReader into plain values and typed-array columns
// (no object per message): value types, mappings, functions, and the locations with their line entries.
import type { LocationVisitor, PprofFunctions, PprofLocations } from './pprofColumns';
import { tags } from './pprofTags';
import { ProtoReader, WireType } from './protoReader';
import { Spans } from './spans';

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

export function readValueType(reader: ProtoReader, end: number): { type: number; unit: number } {
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

export function readMapping(reader: ProtoReader, end: number): { id: number; buildId: number } {
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
export function readLocations(buf: Uint8Array, spans: Spans, visit: LocationVisitor): void {
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

export class FunctionColumns {
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

/** A copy twice as long, for a buffer that is full. */
export function grow(values: Float64Array): Float64Array {
  const larger: Float64Array = new Float64Array(values.length * 2);
  larger.set(values);
  return larger;
}
