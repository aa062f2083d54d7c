import { type PprofData, type PprofScan, readPprof } from './pprofReader';

/** An index into the profile's `sample_type`, or a sample type name such as "cpu" or "alloc_space". */
export type SampleTypeChoice = number | string;

/** An explicit sample type the profile does not have; `available` lists the ones it has, in order. */
export class UnknownSampleTypeError extends Error {
  constructor(
    readonly choice: SampleTypeChoice,
    readonly available: string[]
  ) {
    const listed = available.length ? available.map((t, i) => `${i}: ${t || '(unnamed)'}`).join(', ') : 'none';
    super(`Sample type ${JSON.stringify(choice)} is not in the profile (available: ${listed})`);
  }
}

/**
 * Which value of each sample to read. Without a choice this follows `go tool pprof`: the sample type named by
 * `default_sample_type`, else the last one (Pyroscope's merged profiles have exactly one). Returns -1 for a profile
 * without sample types (an empty profile); an explicit choice the profile doesn't have is an error.
 */
export function resolveSampleTypeIndex(types: string[], defaultType: string, choice?: SampleTypeChoice): number {
  if (choice === undefined) {
    const defaultIndex = defaultType ? types.indexOf(defaultType) : -1;
    return defaultIndex >= 0 ? defaultIndex : types.length - 1;
  }
  const index = typeof choice === 'number' ? choice : types.indexOf(choice);
  if (!Number.isInteger(index) || index < 0 || index >= types.length) {
    throw new UnknownSampleTypeError(choice, types);
  }
  return index;
}

/** A profile read with the value each sample is counted by; `valueIndex` -1 and an empty type when it has none. */
export function readProfileValues(
  pprofBytes: Uint8Array,
  choice?: SampleTypeChoice
): { profile: PprofData; valueIndex: number; sampleType: { type: string; unit: string } } {
  const profile = readPprof(pprofBytes);
  return { profile, ...chooseSampleType(profile, choice) };
}

/** The value a reading uses: the chosen sample type, else the profile's default, else its last. */
export function chooseSampleType(
  profile: Pick<PprofScan, 'sampleTypes' | 'defaultSampleType'>,
  choice?: SampleTypeChoice
): { valueIndex: number; sampleType: { type: string; unit: string } } {
  const valueIndex = resolveSampleTypeIndex(
    profile.sampleTypes.map((t) => t.type),
    profile.defaultSampleType,
    choice
  );
  return { valueIndex, sampleType: valueIndex >= 0 ? profile.sampleTypes[valueIndex] : { type: '', unit: '' } };
}
