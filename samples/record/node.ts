/**
 * Records shop-node: builds it with esbuild (TypeScript → CommonJS with source maps) in
 * /opt/linescope-samples/shop-node, installs the profiler there as a service using Pyroscope's Node SDK would have
 * it (node_modules/@datadog/pprof), and runs it twice under @datadog/pprof's time profiler: once with the source
 * maps loaded (frames in the TypeScript files and lines) and once without (frames in the compiled dist/*.js).
 *
 * A version with a package-lock.json gets its dependencies with `npm ci --omit=dev` first (the registry npm is
 * configured with), so that their frames lie under node_modules/ as in a deployment.
 *
 * Needs: Node 20 and this repository's node_modules (esbuild, @datadog/pprof with its prebuilt binary).
 * Run: npx tsx samples/record/node.ts [v2 …] (only those versions; default all)
 */
import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';

import {
  deploy,
  labelsFor,
  log,
  PROFILES_DIR,
  repoNamed,
  run,
  sampleRepos,
  versionsToRecord,
  writeLabels,
} from './common';
import { readProfile } from './pprof';

const SERVICE = 'shop-node';
const RUN_SECONDS = 15;
/** Pyroscope's Node SDK samples every 10 ms unless told otherwise. */
const INTERVAL_MICROS = 10_000;
const REPO_ROOT = path.resolve(__dirname, '../..');
/** The profiler and what it needs at run time, copied from this repository's node_modules. */
const PROFILER_PACKAGES = ['@datadog/pprof', 'node-gyp-build', 'pprof-format'];

/**
 * The profiles of one commit: with the TypeScript sources through source maps, and (v1 only: one is enough to show
 * compiled frames) the compiled files.
 */
const VARIANTS = [
  { suffix: '', sourceMaps: true, labels: undefined },
  { suffix: '-compiled', sourceMaps: false, labels: ['v1'] },
] as const;

async function build(dir: string): Promise<void> {
  const sources = readdirSync(path.join(dir, 'src'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => `src/${f}`);
  const esbuild = path.join(REPO_ROOT, 'node_modules/.bin/esbuild');
  await run(
    esbuild,
    [...sources, '--outdir=dist', '--platform=node', '--format=cjs', '--target=node20', '--sourcemap'],
    {
      cwd: dir,
    }
  );
}

function installProfiler(dir: string): string {
  for (const pkg of PROFILER_PACKAGES) {
    const from = path.join(REPO_ROOT, 'node_modules', pkg);
    if (!existsSync(from)) {
      throw new Error(`${from} is missing: run npm install in ${REPO_ROOT}`);
    }
    cpSync(from, path.join(dir, 'node_modules', pkg), { recursive: true });
  }
  const preload = path.join(dir, 'node_modules/.linescope/node-profiler.mjs');
  mkdirSync(path.dirname(preload), { recursive: true });
  cpSync(path.join(__dirname, 'node-profiler.mjs'), preload);
  return preload;
}

/** The service's own dependencies, as its lock file names them (no install scripts: none of them has any to run). */
async function installDependencies(dir: string): Promise<void> {
  if (existsSync(path.join(dir, 'package-lock.json'))) {
    log(`installing ${SERVICE}'s dependencies (npm ci)`);
    await run('npm', ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: dir });
  }
}

export async function recordNode(labels: string[] = []): Promise<void> {
  if (!process.version.startsWith('v20.')) {
    throw new Error(`shop-node's profiles are recorded on Node 20; this is ${process.version}`);
  }
  const { repos, cleanup } = await sampleRepos();
  try {
    const repo = repoNamed(repos, SERVICE);
    for (const [label, sha] of versionsToRecord(repo, labels)) {
      const dir = await deploy(repo, sha, SERVICE);
      await installDependencies(dir);
      await build(dir);
      const preload = installProfiler(dir);
      for (const variant of VARIANTS.filter((v) => !v.labels || (v.labels as readonly string[]).includes(label))) {
        const name = `${SERVICE}-${label}${variant.suffix}.cpu`;
        const file = path.join(PROFILES_DIR, `${name}.pb.gz`);
        log(`running ${SERVICE} ${label} (${sha.slice(0, 12)}) for ${RUN_SECONDS}s, source maps ${variant.sourceMaps}`);
        const env: NodeJS.ProcessEnv = {
          ...process.env,
          LINESCOPE_PROFILE_OUT: file,
          LINESCOPE_INTERVAL_MICROS: String(INTERVAL_MICROS),
        };
        delete env.LINESCOPE_SOURCE_MAPS;
        if (variant.sourceMaps) {
          env.LINESCOPE_SOURCE_MAPS = path.join(dir, 'dist');
        }
        delete env.NODE_OPTIONS;
        const { stdout } = await run(
          process.execPath,
          ['--import', preload, 'dist/main.js', '--duration', String(RUN_SECONDS)],
          { cwd: dir, env }
        );
        log(stdout.trim());
        writeLabels(
          name,
          labelsFor(
            repo,
            SERVICE,
            sha,
            { name: 'wall', type: 'wall:wall:nanoseconds:wall:nanoseconds' },
            process.version
          )
        );
        log(`wrote ${path.relative(process.cwd(), file)} (${readProfile(file).sample.length} samples) with its labels`);
      }
    }
  } finally {
    cleanup();
  }
}

if (require.main === module) {
  recordNode(process.argv.slice(2)).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
