/**
 * Replicas benchmark: source servers as separate processes against the GitHub double, with and without a shared
 * cache (a real redis-server on loopback). Everything is measured in the same run; the ratios are what to read.
 *   - GitHub calls for the same work (30 files of one repository, requested in three waves): on one replica;
 *     on three replicas each with its own memory only; on three replicas sharing the cache, each wave on the
 *     next replica. Goal: three sharing cost at most 1.15× one.
 *   - GetFile requests per second of the warm files under 200 concurrent clients: one replica, and three sharing
 *     the cache behind a round-robin balancer.
 *
 *   npm run bench:scale        (BENCH_SECONDS=<n> per throughput run, default 5)
 */
import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { createFixtureRepo } from '../../e2e/git-fixtures';
import { GitHubDouble, sourceServerEnv, startGitHubDouble } from '../../e2e/github-double';
import { freePort, RedisServer, startRedis, waitUntil } from '../../server/test/redis';
import { encodeSessionCookie } from '../../server/src/session/cookie';
import { deriveKey, encryptToken } from '../../server/src/session/token';
import { tempDir } from '../../server/test/helpers';

const SECRET = 'bench-session-secret-0123456789abcdef';
const FILES = 30;
const WAVES = 3;
const CLIENTS = 200;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROOT = path.resolve(__dirname, '../..');

interface Replica {
  url: string;
  stop(): Promise<void>;
}

async function startReplica(double: GitHubDouble, cacheUrl?: string): Promise<Replica> {
  const port = await freePort();
  const child: ChildProcess = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['server/src/main.ts'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      PORT: String(port),
      ...sourceServerEnv(double, SECRET),
      LOG_LEVEL: 'warn',
      ...(cacheUrl ? { CACHE_URL: cacheUrl } : {}),
    },
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntil(
    () =>
      fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false
      ),
    `replica on port ${port}`,
    30_000
  );
  if (cacheUrl) {
    // A replica that is still connecting to the cache serves without it; the work starts once all are connected.
    await waitUntil(
      () =>
        fetch(`${url}/metrics`).then(
          async (r) => /^linescope_shared_cache_up 1$/m.test(await r.text()),
          () => false
        ),
      `replica on port ${port} connected to the shared cache`,
      30_000
    );
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}

function frameOf(i: number) {
  return {
    repositoryURL: 'https://github.com/acme/shop',
    ref: 'main',
    localPath: `/home/runner/work/shop/shop/internal/part${i}/part${i}.go`,
    functionName: `github.com/acme/shop/internal/part${i}.Run`,
  };
}

async function getFile(url: string, cookie: string, i: number): Promise<boolean> {
  const res = await fetch(`${url}/vcs.v1.VCSService/GetFile`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(frameOf(i)),
  });
  await res.arrayBuffer();
  return res.status === 200;
}

/** The three waves, wave w on replicas[w % replicas.length]; the GitHub calls they cost and how many were found. */
async function waves(double: GitHubDouble, replicas: Replica[], cookie: string) {
  const before = double.apiCalls().length;
  let found = 0;
  for (let wave = 0; wave < WAVES; wave++) {
    const url = replicas[wave % replicas.length].url;
    const answers = await Promise.all(Array.from({ length: FILES }, (_, i) => getFile(url, cookie, i)));
    found += answers.filter(Boolean).length;
  }
  return { calls: double.apiCalls().length - before, found };
}

/** Requests per second of CLIENTS clients, each sending GetFile of a random warm file to the next replica. */
async function throughput(replicas: Replica[], cookie: string) {
  const deadline = performance.now() + SECONDS * 1000;
  let done = 0;
  let failed = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < deadline) {
        const url = replicas[next++ % replicas.length].url;
        if (await getFile(url, cookie, Math.floor(Math.random() * FILES))) {
          done++;
        } else {
          failed++;
        }
      }
    })
  );
  return { perSecond: done / SECONDS, failed };
}

async function main(): Promise<void> {
  const tmp = tempDir('bench-scale');
  const files: Record<string, string> = { 'go.mod': 'module github.com/acme/shop\n\ngo 1.22\n' };
  for (let i = 0; i < FILES; i++) {
    files[`internal/part${i}/part${i}.go`] = `package part${i}\n\nfunc Run() int { return ${i} }\n`;
  }
  const repo = createFixtureRepo(tmp.dir, 'acme/shop', [{ files }]);
  const double = await startGitHubDouble({ repos: [{ fullName: 'acme/shop', dir: repo.dir }] });
  let redis: RedisServer | undefined;
  const running: Replica[] = [];
  const start = async (count: number, cacheUrl?: string) => {
    const started = await Promise.all(Array.from({ length: count }, () => startReplica(double, cacheUrl)));
    running.push(...started);
    return started;
  };
  const stopAll = async () => {
    await Promise.all(running.splice(0).map((r) => r.stop()));
  };
  try {
    redis = await startRedis();
    const token = double.issueToken('bench', 0).accessToken;
    const cookie = `pyroscope_git_session=${encodeSessionCookie(encryptToken({ accessToken: token }, deriveKey(SECRET, 'anonymous')))}`;

    const one = await waves(double, await start(1), cookie);
    await stopAll();
    const apart = await waves(double, await start(3), cookie);
    await stopAll();
    await redis.client.flushdb();
    const sharing = await waves(double, await start(3, redis.url), cookie);
    await stopAll();

    // Throughput on warm caches (the waves above filled them), measured one after the other.
    const single = await start(1, redis.url);
    await waves(double, single, cookie);
    const oneRate = await throughput(single, cookie);
    await stopAll();
    const three = await start(3, redis.url);
    await waves(double, three, cookie);
    const threeRate = await throughput(three, cookie);
    await stopAll();

    const ratio = (a: number, b: number) => `${(a / Math.max(1, b)).toFixed(2)}x`;
    const lines = [
      `Linescope replicas benchmark: ${FILES} files of one repository in ${WAVES} waves, each wave on the next replica`,
      '',
      'GitHub calls for the work                                   calls   found   vs one replica',
      `  one replica                                              ${String(one.calls).padStart(6)} ${String(one.found).padStart(7)}   1.00x`,
      `  three replicas, memory only                              ${String(apart.calls).padStart(6)} ${String(apart.found).padStart(7)}   ${ratio(apart.calls, one.calls)}`,
      `  three replicas sharing one cache (CACHE_URL)             ${String(sharing.calls).padStart(6)} ${String(sharing.found).padStart(7)}   ${ratio(sharing.calls, one.calls)}   (goal <= 1.15x)`,
      '',
      `GetFile of warm files, ${CLIENTS} concurrent clients, ${SECONDS} s each        req/s  failed   vs one replica`,
      `  one replica                                              ${oneRate.perSecond.toFixed(0).padStart(6)} ${String(oneRate.failed).padStart(7)}   1.00x`,
      `  three replicas sharing one cache, round robin            ${threeRate.perSecond.toFixed(0).padStart(6)} ${String(threeRate.failed).padStart(7)}   ${ratio(threeRate.perSecond, oneRate.perSecond)}`,
      '',
      'Replicas are separate processes on this machine (they share its cores); the GitHub double and the clients',
      'run in the benchmark process, so requests per second show the shape, not a production figure.',
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await stopAll();
    await redis?.close();
    await double.stop();
    tmp.remove();
  }
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
