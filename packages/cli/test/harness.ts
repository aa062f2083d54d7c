// Runs the command in this process (fast, for the many golden cases) or as the built bundle in a child process (as
// a user runs it), and builds that bundle once per test file from the package's own build script.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';

import { buildCli as buildPackageCli, removeTempRepos } from '../../linescope-labels/test/tempRepo';
import { run } from '../src/main';

export const PACKAGE_DIR = path.resolve(__dirname, '..');
export const REPO_DIR = path.resolve(PACKAGE_DIR, '../..');
export const PROFILES_DIR = path.join(REPO_DIR, 'samples/profiles');
export const SOURCES_DIR = path.join(REPO_DIR, 'samples/sources');

export interface Outcome {
  status: number;
  stdout: string;
  stderr: string;
}

export async function runInProcess(
  argv: string[],
  options: { env?: NodeJS.ProcessEnv; stdin?: Uint8Array; cwd?: string } = {}
): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const status = await run(argv, {
    cwd: options.cwd ?? REPO_DIR,
    env: options.env ?? {},
    stdin: Readable.from(options.stdin ? [Buffer.from(options.stdin)] : []),
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { status, stdout, stderr };
}

const buildDir = mkdtempSync(path.join(tmpdir(), 'linescope-cli-'));
/** Where buildCli() writes the bundle (the package's dist/cli.js is left alone). */
export const CLI = path.join(buildDir, 'cli.js');

/** The bundle as the package's build script makes it (what `npm install` runs), written to CLI. */
export function buildCli(): void {
  buildPackageCli(PACKAGE_DIR, CLI);
}

export function removeBuild(): void {
  rmSync(buildDir, { recursive: true, force: true });
  removeTempRepos();
}

export function runBuilt(
  argv: string[],
  options: { env?: NodeJS.ProcessEnv; input?: Uint8Array; cwd?: string; nodeOptions?: string[] } = {}
): Outcome {
  const result = spawnSync(process.execPath, [...(options.nodeOptions ?? []), CLI, ...argv], {
    cwd: options.cwd ?? REPO_DIR,
    env: { PATH: process.env.PATH, ...options.env },
    input: options.input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
