/**
 * Frames of the recorded sample profiles (samples/profiles/*.pb.gz + *.labels.json): for each profile, its
 * repository, ref and root path from the labels, and each function's name and file, as GetFile receives them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Profile } from 'pprof-format';

/** How many frames the benchmark (and its Pyroscope recording) runs: BENCH_FRAMES, default 45. */
export const BENCH_FRAMES = Number(process.env.BENCH_FRAMES ?? 45);

export const PROFILES_DIR = path.join(__dirname, 'profiles');

export interface SampleFrame {
  profile: string;
  repositoryURL: string;
  ref: string;
  rootPath: string;
  functionName: string;
  localPath: string;
}

export function sampleFrames(dir = PROFILES_DIR): SampleFrame[] {
  const frames: SampleFrame[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.pb.gz'))
    .sort()) {
    const labels = JSON.parse(
      readFileSync(path.join(dir, file.replace(/\.pb\.gz$/, '.labels.json')), 'utf8')
    ) as Record<string, string>;
    const profile = Profile.decode(gunzipSync(readFileSync(path.join(dir, file))));
    const strings = profile.stringTable.strings;
    for (const fn of profile.function) {
      frames.push({
        profile: file,
        repositoryURL: labels.service_repository ?? '',
        ref: labels.service_git_ref ?? '',
        rootPath: labels.service_root_path ?? '',
        functionName: strings[Number(fn.name)] ?? '',
        localPath: strings[Number(fn.filename)] ?? '',
      });
    }
  }
  return frames;
}

/** Unique frames, the same number from each service, spread evenly over each profile's function table. */
export function pickFrames(all: SampleFrame[], count: number): SampleFrame[] {
  const unique = new Map<string, SampleFrame>();
  for (const f of all) {
    if (f.localPath && !f.localPath.startsWith('<')) {
      unique.set(`${f.repositoryURL}@${f.ref}:${f.localPath}:${f.functionName}`, f);
    }
  }
  const byService = new Map<string, SampleFrame[]>();
  for (const f of unique.values()) {
    byService.set(f.repositoryURL, [...(byService.get(f.repositoryURL) ?? []), f]);
  }
  const per = Math.ceil(count / byService.size);
  const picked: SampleFrame[] = [];
  for (const list of byService.values()) {
    const step = list.length / per;
    for (let i = 0; i < per && i < list.length; i++) {
      picked.push(list[Math.floor(i * step)]);
    }
  }
  return picked;
}
