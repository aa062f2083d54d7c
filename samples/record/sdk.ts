/**
 * Records the sample services as users' SDKs profile them: each service runs under the official Pyroscope SDK of its
 * language, which pushes to a running Pyroscope (PYROSCOPE_URL, e.g. http://127.0.0.1:4040; this script does not
 * build or start one), and the profile is read back through Pyroscope's querier (SelectMergeProfile), as the plugin
 * reads it. Writes samples/profiles/sdk-<service>.<kind>.pb.gz with the labels Pyroscope gives the series (the SDK's
 * tags, `service_name`, `pyroscope_spy`, …) and, for Go, `go tool pprof -list` goldens.
 *
 * SDKs: Go github.com/grafana/pyroscope-go (module proxy), Python pyroscope-io (PyPI), Node.js @pyroscope/nodejs
 * (npm), Java io.pyroscope:agent (Maven Central). Ruby's gem is on RubyGems, which these machines do not reach.
 *
 * Run: PYROSCOPE_URL=http://127.0.0.1:4040 npx tsx samples/record/sdk.ts [go python node java]
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { deploy, log, repoNamed, run, sampleRepos, tagOf } from './common';
import { writeGolden } from './go';
import { readBack, type SdkProfile } from './sdk-readback';
import { sampleRepoUrl, type SampleRepo } from '../repos';

export const SDK_VERSIONS = {
  go: 'github.com/grafana/pyroscope-go@v1.5.0',
  python: 'pyroscope-io==1.4.0',
  node: '@pyroscope/nodejs@0.6.4',
  java: 'io.pyroscope:agent:2.9.2',
} as const;

type Language = keyof typeof SDK_VERSIONS;
const RUN_SECONDS = 17;
const HERE = path.join(__dirname, 'sdk');

interface Recorded {
  service: string;
  /** The SDK's application name: the service_name Pyroscope gives the series. */
  app: string;
  repo: SampleRepo;
  sha: string;
  profiles: SdkProfile[];
}

function sdkEnv(url: string, app: string, repo: SampleRepo, sha: string, service: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PYROSCOPE_SERVER_ADDRESS: url,
    PYROSCOPE_APPLICATION_NAME: app,
    // What a deployment tags its profiles with so that Pyroscope (and Linescope) can find the source.
    PYROSCOPE_TAGS: `service_repository=${sampleRepoUrl(service)},service_git_ref=${sha},version=${tagOf(repo, sha)}`,
  };
  delete env.NODE_OPTIONS;
  return env;
}

async function recordGoSdk(dir: string, env: NodeJS.ProcessEnv): Promise<void> {
  cpSync(path.join(HERE, 'pyroscope_sdk.go'), path.join(dir, 'pyroscope_sdk.go'));
  const goEnv = { ...env, CGO_ENABLED: '0', GOFLAGS: '-buildvcs=false -mod=mod' };
  await run('go', ['get', SDK_VERSIONS.go], { cwd: dir, env: goEnv });
  await run('go', ['build', '-o', 'shop-go', '.'], { cwd: dir, env: goEnv });
  log((await run(path.join(dir, 'shop-go'), ['-duration', `${RUN_SECONDS}s`], { cwd: dir, env })).stdout.trim());
}

async function recordPythonSdk(dir: string, env: NodeJS.ProcessEnv, work: string): Promise<void> {
  const python = process.env.LINESCOPE_SAMPLES_PYTHON ?? '/usr/bin/python3';
  const venv = path.join(work, 'venv');
  await run(python, ['-m', 'venv', venv]);
  await run(path.join(venv, 'bin/pip'), ['install', '--quiet', SDK_VERSIONS.python]);
  const boot = path.join(work, 'pyroscope_sdk_boot.py');
  cpSync(path.join(HERE, 'pyroscope_sdk_boot.py'), boot);
  const { stdout } = await run(path.join(venv, 'bin/python'), [boot, '--duration', String(RUN_SECONDS)], {
    cwd: dir,
    env,
  });
  log(stdout.trim());
}

async function recordNodeSdk(dir: string, env: NodeJS.ProcessEnv): Promise<void> {
  const esbuild = path.join(__dirname, '../../node_modules/.bin/esbuild');
  await run(
    esbuild,
    ['src/*.ts', '--outdir=dist', '--platform=node', '--format=cjs', '--target=node20', '--sourcemap'],
    {
      cwd: dir,
      shell: true,
    }
  );
  await run('npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', SDK_VERSIONS.node], {
    cwd: dir,
  });
  const boot = path.join(dir, 'node_modules/.linescope/pyroscope-sdk-boot.mjs');
  cpSync(path.join(HERE, 'pyroscope-sdk-boot.mjs'), boot);
  const { stdout } = await run(process.execPath, [boot, 'dist/main.js', '--duration', String(RUN_SECONDS)], {
    cwd: dir,
    env: { ...env, PYROSCOPE_SOURCE_MAPS: path.join(dir, 'dist') },
  });
  log(stdout.trim());
}

async function recordJavaSdk(dir: string, env: NodeJS.ProcessEnv): Promise<void> {
  const [group, artifact, version] = SDK_VERSIONS.java.split(':');
  await run('mvn', ['-q', '-B', 'dependency:get', `-Dartifact=${SDK_VERSIONS.java}`, '-Dtransitive=false']);
  const jar = path.join(
    os.homedir(),
    '.m2/repository',
    ...group.split('.'),
    artifact,
    version,
    `${artifact}-${version}.jar`
  );
  if (!existsSync(jar)) {
    throw new Error(`${jar} is missing after mvn dependency:get`);
  }
  const sources = (await run('find', ['src', '-name', '*.java'], { cwd: dir })).stdout.trim().split('\n').sort();
  await run('javac', ['-g', '-d', 'build/classes', ...sources], { cwd: dir });
  const tags = env.PYROSCOPE_TAGS ?? '';
  const { stdout } = await run(
    'java',
    [`-javaagent:${jar}`, '-cp', 'build/classes', 'com.linescope.shop.Main', String(RUN_SECONDS)],
    {
      cwd: dir,
      env: {
        ...env,
        PYROSCOPE_LABELS: tags,
        PYROSCOPE_UPLOAD_INTERVAL: '5s',
        PYROSCOPE_FORMAT: 'jfr',
        PYROSCOPE_LOG_LEVEL: 'info',
      },
    }
  );
  log(stdout.trim());
}

const SERVICES: Record<
  Language,
  { service: string; record: (dir: string, env: NodeJS.ProcessEnv, work: string) => Promise<void> }
> = {
  go: { service: 'shop-go', record: recordGoSdk },
  python: { service: 'shop-python', record: recordPythonSdk },
  node: { service: 'shop-node', record: recordNodeSdk },
  java: { service: 'shop-java', record: recordJavaSdk },
};

export async function recordSdk(url: string, languages: Language[]): Promise<Recorded[]> {
  const { repos, cleanup } = await sampleRepos();
  const recorded: Recorded[] = [];
  try {
    for (const language of languages) {
      const { service, record } = SERVICES[language];
      const repo = repoNamed(repos, service);
      const sha = Object.values(repo.commits).pop()!;
      const app = `${service}-sdk`;
      const dir = await deploy(repo, sha, service);
      const work = mkdtempSync(path.join(os.tmpdir(), `linescope-sdk-${language}-`));
      try {
        const from = Date.now();
        log(`running ${service} at ${sha.slice(0, 12)} for ${RUN_SECONDS}s under ${SDK_VERSIONS[language]}`);
        await record(dir, sdkEnv(url, app, repo, sha, service), work);
        // The last upload can arrive a few seconds after the process ends (Java's agent flushes on exit).
        await new Promise((r) => setTimeout(r, 3000));
        const profiles = await readBack(url, app, sha, `sdk-${service}`, from - 1000, Date.now() + 60_000);
        recorded.push({ service, app, repo, sha, profiles });
        for (const p of profiles) {
          log(`wrote ${p.name} (${p.profileTypeId}, ${p.samples} samples)`);
          if (language === 'go') {
            const goVersion = (await run('go', ['env', 'GOVERSION'])).stdout.trim();
            await writeGolden(p.name, p.file, p.kind === 'cpu' ? 'sdk-cpu' : 'sdk-heap', goVersion);
          }
        }
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    }
  } finally {
    cleanup();
  }
  return recorded;
}

if (require.main === module) {
  const url = process.env.PYROSCOPE_URL;
  const asked = process.argv.slice(2) as Language[];
  const unknown = asked.filter((a) => !(a in SERVICES));
  if (!url || unknown.length > 0) {
    console.error(
      `usage: PYROSCOPE_URL=http://127.0.0.1:4040 tsx samples/record/sdk.ts [${Object.keys(SERVICES).join(' ')}]`
    );
    process.exit(2);
  }
  recordSdk(url.replace(/\/$/, ''), asked.length > 0 ? asked : (Object.keys(SERVICES) as Language[])).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
