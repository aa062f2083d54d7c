// The recorded profiles a double serves: each <name>.pb.gz of a directory with its <name>.labels.json sidecar,
// turned into series the way Pyroscope ingests them (private labels added, build ids stamped).
import { create, fromBinary } from '@bufbuild/protobuf';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { MappingSchema, ProfileSchema, type Profile } from '../../proto/gen/google/v1/profile_pb';
import { matches, type Matcher } from './label-selector';
import { seriesOf, stampMappingVersions, type Labels, type Series } from './recorded-profile';

export interface StoredSeries extends Series {
  profile: Profile;
  source: string;
  /** How long before "now" this series is replayed (default: the querier's replay age, a few seconds). */
  replayAgeMs?: number;
}

/** Sidecars are flat `{label: value}` objects; a `{labels: {...}}` wrapper is accepted too. */
export function sidecarLabels(json: unknown, file: string): Labels {
  const obj = json && typeof json === 'object' && 'labels' in json ? (json as { labels: unknown }).labels : json;
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) {
    throw new Error(`${file}: expected an object of labels`);
  }
  const labels: Labels = {};
  for (const [k, v] of Object.entries(obj)) {
    if (typeof v === 'string' && v !== '') {
      labels[k] = v;
    }
  }
  return labels;
}

export function decodeProfile(bytes: Uint8Array): Profile {
  const raw = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
  return fromBinary(ProfileSchema, raw);
}

/**
 * Pyroscope's normalisation at ingest gives a profile without mappings (Node's @datadog/pprof writes none) one empty
 * mapping, id 1, that every location points at, so the version stamp has a mapping to go into.
 */
export function withDefaultMapping(profile: Profile): Profile {
  if (profile.mapping.length > 0) {
    return profile;
  }
  return {
    ...profile,
    mapping: [create(MappingSchema, { id: 1n })],
    location: profile.location.map((l) => (l.mappingId === 0n ? { ...l, mappingId: 1n } : l)),
  };
}

export function ingest(profile: Profile, labels: Labels, source: string): StoredSeries[] {
  const stamped = stampMappingVersions(withDefaultMapping(profile), labels);
  return seriesOf(stamped, labels).map((s) => ({ ...s, profile: stamped, source }));
}

export async function loadProfileDir(dir: string): Promise<StoredSeries[]> {
  const files = (await fs.readdir(dir)).filter((f) => f.endsWith('.pb.gz') || f.endsWith('.pb')).sort();
  const out: StoredSeries[] = [];
  for (const file of files) {
    const base = file.replace(/\.pb(\.gz)?$/, '');
    const sidecar = path.join(dir, `${base}.labels.json`);
    let labels: Labels;
    try {
      labels = sidecarLabels(JSON.parse(await fs.readFile(sidecar, 'utf8')), sidecar);
    } catch (e) {
      throw new Error(`cannot read the labels of ${file}: ${(e as Error).message}`);
    }
    if (!labels.service_name) {
      throw new Error(`${sidecar}: service_name is required`);
    }
    out.push(...ingest(decodeProfile(await fs.readFile(path.join(dir, file))), labels, file));
  }
  return out;
}

/** Series of a profile type whose labels match every selector. */
export function selectSeries(all: StoredSeries[], matcherSets: Matcher[][], profileTypeId?: string): StoredSeries[] {
  return all.filter(
    (s) =>
      (profileTypeId === undefined || s.labels.__profile_type__ === profileTypeId.split(':').slice(0, 5).join(':')) &&
      matcherSets.every((m) => matches(s.labels, m))
  );
}
