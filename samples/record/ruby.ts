/**
 * Records shop-ruby: runs it from /opt/linescope-samples/shop-ruby with Debian's Ruby 3.1 under our sampler
 * (rbsampler.rb, driven by SIGPROF from this process every millisecond), converts the raw samples to pprof, and
 * writes the labels. Then runs the same fixed workload under stackprof and keeps its `--method` reports beside the
 * profile (`<name>.stackprof.json`): an independent profiler's per-line numbers for the same code.
 *
 * Needs: ruby (Debian's ruby, 3.1), stackprof (Debian's ruby-stackprof 0.2.21) and git.
 * Run: npx tsx samples/record/ruby.ts
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Profile } from 'pprof-format';

import { deploy, labelsFor, log, PROFILES_DIR, repoNamed, run, sampleRepos, writeLabels } from './common';
import { Frame, StackProfileBuilder, writeProfile } from './pprof';
import { parseStackprofMethod, StackprofFile } from './stackprof';

const SERVICE = 'shop-ruby';
/** A fixed amount of work (about 6 s of CPU), the same for our sampler and for stackprof. */
const REQUESTS = 16_000;
const SIGNAL_EVERY_MS = 5;
const RUBY = process.env.LINESCOPE_SAMPLES_RUBY ?? 'ruby';
/** The methods whose stackprof reports are kept (each also covers its blocks, as stackprof folds them in). */
export const STACKPROF_METHODS = ['Shop::Catalog#search', 'Shop::Pricing.best_subset', 'Shop::Orders.digest'];

/** What rbsampler.rb writes. */
export interface RubyRawProfile {
  ruby: string;
  executable: string;
  start_unix_ns: number;
  duration_ns: number;
  /** [file, name, first line, line]; C methods have file "<cfunc>" and lines 0. */
  frames: Array<[string, string, number, number]>;
  /** frame indexes, innermost first */
  stacks: number[][];
  /** [stack index, cpu nanoseconds] */
  samples: Array<[number, number]>;
}

/** Converts rbsampler.rb's output to pprof: samples/count and cpu/nanoseconds per stack. */
export function rubyRawToProfile(raw: RubyRawProfile, intervalNs = SIGNAL_EVERY_MS * 1e6): Profile {
  if (!Array.isArray(raw?.frames) || !Array.isArray(raw.stacks) || !Array.isArray(raw.samples)) {
    throw new Error('not an rbsampler profile: frames, stacks and samples must be arrays');
  }
  const frames: Frame[] = raw.frames.map((f, i) => {
    const [file, name, startLine, line] = Array.isArray(f) ? f : [];
    if (
      typeof file !== 'string' ||
      typeof name !== 'string' ||
      typeof startLine !== 'number' ||
      typeof line !== 'number' ||
      !Number.isInteger(startLine) ||
      !Number.isInteger(line)
    ) {
      throw new Error(`rbsampler frame ${i} is malformed: ${JSON.stringify(f)}`);
    }
    return { file, name, startLine, line };
  });
  const builder = new StackProfileBuilder(
    [
      { type: 'samples', unit: 'count' },
      { type: 'cpu', unit: 'nanoseconds' },
    ],
    { filename: raw.executable, buildId: `ruby-${raw.ruby}` },
    { type: { type: 'cpu', unit: 'nanoseconds' }, value: intervalNs }
  );
  raw.samples.forEach(([stackIndex, cpu], i) => {
    const stack = raw.stacks[stackIndex];
    if (!stack) {
      throw new Error(`rbsampler sample ${i} names stack ${stackIndex}, which does not exist`);
    }
    builder.add(
      stack.map((f) => {
        const frame = frames[f];
        if (!frame) {
          throw new Error(`rbsampler stack ${stackIndex} names frame ${f}, which does not exist`);
        }
        return [frame];
      }),
      [1, cpu]
    );
  });
  return builder.build({
    timeNanos: raw.start_unix_ns,
    durationNanos: raw.duration_ns,
    comments: [`recorded by Linescope's rbsampler (caller_locations on SIGPROF every ${intervalNs / 1e6} ms)`],
  });
}

/** Runs the service under rbsampler, sending SIGPROF every millisecond from its "ready" until it exits. */
function runSampled(dir: string, rawFile: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      RUBY,
      ['-r', path.join(__dirname, 'rbsampler.rb'), 'bin/shop', '--requests', String(REQUESTS)],
      { cwd: dir, env: { ...process.env, LINESCOPE_RAW_OUT: rawFile }, stdio: ['ignore', 'pipe', 'pipe'] }
    );
    let stdout = '';
    let stderr = '';
    let ticker: NodeJS.Timeout | undefined;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => {
      stderr += d;
      // Before the handler is installed, SIGPROF would end the process: start only once it says so.
      if (!ticker && stderr.includes('rbsampler: ready')) {
        ticker = setInterval(() => child.kill('SIGPROF'), SIGNAL_EVERY_MS);
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearInterval(ticker);
      if (code === 0) {
        resolve(stdout.trim());
      } else {
        reject(new Error(`ruby under rbsampler failed (${signal ?? code}): ${stderr.trim()}`));
      }
    });
  });
}

async function stackprofReports(dir: string, work: string, rubyVersion: string): Promise<StackprofFile> {
  const dump = path.join(work, 'stackprof.dump');
  await run(RUBY, [path.join(__dirname, 'rbstackprof.rb'), dump, 'bin/shop', '--requests', String(REQUESTS)], {
    cwd: dir,
  });
  const summary = (await run('stackprof', [dump, '--text', '--limit', '1'])).stdout;
  const total = /Samples: (\d+)/.exec(summary)?.[1];
  if (!total) {
    throw new Error(`stackprof --text printed no "Samples:" line:\n${summary}`);
  }
  const reports = [];
  for (const method of STACKPROF_METHODS) {
    const text = (await run('stackprof', [dump, '--method', method])).stdout;
    reports.push({
      method,
      command: `stackprof <dump> --method '${method}'`,
      ...parseStackprofMethod(text, method),
      text,
    });
  }
  return {
    tool: `stackprof 0.2.21 (Debian ruby-stackprof), ruby ${rubyVersion}, mode cpu, interval 1000 µs`,
    workload: `ruby bin/shop --requests ${REQUESTS}`,
    samples: Number(total),
    reports,
  };
}

export async function recordRuby(): Promise<void> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'linescope-ruby-'));
  const { repos, cleanup } = await sampleRepos();
  try {
    const repo = repoNamed(repos, SERVICE);
    for (const [label, sha] of Object.entries(repo.commits)) {
      const dir = await deploy(repo, sha, SERVICE);
      const rawFile = path.join(work, `${label}.json`);
      log(`running ${SERVICE} ${label} (${sha.slice(0, 12)}) from ${dir}: ${REQUESTS} requests under rbsampler`);
      log(await runSampled(dir, rawFile));
      const raw = JSON.parse(readFileSync(rawFile, 'utf8')) as RubyRawProfile;
      const name = `${SERVICE}-${label}.cpu`;
      const file = path.join(PROFILES_DIR, `${name}.pb.gz`);
      writeProfile(file, rubyRawToProfile(raw));
      writeLabels(
        name,
        labelsFor(repo, SERVICE, sha, { name: 'process_cpu', type: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds' })
      );
      log(`wrote ${path.relative(process.cwd(), file)} (${raw.samples.length} samples) with its labels`);
      log(`running the same ${REQUESTS} requests under stackprof`);
      const reports = await stackprofReports(dir, work, raw.ruby);
      writeFileSync(path.join(PROFILES_DIR, `${name}.stackprof.json`), JSON.stringify(reports, null, 2) + '\n');
      log(`wrote ${name}.stackprof.json (${reports.samples} stackprof samples)`);
    }
  } finally {
    cleanup();
    rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  recordRuby().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
