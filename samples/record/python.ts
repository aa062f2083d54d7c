/**
 * Records shop-python: runs it from /opt/linescope-samples/shop-python with Debian's python3 under our sampling
 * profiler (pysampler.py), converts the raw samples to pprof, and writes the labels.
 *
 * Needs: /usr/bin/python3 (Debian's python3, 3.11, with venv) and git; a version with a requirements.txt also needs
 * pip's index (PyPI by default). Run: npx tsx samples/record/python.ts
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StackFrame } from '@linescope/lines/testing/pprofBuilder';
import { Profile } from 'pprof-format';

import {
  deploy,
  DEPLOY_ROOT,
  labelsFor,
  log,
  PROFILES_DIR,
  repoNamed,
  run,
  sampleRepos,
  versionsToRecord,
  writeLabels,
} from './common';
import { cpuSamplesBuilder, writeProfile } from './pprof';

const SERVICE = 'shop-python';
const RUN_SECONDS = 15;
const PYTHON = process.env.LINESCOPE_SAMPLES_PYTHON ?? '/usr/bin/python3';
/**
 * The virtual environment a version with a requirements.txt runs in, beside (not inside) the deployment, as a
 * container's /opt/venv: its packages' frames are …/python-venv/lib/python3.11/site-packages/<package>/….
 */
const VENV = path.join(DEPLOY_ROOT, 'python-venv');

/** What pysampler.py writes. */
export interface PythonRawProfile {
  python: string;
  executable: string;
  interval_ns: number;
  start_unix_ns: number;
  duration_ns: number;
  /** [file, qualified name, first line, line] */
  frames: Array<[string, string, number, number]>;
  /** frame indexes, innermost first */
  stacks: number[][];
  /** [stack index, cpu nanoseconds] */
  samples: Array<[number, number]>;
}

/** Converts pysampler.py's output to pprof: samples/count and cpu/nanoseconds per stack. */
export function pythonRawToProfile(raw: PythonRawProfile): Profile {
  if (!Array.isArray(raw?.frames) || !Array.isArray(raw.stacks) || !Array.isArray(raw.samples)) {
    throw new Error('not a pysampler profile: frames, stacks and samples must be arrays');
  }
  const frames: StackFrame[] = raw.frames.map(([file, name, startLine, line], i) => {
    if (typeof file !== 'string' || typeof name !== 'string' || !Number.isInteger(line)) {
      throw new Error(`pysampler frame ${i} is malformed: ${JSON.stringify(raw.frames[i])}`);
    }
    return { file, name, startLine, line };
  });
  const builder = cpuSamplesBuilder(raw.interval_ns);
  const mapping = builder.mapping(`python-${raw.python}`, raw.executable, { hasFilenames: true, hasLineNumbers: true });
  raw.samples.forEach(([stackIndex, cpu], i) => {
    const stack = raw.stacks[stackIndex];
    if (!stack) {
      throw new Error(`pysampler sample ${i} names stack ${stackIndex}, which does not exist`);
    }
    builder.stack(
      mapping,
      stack.map((f) => {
        const frame = frames[f];
        if (!frame) {
          throw new Error(`pysampler stack ${stackIndex} names frame ${f}, which does not exist`);
        }
        return [frame];
      }),
      [1, cpu]
    );
  });
  return builder
    .withTime(raw.start_unix_ns, raw.duration_ns)
    .comment(`recorded by Linescope's pysampler (sys._current_frames every ${raw.interval_ns / 1e6} ms)`)
    .profile();
}

/** The deployment's interpreter: PYTHON itself, or a fresh venv of it with the version's pinned requirements. */
async function pythonFor(dir: string): Promise<string> {
  const requirements = path.join(dir, 'requirements.txt');
  if (!existsSync(requirements)) {
    return PYTHON;
  }
  rmSync(VENV, { recursive: true, force: true });
  await run(PYTHON, ['-m', 'venv', VENV]);
  log(`installing ${path.relative(dir, requirements)} into ${VENV} (pip's configured index, PyPI by default)`);
  await run(path.join(VENV, 'bin', 'pip'), ['install', '--quiet', '--no-deps', '-r', requirements]);
  return path.join(VENV, 'bin', 'python3');
}

export async function recordPython(labels: string[] = []): Promise<void> {
  if (!existsSync(PYTHON)) {
    throw new Error(`${PYTHON} not found: install Debian's python3 (apt-get install -y python3)`);
  }
  const work = mkdtempSync(path.join(os.tmpdir(), 'linescope-python-'));
  const { repos, cleanup } = await sampleRepos();
  try {
    const repo = repoNamed(repos, SERVICE);
    for (const [label, sha] of versionsToRecord(repo, labels)) {
      const dir = await deploy(repo, sha, SERVICE);
      const python = await pythonFor(dir);
      const rawFile = path.join(work, `${label}.json`);
      log(`running ${SERVICE} ${label} (${sha.slice(0, 12)}) from ${dir} with ${python} for ${RUN_SECONDS}s`);
      const { stdout } = await run(
        python,
        [path.join(__dirname, 'pysampler.py'), '--out', rawFile, '-m', 'shop', '--duration', String(RUN_SECONDS)],
        // No .pyc files in the deployment: the folder is replaced on every run anyway.
        { cwd: dir, env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } }
      );
      log(stdout.trim());
      const raw = JSON.parse(readFileSync(rawFile, 'utf8')) as PythonRawProfile;
      const name = `${SERVICE}-${label}.cpu`;
      const file = path.join(PROFILES_DIR, `${name}.pb.gz`);
      writeProfile(file, pythonRawToProfile(raw));
      writeLabels(
        name,
        labelsFor(repo, SERVICE, sha, { name: 'process_cpu', type: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds' })
      );
      log(`wrote ${path.relative(process.cwd(), file)} (${raw.samples.length} samples) with its labels`);
    }
  } finally {
    cleanup();
    rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  recordPython().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
