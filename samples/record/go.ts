/**
 * Records shop-go v1 and v2: builds each commit in /opt/linescope-samples/shop-go with Debian's Go, runs it under
 * runtime/pprof (CPU and heap), fills in the functions' start lines (Go 1.19 leaves them 0), writes the profiles
 * and their labels, and stores `go tool pprof -list` output as golden answers.
 *
 * Needs: go (Debian's golang-go, Go 1.19) and git. Run: npx tsx samples/record/go.ts
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Profile } from 'pprof-format';

import { deploy, labelsFor, log, PROFILES_DIR, repoNamed, run, sampleRepos, writeLabels } from './common';
import { GoldenReport, parsePprofList } from './golden';
import { readProfile, writeProfile } from './pprof';

const SERVICE = 'shop-go';
const RUN_SECONDS = 10;

/** Functions whose per-line numbers are kept as golden answers: all of ours plus a few standard-library ones. */
const GOLDEN_FUNCTIONS =
  '^(github\\.com/linescope-demo/shop-go/.*|main\\..*|strings\\.ToLower|sort\\.Slice|encoding/json\\.Marshal|crypto/sha256\\.Sum256)$';

/** For each profile kind, the sample indexes that get a golden report and the unit go tool pprof prints them in. */
const GOLDEN_INDEXES: Record<'cpu' | 'heap', Array<{ index: string; unit?: string }>> = {
  cpu: [{ index: 'cpu', unit: 'ns' }, { index: 'samples' }],
  heap: [{ index: 'alloc_space', unit: 'B' }, { index: 'alloc_objects' }, { index: 'inuse_space', unit: 'B' }],
};

export async function recordGo(): Promise<void> {
  const goVersion = (await run('go', ['env', 'GOVERSION'])).stdout.trim();
  const goroot = (await run('go', ['env', 'GOROOT'])).stdout.trim();
  log(`Go ${goVersion} at ${goroot}`);
  const work = mkdtempSync(path.join(os.tmpdir(), 'linescope-go-'));
  const startLinesTool = path.join(work, 'gostartlines');
  await run('go', ['build', '-o', startLinesTool, path.join(__dirname, 'gostartlines', 'main.go')]);

  const { repos, cleanup } = await sampleRepos();
  try {
    const repo = repoNamed(repos, SERVICE);
    for (const [label, sha] of Object.entries(repo.commits)) {
      const dir = await deploy(repo, sha, SERVICE);
      log(`${SERVICE} ${label} (${sha.slice(0, 12)}) deployed to ${dir}; building`);
      await run('go', ['build', '-o', SERVICE, '.'], {
        cwd: dir,
        env: { ...process.env, CGO_ENABLED: '0', GOFLAGS: '-buildvcs=false' },
      });
      const cpuRaw = path.join(work, `${label}.cpu.pprof`);
      const heapRaw = path.join(work, `${label}.heap.pprof`);
      log(`running ${SERVICE} ${label} for ${RUN_SECONDS}s under runtime/pprof`);
      const { stdout } = await run(
        path.join(dir, SERVICE),
        ['-duration', `${RUN_SECONDS}s`, '-cpuprofile', cpuRaw, '-heapprofile', heapRaw],
        { cwd: dir }
      );
      log(stdout.trim());

      for (const [kind, raw] of [
        ['cpu', cpuRaw],
        ['heap', heapRaw],
      ] as const) {
        const name = `${SERVICE}-${label}.${kind}`;
        const file = path.join(PROFILES_DIR, `${name}.pb.gz`);
        const profile = readProfile(raw);
        await fillStartLines(profile, startLinesTool);
        writeProfile(file, profile);
        writeLabels(
          name,
          labelsFor(repo, SERVICE, sha, {
            name: kind === 'cpu' ? 'process_cpu' : 'memory',
            type:
              kind === 'cpu' ? 'process_cpu:cpu:nanoseconds:cpu:nanoseconds' : 'memory:alloc_space:bytes:space:bytes',
          })
        );
        await writeGolden(name, file, kind, goVersion);
        log(`wrote ${path.relative(process.cwd(), file)} with its labels and golden answers`);
      }
    }
  } finally {
    cleanup();
    rmSync(work, { recursive: true, force: true });
  }
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
async function fillStartLines(profile: Profile, tool: string): Promise<void> {
  const strings = profile.stringTable.strings;
  const files = [...new Set(profile.function.map((f) => strings[Number(f.filename)]))].filter(
    (f) => f.endsWith('.go') && existsSync(f)
  );
  const { stdout } = await run(tool, files);
  const spans = new Map<string, GoFunctionSpan>();
  for (const span of JSON.parse(stdout) as GoFunctionSpan[]) {
    spans.set(`${span.file}\0${span.name}`, span);
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

async function writeGolden(name: string, file: string, kind: 'cpu' | 'heap', goVersion: string): Promise<void> {
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
    const { stdout } = await run('go', [...args, file]);
    reports.push({
      sampleIndex: index,
      command: `go ${args.map((a) => (a === GOLDEN_FUNCTIONS ? `'${a}'` : a)).join(' ')} ${path.basename(file)}`,
      ...parsePprofList(stdout, unit ?? ''),
      text: stdout,
    });
  }
  const golden = { profile: path.basename(file), tool: `go tool pprof (${goVersion})`, reports };
  writeFileSync(path.join(PROFILES_DIR, `${name}.golden.json`), JSON.stringify(golden, null, 2) + '\n');
}

if (require.main === module) {
  recordGo().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
