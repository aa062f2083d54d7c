import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const PACKAGE_DIR = path.resolve(__dirname, '..');
const BUILD_DIR = mkdtempSync(path.join(tmpdir(), 'linescope-labels-build-'));
/** This test file's own build of the CLI (test files run in parallel; each builds to its own place). */
export const CLI = path.join(BUILD_DIR, 'cli.js');

/**
 * Builds the CLI with the package's own build script (what `npm install` runs), only writing elsewhere; by default
 * this package's, also another's whose build script writes dist/cli.js the same way (the linescope command's).
 */
export function buildCli(packageDir = PACKAGE_DIR, outFile = CLI): void {
  const { scripts } = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
  const script = String(scripts.build);
  if (!script.includes('--outfile=dist/cli.js')) {
    throw new Error(`the build script no longer writes dist/cli.js: ${script}`);
  }
  execFileSync('sh', ['-c', script.replace('--outfile=dist/cli.js', `--outfile=${outFile}`)], {
    cwd: packageDir,
    env: { ...process.env, PATH: `${path.resolve(packageDir, '../../node_modules/.bin')}:${process.env.PATH}` },
    stdio: 'pipe',
  });
}

const GIT_ENV = {
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  HOME: tmpdir(),
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Linescope Test',
  GIT_AUTHOR_EMAIL: 'test@linescope.invalid',
  GIT_COMMITTER_NAME: 'Linescope Test',
  GIT_COMMITTER_EMAIL: 'test@linescope.invalid',
  GIT_AUTHOR_DATE: '2026-01-02T03:04:05Z',
  GIT_COMMITTER_DATE: '2026-01-02T03:04:05Z',
};

export interface TempRepo {
  dir: string;
  git: (...args: string[]) => string;
  write: (file: string, content: string) => void;
  /** Commits everything; returns the new commit's sha. */
  commitAll: (message: string) => string;
  remove: () => void;
}

const made: string[] = [];

/** A git repository in a fresh temporary directory, with `files` committed on `main` (nothing when empty). */
export function makeRepo(files: Record<string, string> = { 'README.md': '# demo\n' }): TempRepo {
  const dir = mkdtempSync(path.join(tmpdir(), 'linescope-labels-'));
  made.push(dir);
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: dir, env: GIT_ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  const write = (file: string, content: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  };
  git('init', '-q', '-b', 'main');
  for (const [file, content] of Object.entries(files)) {
    write(file, content);
  }
  const commitAll = (message: string) => {
    git('add', '-A');
    git('commit', '-q', '-m', message);
    return git('rev-parse', 'HEAD');
  };
  if (Object.keys(files).length > 0) {
    commitAll('first');
  }
  return { dir, git, write, commitAll, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function removeTempRepos(): void {
  for (const dir of [...made.splice(0), BUILD_DIR]) {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI in `cwd` with only PATH, HOME and `env` in its environment (no CI variables leak in). */
export function runCli(cwd: string, args: string[], env: Record<string, string> = {}): CliResult {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    env: { PATH: GIT_ENV.PATH, HOME: GIT_ENV.HOME, GIT_CONFIG_NOSYSTEM: '1', ...env },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
