/**
 * Records shop-go v1, v2 and v3: builds each commit in /opt/linescope-samples/shop-go with Debian's Go (v2 also with
 * -trimpath, as container builds often are; v3's dependency golang.org/x/text comes through the module proxy into
 * the module cache at GO_MODULE_CACHE), runs it under runtime/pprof (CPU and heap), fills in the functions'
 * start lines (Go 1.19 leaves them 0), writes the profiles and their labels, and stores `go tool pprof -list`
 * output as golden answers.
 *
 * Needs: go (Debian's golang-go, Go 1.19), git and the module proxy. Run: npx tsx samples/record/go.ts [v3 …]
 * (only those versions; default all).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
import { GoldenReport, parsePprofList } from './golden';
import { readProfile, writeProfile } from './pprof';

const SERVICE = 'shop-go';
const MODULE = 'github.com/linescope-demo/shop-go';
const RUN_SECONDS = 10;
/** Go's default module cache for root, fixed so that dependency frames name the same paths on every machine. */
const GO_MODULE_CACHE = '/root/go/pkg/mod';

/**
 * Functions whose per-line numbers are kept as golden answers: all of ours, a few standard-library ones and v3's
 * dependency's search functions.
 */
const GOLDEN_FUNCTIONS =
  '^(github\\.com/linescope-demo/shop-go/.*|main\\..*|strings\\.ToLower|sort\\.Slice|encoding/json\\.Marshal|crypto/sha256\\.Sum256|golang\\.org/x/text/search\\..*)$';

/** For each profile kind, the sample indexes that get a golden report and the unit go tool pprof prints them in. */
const GOLDEN_INDEXES: Record<GoldenKind, Array<{ index: string; unit?: string }>> = {
  cpu: [{ index: 'cpu', unit: 'ns' }, { index: 'samples' }],
  heap: [{ index: 'alloc_space', unit: 'B' }, { index: 'alloc_objects' }, { index: 'inuse_space', unit: 'B' }],
  // Read back from Pyroscope's SelectMergeProfile: one sample type per profile.
  'sdk-cpu': [{ index: 'cpu', unit: 'ns' }],
  'sdk-heap': [{ index: 'alloc_space', unit: 'B' }],
};

type GoldenKind = 'cpu' | 'heap' | 'sdk-cpu' | 'sdk-heap';

export async function recordGo(labels: string[] = []): Promise<void> {
  const goVersion = (await run('go', ['env', 'GOVERSION'])).stdout.trim();
  const goroot = (await run('go', ['env', 'GOROOT'])).stdout.trim();
  log(`Go ${goVersion} at ${goroot}`);
  const work = mkdtempSync(path.join(os.tmpdir(), 'linescope-go-'));
  const startLinesTool = path.join(work, 'gostartlines');
  await run('go', ['build', '-o', startLinesTool, path.join(__dirname, 'gostartlines', 'main.go')]);

  const { repos, cleanup } = await sampleRepos();
  try {
    const repo = repoNamed(repos, SERVICE);
    for (const [label, sha] of versionsToRecord(repo, labels)) {
      const dir = await deploy(repo, sha, SERVICE);
      log(`${SERVICE} ${label} (${sha.slice(0, 12)}) deployed to ${dir}`);
      const sources: SourceRoots = { dir, goroot, work };
      for (const build of BUILDS.filter((b) => !b.trimpath || TRIMPATH_LABELS.has(label))) {
        const name = (kind: string) => `${SERVICE}-${label}${build.suffix}.${kind}`;
        const raws = await buildAndRun(dir, work, build, label);
        for (const [kind, raw] of Object.entries(raws) as Array<['cpu' | 'heap', string]>) {
          const file = path.join(PROFILES_DIR, `${name(kind)}.pb.gz`);
          const profile = readProfile(raw);
          await fillStartLines(profile, startLinesTool, sources);
          writeProfile(file, profile);
          writeLabels(
            name(kind),
            labelsFor(repo, SERVICE, sha, {
              name: kind === 'cpu' ? 'process_cpu' : 'memory',
              type:
                kind === 'cpu' ? 'process_cpu:cpu:nanoseconds:cpu:nanoseconds' : 'memory:alloc_space:bytes:space:bytes',
            })
          );
          await writeGolden(name(kind), file, kind, goVersion, build.trimpath ? sources : undefined);
          log(`wrote ${path.relative(process.cwd(), file)} with its labels and golden answers`);
        }
      }
    }
  } finally {
    cleanup();
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * How the stored commands show -source_path, given only for -trimpath profiles so that pprof finds the source to
 * print beside the numbers (without it, it prints no rows). Not for absolute paths: with it, pprof shortens their
 * names in the ROUTINE headers.
 */
const SOURCE_PATH_NOTE = '-source_path=<module tree>:<GOROOT>/src';

interface GoBuild {
  /** Added to the profile name: shop-go-v2<suffix>.cpu */
  suffix: string;
  /** `go build -trimpath`: files become module- or GOROOT-relative (github.com/…/x.go, strings/strings.go). */
  trimpath: boolean;
  kinds: Array<'cpu' | 'heap'>;
}

/** Every commit is built as is; those in TRIMPATH_LABELS also with -trimpath, as container builds often are. */
const BUILDS: GoBuild[] = [
  { suffix: '', trimpath: false, kinds: ['cpu', 'heap'] },
  { suffix: '-trimpath', trimpath: true, kinds: ['cpu'] },
];

/** The versions also built with -trimpath (shop-go-v2-trimpath.cpu). */
const TRIMPATH_LABELS = new Set(['v2']);

/** Where the source of a profile's files is on this machine while recording. */
interface SourceRoots {
  dir: string;
  goroot: string;
  work: string;
}

async function buildAndRun(dir: string, work: string, build: GoBuild, label: string): Promise<Record<string, string>> {
  const binary = SERVICE;
  await run('go', ['build', ...(build.trimpath ? ['-trimpath'] : []), '-o', binary, '.'], {
    cwd: dir,
    env: { ...process.env, CGO_ENABLED: '0', GOFLAGS: '-buildvcs=false', GOMODCACHE: GO_MODULE_CACHE },
  });
  const raws: Record<string, string> = {};
  const args = ['-duration', `${RUN_SECONDS}s`];
  for (const kind of build.kinds) {
    raws[kind] = path.join(work, `${label}${build.suffix}.${kind}.pprof`);
    args.push(kind === 'cpu' ? '-cpuprofile' : '-heapprofile', raws[kind]);
  }
  log(
    `running ${SERVICE} ${label}${build.trimpath ? ' (built with -trimpath)' : ''} for ${RUN_SECONDS}s under runtime/pprof`
  );
  const { stdout } = await run(path.join(dir, binary), args, { cwd: dir });
  log(stdout.trim());
  return raws;
}

/** The file on disk that a profile's file name refers to: absolute paths as they are, -trimpath ones mapped back. */
function sourceFile(file: string, roots: SourceRoots): string {
  if (path.isAbsolute(file)) {
    return file;
  }
  const modulePrefix = `${MODULE}/`;
  return file.startsWith(modulePrefix)
    ? path.join(roots.dir, file.slice(modulePrefix.length))
    : path.join(roots.goroot, 'src', file);
}

interface GoFunctionSpan {
  file: string;
  name: string;
  line: number;
  endLine: number;
}

/**
 * Go 1.20+ writes Function.start_line (the line of `func`); Go 1.19 writes 0. Fill it from the source the binary
 * was built from, where the function name and file identify one declaration whose span holds every sampled line
 * of that function. Functions that cannot be placed (assembly, generated code) keep 0.
 */
async function fillStartLines(profile: Profile, tool: string, roots: SourceRoots): Promise<void> {
  const strings = profile.stringTable.strings;
  const onDisk = new Map<string, string>();
  for (const fn of profile.function) {
    const file = strings[Number(fn.filename)];
    if (file.endsWith('.go') && existsSync(sourceFile(file, roots))) {
      onDisk.set(sourceFile(file, roots), file);
    }
  }
  const { stdout } = await run(tool, [...onDisk.keys()]);
  const spans = new Map<string, GoFunctionSpan>();
  for (const span of JSON.parse(stdout) as GoFunctionSpan[]) {
    spans.set(`${onDisk.get(span.file)}\0${span.name}`, span);
  }
  const linesOf = new Map<number, number[]>();
  for (const location of profile.location) {
    for (const line of location.line) {
      const id = Number(line.functionId);
      linesOf.set(id, [...(linesOf.get(id) ?? []), Number(line.line)]);
    }
  }
  for (const fn of profile.function) {
    const span = spans.get(`${strings[Number(fn.filename)]}\0${runtimeLocalName(strings[Number(fn.name)])}`);
    const lines = linesOf.get(Number(fn.id)) ?? [];
    if (span && lines.every((l) => l >= span.line && l <= span.endLine)) {
      fn.startLine = span.line;
    }
  }
}

/** `github.com/a/b/pkg.(*T).M.func1` → `(*T).M.func1`; generic `pkg.F[...]` → `F`. */
function runtimeLocalName(name: string): string {
  const lastSlash = name.lastIndexOf('/');
  const rest = name.slice(lastSlash + 1);
  return rest.slice(rest.indexOf('.') + 1).replace(/\[\.\.\.\]/g, '');
}

export async function writeGolden(
  name: string,
  file: string,
  kind: GoldenKind,
  goVersion: string,
  trimpathRoots?: SourceRoots
): Promise<void> {
  const sourcePath: string[] = [];
  if (trimpathRoots) {
    // -trimpath names files relative to the module or GOROOT; give pprof a tree where those names resolve.
    const modulesRoot = path.join(trimpathRoots.work, 'modules');
    if (!existsSync(modulesRoot)) {
      mkdirSync(path.dirname(path.join(modulesRoot, MODULE)), { recursive: true });
      symlinkSync(trimpathRoots.dir, path.join(modulesRoot, MODULE));
    }
    sourcePath.push(`-source_path=${modulesRoot}${path.delimiter}${path.join(trimpathRoots.goroot, 'src')}`);
  }
  const reports: GoldenReport[] = [];
  for (const { index, unit } of GOLDEN_INDEXES[kind]) {
    const args = [
      'tool',
      'pprof',
      `-sample_index=${index}`,
      ...(unit ? [`-unit=${unit}`] : []),
      '-list',
      GOLDEN_FUNCTIONS,
    ];
    const { stdout } = await run('go', [...args, ...sourcePath, file]);
    const shown = [
      ...args.map((a) => (a === GOLDEN_FUNCTIONS ? `'${a}'` : a)),
      ...(trimpathRoots ? [SOURCE_PATH_NOTE] : []),
    ];
    reports.push({
      sampleIndex: index,
      command: `go ${shown.join(' ')} ${path.basename(file)}`,
      ...parsePprofList(stdout, unit ?? ''),
      text: stdout,
    });
  }
  const golden = { profile: path.basename(file), tool: `go tool pprof (${goVersion})`, reports };
  writeFileSync(path.join(PROFILES_DIR, `${name}.golden.json`), JSON.stringify(golden, null, 2) + '\n');
}

if (require.main === module) {
  recordGo(process.argv.slice(2)).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
