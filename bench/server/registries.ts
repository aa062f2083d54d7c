/**
 * Registry requests per dependency file, for each registry (Go module proxy, npm, RubyGems, PyPI, Maven): GetFile of
 * one file of a package no replica has seen (cold: the baseline), the same file again on that replica, and on a
 * second replica sharing the cache tier (CACHE_URL, a real redis-server on loopback). Counted in the registry
 * double's request log and checked against each replica's `linescope_registry_requests_total`; never timed.
 * A warm read that reaches the registry, a file not found, or a metric that disagrees with the log is a failure.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createFixtureRepo } from '../../e2e/git-fixtures';
import { sourceServerEnv, startGitHubDouble } from '../../e2e/github-double';
import { RegistryDouble, startRegistryDouble } from '../../e2e/registry-doubles';
import { loadConfig } from '../../server/src/config';
import { createLogger } from '../../server/src/log';
import { RegistryKind } from '../../server/src/registries/registry';
import { createServer } from '../../server/src/server';
import { RedisServer, startRedis, waitUntil } from '../../server/test/redis';
import { benchSession, SESSION_SECRET } from './pyroscope-vcs';

interface RegistryCase {
  kind: RegistryKind;
  title: string;
  /** Where the double serves this registry (its request log's prefix). */
  prefix: string;
  /** A frame in the package, another file read only by the first replica, another read only by the second. */
  frame: Frame;
  sibling: Frame;
  unseen: Frame;
}

interface Frame {
  localPath: string;
  functionName?: string;
}

const CASES: RegistryCase[] = [
  {
    kind: 'goproxy',
    title: 'Go module proxy',
    prefix: '/goproxy/',
    frame: { localPath: '/root/go/pkg/mod/example.org/lib@v1.2.3/lib.go' },
    sibling: { localPath: '/root/go/pkg/mod/example.org/lib@v1.2.3/other.go' },
    unseen: { localPath: '/root/go/pkg/mod/example.org/lib@v1.2.3/third.go' },
  },
  {
    kind: 'npm',
    title: 'npm',
    prefix: '/npm/',
    frame: { localPath: '/app/node_modules/ms/index.js' },
    sibling: { localPath: '/app/node_modules/ms/other.js' },
    unseen: { localPath: '/app/node_modules/ms/third.js' },
  },
  {
    kind: 'rubygems',
    title: 'RubyGems',
    prefix: '/rubygems/',
    frame: { localPath: '/usr/local/bundle/gems/rack-3.0.8/lib/rack.rb' },
    sibling: { localPath: '/usr/local/bundle/gems/rack-3.0.8/lib/rack/other.rb' },
    unseen: { localPath: '/usr/local/bundle/gems/rack-3.0.8/lib/rack/third.rb' },
  },
  {
    kind: 'pypi',
    title: 'PyPI',
    prefix: '/pypi/',
    frame: { localPath: '/venv/lib/python3.12/site-packages/yaml/__init__.py' },
    sibling: { localPath: '/venv/lib/python3.12/site-packages/yaml/other.py' },
    unseen: { localPath: '/venv/lib/python3.12/site-packages/yaml/third.py' },
  },
  {
    kind: 'maven',
    title: 'Maven',
    prefix: '/maven/',
    frame: { localPath: 'Strings.java', functionName: 'com/google/common/base/Strings.repeat' },
    sibling: { localPath: 'Joiner.java', functionName: 'com/google/common/base/Joiner.on' },
    unseen: { localPath: 'Preconditions.java', functionName: 'com/google/common/base/Preconditions.checkArgument' },
  },
];

const SERVICE_FILES: Record<string, string> = {
  'package-lock.json': JSON.stringify({
    lockfileVersion: 3,
    packages: { '': { name: 'shop' }, 'node_modules/ms': { version: '2.1.3' } },
  }),
  'requirements.txt': 'PyYAML==6.0.1\n',
  '.pyroscope.yaml': `version: v1
source_code:
  mappings:
    - function_name:
        - prefix: com/google/common
      language: java
      source:
        maven:
          coordinates: com.google.guava:guava:33.0.0-jre
`,
};

async function startRegistries(): Promise<RegistryDouble> {
  return startRegistryDouble({
    goModules: [
      {
        module: 'example.org/lib',
        version: 'v1.2.3',
        files: { 'lib.go': 'package lib\n', 'other.go': 'package lib\n', 'third.go': 'package lib\n' },
      },
    ],
    npmPackages: [
      {
        name: 'ms',
        version: '2.1.3',
        files: { 'index.js': 'module.exports = ms;\n', 'other.js': '\n', 'third.js': '\n' },
      },
    ],
    gems: [
      {
        name: 'rack',
        version: '3.0.8',
        files: { 'lib/rack.rb': 'module Rack; end\n', 'lib/rack/other.rb': '\n', 'lib/rack/third.rb': '\n' },
      },
    ],
    pythonReleases: [
      {
        name: 'PyYAML',
        version: '6.0.1',
        files: { 'yaml/__init__.py': '#\n', 'yaml/other.py': '#\n', 'yaml/third.py': '#\n' },
      },
    ],
    mavenArtifacts: [
      {
        groupId: 'com.google.guava',
        artifactId: 'guava',
        version: '33.0.0-jre',
        sources: {
          'com/google/common/base/Strings.java': 'class Strings {}\n',
          'com/google/common/base/Joiner.java': 'class Joiner {}\n',
          'com/google/common/base/Preconditions.java': 'class Preconditions {}\n',
        },
      },
    ],
  });
}

interface Row {
  registry: RegistryCase;
  cold: string[];
  warmSame: number;
  warmShared: number;
  otherOnFirst: number;
  unseenOnSecond: number;
}

export interface RegistryBenchResult {
  lines: string[];
  /** Why the run failed (a warm read reaching the registry, a file not found, a metric off the log); empty if not. */
  failures: string[];
}

export async function registryBench(): Promise<RegistryBenchResult> {
  const work = mkdtempSync(path.join(tmpdir(), 'linescope-bench-registries-'));
  let redis: RedisServer | undefined;
  let registries: RegistryDouble | undefined;
  const stops: Array<() => Promise<void>> = [];
  try {
    redis = await startRedis();
    registries = await startRegistries();
    const repo = createFixtureRepo(work, 'acme/shop', [{ files: SERVICE_FILES }]);
    const github = await startGitHubDouble({ repos: [{ fullName: repo.fullName, dir: repo.dir }] });
    stops.push(() => github.stop());
    const config = loadConfig({
      PORT: '0',
      ...sourceServerEnv(github, SESSION_SECRET),
      LOG_LEVEL: 'silent',
      GOPROXY: registries.goproxyUrl,
      NPM_REGISTRY_URL: registries.npmUrl,
      RUBYGEMS_URL: registries.rubygemsUrl,
      PYPI_URL: registries.pypiUrl,
      MAVEN_URL: registries.mavenUrl,
      CACHE_URL: redis.url,
    });
    const { cookie } = benchSession(github);
    const replica = async () => {
      const server = createServer(config, { logger: createLogger('silent') });
      stops.push(() => server.close());
      const url = await server.listen(0, '127.0.0.1');
      return { url, getFile: (frame: Frame) => getFile(url, cookie, frame) };
    };
    const first = await replica();
    const second = await replica();
    const failures: string[] = [];
    const rows: Row[] = [];
    for (const registry of CASES) {
      const calls = async (work: () => Promise<void>) => {
        const before = registries!.calls(registry.prefix).length;
        await work();
        return registries!.calls(registry.prefix).slice(before);
      };
      const read = (on: typeof first, frame: Frame, what: string) => async () => {
        const status = await on.getFile(frame);
        if (status !== 200) {
          failures.push(`${registry.title}: ${what} answered ${status}, not the file`);
        }
      };
      const sharedFiles = () => redis!.client.keys('linescope:*:registry-files:*');
      const sharedBefore = (await sharedFiles()).length;
      const cold = await calls(read(first, registry.frame, 'the cold read'));
      // The tier is written in the background: the second replica is asked once the file is there.
      await waitUntil(async () => (await sharedFiles()).length > sharedBefore, 'the file in the tier', 5000).catch(() =>
        failures.push(`${registry.title}: the cold read put no file in the shared tier within 5 s`)
      );
      const row: Row = {
        registry,
        cold: cold.map((r) => `${r.status} ${r.path.slice(registry.prefix.length - 1)}`),
        warmSame: (await calls(read(first, registry.frame, 'the warm read'))).length,
        warmShared: (await calls(read(second, registry.frame, 'the second replica'))).length,
        otherOnFirst: (await calls(read(first, registry.sibling, 'another file'))).length,
        unseenOnSecond: 0,
      };
      // A file of the package no replica has read yet: the second replica has the index, not the archive.
      row.unseenOnSecond = (await calls(read(second, registry.unseen, 'another file on the second replica'))).length;
      rows.push(row);
      if (row.cold.length === 0) {
        failures.push(`${registry.title}: the cold read made no registry request (the bench measures nothing)`);
      }
      if (row.warmSame > 0 || row.warmShared > 0) {
        failures.push(
          `${registry.title}: a warm read reached the registry (same replica ${row.warmSame}, second replica ${row.warmShared})`
        );
      }
    }
    const [onFirst, onSecond] = await Promise.all([registryMetric(first.url), registryMetric(second.url)]);
    for (const row of rows) {
      const kind = row.registry.kind;
      const logged = [row.cold.length + row.warmSame + row.otherOnFirst, row.warmShared + row.unseenOnSecond];
      const counted = [onFirst.get(kind) ?? 0, onSecond.get(kind) ?? 0];
      if (logged[0] !== counted[0] || logged[1] !== counted[1]) {
        failures.push(
          `${row.registry.title}: linescope_registry_requests_total says ${counted.join(' and ')}, the double's log ${logged.join(' and ')}`
        );
      }
    }
    return { lines: table(rows), failures };
  } finally {
    for (const stop of stops.reverse()) {
      await stop();
    }
    await registries?.close();
    await redis?.close();
    rmSync(work, { recursive: true, force: true });
  }
}

async function getFile(url: string, cookie: string, frame: Frame): Promise<number> {
  const res = await fetch(`${url}/vcs.v1.VCSService/GetFile`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({
      repositoryURL: 'https://github.com/acme/shop',
      ref: 'main',
      localPath: frame.localPath,
      functionName: frame.functionName ?? '',
    }),
  });
  await res.arrayBuffer();
  return res.status;
}

/** linescope_registry_requests_total of one replica, summed over status codes, by registry. */
async function registryMetric(url: string): Promise<Map<string, number>> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const totals = new Map<string, number>();
  for (const match of text.matchAll(/^linescope_registry_requests_total\{([^}]*)\} (\d+)$/gm)) {
    const registry = /registry="([^"]*)"/.exec(match[1])?.[1] ?? '';
    totals.set(registry, (totals.get(registry) ?? 0) + Number(match[2]));
  }
  return totals;
}

function table(rows: Row[]): string[] {
  const ratio = (n: number, cold: number) => `${n} (${(n / Math.max(1, cold)).toFixed(2)}x)`;
  const lines = [
    'Registry requests per dependency file (GetFile; the registry double’s log, checked against linescope_registry_requests_total)',
    `  ${'registry'.padEnd(18)} ${'cold'.padStart(4)}   ${'warm, same replica'.padStart(18)}   ${'warm, 2nd replica (shared tier)'.padStart(31)}   ${'another file: 1st / 2nd replica'.padStart(30)}`,
  ];
  for (const row of rows) {
    const cold = row.cold.length;
    lines.push(
      `  ${row.registry.title.padEnd(18)} ${String(cold).padStart(4)}   ${ratio(row.warmSame, cold).padStart(18)}   ${ratio(row.warmShared, cold).padStart(31)}   ${`${row.otherOnFirst} / ${row.unseenOnSecond}`.padStart(30)}`
    );
  }
  lines.push('  cold requests (status, path at the registry):');
  for (const row of rows) {
    lines.push(`    ${row.registry.title.padEnd(16)} ${row.cold.join(', ')}`);
  }
  lines.push(
    'cold = the first read of a file of a package no replica has seen (the baseline); warm must be 0. Another file:',
    'one the 1st replica reads after the cold one (its archive is in memory), and one no replica has read, on the 2nd',
    'replica (the tier holds the files read and the archive index, not archives: the download again).'
  );
  return lines;
}
