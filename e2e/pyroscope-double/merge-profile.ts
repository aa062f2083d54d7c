// SelectMergeProfile's answer: the matching series merged into one google.v1.Profile with one sample type,
// filtered by call site and optionally truncated by maxNodes (pkg/phlaredb/symdb resolver_pprof*.go). Pure.
import { create } from '@bufbuild/protobuf';
import {
  FunctionSchema,
  LineSchema,
  LocationSchema,
  MappingSchema,
  ProfileSchema,
  SampleSchema,
  ValueTypeSchema,
  type Profile,
} from '../../proto/gen/google/v1/profile_pb';
import { buildTree, minValue, type TreeNode } from './function-tree';
import { matchesCallSite, sampleFrames, type ProfileType } from './recorded-profile';
import { newStringTable } from './string-table';

export interface SeriesProfile {
  profile: Profile;
  valueIndex: number;
}

export interface MergeOptions {
  profileType: ProfileType;
  callSite: string[];
  /** 0 or absent: no truncation (SelectMergeProfile does not apply the flame-graph default). */
  maxNodes: number;
  endMs: number;
}

type Loc = Profile['location'][number];

interface SelectedSample {
  source: Profile;
  locations: Loc[]; // leaf first, as in pprof
  frames: string[]; // root first
  value: bigint;
}

/** Samples of the series that pass the call-site filter, with their root-first frames. */
export function selectSamples(series: SeriesProfile[], callSite: string[]): SelectedSample[] {
  const out: SelectedSample[] = [];
  for (const { profile, valueIndex } of series) {
    const byId = new Map(profile.location.map((l) => [l.id, l]));
    for (const s of profile.sample) {
      const value = s.value[valueIndex] ?? 0n;
      if (value <= 0n) {
        continue;
      }
      const frames = sampleFrames(profile, s.locationId, byId);
      if (!matchesCallSite(frames, callSite)) {
        continue;
      }
      const locations = s.locationId.map((id) => byId.get(id)).filter((l): l is Loc => l !== undefined);
      out.push({ source: profile, locations, frames, value });
    }
  }
  return out;
}

function periodOf(name: string): bigint {
  if (name === 'process_cpu') {
    return 1000000000n;
  }
  if (name === 'memory') {
    return 524288n;
  }
  return 1n;
}

/** Number of leaf-side locations to replace with the `other` stub, given the truncation threshold. */
function cutLocations(sample: SelectedSample, root: TreeNode, minVal: number): number {
  let node = root;
  let frame = 0;
  // Walk locations root first; a location is kept only if all its frames stay above the threshold.
  for (let i = sample.locations.length - 1; i >= 0; i--) {
    const lines = sample.locations[i].line.length;
    for (let j = 0; j < lines; j++) {
      const next = node.children.find((c) => c.name === sample.frames[frame]);
      if (!next || next.total < minVal) {
        return i + 1;
      }
      node = next;
      frame++;
    }
  }
  return 0;
}

export function mergeProfiles(series: SeriesProfile[], opts: MergeOptions): Profile {
  const table = newStringTable();
  const str = table.index;
  const out = create(ProfileSchema, {});
  const { profileType } = opts;
  out.sampleType = [create(ValueTypeSchema, { type: str(profileType.sampleType), unit: str(profileType.sampleUnit) })];
  out.defaultSampleType = str(profileType.sampleType);
  out.periodType = create(ValueTypeSchema, { type: str(profileType.periodType), unit: str(profileType.periodUnit) });
  out.period = periodOf(profileType.name);
  out.timeNanos = BigInt(opts.endMs) * 1000000n;

  const samples = selectSamples(series, opts.callSite);
  const root = buildTree(samples.map((s) => ({ names: s.frames, value: Number(s.value) })));
  const minVal = opts.maxNodes > 0 ? minValue(root, opts.maxNodes) : 0;

  const functionIds = new Map<string, bigint>();
  const mappingIds = new Map<string, bigint>();
  const locationIds = new Map<string, bigint>();
  const fn = (source: Profile, functionId: bigint): bigint => {
    const f = source.function.find((x) => x.id === functionId);
    const name = source.stringTable[Number(f?.name ?? 0n)] ?? '';
    const systemName = source.stringTable[Number(f?.systemName ?? 0n)] ?? '';
    const filename = source.stringTable[Number(f?.filename ?? 0n)] ?? '';
    const startLine = f?.startLine ?? 0n;
    const key = JSON.stringify([name, systemName, filename, String(startLine)]);
    let id = functionIds.get(key);
    if (id === undefined) {
      id = BigInt(out.function.length + 1);
      functionIds.set(key, id);
      out.function.push(
        create(FunctionSchema, { id, name: str(name), systemName: str(systemName), filename: str(filename), startLine })
      );
    }
    return id;
  };
  const mapping = (source: Profile, mappingId: bigint): bigint => {
    const m = source.mapping.find((x) => x.id === mappingId);
    if (!m) {
      return 0n;
    }
    const filename = source.stringTable[Number(m.filename)] ?? '';
    const buildId = source.stringTable[Number(m.buildId)] ?? '';
    const key = JSON.stringify([String(m.memoryStart), String(m.memoryLimit), String(m.fileOffset), filename, buildId]);
    let id = mappingIds.get(key);
    if (id === undefined) {
      id = BigInt(out.mapping.length + 1);
      mappingIds.set(key, id);
      out.mapping.push(create(MappingSchema, { ...m, id, filename: str(filename), buildId: str(buildId) }));
    }
    return id;
  };
  const location = (source: Profile, loc: Loc): bigint => {
    const mappingId = mapping(source, loc.mappingId);
    const lines = loc.line.map((l) => create(LineSchema, { functionId: fn(source, l.functionId), line: l.line }));
    const key = JSON.stringify([
      String(mappingId),
      String(loc.address),
      lines.map((l) => [String(l.functionId), String(l.line)]),
    ]);
    let id = locationIds.get(key);
    if (id === undefined) {
      id = BigInt(out.location.length + 1);
      locationIds.set(key, id);
      out.location.push(
        create(LocationSchema, { id, mappingId, address: loc.address, line: lines, isFolded: loc.isFolded })
      );
    }
    return id;
  };
  let otherLocation: bigint | undefined;
  const other = (): bigint => {
    if (otherLocation === undefined) {
      if (out.mapping.length === 0) {
        out.mapping.push(create(MappingSchema, { id: 1n }));
      }
      const name = str('other');
      const functionId = BigInt(out.function.length + 1);
      out.function.push(create(FunctionSchema, { id: functionId, name, systemName: name }));
      otherLocation = BigInt(out.location.length + 1);
      out.location.push(
        create(LocationSchema, { id: otherLocation, mappingId: 1n, line: [create(LineSchema, { functionId })] })
      );
    }
    return otherLocation;
  };

  const merged = new Map<string, Profile['sample'][number]>();
  for (const s of samples) {
    const cut = minVal > 0 ? cutLocations(s, root, minVal) : 0;
    const ids = s.locations.slice(cut).map((l) => location(s.source, l));
    if (cut > 0) {
      ids.unshift(other());
    }
    const key = ids.join(',');
    const existing = merged.get(key);
    if (existing) {
      existing.value[0] += s.value;
    } else {
      merged.set(key, create(SampleSchema, { locationId: ids, value: [s.value] }));
    }
  }
  out.sample = [...merged.values()];
  out.stringTable = table.strings;
  return out;
}
