import type { Truncation } from './model';
import type { PprofData } from './pprofReader';

/** The name Pyroscope gives the stub that replaces the branches it cut off. */
export const TRUNCATED_NODE_NAME = 'other';

/**
 * Whether Pyroscope truncated the profile, and how much of it. When a tenant enforces the flame-graph node limit on
 * SelectMergeProfile, Pyroscope cuts the smallest branches and ends each cut stack in one stub location: a function
 * named `other` with no file, on a line without a number (pkg/phlaredb/symdb/resolver_pprof_tree.go
 * createLocationStub puts it in mapping 1; the tree path of query_select_merge_profile.go in none). A real function
 * called `other` has a file, so it is not mistaken for the stub.
 */
export function detectTruncation(profile: PprofData, valueIndex: number): Truncation | undefined {
  if (valueIndex < 0) {
    return undefined;
  }
  const stubFunctions = new Set(
    profile.functions.filter((f) => f.name === TRUNCATED_NODE_NAME && f.filename === '').map((f) => f.id)
  );
  if (stubFunctions.size === 0) {
    return undefined;
  }
  const { locations } = profile;
  const stubLocations = new Set<number>();
  for (let i = 0; i < locations.count; i++) {
    const start = locations.lineStart[i];
    const end = locations.lineStart[i + 1];
    let stub = end > start;
    for (let j = start; stub && j < end; j++) {
      stub = stubFunctions.has(locations.lineFunctionId[j]) && locations.lineNumber[j] <= 0;
    }
    if (stub) {
      stubLocations.add(locations.id[i]);
    }
  }
  if (stubLocations.size === 0) {
    return undefined;
  }
  let cut = 0;
  let total = 0;
  profile.forEachSample(valueIndex, (ids, length, value) => {
    total += value;
    for (let k = 0; k < length; k++) {
      if (stubLocations.has(ids[k])) {
        cut += value;
        break;
      }
    }
  });
  return cut > 0 ? { cutValue: cut, profileTotal: total } : undefined;
}
