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

/**
 * Builds pprof profiles for tests and benchmarks with the real pprof-format encoder: ids are handed out from 1 as
 * pprof producers do, and every string goes through the string table.
 */
export class PprofBuilder {
  readonly strings = new StringTable();
  private readonly sampleTypes: ValueType[];
  private defaultSampleType = 0;
  private readonly mappings: Mapping[] = [];
  private readonly functions: PprofFunction[] = [];
  private readonly locations: Location[] = [];
  private readonly samples: Sample[] = [];

  constructor(sampleTypes: Array<[type: string, unit: string]> = [['cpu', 'nanoseconds']]) {
    this.sampleTypes = sampleTypes.map(
      ([type, unit]) => new ValueType({ type: this.strings.dedup(type), unit: this.strings.dedup(unit) })
    );
  }

  withDefaultSampleType(type: string): this {
    this.defaultSampleType = this.strings.dedup(type);
    return this;
  }

  /** A mapping whose build id is the given string (Pyroscope's version JSON or any other build id). */
  mapping(buildId = '', filename = '/app/server'): number {
    const id = this.mappings.length + 1;
    this.mappings.push(
      new Mapping({
        id,
        buildId: this.strings.dedup(buildId),
        filename: this.strings.dedup(filename),
        hasFunctions: true,
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

  profile(): Profile {
    return new Profile({
      sampleType: this.sampleTypes,
      sample: this.samples,
      mapping: this.mappings,
      location: this.locations,
      function: this.functions,
      stringTable: this.strings,
      defaultSampleType: this.defaultSampleType,
      period: 10_000_000,
      periodType: this.sampleTypes[0],
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
