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

export interface ReplicateOptions {
  /** How many copies of the sources to lay side by side; copy c is a copy of sources[c % sources.length]. */
  copies: number;
  /** How many versions (mappings with Pyroscope build id JSON) to spread the copies over: copy c is in c % versions. */
  versions: number;
  /** The one sample type to keep, as Pyroscope's SelectMergeProfile answers with exactly one. */
  sampleType: string;
}

export const replicaRepository = 'https://github.com/linescope-demo/replica';

/**
 * Builds a large profile from recorded ones, shaped like a big merged profile from Pyroscope: one sample type,
 * many unique stacks (every copy has its own locations, so no two copies' stacks merge), functions shared by name
 * and file, and a few versions. Every copy contributes exactly its source's numbers, so results scale exactly:
 * version v of function f = (number of copies in v) × f's numbers in the copies' source.
 */
export function replicateProfiles(sources: Profile[], options: ReplicateOptions): Profile {
  const { copies, versions, sampleType } = options;
  const strings = new StringTable();
  const functions: PprofFunction[] = [];
  const functionIdByKey = new Map<string, number>();

  // Per source: its function ids in the merged profile, its value index and its location ids.
  const prepared = sources.map((source) => {
    const text = (index: number | bigint) => source.stringTable.strings[Number(index)] ?? '';
    const functionIds = new Map<number, number>();
    for (const fn of source.function) {
      const key = `${text(fn.name)}\u0000${text(fn.filename)}\u0000${fn.startLine}`;
      let id = functionIdByKey.get(key);
      if (id === undefined) {
        id = functions.length + 1;
        functions.push(
          new PprofFunction({
            id,
            name: strings.dedup(text(fn.name)),
            systemName: strings.dedup(text(fn.systemName)),
            filename: strings.dedup(text(fn.filename)),
            startLine: fn.startLine,
          })
        );
        functionIdByKey.set(key, id);
      }
      functionIds.set(Number(fn.id), id);
    }
    const valueIndex = source.sampleType.findIndex((t) => text(t.type) === sampleType);
    if (valueIndex < 0) {
      throw new Error(`A source profile has no sample type "${sampleType}"`);
    }
    const locationIndex = new Map(source.location.map((location, i) => [Number(location.id), i]));
    const lines = source.location.map((location) =>
      location.line.map((line) => new Line({ functionId: functionIds.get(Number(line.functionId)), line: line.line }))
    );
    const unit = text(source.sampleType[valueIndex].unit);
    return { source, valueIndex, locationIndex, lines, unit };
  });

  const mappings = Array.from(
    { length: versions },
    (_, v) =>
      new Mapping({
        id: v + 1,
        filename: strings.dedup('/app/replica'),
        buildId: strings.dedup(JSON.stringify({ repository: replicaRepository, git_ref: `v${v}` })),
        hasFunctions: true,
        hasFilenames: true,
        hasLineNumbers: true,
        hasInlineFrames: true,
      })
  );

  const locations: Location[] = [];
  const samples: Sample[] = [];
  for (let c = 0; c < copies; c++) {
    const { source, valueIndex, locationIndex, lines } = prepared[c % prepared.length];
    const firstId = locations.length + 1;
    source.location.forEach((location, i) => {
      locations.push(
        new Location({ id: firstId + i, mappingId: (c % versions) + 1, address: location.address, line: lines[i] })
      );
    });
    for (const sample of source.sample) {
      samples.push(
        new Sample({
          locationId: sample.locationId.map((id) => firstId + locationIndex.get(Number(id))!),
          value: [sample.value[valueIndex]],
        })
      );
    }
  }

  const type = new ValueType({ type: strings.dedup(sampleType), unit: strings.dedup(prepared[0].unit) });
  return new Profile({
    sampleType: [type],
    defaultSampleType: type.type,
    sample: samples,
    mapping: mappings,
    location: locations,
    function: functions,
    stringTable: strings,
  });
}
