// `linescope annotate` on every recorded sample profile: the numbers of go tool pprof -list where a golden holds
// them, and everywhere the numbers of the panel (its per-line computation, computeFunctionDetails).
import { spawnSync } from 'node:child_process';
import { copyFileSync, createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import path from 'node:path';

import { computeFunctionDetails, topFunctions } from '@linescope/lines';

import type { GoldenFile } from '../../../samples/record/golden';
import type { AnnotatedFile } from '../src/annotate';
import { buildCli as buildLabelsCli, makeRepo, runCli as runLabelsCli } from '../../linescope-labels/test/tempRepo';
import { buildCli, CLI, PROFILES_DIR, removeBuild, runBuilt, runInProcess, SOURCES_DIR } from './harness';

const profiles = readdirSync(PROFILES_DIR)
  .filter((name) => name.endsWith('.pb.gz'))
  .sort();
const goldens = readdirSync(PROFILES_DIR)
  .filter((name) => name.endsWith('.golden.json'))
  .sort();

async function annotateJson(args: string[]): Promise<AnnotatedFile[]> {
  const out = await runInProcess(['annotate', ...args, '--format', 'json']);
  if (out.status !== 0) {
    throw new Error(`exit ${out.status}: ${out.stderr}`);
  }
  return JSON.parse(out.stdout);
}

describe('linescope annotate against the go tool pprof -list goldens', () => {
  it('has goldens to check', () => {
    expect(goldens.length).toBeGreaterThan(3);
  });

  describe.each(goldens)('%s', (goldenName) => {
    const golden: GoldenFile = JSON.parse(readFileSync(path.join(PROFILES_DIR, goldenName), 'utf8'));
    const profile = path.join(PROFILES_DIR, golden.profile);
    const cases = golden.reports.flatMap((report) => report.functions.map((fn) => [report.sampleIndex, fn] as const));

    it.each(cases)('%s %s', async (sampleIndex, fn) => {
      const files = await annotateJson([
        profile,
        '--function',
        fn.name,
        '--file',
        fn.file,
        '--sample-type',
        sampleIndex,
      ]);
      expect(files).toHaveLength(1);
      const [file] = files;
      expect({ function: file.function, file: file.file, self: file.self }).toEqual({
        function: fn.name,
        file: fn.file,
        self: fn.flat,
      });
      const rows = file.lines
        .filter((l) => l.self !== 0 || l.total !== 0)
        .map((l) => ({ line: l.line, flat: l.self, cum: l.total }));
      expect(rows).toEqual(fn.lines);
      expect(file.lines.every((l) => l.text === undefined)).toBe(true);
    });
  });
});

describe("linescope annotate gives the panel's numbers on every sample profile", () => {
  // The hottest functions that have line numbers, a few per profile (every language the samples record).
  describe.each(profiles)('%s', (name) => {
    const bytes = readFileSync(path.join(PROFILES_DIR, name));
    const hottest = topFunctions(bytes)
      .functions.filter((fn) => computeFunctionDetails(bytes, fn.name).versions.some((v) => v.lines.length > 0))
      .slice(0, 4)
      .map((fn) => fn.name);

    it('has functions with lines', () => {
      expect(hottest.length).toBeGreaterThan(0);
    });

    it.each(hottest)('%s', async (functionName) => {
      const details = computeFunctionDetails(bytes, functionName);
      const files = await annotateJson([path.join(PROFILES_DIR, name), '-f', functionName]);
      const fileNames = [...new Set(details.versions.map((v) => v.fileName))];
      expect(files.map((f) => f.file).sort()).toEqual(fileNames.sort());
      for (const file of files) {
        const versions = details.versions.filter((v) => v.fileName === file.file);
        expect(file.unit).toBe(details.unit);
        expect(file.self).toBe(versions.reduce((sum, v) => sum + v.self, 0));
        expect(file.total).toBe(versions.reduce((sum, v) => sum + v.total, 0));
        const panelLines = new Map<number, { self: number; total: number }>();
        for (const cost of versions.flatMap((v) => v.lines)) {
          const sum = panelLines.get(cost.line) ?? { self: 0, total: 0 };
          panelLines.set(cost.line, { self: sum.self + cost.self, total: sum.total + cost.total });
        }
        expect(file.lines).toEqual(
          [...panelLines.entries()].sort(([a], [b]) => a - b).map(([line, sum]) => ({ line, ...sum }))
        );
      }
    });
  });
});

describe('the built command, as a user runs it', () => {
  beforeAll(() => {
    buildCli();
    buildLabelsCli();
  }, 120_000);
  afterAll(() => removeBuild());

  const goV1 = path.join(PROFILES_DIR, 'shop-go-v1.cpu.pb.gz');

  it('prints main.handleRequest beside its source, the hottest lines marked', () => {
    const out = runBuilt([
      'annotate',
      goV1,
      '--function',
      'main.handleRequest',
      '--source',
      path.join(SOURCES_DIR, 'shop-go/v1'),
    ]);
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    const lines = out.stdout.split('\n');
    expect(lines[0]).toBe('main.handleRequest  /opt/linescope-samples/shop-go/main.go');
    expect(lines[1]).toMatch(/^cpu \(nanoseconds\): self 0, total 7\.37 s; source: .*shop-go\/v1\/main\.go$/);
    expect(lines).toContain('      .       .   67  func handleRequest(shop *catalog.Catalog, query string, n int) {');
    expect(lines).toContain('      .  3.38 s > 69      bundle := pricing.BestBundle(hits, 1200_00)');
  });

  it('reads the profile from standard input with -', () => {
    const out = runBuilt(['annotate', '-', '-f', 'main.handleRequest', '--format', 'json'], {
      input: readFileSync(goV1),
    });
    expect(out.status).toBe(0);
    const [file] = JSON.parse(out.stdout) as AnnotatedFile[];
    expect(file.lines.find((l) => l.line === 69)).toEqual({ line: 69, self: 0, total: 3_380_000_000 });
  });

  it('lists the hottest functions', () => {
    const out = runBuilt(['top', goV1, '-n', '3']);
    expect(out.status).toBe(0);
    expect(out.stdout.split('\n')).toEqual([
      'cpu (nanoseconds), profile total 7.57 s; 3 of 176 functions',
      '  self  self%   total  total%  function',
      '   2 s    26%     2 s     26%  runtime.asyncPreempt  (/usr/lib/go-1.19/src/runtime/preempt_amd64.s)',
      '1.90 s    25%  3.37 s     45%  github.com/linescope-demo/shop-go/pricing.bestSubset  (/opt/linescope-samples/shop-go/pricing/bundle.go)',
      '950 ms    13%  950 ms     13%  crypto/sha256.block  (/usr/lib/go-1.19/src/crypto/sha256/sha256block_amd64.s)',
      '',
    ]);
  });

  it('runs linescope-labels as linescope labels', () => {
    const repo = makeRepo({ 'go.mod': 'module example.com/shop\n' });
    repo.git('remote', 'add', 'origin', 'git@github.com:linescope-demo/shop-go.git');
    const alias = runBuilt(['labels', 'json', '--cwd', repo.dir], {
      env: { HOME: tmpdir(), GIT_CONFIG_NOSYSTEM: '1' },
    });
    const original = runLabelsCli(repo.dir, ['json']);
    expect(alias.status).toBe(0);
    expect(JSON.parse(alias.stdout)).toEqual({
      service_repository: 'https://github.com/linescope-demo/shop-go',
      service_git_ref: repo.git('rev-parse', 'HEAD'),
      service_root_path: '',
    });
    expect(alias).toEqual(original);
  });

  it('needs nothing beside its one file (what the published package holds)', async () => {
    const alone = mkdtempSync(path.join(tmpdir(), 'linescope-alone-'));
    try {
      copyFileSync(CLI, path.join(alone, 'cli.js'));
      const spawnAlone = (argv: string[]) =>
        spawnSync(process.execPath, [path.join(alone, 'cli.js'), ...argv], {
          cwd: alone,
          encoding: 'utf8',
          env: { PATH: '' },
        });
      const annotated = spawnAlone(['annotate', goV1, '-f', 'main.handleRequest', '--format', 'json']);
      expect(annotated.stderr).toBe('');
      expect(JSON.parse(annotated.stdout)[0].total).toBe(7_370_000_000);
      // The MCP server (the SDK inside the bundle) answers an initialize request and exits when its input ends.
      const initialize = JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'test', version: '1' } },
      });
      const mcp = spawnSync(process.execPath, [path.join(alone, 'cli.js'), 'mcp'], {
        cwd: alone,
        input: initialize + '\n',
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(mcp.status).toBe(0);
      expect(JSON.parse(mcp.stdout.split('\n')[0]).result.serverInfo).toEqual({ name: 'linescope', version: '0.1.0' });
    } finally {
      rmSync(alone, { recursive: true, force: true });
    }
  });

  it('refuses a gzip bomb before inflating it all, in a process with little memory', async () => {
    const bomb = path.join(tmpdir(), `linescope-bomb-${process.pid}.pb.gz`);
    // 600 MiB of zeros, gzipped to well under 1 MiB, streamed so that this test process holds none of it.
    const zeros = Readable.from(
      (function* () {
        for (let i = 0; i < 600; i++) {
          yield Buffer.alloc(1024 * 1024);
        }
      })()
    );
    await pipeline(zeros, createGzip({ level: 1 }), createWriteStream(bomb));
    try {
      const out = runBuilt(['annotate', bomb, '-f', 'main.main'], { nodeOptions: ['--max-old-space-size=256'] });
      expect(out).toEqual({
        status: 2,
        stdout: '',
        stderr: 'linescope: the profile inflates to more than 512 MiB: refused\n',
      });
    } finally {
      rmSync(bomb, { force: true });
    }
  }, 60_000);

  it('refuses with status 2 and a message on stderr, nothing on stdout', () => {
    const out = runBuilt(['annotate', goV1, '-f', 'main.handleRequst']);
    expect(out).toEqual({
      status: 2,
      stdout: '',
      stderr: 'linescope: no function named "main.handleRequst" in the profile; closest names:\n  main.handleRequest\n',
    });
  });
});
