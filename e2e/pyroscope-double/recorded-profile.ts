// What Pyroscope does with one ingested pprof: the series it yields (one per sample type), the build-id version
// JSON stamped from the labels (pkg/distributor injectMappingVersions), and the root-first frames of each sample.
// Pure: no I/O.
import { create } from '@bufbuild/protobuf';
import { MappingSchema, type Profile } from '../../proto/gen/google/v1/profile_pb';

export type Labels = Record<string, string>;

/** The labels whose values Pyroscope writes into mapping.build_id at ingest. */
const VERSION_LABELS = ['service_repository', 'service_git_ref', 'service_root_path'] as const;

/** Go's encoding/json escapes <, > and & (and U+2028/9) in strings; JSON.stringify does not. */
function goJsonString(value: string): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** `{"repository":…,"git_ref":…,"build_id":…,"root_path":…}` in this key order, empty values left out. */
export function versionJson(labels: Labels, oldBuildId: string): string {
  const fields: Array<[string, string | undefined]> = [
    ['repository', labels.service_repository],
    ['git_ref', labels.service_git_ref],
    ['build_id', oldBuildId],
    ['root_path', labels.service_root_path],
  ];
  const body = fields
    .filter(([, v]) => v)
    .map(([k, v]) => `${goJsonString(k)}:${goJsonString(v!)}`)
    .join(',');
  return `{${body}}`;
}

/**
 * Stamps every mapping's build_id with the version JSON, appending one new string per mapping (no
 * de-duplication), when at least one version label has a value. Returns a copy; the input is not changed.
 */
export function stampMappingVersions(profile: Profile, labels: Labels): Profile {
  if (!VERSION_LABELS.some((name) => labels[name])) {
    return profile;
  }
  const stringTable = [...profile.stringTable];
  const mapping = profile.mapping.map((m) => {
    const old = stringTable[Number(m.buildId)] ?? '';
    stringTable.push(versionJson(labels, old));
    return create(MappingSchema, { ...m, buildId: BigInt(stringTable.length - 1) });
  });
  return { ...profile, stringTable, mapping };
}

export interface ProfileType {
  ID: string;
  name: string;
  sampleType: string;
  sampleUnit: string;
  periodType: string;
  periodUnit: string;
}

/** `<name>:<sample_type>:<sample_unit>:<period_type>:<period_unit>` (5 parts, or 6 with a legacy `:delta`). */
export function parseProfileTypeId(id: string): ProfileType {
  const parts = id.split(':');
  if (parts.length !== 5 && parts.length !== 6) {
    throw new Error(
      `profile-type selection must be of the form <name>:<sample-type>:<sample-unit>:<period-type>:<period-unit>(:delta), got(${parts.length}): ${JSON.stringify(id)}`
    );
  }
  const [name, sampleType, sampleUnit, periodType, periodUnit] = parts;
  return { ID: id, name, sampleType, sampleUnit, periodType, periodUnit };
}

/** The profile name the SDKs send as __name__; inferred from the pprof when the labels do not carry it. */
function profileName(profile: Profile, labels: Labels): string {
  if (labels.__name__) {
    return labels.__name__;
  }
  const str = (i: bigint | undefined) => profile.stringTable[Number(i ?? 0n)] ?? '';
  const period = str(profile.periodType?.type);
  const types = profile.sampleType.map((t) => str(t.type));
  if (types.some((t) => /^(alloc|inuse)_/.test(t))) {
    return 'memory';
  }
  if (types.includes('goroutine') || types.includes('goroutines')) {
    return 'goroutine';
  }
  if (period === 'contentions' || types.includes('contentions')) {
    return 'block';
  }
  return 'process_cpu';
}

export interface Series {
  labels: Labels;
  profileType: ProfileType;
  /** Index of this series' value in each sample. */
  valueIndex: number;
}

/** One series per sample type, with Pyroscope's private labels added. */
export function seriesOf(profile: Profile, labels: Labels): Series[] {
  const str = (i: bigint | undefined) => profile.stringTable[Number(i ?? 0n)] ?? '';
  const name = profileName(profile, labels);
  const periodType = str(profile.periodType?.type);
  const periodUnit = str(profile.periodType?.unit);
  return profile.sampleType.map((t, valueIndex) => {
    const sampleType = str(t.type);
    const sampleUnit = str(t.unit);
    const ID = [name, sampleType, sampleUnit, periodType, periodUnit].join(':');
    return {
      valueIndex,
      profileType: { ID, name, sampleType, sampleUnit, periodType, periodUnit },
      labels: {
        ...labels,
        __name__: name,
        __profile_type__: ID,
        __type__: sampleType,
        __unit__: sampleUnit,
        __period_type__: periodType,
        __period_unit__: periodUnit,
        // Pyroscope's v2 ingestion copies the service name into a private label too.
        ...(labels.service_name ? { __service_name__: labels.service_name } : {}),
      },
    };
  });
}

/**
 * Root-first function names of a sample: locations from last to first (location_id[0] is the leaf) and,
 * inside a location, lines from last to first so that each inlined function is its own frame. A location
 * without lines contributes no frame.
 */
export function sampleFrames(
  profile: Profile,
  locationIds: bigint[],
  locationsById: Map<bigint, Profile['location'][number]>
): string[] {
  const functions = functionNames(profile);
  const names: string[] = [];
  for (let i = locationIds.length - 1; i >= 0; i--) {
    const loc = locationsById.get(locationIds[i]);
    if (!loc) {
      continue;
    }
    for (let j = loc.line.length - 1; j >= 0; j--) {
      names.push(functions.get(loc.line[j].functionId) ?? '');
    }
  }
  return names;
}

const functionNameCache = new WeakMap<Profile, Map<bigint, string>>();
function functionNames(profile: Profile): Map<bigint, string> {
  let names = functionNameCache.get(profile);
  if (!names) {
    names = new Map(profile.function.map((f) => [f.id, profile.stringTable[Number(f.name)] ?? '']));
    functionNameCache.set(profile, names);
  }
  return names;
}

/** stackTraceSelector.call_site: a case-sensitive, root-first prefix of function names. Empty: no filter. */
export function matchesCallSite(frames: string[], callSite: string[]): boolean {
  if (frames.length < callSite.length) {
    return false;
  }
  return callSite.every((name, i) => frames[i] === name);
}
