import { Profile } from 'pprof-format';

// The pprof as Pyroscope's SelectMergeProfile returns it with the Connect JSON codec (protojson): camelCase names,
// every int64 as a decimal string, zero values and empty lists left out (reference/pyroscope-querier.md §3.8).

type Json = Record<string, unknown>;

const int = (value: number | bigint) => (value ? BigInt.asIntN(64, BigInt(value)).toString() : undefined);
const ints = (values: Array<number | bigint>) => (values.length ? values.map((v) => int(v) ?? '0') : undefined);
const flag = (value: boolean) => value || undefined;

export function toPprofJson(profile: Profile): Json {
  const valueType = (t: { type: number | bigint; unit: number | bigint }) => ({ type: int(t.type), unit: int(t.unit) });
  return {
    sampleType: profile.sampleType.map(valueType),
    sample: profile.sample.map((s) => ({ locationId: ints(s.locationId), value: ints(s.value) })),
    mapping: profile.mapping.map((m) => ({
      id: int(m.id),
      memoryStart: int(m.memoryStart),
      memoryLimit: int(m.memoryLimit),
      fileOffset: int(m.fileOffset),
      filename: int(m.filename),
      buildId: int(m.buildId),
      hasFunctions: flag(m.hasFunctions),
      hasFilenames: flag(m.hasFilenames),
      hasLineNumbers: flag(m.hasLineNumbers),
      hasInlineFrames: flag(m.hasInlineFrames),
    })),
    location: profile.location.map((l) => ({
      id: int(l.id),
      mappingId: int(l.mappingId),
      address: int(l.address),
      line: l.line.length
        ? l.line.map((line) => ({ functionId: int(line.functionId), line: int(line.line) }))
        : undefined,
      isFolded: flag(l.isFolded),
    })),
    function: profile.function.map((f) => ({
      id: int(f.id),
      name: int(f.name),
      systemName: int(f.systemName),
      filename: int(f.filename),
      startLine: int(f.startLine),
    })),
    stringTable: profile.stringTable.strings,
    timeNanos: int(profile.timeNanos),
    durationNanos: int(profile.durationNanos),
    periodType: profile.periodType ? valueType(profile.periodType) : undefined,
    period: int(profile.period),
    defaultSampleType: int(profile.defaultSampleType),
  };
}
