import type { Truncation } from './model';
import { PprofScan, utf8Text } from './pprofReader';

/** The name Pyroscope gives the stub that replaces the branches it cut off. */
export const TRUNCATED_NODE_NAME = 'other';

/**
 * Whether Pyroscope truncated the profile, and how much of it. When a tenant enforces the flame-graph node limit on
 * SelectMergeProfile, Pyroscope cuts the smallest branches and ends each cut stack in one stub location: a function
 * named `other` with no file, on a line without a number (pkg/phlaredb/symdb/resolver_pprof_tree.go
 * createLocationStub puts it in mapping 1; the tree path of query_select_merge_profile.go in none). A real function
 * called `other` has a file, so it is not mistaken for the stub.
 */
export function detectTruncation(profile: PprofScan, valueIndex: number): Truncation | undefined {
  if (valueIndex < 0) {
    return undefined;
  }
  const { strings, functionTable: functions } = profile;
  const stubName = utf8Text(TRUNCATED_NODE_NAME);
  const noName = utf8Text('');
  const stubFunctions = new Set<number>();
  for (let i = 0; i < functions.count; i++) {
    if (strings.is(functions.name[i], stubName) && strings.is(functions.filename[i], noName)) {
      stubFunctions.add(functions.id[i]);
    }
  }
  if (stubFunctions.size === 0) {
    return undefined;
  }
  const stubLocations = new Set<number>();
  profile.forEachLocation((id, _mappingId, lineFunctionIds, lineNumbers, lineCount) => {
    let stub = lineCount > 0;
    for (let j = 0; stub && j < lineCount; j++) {
      stub = stubFunctions.has(lineFunctionIds[j]) && lineNumbers[j] <= 0;
    }
    if (stub) {
      stubLocations.add(id);
    }
  });
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
