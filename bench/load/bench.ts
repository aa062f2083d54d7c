/**
 * Load benchmark of the source server: the real server (in a process of its own) against the GitHub double on
 * loopback, 200 concurrent clients for a bounded time per phase. Each phase prints requests/s, p50/p99 latency and
 * the server's CPU time per request, each with its ratio to a no-op Connect handler measured in the same run with
 * the same clients, errors by code, the CPU the server and this process used, and the server's RSS:
 *   - noop:  a Connect handler answering the same GetFile at once (the baseline);
 *   - hot:   every client asks for the same file (in slices alternating with noop's, after one warm-up request
 *            per client);
 *   - churn: clients walk through 20,000 distinct files, so the cache fills and evicts; the memory the server
 *            retains must stay within the configured cache size plus a fixed margin (the check is printed, and
 *            fails the run).
 * The GitHub double serves a repository generated in memory (each file made from its path, the REST shapes and
 * ETags of the git-backed double), so that the churn measures the server rather than git.
 *
 *   npm run bench:load     (LOAD_SECONDS=<s> per phase, default 8; LOAD_CLIENTS, default 200;
 *                           LOAD_CACHE_MB, default 0.5, small so that the churn evicts; LOAD_FILES, default 20000;
 *                           LOAD_CPU_PROFILE=<dir>: the source server's CPU profiles of the hot and churn phases,
 *                           written there as hot.cpuprofile and churn.cpuprofile, and their tops printed)
 */
import { mkdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';

import { generatedStore } from '../../e2e/git-fixtures';
import { GitHubDouble, sourceServerEnv, startGitHubDouble } from '../../e2e/github-double';
import { encodeSessionCookie, SESSION_COOKIE } from '../../server/src/session/cookie';
import { deriveKey, encryptToken } from '../../server/src/session/token';
import { CpuProfile, formatProfileTop } from './cpu-profile';
import { ServerProcess } from './server-handle';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 8);
const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 200);
const CACHE_BYTES = Math.round(Number(process.env.LOAD_CACHE_MB ?? 0.5) * 1024 * 1024);
const FILES = Number(process.env.LOAD_FILES ?? 20_000);
const CPU_PROFILE_DIR = process.env.LOAD_CPU_PROFILE;
/**
 * What the server may keep beyond its cache after the churn: the refs, sessions and clients of 200 users, metrics,
 * the allocator's slack. The peak RSS is printed beside it but not bounded: at a few hundred requests/s it is mostly
 * garbage awaiting collection (requests in flight for a second outlive the young generation), not memory held.
 */
const MEMORY_MARGIN_BYTES = 16 * 1024 * 1024;
const SECRET = 'bench-load-session-secret-0123456789abcdef';
const HOT_FILE = 'cmd/server/main.go';
const HOT_CONTENT = `package main\n\n${'// The hot file every client asks for.\n'.repeat(60)}func main() {}\n`;

/** A file of the churn set: 8 KB of distinct Go source. */
function churnFile(i: number): string {
  return `package pkg${i}\n\n${`// File ${i} of the churn set: distinct content, eight kilobytes long.\n`.repeat(115)}`;
}
const churnPath = (i: number) => `pkg/p${Math.floor(i / 500)}/f${i}.go`;

interface PhaseResult {
  name: string;
  requests: number;
  seconds: number;
  p50: number;
  p99: number;
  codes: Map<string, number>;
  rss: { start: number; peak: number; end: number };
  /** CPU time per second of the phase (1 = one core busy): the server's, and this process's (clients, double). */
  cpu: { server: number; bench: number };
  distinctFiles: number;
  githubCalls?: number;
  latencies: number[];
}

/**
 * Keep-alive connections, one per client at most, as a browser's or a proxy's pool keeps them; a pool per phase,
 * so that no connection left idle between phases is closed by the server just as it is reused.
 */
const newAgent = () => new http.Agent({ keepAlive: true, maxSockets: CLIENTS });

/** One GetFile; resolves to "ok" or the Connect error code (or what went wrong on the client's side). */
function send(agent: http.Agent, url: string, body: string, cookie: string): Promise<string> {
  return new Promise((resolve) => {
    const request = http.request(
      `${url}/vcs.v1.VCSService/GetFile`,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', cookie } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          if (response.statusCode === 200) {
            return resolve('ok');
          }
          try {
            resolve(String((JSON.parse(Buffer.concat(chunks).toString()) as { code?: string }).code));
          } catch {
            resolve(`HTTP ${response.statusCode}`);
          }
        });
      }
    );
    request.on('error', (error) => resolve(`client: ${error.message}`));
    request.end(body);
  });
}

/**
 * One request per client, 20 at a time, not measured: each user's first call checks its access to the repository
 * with GitHub, a cost paid once per user and ACCESS_TTL_SECONDS, not per request.
 */
async function warmUp(server: ServerProcess, request: (client: number) => { body: string; cookie: string }) {
  const codes = new Map<string, number>();
  const agent = newAgent();
  for (let first = 0; first < CLIENTS; first += 20) {
    const batch = Array.from({ length: Math.min(20, CLIENTS - first) }, (_, k) => request(first + k));
    for (const code of await Promise.all(batch.map((r) => send(agent, server.url, r.body, r.cookie)))) {
      codes.set(code, (codes.get(code) ?? 0) + 1);
    }
  }
  agent.destroy();
  console.log(`warm-up: one request per client: ${[...codes].map(([code, n]) => `${code} ${n}`).join(', ')}`);
}

/** 200 clients, each sending its next request as soon as the previous one is answered, for SECONDS. */
async function runPhase(
  name: string,
  server: ServerProcess,
  double: GitHubDouble | undefined,
  request: (client: number, n: number) => { body: string; cookie: string },
  fileOf: (client: number, n: number) => string,
  seconds = SECONDS
): Promise<PhaseResult> {
  const latencies: number[] = [];
  const codes = new Map<string, number>();
  const files = new Set<string>();
  const agent = newAgent();
  const usageStart = await server.usage();
  const benchCpuStart = process.cpuUsage();
  let rssPeak = usageStart.rss;
  const sampler = setInterval(() => {
    void server.usage().then(({ rss }) => (rssPeak = Math.max(rssPeak, rss)));
  }, 100);
  double?.resetRequests();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let counter = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      while (performance.now() < deadline) {
        const n = counter++;
        const { body, cookie } = request(client, n);
        const sent = performance.now();
        const code = await send(agent, server.url, body, cookie);
        latencies.push(performance.now() - sent);
        codes.set(code, (codes.get(code) ?? 0) + 1);
        files.add(fileOf(client, n));
      }
    })
  );
  const elapsed = (performance.now() - started) / 1000;
  clearInterval(sampler);
  agent.destroy();
  const benchCpu = process.cpuUsage(benchCpuStart);
  const usageEnd = await server.usage();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return {
    name,
    requests: latencies.length,
    seconds: elapsed,
    p50: at(0.5),
    p99: at(0.99),
    codes,
    rss: { start: usageStart.rss, peak: Math.max(rssPeak, usageEnd.rss), end: usageEnd.rss },
    cpu: {
      server: (usageEnd.cpuMicros - usageStart.cpuMicros) / 1e6 / elapsed,
      bench: (benchCpu.user + benchCpu.system) / 1e6 / elapsed,
    },
    distinctFiles: files.size,
    githubCalls: double?.requests.length,
    latencies,
  };
}

/** Slices of one phase measured at different times, as one result. */
function merged(slices: PhaseResult[]): PhaseResult {
  const latencies = slices.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const codes = new Map<string, number>();
  slices.forEach((r) => r.codes.forEach((n, code) => codes.set(code, (codes.get(code) ?? 0) + n)));
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  const calls = slices.map((r) => r.githubCalls);
  const seconds = slices.reduce((sum, r) => sum + r.seconds, 0);
  return {
    name: slices[0].name,
    requests: latencies.length,
    seconds,
    p50: at(0.5),
    p99: at(0.99),
    codes,
    rss: {
      start: slices[0].rss.start,
      peak: Math.max(...slices.map((r) => r.rss.peak)),
      end: slices[slices.length - 1].rss.end,
    },
    cpu: {
      server: slices.reduce((sum, r) => sum + r.cpu.server * r.seconds, 0) / seconds,
      bench: slices.reduce((sum, r) => sum + r.cpu.bench * r.seconds, 0) / seconds,
    },
    distinctFiles: Math.max(...slices.map((r) => r.distinctFiles)),
    githubCalls: calls.includes(undefined) ? undefined : calls.reduce((sum = 0, n = 0) => sum + n, 0),
    latencies,
  };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/** Milliseconds of the server's CPU per answered request: unlike requests/s, it holds on a machine shared with others. */
const cpuPerRequest = (result: PhaseResult) => (result.cpu.server * result.seconds * 1000) / result.requests;

function print(result: PhaseResult, baseline?: PhaseResult): void {
  const rps = result.requests / result.seconds;
  const times = (ratio: number) => ` (${ratio.toFixed(2)}× the no-op's)`;
  const codes = [...result.codes].map(([code, count]) => `${code} ${count}`).join(', ');
  console.log(
    `${result.name.padEnd(6)} ${rps.toFixed(0).padStart(6)} req/s` +
      `${baseline ? times(rps / (baseline.requests / baseline.seconds)) : ''}; p50 ${result.p50.toFixed(1)} ms, ` +
      `p99 ${result.p99.toFixed(1)} ms${baseline ? times(result.p99 / baseline.p99) : ''}; ` +
      `${result.requests} requests over ${result.distinctFiles} distinct file(s): ${codes}; ` +
      (result.githubCalls === undefined ? '' : `${result.githubCalls} GitHub calls; `) +
      `server CPU per request ${cpuPerRequest(result).toFixed(2)} ms` +
      `${baseline ? times(cpuPerRequest(result) / cpuPerRequest(baseline)) : ''}; ` +
      `CPU cores busy: server ${result.cpu.server.toFixed(2)}, clients and double ${result.cpu.bench.toFixed(2)}; ` +
      `RSS start ${mb(result.rss.start)}, peak ${mb(result.rss.peak)}, end ${mb(result.rss.end)}`
  );
}

/**
 * The repository in memory, each file made from its path when it is read: a git process per read would hold the
 * churn to what git manages on this machine, and measure the double instead of the server.
 */
function startDouble(): Promise<GitHubDouble> {
  const files = new Map<string, string>([
    ['go.mod', 'module github.com/acme/app\n\ngo 1.22\n'],
    // Mappings send every path straight to its file: without them each lookup of a relative Go path starts with
    // the tree listing of the commit (20,000 entries), which a cache this small cannot keep.
    [
      '.pyroscope.yaml',
      [
        'version: v1',
        'source_code:',
        '  mappings:',
        '    - {path: [{prefix: pkg/}], language: go, source: {local: {path: pkg}}}',
        '    - {path: [{prefix: cmd/}], language: go, source: {local: {path: cmd}}}',
        '',
      ].join('\n'),
    ],
    [HOT_FILE, HOT_CONTENT],
  ]);
  const churnIndex = new Map(Array.from({ length: FILES }, (_, i) => [churnPath(i), i]));
  const store = generatedStore({
    paths: [...files.keys(), ...churnIndex.keys()],
    content: (path) => files.get(path) ?? churnFile(churnIndex.get(path)!),
    tags: ['v1'],
  });
  return startGitHubDouble({ repos: [{ fullName: 'acme/app', store }] });
}

const profileFile = (phase: string) => path.resolve(CPU_PROFILE_DIR ?? '', `${phase}.cpuprofile`);

async function startProfile(server: ServerProcess): Promise<void> {
  if (CPU_PROFILE_DIR) {
    await server.startProfile();
  }
}

async function stopProfile(server: ServerProcess, phase: string): Promise<void> {
  if (CPU_PROFILE_DIR) {
    mkdirSync(CPU_PROFILE_DIR, { recursive: true });
    await server.stopProfile(profileFile(phase));
  }
}

function printProfile(phase: string): void {
  if (CPU_PROFILE_DIR) {
    const profile = JSON.parse(readFileSync(profileFile(phase), 'utf8')) as CpuProfile;
    console.log(
      `\nCPU profile of the source server, ${phase} phase (${profileFile(phase)}):\n${formatProfileTop(profile)}`
    );
  }
}

async function main(): Promise<void> {
  let double: GitHubDouble | undefined;
  const servers: ServerProcess[] = [];
  try {
    double = await startDouble();
    const tokenKey = deriveKey(SECRET, 'anonymous');
    // One GitHub user per client: each has its own token and rate limit, as real users do.
    const cookies = Array.from({ length: CLIENTS }, (_, client) => {
      const granted = double!.issueToken(`user${client}`, 0);
      const sealed = encryptToken({ accessToken: granted.accessToken, tokenType: 'bearer' }, tokenKey);
      return `${SESSION_COOKIE}=${encodeSessionCookie(sealed)}`;
    });
    const getFile = (localPath: string) =>
      JSON.stringify({ repositoryURL: 'https://github.com/acme/app', ref: 'v1', localPath });
    const hot = getFile(HOT_FILE);

    console.log(`${CLIENTS} concurrent clients, ${SECONDS} s per phase, cache ${mb(CACHE_BYTES)}\n`);
    const noop = await ServerProcess.start('noop', { NOOP_CONTENT: HOT_CONTENT });
    servers.push(noop);
    const source = await ServerProcess.start('source', {
      ...sourceServerEnv(double, SECRET),
      CACHE_BYTES: String(CACHE_BYTES),
      LOG_LEVEL: 'warn',
    });
    servers.push(source);
    const idle = (await source.usage()).rss;
    const hotRequest = (client: number) => ({ body: hot, cookie: cookies[client] });
    await warmUp(source, hotRequest);
    // The no-op handler and the hot file in alternating slices: a machine whose load changes during the run
    // (other processes) weighs on both alike, so the ratio holds.
    const noopSlices: PhaseResult[] = [];
    const hotSlices: PhaseResult[] = [];
    await startProfile(source);
    for (let round = 0; round < 4; round++) {
      noopSlices.push(await runPhase('noop', noop, undefined, hotRequest, () => HOT_FILE, SECONDS / 4));
      hotSlices.push(await runPhase('hot', source, double, hotRequest, () => HOT_FILE, SECONDS / 4));
    }
    await stopProfile(source, 'hot');
    const baseline = merged(noopSlices);
    const hotResult = merged(hotSlices);
    print(baseline);
    print(hotResult, baseline);
    const retainedBefore = await source.retained();
    await startProfile(source);
    const churn = await runPhase(
      'churn',
      source,
      double,
      (client, n) => ({ body: getFile(churnPath(n % FILES)), cookie: cookies[client] }),
      (_client, n) => churnPath(n % FILES)
    );
    await stopProfile(source, 'churn');
    const retainedAfter = await source.retained();
    print(churn, baseline);
    printProfile('hot');
    printProfile('churn');

    // Against what the server retains once it has served the 200 clients (the hot phase): what the churn of 20,000
    // files adds must be the cache's worth, not one file per request.
    const limit = retainedBefore + CACHE_BYTES + MEMORY_MARGIN_BYTES;
    const within = retainedAfter <= limit;
    console.log(
      `\nmemory (heap and buffers after a full GC): ${mb(retainedAfter)} after the churn ${within ? '≤' : '>'} ` +
        `${mb(retainedBefore)} before + cache ${mb(CACHE_BYTES)} + margin ${mb(MEMORY_MARGIN_BYTES)} = ${mb(limit)}: ` +
        `${within ? 'OK' : 'FAILED'}; RSS idle ${mb(idle)}, at churn start ${mb(churn.rss.start)}, ` +
        `churn peak ${mb(churn.rss.peak)}`
    );
    if (!within) {
      process.exitCode = 1;
    }
  } finally {
    servers.forEach((s) => s.stop());
    await double?.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
