/**
 * Reading and writing gzipped pprof with pprof-format, and a builder that turns recorded stacks (from our Python
 * sampler or from JFR) into a pprof profile: one function per (name, file, start line), one location per frame
 * (function + line), identical stacks merged into one sample.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import {
  Function as PprofFunction,
  Line,
  Location,
  Mapping,
  Profile,
  Sample,
  StringTable,
  ValueType,
} from 'pprof-format';

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

/** One frame of a recorded stack. line 0 means the profiler did not know the line. */
export interface Frame {
  name: string;
  file: string;
  /** First line of the function; 0 when the profiler does not know it. */
  startLine: number;
  line: number;
}

export interface SampleTypeSpec {
  type: string;
  unit: string;
}

export interface MappingSpec {
  filename: string;
  buildId?: string;
}

/**
 * Builds a pprof profile from stacks, innermost location first (pprof's order). A location is one or more frames,
 * innermost first: several when a JIT inlined callees into one compiled method, as pprof records inlining.
 */
export class StackProfileBuilder {
  private readonly strings = new StringTable();
  private readonly functions = new Map<string, PprofFunction>();
  private readonly locations = new Map<string, Location>();
  private readonly samples = new Map<string, Sample>();
  private readonly mapping: Mapping;

  constructor(
    private readonly sampleTypes: SampleTypeSpec[],
    mapping: MappingSpec,
    private readonly period: { type: SampleTypeSpec; value: number },
    hasInlineFrames = false
  ) {
    this.mapping = new Mapping({
      id: 1,
      filename: this.strings.dedup(mapping.filename),
      buildId: this.strings.dedup(mapping.buildId ?? ''),
      hasFunctions: true,
      hasFilenames: true,
      hasLineNumbers: true,
      hasInlineFrames,
    });
  }

  /** Adds one observation of a stack (innermost first) with one value per sample type. */
  add(stack: Frame[][], values: number[]): void {
    if (values.length !== this.sampleTypes.length) {
      throw new Error(`a sample needs ${this.sampleTypes.length} values, got ${values.length}`);
    }
    if (stack.length === 0) {
      throw new Error('a sample needs at least one frame');
    }
    const locationIds = stack.map((frames) => this.locationId(frames));
    const key = locationIds.join(',');
    const existing = this.samples.get(key);
    if (existing) {
      existing.value = existing.value.map((v, i) => Number(v) + values[i]);
    } else {
      this.samples.set(key, new Sample({ locationId: locationIds, value: [...values] }));
    }
  }

  build(meta: { timeNanos: number; durationNanos: number; comments?: string[] }): Profile {
    return new Profile({
      sampleType: this.sampleTypes.map((t) => this.valueType(t)),
      sample: [...this.samples.values()],
      mapping: [this.mapping],
      location: [...this.locations.values()],
      function: [...this.functions.values()],
      stringTable: this.strings,
      timeNanos: meta.timeNanos,
      durationNanos: meta.durationNanos,
      periodType: this.valueType(this.period.type),
      period: this.period.value,
      comment: (meta.comments ?? []).map((c) => this.strings.dedup(c)),
    });
  }

  private valueType(t: SampleTypeSpec): ValueType {
    return new ValueType({ type: this.strings.dedup(t.type), unit: this.strings.dedup(t.unit) });
  }

  private functionId(frame: Frame): number {
    const key = `${frame.name}\0${frame.file}\0${frame.startLine}`;
    let fn = this.functions.get(key);
    if (!fn) {
      fn = new PprofFunction({
        id: this.functions.size + 1,
        name: this.strings.dedup(frame.name),
        systemName: this.strings.dedup(frame.name),
        filename: this.strings.dedup(frame.file),
        startLine: frame.startLine,
      });
      this.functions.set(key, fn);
    }
    return Number(fn.id);
  }

  private locationId(frames: Frame[]): number {
    if (frames.length === 0) {
      throw new Error('a location needs at least one frame');
    }
    const lines = frames.map((frame) => ({ functionId: this.functionId(frame), line: frame.line }));
    const key = lines.map((l) => `${l.functionId}:${l.line}`).join(';');
    let location = this.locations.get(key);
    if (!location) {
      const id = this.locations.size + 1;
      // No real addresses exist for interpreted or JIT frames; a distinct fake address per location keeps tools
      // that key on addresses (pprof's -addresses) from merging different lines.
      location = new Location({ id, mappingId: 1, address: id, line: lines.map((l) => new Line(l)) });
      this.locations.set(key, location);
    }
    return Number(location.id);
  }
}
