import { FunctionDetails, FunctionVersion, LineCost, SourceVersion } from './model';
import { CallIndex } from './callIndex';
import { LocationColumns, PprofScan, scanPprof, utf8Text } from './pprofReader';
import { chooseSampleType, SampleTypeChoice } from './sampleType';
import { locationPositions } from './locationIds';
import { parseSourceVersion } from './sourceVersion';
import { detectTruncation } from './truncation';

export interface FunctionDetailsOptions {
  /** Keep only frames whose function's file name is exactly this (tells same-named functions apart). */
  fileName?: string;
  /**
   * Which sample value to read: an index into `sample_type` or a sample type name (e.g. "alloc_space").
   * Default, as `go tool pprof`: the type named by `default_sample_type`, else the last one.
   */
  sampleType?: SampleTypeChoice;
  /** Also index, in the same pass, the callees of each line and the callers of the function (`version.calls`). */
  calls?: boolean;
}

/**
 * Reads a pprof (gzipped or raw) and computes one function's self and total per line, per version (pprof mapping
 * and file), with the rules of `go tool pprof -list`:
 * - self goes only to the innermost line entry (index 0) of the leaf location (index 0): the function gets self when
 *   it is the inlined callee there, never when it is the caller of an inlined callee;
 * - total goes to every line of the function anywhere in the stack, each sample at most once per line however
 *   often the stack recurses through it;
 * - the function's own total counts each sample once (not the sum of its lines, which double-counts recursion
 *   through different lines); the overall total counts each sample once across versions;
 * - frames with no line number (0) are summed apart in `withoutLineNumber`; locations without any line entry carry
 *   no function and cannot belong to it.
 * The function is matched by exact name (plus file name when given). Samples with no locations and unknown location
 * ids are skipped. A profile Pyroscope truncated to its node limit is marked (`truncated`): its numbers may be low.
 */
export function computeFunctionDetails(
  pprofBytes: Uint8Array,
  functionName: string,
  options: FunctionDetailsOptions = {}
): FunctionDetails {
  if (!functionName) {
    throw new Error('A function name is required to compute function details');
  }
  const profile = scanPprof(pprofBytes);
  const { valueIndex, sampleType } = chooseSampleType(profile, options.sampleType);
  const details: FunctionDetails = {
    functionName,
    sampleType: sampleType.type,
    unit: sampleType.unit,
    versions: [],
    total: 0,
  };
  const truncated = detectTruncation(profile, valueIndex);
  if (truncated) {
    details.truncated = truncated;
  }

  const targets = findTargetFunctions(profile, functionName, options.fileName);
  if (targets.size === 0 || valueIndex < 0) {
    return details;
  }

  // The call index reads the whole location table, kept in the same visit; the per-line numbers need none of it.
  const table = options.calls ? new LocationColumns() : undefined;
  const index = indexLocations(profile, targets, table);
  if (index.entryBucket.length === 0) {
    return details;
  }
  const calls = table
    ? new CallIndex(
        { functions: profile.functions, locations: table.build() },
        { ...index, versionCount: index.versions.length }
      )
    : undefined;
  const sums = accumulateSamples(profile, index, valueIndex, calls);
  details.total = sums.total;
  details.versions = buildVersions(profile, functionName, index, sums, calls);
  return details;
}

interface TargetFunction {
  fileName: string;
  startLine: number;
}

/** The functions of that name (and file): their names are compared as bytes, only their files are decoded. */
function findTargetFunctions(
  profile: PprofScan,
  functionName: string,
  fileName: string | undefined
): Map<number, TargetFunction> {
  const targets = new Map<number, TargetFunction>();
  const { strings, functionTable: functions } = profile;
  const name = utf8Text(functionName);
  const file = fileName === undefined ? undefined : utf8Text(fileName);
  for (let i = 0; i < functions.count; i++) {
    if (strings.is(functions.name[i], name) && (file === undefined || strings.is(functions.filename[i], file))) {
      targets.set(functions.id[i], {
        fileName: strings.get(functions.filename[i]),
        startLine: functions.startLine[i],
      });
    }
  }
  return targets;
}

/** One group of the function's frames: a mapping (binary version) and a file. */
interface VersionGroup {
  mappingId: number;
  fileName: string;
  startLine: number;
}

/**
 * Everything the sample loop needs, precomputed once per location so that the loop over (possibly millions of)
 * samples only reads typed arrays. A "bucket" is one (version, line) pair; line 0 is the no-line-number bucket.
 */
interface LocationIndex {
  /** Location id → position in profile.location (-1: unknown); a dense table when ids are small, else a Map. */
  denseIds: Int32Array | undefined;
  sparseIds: Map<number, number> | undefined;
  /** Buckets of location i: entryBucket[entryStart[i] .. entryStart[i + 1]), each bucket once. */
  entryStart: Int32Array;
  entryBucket: Int32Array;
  /** Bucket of the location's innermost line entry when it is the function (it gets self at the leaf), else -1. */
  innermostBucket: Int32Array;
  /**
   * Per line entry of the location table: its bucket when it is the function, else -1 (for the call index; empty
   * without it).
   */
  lineBucket: Int32Array;
  bucketVersion: Int32Array;
  bucketLine: Int32Array;
  versions: VersionGroup[];
}

function indexLocations(
  profile: PprofScan,
  targets: Map<number, TargetFunction>,
  table: LocationColumns | undefined
): LocationIndex {
  const withLineBuckets = table !== undefined;
  const count = profile.locationCount;
  const ids = new Float64Array(count);
  const entryStart = new Int32Array(count + 1);
  const innermostBucket = new Int32Array(count).fill(-1);
  const lineBuckets: number[] = [];
  const entries: number[] = [];
  const versions: VersionGroup[] = [];
  const versionByKey = new Map<string, number>();
  const bucketVersion: number[] = [];
  const bucketLine: number[] = [];
  const bucketByKey = new Map<string, number>();
  // The last location (1-based) that listed each bucket: a location lists a bucket once, without a linear search
  // of its entries (a location with many line entries would make that quadratic).
  const bucketListedBy: number[] = [];
  // Most profiles hold the function once or a few times: a list is checked faster than a Map is asked.
  const targetIds = Float64Array.from(targets.keys());

  let i = 0;
  profile.forEachLocation((id, mappingId, lineFunctionIds, lineNumbers, lineCount) => {
    table?.add(id, mappingId, lineFunctionIds, lineNumbers, lineCount);
    ids[i] = id;
    entryStart[i] = entries.length;
    for (let j = 0; j < lineCount; j++) {
      let isTarget = false;
      for (let t = 0; t < targetIds.length && !isTarget; t++) {
        isTarget = targetIds[t] === lineFunctionIds[j];
      }
      if (!isTarget) {
        if (withLineBuckets) {
          lineBuckets.push(-1);
        }
        continue;
      }
      const target = targets.get(lineFunctionIds[j])!;
      const versionKey = `${mappingId}\u0000${target.fileName}`;
      let version = versionByKey.get(versionKey);
      if (version === undefined) {
        version = versions.push({ mappingId, fileName: target.fileName, startLine: 0 }) - 1;
        versionByKey.set(versionKey, version);
      }
      const group = versions[version];
      if (target.startLine > 0 && (group.startLine === 0 || target.startLine < group.startLine)) {
        group.startLine = target.startLine;
      }
      const lineNumber = Math.max(0, lineNumbers[j]);
      const bucketKey = `${version}:${lineNumber}`;
      let bucket = bucketByKey.get(bucketKey);
      if (bucket === undefined) {
        bucket = bucketVersion.push(version) - 1;
        bucketLine.push(lineNumber);
        bucketListedBy.push(0);
        bucketByKey.set(bucketKey, bucket);
      }
      if (withLineBuckets) {
        lineBuckets.push(bucket);
      }
      if (j === 0) {
        innermostBucket[i] = bucket;
      }
      if (bucketListedBy[bucket] !== i + 1) {
        bucketListedBy[bucket] = i + 1;
        entries.push(bucket);
      }
    }
    i++;
  });
  entryStart[count] = entries.length;

  const { dense: denseIds, sparse: sparseIds } = locationPositions(ids, count);

  return {
    denseIds,
    sparseIds,
    entryStart,
    entryBucket: Int32Array.from(entries),
    innermostBucket,
    lineBucket: Int32Array.from(lineBuckets),
    bucketVersion: Int32Array.from(bucketVersion),
    bucketLine: Int32Array.from(bucketLine),
    versions,
  };
}

interface Sums {
  bucketSelf: Float64Array;
  bucketTotal: Float64Array;
  /** Non-zero when some sample reached the bucket / version (even with a zero value). */
  bucketSeen: Int32Array;
  versionSelf: Float64Array;
  versionTotal: Float64Array;
  versionSeen: Int32Array;
  total: number;
}

function accumulateSamples(
  profile: PprofScan,
  index: LocationIndex,
  valueIndex: number,
  calls: CallIndex | undefined
): Sums {
  const { denseIds, sparseIds, entryStart, entryBucket, innermostBucket, bucketVersion } = index;
  const bucketCount = bucketVersion.length;
  const versionCount = index.versions.length;
  const bucketSelf = new Float64Array(bucketCount);
  const bucketTotal = new Float64Array(bucketCount);
  // The number (1-based) of the last sample that counted the bucket / version: dedupes recursion without
  // allocating a set per sample.
  const bucketSeen = new Int32Array(bucketCount);
  const versionSelf = new Float64Array(versionCount);
  const versionTotal = new Float64Array(versionCount);
  const versionSeen = new Int32Array(versionCount);
  let total = 0;
  let stamp = 0;
  // For the call index: the sample's location positions, and where in the stack the function's locations are.
  let resolved = new Int32Array(calls ? 256 : 0);
  let positions = new Int32Array(calls ? 256 : 0);

  profile.forEachSample(valueIndex, (ids, length, value) => {
    stamp++;
    let reached = false;
    let positionCount = 0;
    if (calls && resolved.length < length) {
      resolved = new Int32Array(Math.max(length, 2 * resolved.length));
      positions = new Int32Array(resolved.length);
    }
    for (let k = 0; k < length; k++) {
      const id = ids[k];
      let location = -1;
      if (denseIds !== undefined) {
        location = id < denseIds.length ? denseIds[id] : -1;
      } else {
        location = sparseIds!.get(id) ?? -1;
      }
      if (calls) {
        resolved[k] = location;
      }
      if (location < 0) {
        continue;
      }
      const start = entryStart[location];
      const end = entryStart[location + 1];
      if (start === end) {
        continue;
      }
      reached = true;
      if (calls) {
        positions[positionCount++] = k;
      }
      if (k === 0 && innermostBucket[location] >= 0) {
        const bucket = innermostBucket[location];
        bucketSelf[bucket] += value;
        versionSelf[bucketVersion[bucket]] += value;
      }
      for (let e = start; e < end; e++) {
        const bucket = entryBucket[e];
        if (bucketSeen[bucket] !== stamp) {
          bucketSeen[bucket] = stamp;
          bucketTotal[bucket] += value;
        }
        const version = bucketVersion[bucket];
        if (versionSeen[version] !== stamp) {
          versionSeen[version] = stamp;
          versionTotal[version] += value;
        }
      }
    }
    if (reached) {
      total += value;
      calls?.visit(resolved, length, positions, positionCount, value);
    }
  });
  return { bucketSelf, bucketTotal, bucketSeen, versionSelf, versionTotal, versionSeen, total };
}

function buildVersions(
  profile: PprofScan,
  functionName: string,
  index: LocationIndex,
  sums: Sums,
  calls: CallIndex | undefined
): FunctionVersion[] {
  const buildIdByMapping = new Map(profile.mappings.map((mapping) => [mapping.id, mapping.buildId]));
  const filesPerMapping = new Map<number, number>();
  for (const group of index.versions) {
    filesPerMapping.set(group.mappingId, (filesPerMapping.get(group.mappingId) ?? 0) + 1);
  }

  const linesOf: LineCost[][] = index.versions.map(() => []);
  const withoutLineNumberOf = index.versions.map(() => ({ self: 0, total: 0 }));
  for (let b = 0; b < index.bucketVersion.length; b++) {
    if (sums.bucketSeen[b] === 0) {
      continue;
    }
    const v = index.bucketVersion[b];
    const line = index.bucketLine[b];
    if (line === 0) {
      withoutLineNumberOf[v] = { self: sums.bucketSelf[b], total: sums.bucketTotal[b] };
    } else {
      linesOf[v].push({ line, self: sums.bucketSelf[b], total: sums.bucketTotal[b] });
    }
  }

  const callsOf = calls?.build();
  const results: Array<{ mappingId: number; version: FunctionVersion }> = [];
  index.versions.forEach((group, v) => {
    if (sums.versionSeen[v] === 0) {
      return;
    }
    const lines = linesOf[v].sort((a, b) => a.line - b.line);
    const buildId = buildIdByMapping.get(group.mappingId);
    const sourceVersion: SourceVersion | undefined = buildId ? parseSourceVersion(buildId) : undefined;
    // The mapping id alone keys a version unless the mapping holds same-named functions in several files.
    const key =
      filesPerMapping.get(group.mappingId)! > 1 ? `${group.mappingId}:${group.fileName}` : `${group.mappingId}`;
    const version: FunctionVersion = {
      key,
      functionName,
      fileName: group.fileName,
      lines,
      withoutLineNumber: withoutLineNumberOf[v],
      self: sums.versionSelf[v],
      total: sums.versionTotal[v],
    };
    if (group.startLine > 0) {
      version.startLine = group.startLine;
    }
    if (sourceVersion) {
      version.version = sourceVersion;
    }
    if (callsOf) {
      version.calls = callsOf[v];
    }
    results.push({ mappingId: group.mappingId, version });
  });

  results.sort(
    (a, b) =>
      b.version.total - a.version.total ||
      a.mappingId - b.mappingId ||
      (a.version.fileName < b.version.fileName ? -1 : a.version.fileName > b.version.fileName ? 1 : 0)
  );
  return results.map((r) => r.version);
}
