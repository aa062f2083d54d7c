// Pushes the sample profiles (samples/profiles/*.pb.gz with their labels) into a real Pyroscope through
// push.v1.PusherService/Push, each stamped with the time we choose, so the recorded answers can be replayed.
import { toBinary } from '@bufbuild/protobuf';
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ProfileSchema } from '../../proto/gen/google/v1/profile_pb';
import { SAMPLE_PROFILES_DIR } from '../../samples/profiles';
import { decodeProfile, sidecarLabels } from '../pyroscope-double/profile-store';

export interface PushedProfile {
  file: string;
  labels: Record<string, string>;
}

/** Push API labels: the sidecar's, without __profile_type__ (Pyroscope derives one per sample type). */
function pushLabels(labels: Record<string, string>) {
  return Object.entries(labels)
    .filter(([name]) => name !== '__profile_type__')
    .map(([name, value]) => ({ name, value }));
}

export async function pushProfile(url: string, bytes: Uint8Array, labels: Record<string, string>, atMs: number) {
  const profile = decodeProfile(bytes);
  profile.timeNanos = BigInt(atMs) * 1_000_000n;
  const raw = gzipSync(toBinary(ProfileSchema, profile));
  const body = {
    series: [{ labels: pushLabels(labels), samples: [{ rawProfile: raw.toString('base64'), ID: randomUUID() }] }],
  };
  const res = await fetch(`${url}/push.v1.PusherService/Push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) {
    throw new Error(`push ${labels.service_name}: HTTP ${res.status} ${await res.text()}`);
  }
}

export async function pushSampleProfiles(
  url: string,
  atMs: number,
  dir = SAMPLE_PROFILES_DIR
): Promise<PushedProfile[]> {
  const files = (await fs.readdir(dir)).filter((f) => f.endsWith('.pb.gz')).sort();
  const pushed: PushedProfile[] = [];
  for (const file of files) {
    const stem = file.replace(/\.pb\.gz$/, '');
    const labels = sidecarLabels(JSON.parse(await fs.readFile(path.join(dir, `${stem}.labels.json`), 'utf8')), stem);
    await pushProfile(url, await fs.readFile(path.join(dir, file)), labels, atMs);
    pushed.push({ file, labels });
  }
  return pushed;
}

/** Waits until every pushed service answers LabelValues (v2 ingestion is synchronous, so this is a formality). */
export async function waitForServices(url: string, atMs: number, pushed: PushedProfile[], timeoutMs = 30_000) {
  const want = new Set(pushed.map((p) => p.labels.service_name));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(`${url}/querier.v1.QuerierService/LabelValues`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'service_name',
        matchers: ['{}'],
        start: String(atMs - 60_000),
        end: String(atMs + 60_000),
      }),
    });
    const names = res.ok ? (((await res.json()) as { names?: string[] }).names ?? []) : [];
    if ([...want].every((s) => names.includes(s))) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(`pushed services not queryable after ${timeoutMs} ms: have ${names.join(', ')}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}
