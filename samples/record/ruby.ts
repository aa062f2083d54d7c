/**
 * Records shop-ruby: builds our sampler (the C extension in rbsampler/), runs the service from
 * /opt/linescope-samples/shop-ruby with Debian's Ruby 3.1 under it (rbsampler.rb, a sample every millisecond of
 * CPU), converts the raw samples to pprof, and writes the labels. Then runs the same fixed workload under stackprof and keeps its `--method` reports beside the
 * profile (`<name>.stackprof.json`): an independent profiler's per-line numbers for the same code.
 *
 * Needs: ruby with its headers and a C compiler (Debian's ruby and ruby-dev, 3.1; gcc, make), stackprof (Debian's
 * ruby-stackprof 0.2.21) and git.
 * Run: npx tsx samples/record/ruby.ts
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StackFrame } from '@linescope/lines/testing/pprofBuilder';
import { Profile } from 'pprof-format';

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
import { cpuSamplesBuilder, writeProfile } from './pprof';
import { parseStackprofMethod, StackprofFile } from './stackprof';

const SERVICE = 'shop-ruby';
/** A fixed amount of work (about 6 s of CPU), the same for our sampler and for stackprof. */
const REQUESTS = 16_000;
/** As stackprof's run below: a sample per millisecond of CPU. */
const INTERVAL_US = 1000;
const RUBY = process.env.LINESCOPE_SAMPLES_RUBY ?? 'ruby';
/** The methods whose stackprof reports are kept (each also covers its blocks, as stackprof folds them in). */
export const STACKPROF_METHODS = ['Shop::Catalog#search', 'Shop::Pricing.best_subset', 'Shop::Orders.digest'];

/** What rbsampler.rb writes. */
export interface RubyRawProfile {
  ruby: string;
  executable: string;
  start_unix_ns: number;
  duration_ns: number;
  interval_ns: number;
  /** Samples lost because the handler's ring was full (the service ran no Ruby for 64 intervals). */
  dropped: number;
  /** [file, name, first line, line]; C methods have file "<cfunc>" and lines 0. */
  frames: Array<[string, string, number, number]>;
  /** frame indexes, innermost first */
  stacks: number[][];
  /** [stack index, cpu nanoseconds] */
  samples: Array<[number, number]>;
}

/** Converts rbsampler.rb's output to pprof: samples/count and cpu/nanoseconds per stack. */
export function rubyRawToProfile(raw: RubyRawProfile): Profile {
  if (!Array.isArray(raw?.frames) || !Array.isArray(raw.stacks) || !Array.isArray(raw.samples)) {
    throw new Error('not an rbsampler profile: frames, stacks and samples must be arrays');
  }
  const frames: StackFrame[] = raw.frames.map((f, i) => {
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
  const builder = cpuSamplesBuilder(raw.interval_ns);
  const mapping = builder.mapping(`ruby-${raw.ruby}`, raw.executable, { hasFilenames: true, hasLineNumbers: true });
  raw.samples.forEach(([stackIndex, cpu], i) => {
    const stack = raw.stacks[stackIndex];
    if (!stack) {
      throw new Error(`rbsampler sample ${i} names stack ${stackIndex}, which does not exist`);
    }
    builder.stack(
      mapping,
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
  return builder
    .withTime(raw.start_unix_ns, raw.duration_ns)
    .comment(
      `recorded by Linescope's rbsampler (rb_profile_frames in the SIGPROF handler, every ${raw.interval_ns / 1e6} ms of CPU)`
    )
    .profile();
}

/** Builds the sampler's C extension into `work`; returns the directory that holds rbsampler.so. */
async function buildSampler(work: string): Promise<string> {
  const build = path.join(work, 'rbsampler-build');
  mkdirSync(build);
  await run(RUBY, [path.join(__dirname, 'rbsampler', 'extconf.rb')], { cwd: build });
  await run('make', ['--silent'], { cwd: build });
  return build;
}

/** Runs the service under rbsampler; returns what the service printed. */
async function runSampled(dir: string, samplerBuild: string, rawFile: string): Promise<string> {
  const args = [
    '-I',
    samplerBuild,
    '-r',
    path.join(__dirname, 'rbsampler.rb'),
    'bin/shop',
    '--requests',
    String(REQUESTS),
  ];
  const { stdout, stderr } = await run(RUBY, args, {
    cwd: dir,
    env: { ...process.env, LINESCOPE_RAW_OUT: rawFile, LINESCOPE_INTERVAL_US: String(INTERVAL_US) },
  });
  return `${stdout.trim()}\n${stderr.trim()}`;
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

export async function recordRuby(labels: string[] = []): Promise<void> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'linescope-ruby-'));
  const { repos, cleanup } = await sampleRepos();
  try {
    const repo = repoNamed(repos, SERVICE);
    const samplerBuild = await buildSampler(work);
    for (const [label, sha] of versionsToRecord(repo, labels)) {
      const dir = await deploy(repo, sha, SERVICE);
      const rawFile = path.join(work, `${label}.json`);
      log(`running ${SERVICE} ${label} (${sha.slice(0, 12)}) from ${dir}: ${REQUESTS} requests under rbsampler`);
      log(await runSampled(dir, samplerBuild, rawFile));
      const raw = JSON.parse(readFileSync(rawFile, 'utf8')) as RubyRawProfile;
      const name = `${SERVICE}-${label}.cpu`;
      const file = path.join(PROFILES_DIR, `${name}.pb.gz`);
      writeProfile(file, rubyRawToProfile(raw));
      writeLabels(
        name,
        labelsFor(
          repo,
          SERVICE,
          sha,
          { name: 'process_cpu', type: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds' },
          raw.ruby
        )
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
