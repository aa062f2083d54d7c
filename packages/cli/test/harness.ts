// Runs the command in this process (fast, for the many golden cases) or as the built bundle in a child process (as
// a user runs it), and builds that bundle once per test file from the package's own build script.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';

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

export function buildCli(): void {
  const { scripts } = JSON.parse(readFileSync(path.join(PACKAGE_DIR, 'package.json'), 'utf8'));
  const script = String(scripts.build);
  if (!script.includes('--outfile=dist/cli.js')) {
    throw new Error(`the build script no longer writes dist/cli.js: ${script}`);
  }
  execFileSync('sh', ['-c', script.replace('--outfile=dist/cli.js', `--outfile=${CLI}`)], {
    cwd: PACKAGE_DIR,
    env: { ...process.env, PATH: `${path.join(REPO_DIR, 'node_modules/.bin')}:${process.env.PATH}` },
    stdio: 'pipe',
  });
}

export function removeBuild(): void {
  rmSync(buildDir, { recursive: true, force: true });
}

export function runBuilt(
  argv: string[],
  options: { env?: NodeJS.ProcessEnv; input?: Uint8Array; cwd?: string } = {}
): Outcome {
  const result = spawnSync(process.execPath, [CLI, ...argv], {
    cwd: options.cwd ?? REPO_DIR,
    env: { PATH: process.env.PATH, ...options.env },
    input: options.input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
