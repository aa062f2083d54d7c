/**
 * Reads an SDK-recorded service back from a real Pyroscope the way the plugin does: its series (Series, for the
 * labels Pyroscope gave them) and one merged profile per kept profile type (SelectMergeProfile, binary). Writes the
 * profile and its labels sidecar to samples/profiles.
 */
import { create, fromBinary, toBinary } from '@bufbuild/protobuf';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

import { ProfileSchema, type Profile } from '../../proto/gen/google/v1/profile_pb';
import { SelectMergeProfileRequestSchema } from '../../proto/gen/querier/v1/querier_pb';
import { PROFILES_DIR } from './common';

export interface SdkProfile {
  name: string;
  file: string;
  kind: 'cpu' | 'heap';
  profileTypeId: string;
  samples: number;
  labels: Record<string, string>;
}

/** The profile types kept per service, and the file kind each becomes (Node's wall time is its CPU view). */
const KEPT_TYPES: Record<string, 'cpu' | 'heap'> = {
  'process_cpu:cpu:nanoseconds:cpu:nanoseconds': 'cpu',
  'wall:wall:nanoseconds:wall:nanoseconds': 'cpu',
  'memory:alloc_space:bytes:space:bytes': 'heap',
};

/** Private labels kept in the sidecar: the profile name and type (the double derives the others). */
const KEPT_PRIVATE = new Set(['__name__', '__profile_type__']);

async function post(url: string, method: string, body: unknown): Promise<unknown> {
  const res = await fetch(`${url}/querier.v1.QuerierService/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json; allow-utf8-labelnames=true' },
    body: JSON.stringify(body),
  });
  if (!res.ok) {
    throw new Error(`${method}: HTTP ${res.status} ${await res.text()}`);
  }
  return res.json();
}

async function selectMergeProfile(
  url: string,
  profileTypeID: string,
  labelSelector: string,
  start: number,
  end: number
) {
  const req = create(SelectMergeProfileRequestSchema, {
    profileTypeID,
    labelSelector,
    start: BigInt(start),
    end: BigInt(end),
  });
  const res = await fetch(`${url}/querier.v1.QuerierService/SelectMergeProfile`, {
    method: 'POST',
    headers: { 'content-type': 'application/proto' },
    body: toBinary(SelectMergeProfileRequestSchema, req),
  });
  if (!res.ok) {
    throw new Error(`SelectMergeProfile ${profileTypeID}: HTTP ${res.status} ${await res.text()}`);
  }
  return fromBinary(ProfileSchema, new Uint8Array(await res.arrayBuffer()));
}

/**
 * Pyroscope stamps every mapping's build id with the version labels at ingest; put back the SDK's own build id, so
 * that the profile is what the SDK sent and whoever serves it (the double) stamps it once.
 */
export function unstampBuildIds(profile: Profile): Profile {
  for (const m of profile.mapping) {
    const stamped = profile.stringTable[Number(m.buildId)] ?? '';
    try {
      const json = JSON.parse(stamped) as { repository?: unknown; git_ref?: unknown; build_id?: unknown };
      if (json && typeof json === 'object' && ('repository' in json || 'git_ref' in json)) {
        const original = typeof json.build_id === 'string' ? json.build_id : '';
        let index = profile.stringTable.indexOf(original);
        if (index < 0) {
          index = profile.stringTable.push(original) - 1;
        }
        m.buildId = BigInt(index);
      }
    } catch {
      // not a stamped build id: keep it
    }
  }
  return profile;
}

/** `gitRef`: the commit the SDK tagged the run with, so that other runs of the same service are left out. */
export async function readBack(
  url: string,
  app: string,
  gitRef: string,
  stem: string,
  start: number,
  end: number
): Promise<SdkProfile[]> {
  const selector = `{service_name="${app}", service_git_ref="${gitRef}"}`;
  const series = (await post(url, 'Series', { matchers: [selector], start: String(start), end: String(end) })) as {
    labelsSet?: Array<{ labels: Array<{ name: string; value: string }> }>;
  };
  const byType = new Map<string, Record<string, string>>();
  for (const set of series.labelsSet ?? []) {
    const labels = Object.fromEntries(set.labels.map((l) => [l.name, l.value]));
    byType.set(labels.__profile_type__, labels);
  }
  if (byType.size === 0) {
    throw new Error(`Pyroscope has no series for ${selector}`);
  }
  const out: SdkProfile[] = [];
  for (const [profileTypeId, all] of byType) {
    const kind = KEPT_TYPES[profileTypeId];
    if (!kind) {
      continue;
    }
    const profile = unstampBuildIds(await selectMergeProfile(url, profileTypeId, selector, start, end));
    const name = `${stem}.${kind}`;
    const file = path.join(PROFILES_DIR, `${name}.pb.gz`);
    writeFileSync(file, gzipSync(toBinary(ProfileSchema, profile), { level: 9 }));
    const labels = Object.fromEntries(Object.entries(all).filter(([k]) => !k.startsWith('__') || KEPT_PRIVATE.has(k)));
    writeFileSync(path.join(PROFILES_DIR, `${name}.labels.json`), JSON.stringify(labels, null, 2) + '\n');
    out.push({ name, file, kind, profileTypeId, samples: profile.sample.length, labels });
  }
  return out;
}
