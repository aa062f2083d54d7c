/**
 * What the recording scripts share: where the services are deployed while they are profiled, running commands,
 * checking out a sample repository's commit, and writing the labels sidecar.
 */
import { execFile, ExecFileOptions } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { createSampleRepos, SampleRepo, sampleRepoUrl, SAMPLES_DIR } from '../repos';

const execFileAsync = promisify(execFile);

export const PROFILES_DIR = path.join(SAMPLES_DIR, 'profiles');

/**
 * Where a service is checked out, built and run while it is profiled. Profiles record absolute file paths, so this
 * fixed folder is what their frames show, like a service deployed to /opt/<name> or /app. Override with
 * LINESCOPE_SAMPLES_DEPLOY_DIR only for experiments: the committed profiles use the default.
 */
export const DEPLOY_ROOT = process.env.LINESCOPE_SAMPLES_DEPLOY_DIR ?? '/opt/linescope-samples';

/** The labels Pyroscope would attach to a profile of the sample service. */
export interface SampleLabels {
  service_name: string;
  service_repository: string;
  service_git_ref: string;
  service_root_path: string;
  /** The release tag of the commit, e.g. v1.1.0. */
  version: string;
  /** Pyroscope's profile name, e.g. process_cpu or memory. */
  __name__: string;
  /** Pyroscope's id of the profile type the file is primarily about, e.g. process_cpu:cpu:nanoseconds:cpu:nanoseconds. */
  __profile_type__: string;
  /**
   * The runtime's version (Node's `process.version`, Ruby's `RUBY_VERSION`), for the runtime's own library frames
   * that name no version (`node:fs`, `<internal:numeric>`); only where the source server uses it.
   */
  service_runtime_version?: string;
}

export async function run(
  command: string,
  args: string[],
  options: ExecFileOptions = {}
): Promise<{ stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(command, args, {
      maxBuffer: 512 << 20,
      encoding: 'utf8',
      ...options,
    });
    return { stdout: String(stdout), stderr: String(stderr) };
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new Error(`${command} ${args.join(' ')} failed: ${e.stderr?.trim() || e.message}`);
  }
}

export function log(message: string): void {
  process.stdout.write(`[samples] ${message}\n`);
}

/** Builds the sample repositories in a fresh temporary folder; the caller removes it with `cleanup`. */
export async function sampleRepos(): Promise<{ repos: SampleRepo[]; cleanup: () => void }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'linescope-samples-'));
  const repos = await createSampleRepos(dir);
  return { repos, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function repoNamed(repos: SampleRepo[], name: string): SampleRepo {
  const repo = repos.find((r) => r.fullName.endsWith(`/${name}`));
  if (!repo) {
    throw new Error(`no sample repository named ${name}`);
  }
  return repo;
}

/**
 * The versions (label → sha) of a repository to record: those named, or every one when none is named. An unknown
 * label is an error naming the known ones.
 */
export function versionsToRecord(repo: SampleRepo, labels: readonly string[]): Array<[string, string]> {
  const unknown = labels.filter((l) => !(l in repo.commits));
  if (unknown.length > 0) {
    throw new Error(
      `${repo.fullName} has no version ${unknown.join(', ')}; choose from ${Object.keys(repo.commits).join(', ')}`
    );
  }
  return Object.entries(repo.commits).filter(([label]) => labels.length === 0 || labels.includes(label));
}

/** Replaces DEPLOY_ROOT/<service> with the tree of one commit, without .git, as a deployment would have it. */
export async function deploy(repo: SampleRepo, sha: string, service: string): Promise<string> {
  const target = path.join(DEPLOY_ROOT, service);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  const archive = path.join(os.tmpdir(), `linescope-${service}-${sha}.tar`);
  await run('git', ['-C', repo.dir, 'archive', '--format=tar', '-o', archive, sha]);
  await run('tar', ['-xf', archive, '-C', target]);
  rmSync(archive, { force: true });
  return target;
}

export function tagOf(repo: SampleRepo, sha: string): string {
  const tag = Object.entries(repo.tags).find(([, s]) => s === sha)?.[0];
  if (!tag) {
    throw new Error(`${repo.fullName}: commit ${sha} has no tag`);
  }
  return tag;
}

export function labelsFor(
  repo: SampleRepo,
  service: string,
  sha: string,
  profile: { name: string; type: string },
  runtimeVersion?: string
): SampleLabels {
  return {
    service_name: service,
    service_repository: sampleRepoUrl(service),
    service_git_ref: sha,
    service_root_path: '',
    version: tagOf(repo, sha),
    __name__: profile.name,
    __profile_type__: profile.type,
    ...(runtimeVersion ? { service_runtime_version: runtimeVersion } : {}),
  };
}

export function writeLabels(profileName: string, labels: SampleLabels): void {
  writeFileSync(path.join(PROFILES_DIR, `${profileName}.labels.json`), JSON.stringify(labels, null, 2) + '\n');
}
