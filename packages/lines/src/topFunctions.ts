import { locationPositions } from './locationIds';
import { readProfileValues, SampleTypeChoice } from './sampleType';

/** One function of a profile with its cost over all its frames, as `go tool pprof -top` counts it. */
export interface FunctionCost {
  name: string;
  /** The files its frames name, in the order first seen (same-named functions may live in several). */
  files: string[];
  /** Samples where it is the innermost frame (the inlined callee of the leaf location when there is one). */
  self: number;
  /** Samples with it anywhere in the stack, each sample once. */
  total: number;
}

export interface TopFunctions {
  sampleType: string;
  unit: string;
  /** The sum of the sample type over all samples (pprof's "Total:"). */
  profileTotal: number;
  /** Every function some sample reached, highest self first, then highest total, then by name. */
  functions: FunctionCost[];
}

/**
 * The functions of a pprof (gzipped or raw) ranked like `go tool pprof -top`: self (flat) and total (cum) per
 * function name over all mappings and files, with the same sample type choice as computeFunctionDetails; a
 * function's numbers equal the sums computeFunctionDetails gives for it.
 */
export function topFunctions(pprofBytes: Uint8Array, options: { sampleType?: SampleTypeChoice } = {}): TopFunctions {
  const { profile, valueIndex, sampleType } = readProfileValues(pprofBytes, options.sampleType);
  const result: TopFunctions = {
    sampleType: sampleType.type,
    unit: sampleType.unit,
    profileTotal: 0,
    functions: [],
  };
  if (valueIndex < 0) {
    return result;
  }

  // Functions are told apart by name: number the names, and each function id gets its name's number.
  const nameNumber = new Map<string, number>();
  const costs: FunctionCost[] = [];
  const nameOfFunction = new Map<number, number>();
  for (const fn of profile.functions) {
    let n = nameNumber.get(fn.name);
    if (n === undefined) {
      n = costs.push({ name: fn.name, files: [], self: 0, total: 0 }) - 1;
      nameNumber.set(fn.name, n);
    }
    nameOfFunction.set(fn.id, n);
  }

  // Per location: the name that gets self (its innermost line's function) and each name of its lines once.
  const { locations } = profile;
  const leafName = new Int32Array(locations.count).fill(-1);
  const namesStart = new Int32Array(locations.count + 1);
  const names: number[] = [];
  const filesSeen = costs.map(() => new Set<string>());
  // The last location (1-based) that listed each name: once per location without searching its list.
  const listedBy = new Int32Array(costs.length);
  const functionFile = new Map(profile.functions.map((fn) => [fn.id, fn.filename]));
  for (let i = 0; i < locations.count; i++) {
    namesStart[i] = names.length;
    for (let j = locations.lineStart[i]; j < locations.lineStart[i + 1]; j++) {
      const functionId = locations.lineFunctionId[j];
      const n = nameOfFunction.get(functionId);
      if (n === undefined) {
        continue;
      }
      if (j === locations.lineStart[i]) {
        leafName[i] = n;
      }
      if (listedBy[n] !== i + 1) {
        listedBy[n] = i + 1;
        names.push(n);
      }
      const file = functionFile.get(functionId) ?? '';
      if (!filesSeen[n].has(file)) {
        filesSeen[n].add(file);
        costs[n].files.push(file);
      }
    }
  }
  namesStart[locations.count] = names.length;

  const { dense, sparse } = locationPositions(locations.id, locations.count);
  const seen = new Int32Array(costs.length);
  const reached = new Uint8Array(costs.length);
  let stamp = 0;
  profile.forEachSample(valueIndex, (ids, length, value) => {
    stamp++;
    result.profileTotal += value;
    for (let k = 0; k < length; k++) {
      const id = ids[k];
      const location = dense !== undefined ? (id < dense.length ? dense[id] : -1) : (sparse!.get(id) ?? -1);
      if (location < 0) {
        continue;
      }
      if (k === 0 && leafName[location] >= 0) {
        costs[leafName[location]].self += value;
      }
      for (let e = namesStart[location]; e < namesStart[location + 1]; e++) {
        const n = names[e];
        if (seen[n] !== stamp) {
          seen[n] = stamp;
          reached[n] = 1;
          costs[n].total += value;
        }
      }
    }
  });

  result.functions = costs
    .filter((_, n) => reached[n])
    .sort((a, b) => b.self - a.self || b.total - a.total || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return result;
}
