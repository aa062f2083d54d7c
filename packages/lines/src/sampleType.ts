/** An index into the profile's `sample_type`, or a sample type name such as "cpu" or "alloc_space". */
export type SampleTypeChoice = number | string;

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
    const available = types.length ? types.map((t, i) => `${i}: ${t || '(unnamed)'}`).join(', ') : 'none';
    throw new Error(`Sample type ${JSON.stringify(choice)} is not in the profile (available: ${available})`);
  }
  return index;
}
