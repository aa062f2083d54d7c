/**
 * Records shop-java: compiles it with debug information in /opt/linescope-samples/shop-java, runs it under JDK
 * Flight Recorder, reads the jdk.ExecutionSample events with `jfr print --json`, converts them to pprof, and
 * writes the labels.
 *
 * Needs: a JDK 17 (java, javac, jfr on PATH; Debian's openjdk-17-jdk-headless) and git; a version with a pom.xml
 * also needs Maven (`mvn`) and its repository (Maven Central by default).
 * Run: npx tsx samples/record/java.ts
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
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

const SERVICE = 'shop-java';
const RUN_SECONDS = 15;
const SAMPLE_PERIOD_MS = 10;
/** `jfr print` keeps only 5 frames per stack unless told otherwise; JFR itself records up to 64. */
const STACK_DEPTH = 64;

/** The parts of `jfr print --json` output that the conversion reads. */
export interface JfrJson {
  recording: { events: JfrEvent[] };
}

interface JfrEvent {
  type: string;
  values: {
    startTime: string;
    sampledThread?: { javaName?: string | null };
    stackTrace: { truncated: boolean; frames: JfrFrame[] } | null;
  };
}

interface JfrFrame {
  method: { type: { name: string }; name: string };
  /** -1 when the method has no line number table (e.g. generated lambda classes). */
  lineNumber: number;
  /** Interpreted, JIT compiled, Inlined or Native. "Inlined" frames were compiled into the frame below them. */
  type: string;
}

/**
 * Function name as Pyroscope's Java profiles spell it, `package/Class$Inner.method`. JFR prints hidden classes
 * (lambdas) with dots, `com.example.Foo$$Lambda$98+0x…/123`; they get slashes like every other class.
 */
export function javaFunctionName(frame: JfrFrame): string {
  return `${frame.method.type.name.replace(/\./g, '/')}.${frame.method.name}`;
}

/** `java/util/HashMap$Node` → `java/util/HashMap.java`: the source file of a class is its outermost class's. */
export function javaFileName(className: string): string {
  const slashed = className.replace(/\./g, '/').replace(/\/\d+$/, '');
  const slash = slashed.lastIndexOf('/');
  const simple = slashed
    .slice(slash + 1)
    .split('$')[0]
    .split('+')[0];
  return `${slashed.slice(0, slash + 1)}${simple}.java`;
}

/**
 * Converts jdk.ExecutionSample events to pprof (samples/count and cpu/nanoseconds, each sample worth one sampling
 * period). Frames that JFR marks "Inlined" join the next frame outwards in one location, the way pprof records
 * inlining. A line number of -1 (no line table) becomes 0, pprof's "no line".
 */
export function jfrJsonToProfile(
  json: JfrJson,
  periodNanos: number,
  jvm: { filename: string; version: string }
): Profile {
  const events = json?.recording?.events;
  if (!Array.isArray(events)) {
    throw new Error('not `jfr print --json` output: recording.events is missing');
  }
  const samples = events.filter((e) => e.type === 'jdk.ExecutionSample' && e.values.stackTrace?.frames.length);
  if (samples.length === 0) {
    throw new Error('the recording has no jdk.ExecutionSample events with stacks');
  }
  const builder = cpuSamplesBuilder(periodNanos);
  const mapping = builder.mapping(`openjdk-${jvm.version}`, jvm.filename, {
    hasFilenames: true,
    hasLineNumbers: true,
    hasInlineFrames: true,
  });
  let first = Infinity;
  let last = -Infinity;
  for (const event of samples) {
    const time = Date.parse(event.values.startTime);
    first = Math.min(first, time);
    last = Math.max(last, time);
    const locations: StackFrame[][] = [];
    let pending: StackFrame[] = [];
    for (const jfrFrame of event.values.stackTrace!.frames) {
      pending.push({
        name: javaFunctionName(jfrFrame),
        file: javaFileName(jfrFrame.method.type.name),
        startLine: 0, // JFR does not record where a method starts
        line: Math.max(jfrFrame.lineNumber, 0),
      });
      if (jfrFrame.type !== 'Inlined') {
        locations.push(pending);
        pending = [];
      }
    }
    if (pending.length > 0) {
      locations.push(pending); // an inlined frame with no compiled frame below it: keep it as it is
    }
    builder.stack(mapping, locations, [1, periodNanos]);
  }
  return builder
    .withTime(first * 1e6, (last - first) * 1e6 + periodNanos)
    .comment(`converted from JDK Flight Recorder jdk.ExecutionSample events (period ${periodNanos / 1e6} ms)`)
    .profile();
}

function javaSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? javaSources(file) : name.endsWith('.java') ? [file] : [];
  });
}

/** The jars a version's pom.xml depends on, copied by Maven (its configured repositories) into build/lib. */
async function dependencies(dir: string): Promise<string[]> {
  if (!existsSync(path.join(dir, 'pom.xml'))) {
    return [];
  }
  log(`copying the dependencies of ${SERVICE}'s pom.xml into build/lib with mvn`);
  await run('mvn', ['--batch-mode', '--quiet', 'dependency:copy-dependencies', '-DoutputDirectory=build/lib'], {
    cwd: dir,
  });
  return ['build/lib/*'];
}

export async function recordJava(labels: string[] = []): Promise<void> {
  const { stderr: settings } = await run('java', ['-XshowSettings:properties', '-version']);
  const version = /java\.runtime\.version = (\S+)/.exec(settings)?.[1];
  const javaHome = /java\.home = (\S+)/.exec(settings)?.[1];
  if (!version || !javaHome || !version.startsWith('17')) {
    throw new Error(`a JDK 17 is needed on PATH (found ${version ?? 'none'})`);
  }
  const work = mkdtempSync(path.join(os.tmpdir(), 'linescope-java-'));
  const { repos, cleanup } = await sampleRepos();
  try {
    const repo = repoNamed(repos, SERVICE);
    for (const [label, sha] of versionsToRecord(repo, labels)) {
      const dir = await deploy(repo, sha, SERVICE);
      const classpath = await dependencies(dir);
      log(`${SERVICE} ${label} (${sha.slice(0, 12)}) deployed to ${dir}; compiling with javac -g`);
      await run(
        'javac',
        [
          '-g',
          ...(classpath.length > 0 ? ['-cp', classpath.join(':')] : []),
          '-d',
          'build/classes',
          ...javaSources(path.join(dir, 'src')).sort(),
        ],
        { cwd: dir }
      );
      const recording = path.join(work, `${label}.jfr`);
      log(`running ${SERVICE} ${label} for ${RUN_SECONDS}s under JDK Flight Recorder`);
      const { stdout } = await run(
        'java',
        [
          // Line numbers between safepoints too, so that samples land on the line that ran.
          '-XX:+UnlockDiagnosticVMOptions',
          '-XX:+DebugNonSafepoints',
          `-XX:StartFlightRecording=filename=${recording},settings=profile,jdk.ExecutionSample#period=${SAMPLE_PERIOD_MS}ms`,
          '-cp',
          ['build/classes', ...classpath].join(':'),
          'com.linescope.shop.Main',
          String(RUN_SECONDS),
        ],
        { cwd: dir }
      );
      log(stdout.trim());
      const { stdout: json } = await run('jfr', [
        'print',
        '--json',
        '--stack-depth',
        String(STACK_DEPTH),
        '--events',
        'jdk.ExecutionSample',
        recording,
      ]);
      const profile = jfrJsonToProfile(JSON.parse(json) as JfrJson, SAMPLE_PERIOD_MS * 1e6, {
        filename: path.join(javaHome, 'lib/server/libjvm.so'),
        version,
      });
      const name = `${SERVICE}-${label}.cpu`;
      const file = path.join(PROFILES_DIR, `${name}.pb.gz`);
      writeProfile(file, profile);
      writeLabels(
        name,
        labelsFor(repo, SERVICE, sha, { name: 'process_cpu', type: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds' })
      );
      log(`wrote ${path.relative(process.cwd(), file)} (${profile.sample.length} distinct stacks) with its labels`);
    }
  } finally {
    cleanup();
    rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  recordJava().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
