/**
 * The recorded sample profiles: which service, version and profiler each one comes from, and where its files are.
 * Tests, the Pyroscope double and the demo read the profiles through this list.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { SampleLabels } from './record/common';
import type { GoldenFile } from './record/golden';
import type { StackprofFile } from './record/stackprof';

export type { SampleLabels } from './record/common';
export type { GoldenFile, GoldenFunction, GoldenLine, GoldenReport } from './record/golden';
export type { StackprofFile, StackprofLine, StackprofReport } from './record/stackprof';

export const SAMPLE_PROFILES_DIR = path.join(__dirname, 'profiles');

export interface SampleProfile {
  /** File stem: `<name>.pb.gz`, `<name>.labels.json`, `<name>.golden.json`. */
  name: string;
  service: 'shop-go' | 'shop-python' | 'shop-java' | 'shop-node' | 'shop-ruby';
  language: 'go' | 'python' | 'java' | 'node' | 'ruby';
  /** The version label in SampleRepo.commits. */
  versionLabel: string;
  kind: 'cpu' | 'heap';
  profiler: string;
  /** Sample types in file order, as type/unit. */
  sampleTypes: string[];
  /**
   * How frames name files: `absolute` paths of the deployment (/opt/linescope-samples/<service>/…, with the
   * language's standard library at its installed path), `trimpath` for Go's -trimpath (module-relative
   * github.com/linescope-demo/shop-go/… and GOROOT-relative strings/strings.go), `class` for Java
   * (package/Class.java from the class name), `compiled` for Node without source maps (the deployment's
   * dist/*.js, build output that is not in the repository).
   */
  paths: 'absolute' | 'trimpath' | 'class' | 'compiled';
}

const cpu = ['samples/count', 'cpu/nanoseconds'];
/** @datadog/pprof's time profiler: wall time, as Pyroscope's Node SDK sends it (profile type `wall`). */
const wall = ['sample/count', 'wall/nanoseconds'];
const goHeap = ['alloc_objects/count', 'alloc_space/bytes', 'inuse_objects/count', 'inuse_space/bytes'];

export const SAMPLE_PROFILES: readonly SampleProfile[] = [
  ...(['v1', 'v2', 'v3'] as const).flatMap((v): SampleProfile[] => [
    {
      name: `shop-go-${v}.cpu`,
      service: 'shop-go',
      language: 'go',
      versionLabel: v,
      kind: 'cpu',
      profiler: 'runtime/pprof',
      sampleTypes: cpu,
      paths: 'absolute',
    },
    {
      name: `shop-go-${v}.heap`,
      service: 'shop-go',
      language: 'go',
      versionLabel: v,
      kind: 'heap',
      profiler: 'runtime/pprof',
      sampleTypes: goHeap,
      paths: 'absolute',
    },
  ]),
  {
    name: 'shop-go-v2-trimpath.cpu',
    service: 'shop-go',
    language: 'go',
    versionLabel: 'v2',
    kind: 'cpu',
    profiler: 'runtime/pprof',
    sampleTypes: cpu,
    paths: 'trimpath',
  },
  {
    name: 'shop-python-v1.cpu',
    service: 'shop-python',
    language: 'python',
    versionLabel: 'v1',
    kind: 'cpu',
    profiler: 'pysampler (sys._current_frames)',
    sampleTypes: cpu,
    paths: 'absolute',
  },
  {
    name: 'shop-python-v2.cpu',
    service: 'shop-python',
    language: 'python',
    versionLabel: 'v2',
    kind: 'cpu',
    profiler: 'pysampler (sys._current_frames)',
    sampleTypes: cpu,
    paths: 'absolute',
  },
  {
    name: 'shop-java-v1.cpu',
    service: 'shop-java',
    language: 'java',
    versionLabel: 'v1',
    kind: 'cpu',
    profiler: 'JDK Flight Recorder',
    sampleTypes: cpu,
    paths: 'class',
  },
  {
    name: 'shop-java-v2.cpu',
    service: 'shop-java',
    language: 'java',
    versionLabel: 'v2',
    kind: 'cpu',
    profiler: 'JDK Flight Recorder',
    sampleTypes: cpu,
    paths: 'class',
  },
  {
    name: 'shop-node-v1.cpu',
    service: 'shop-node',
    language: 'node',
    versionLabel: 'v1',
    kind: 'cpu',
    profiler: '@datadog/pprof time profiler with source maps',
    sampleTypes: wall,
    paths: 'absolute',
  },
  {
    name: 'shop-node-v2.cpu',
    service: 'shop-node',
    language: 'node',
    versionLabel: 'v2',
    kind: 'cpu',
    profiler: '@datadog/pprof time profiler with source maps',
    sampleTypes: wall,
    paths: 'absolute',
  },
  {
    name: 'shop-node-v1-compiled.cpu',
    service: 'shop-node',
    language: 'node',
    versionLabel: 'v1',
    kind: 'cpu',
    profiler: '@datadog/pprof time profiler',
    sampleTypes: wall,
    paths: 'compiled',
  },
  {
    name: 'shop-ruby-v1.cpu',
    service: 'shop-ruby',
    language: 'ruby',
    versionLabel: 'v1',
    kind: 'cpu',
    profiler: 'rbsampler (caller_locations on SIGPROF)',
    sampleTypes: cpu,
    paths: 'absolute',
  },
  {
    name: 'shop-ruby-v2.cpu',
    service: 'shop-ruby',
    language: 'ruby',
    versionLabel: 'v2',
    kind: 'cpu',
    profiler: 'rbsampler (caller_locations on SIGPROF)',
    sampleTypes: cpu,
    paths: 'absolute',
  },
];

export function sampleProfilePath(name: string): string {
  return path.join(SAMPLE_PROFILES_DIR, `${name}.pb.gz`);
}

export function readSampleLabels(name: string): SampleLabels {
  return JSON.parse(readFileSync(path.join(SAMPLE_PROFILES_DIR, `${name}.labels.json`), 'utf8')) as SampleLabels;
}

/** The `go tool pprof -list` golden answers of a profile, or undefined where no independent tool exists. */
export function readSampleGolden(name: string): GoldenFile | undefined {
  const file = path.join(SAMPLE_PROFILES_DIR, `${name}.golden.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as GoldenFile) : undefined;
}

/** stackprof's `--method` reports for the same workload as a Ruby profile, or undefined for other profiles. */
export function readSampleStackprof(name: string): StackprofFile | undefined {
  const file = path.join(SAMPLE_PROFILES_DIR, `${name}.stackprof.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as StackprofFile) : undefined;
}
