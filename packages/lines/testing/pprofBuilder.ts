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

/** One line entry of a location: the function id and its line number (0 = unknown). */
export type FrameLine = [functionId: number, line: number];

/** One frame of a stack: its function (name, file, first line, 0 or absent when unknown) and its line (0 = unknown). */
export interface StackFrame {
  name: string;
  file: string;
  startLine?: number;
  line: number;
}

/** What a mapping says its locations carry, beyond function names (pprof's `has_*` flags). */
export interface MappingFlags {
  hasFilenames?: boolean;
  hasLineNumbers?: boolean;
  hasInlineFrames?: boolean;
}

/**
 * Builds pprof profiles for tests, benchmarks and the sample recorders with the real pprof-format encoder: ids are
 * handed out from 1 as pprof producers do, and every string goes through the string table. Either by ids
 * (`function`, `location`, `sample`) or by whole stacks of frames (`stack`), which reuses functions and locations.
 */
export class PprofBuilder {
  readonly strings = new StringTable();
  private readonly sampleTypes: ValueType[];
  private defaultSampleType = 0;
  private period = { type: undefined as ValueType | undefined, value: 10_000_000 };
  private time = { timeNanos: 0, durationNanos: 0 };
  private readonly comments: number[] = [];
  private readonly mappings: Mapping[] = [];
  private readonly functions: PprofFunction[] = [];
  private readonly locations: Location[] = [];
  private readonly samples: Sample[] = [];
  /** What `stack` has made, by content: functions, locations and samples (a repeated stack adds to its sample). */
  private readonly functionByFrame = new Map<string, number>();
  private readonly locationByLines = new Map<string, number>();
  private readonly sampleByStack = new Map<string, Sample>();

  constructor(sampleTypes: Array<[type: string, unit: string]> = [['cpu', 'nanoseconds']]) {
    this.sampleTypes = sampleTypes.map(([type, unit]) => this.valueType(type, unit));
  }

  withDefaultSampleType(type: string): this {
    this.defaultSampleType = this.strings.dedup(type);
    return this;
  }

  /** The sampling period (default: every 10 ms of the first sample type). */
  withPeriod([type, unit]: [type: string, unit: string], value: number): this {
    this.period = { type: this.valueType(type, unit), value };
    return this;
  }

  /** When the profile was taken and for how long. */
  withTime(timeNanos: number, durationNanos: number): this {
    this.time = { timeNanos, durationNanos };
    return this;
  }

  comment(text: string): this {
    this.comments.push(this.strings.dedup(text));
    return this;
  }

  /** A mapping whose build id is the given string (Pyroscope's version JSON or any other build id). */
  mapping(buildId = '', filename = '/app/server', flags: MappingFlags = {}): number {
    const id = this.mappings.length + 1;
    this.mappings.push(
      new Mapping({
        id,
        buildId: this.strings.dedup(buildId),
        filename: this.strings.dedup(filename),
        hasFunctions: true,
        ...flags,
      })
    );
    return id;
  }

  function(name: string, filename: string, startLine = 0): number {
    const id = this.functions.length + 1;
    const nameIndex = this.strings.dedup(name);
    this.functions.push(
      new PprofFunction({
        id,
        name: nameIndex,
        systemName: nameIndex,
        filename: this.strings.dedup(filename),
        startLine,
      })
    );
    return id;
  }

  /** A location with its line entries innermost first (inlined callees before their callers), as in pprof. */
  location(mappingId: number, lines: FrameLine[], id = this.locations.length + 1): number {
    this.locations.push(
      new Location({
        id,
        mappingId,
        address: 0x1000 + this.locations.length * 16,
        line: lines.map(([functionId, line]) => new Line({ functionId, line })),
      })
    );
    return id;
  }

  /** A sample with its stack leaf first, as in pprof. */
  sample(locationIds: number[], ...values: Array<number | bigint>): this {
    this.samples.push(new Sample({ locationId: locationIds, value: values }));
    return this;
  }

  /**
   * A sample of a stack, innermost location first; a location is one frame or several, innermost first (callees
   * inlined into one compiled method). The same function, location or stack is made once: a stack seen before
   * adds its values to its sample.
   */
  stack(mappingId: number, stack: StackFrame[][], values: number[]): this {
    if (values.length !== this.sampleTypes.length) {
      throw new Error(`a sample needs ${this.sampleTypes.length} values, got ${values.length}`);
    }
    if (stack.length === 0 || stack.some((frames) => frames.length === 0)) {
      throw new Error('a sample needs at least one frame in each location');
    }
    const locationIds = stack.map((frames) => this.stackLocation(mappingId, frames));
    const key = locationIds.join(',');
    const existing = this.sampleByStack.get(key);
    if (existing) {
      existing.value = existing.value.map((v, i) => Number(v) + values[i]);
      return this;
    }
    const sample = new Sample({ locationId: locationIds, value: [...values] });
    this.sampleByStack.set(key, sample);
    this.samples.push(sample);
    return this;
  }

  private stackLocation(mappingId: number, frames: StackFrame[]): number {
    const lines = frames.map((frame): FrameLine => [this.stackFunction(frame), frame.line]);
    const key = `${mappingId}/${lines.map(([fn, line]) => `${fn}:${line}`).join(';')}`;
    let id = this.locationByLines.get(key);
    if (id === undefined) {
      id = this.location(mappingId, lines);
      this.locationByLines.set(key, id);
    }
    return id;
  }

  private stackFunction({ name, file, startLine = 0 }: StackFrame): number {
    const key = `${name}\0${file}\0${startLine}`;
    let id = this.functionByFrame.get(key);
    if (id === undefined) {
      id = this.function(name, file, startLine);
      this.functionByFrame.set(key, id);
    }
    return id;
  }

  private valueType(type: string, unit: string): ValueType {
    return new ValueType({ type: this.strings.dedup(type), unit: this.strings.dedup(unit) });
  }

  profile(): Profile {
    return new Profile({
      sampleType: this.sampleTypes,
      sample: this.samples,
      mapping: this.mappings,
      location: this.locations,
      function: this.functions,
      stringTable: this.strings,
      defaultSampleType: this.defaultSampleType,
      period: this.period.value,
      periodType: this.period.type ?? this.sampleTypes[0],
      timeNanos: this.time.timeNanos,
      durationNanos: this.time.durationNanos,
      comment: this.comments,
    });
  }

  encode(): Uint8Array {
    return this.profile().encode();
  }
}

/** The build id JSON that Pyroscope's distributor stamps into every mapping (keys in its order, empty ones left out). */
export function pyroscopeBuildId(version: {
  repository?: string;
  gitRef?: string;
  buildId?: string;
  rootPath?: string;
}) {
  return JSON.stringify({
    repository: version.repository || undefined,
    git_ref: version.gitRef || undefined,
    build_id: version.buildId || undefined,
    root_path: version.rootPath || undefined,
  });
}
