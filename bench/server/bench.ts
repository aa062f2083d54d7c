/**
 * Source-server benchmark. For a fixed set of frames from the recorded sample profiles, against the GitHub double
 * serving the sample repositories (and golang/go, python/cpython, openjdk/jdk17u stand-ins):
 *   - GitHub calls per GetFile: Linescope cold (empty cache for each frame), first pass (cache filling up),
 *     warm (second pass), beside the calls the reference algorithm (Pyroscope's, modelled in reference.ts) makes;
 *   - GetFile latency over HTTP with a simulated 50 ms GitHub round trip, cold and warm, beside the reference's;
 *   - GitHub calls of a cold burst of 200 identical concurrent GetFile requests (one user, one file) beside the
 *     same 200 requests one after another on a cold server.
 * Everything is measured in the same run; the ratios are what to read.
 *
 *   npm run bench:server            (BENCH_FRAMES=<n> to change the number of frames, default 45)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  createFixtureRepo,
  createStdlibStandIns,
  GithubDouble,
  SAMPLE_TOOLCHAINS,
  sourceServerEnv,
  startGithubDouble,
} from '../../e2e/github-double';
import { createSampleRepos } from '../../samples/repos';
import { loadConfig } from '../../server/src/config';
import { createLogger } from '../../server/src/log';
import { parseRepositoryUrl, Repository } from '../../server/src/hosts/github/repository-url';
import { createServer } from '../../server/src/server';
import { encodeSessionCookie } from '../../server/src/session/cookie';
import { deriveKey, encryptToken } from '../../server/src/session/token';
import { sampleFrames, SampleFrame } from './frames';
import { referenceResolve } from './reference';

const RTT_MS = 50;
const BURST = 200;
const SECRET = 'bench-session-secret-0123456789abcdef';

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'linescope-bench-'));
  try {
    const frames = pickFrames(sampleFrames(), Number(process.env.BENCH_FRAMES ?? 45));
    const double = await startDouble(work, frames);
    try {
      await run(double, frames);
    } finally {
      await double.stop();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Unique frames, the same number from each service, spread evenly over each profile's function table. */
function pickFrames(all: SampleFrame[], count: number): SampleFrame[] {
  const unique = new Map<string, SampleFrame>();
  for (const f of all) {
    if (f.localPath && !f.localPath.startsWith('<')) {
      unique.set(`${f.repositoryURL}@${f.ref}:${f.localPath}:${f.functionName}`, f);
    }
  }
  const byService = new Map<string, SampleFrame[]>();
  for (const f of unique.values()) {
    byService.set(f.repositoryURL, [...(byService.get(f.repositoryURL) ?? []), f]);
  }
  const per = Math.ceil(count / byService.size);
  const picked: SampleFrame[] = [];
  for (const list of byService.values()) {
    const step = list.length / per;
    for (let i = 0; i < per && i < list.length; i++) {
      picked.push(list[Math.floor(i * step)]);
    }
  }
  return picked;
}

async function startDouble(work: string, frames: SampleFrame[]): Promise<GithubDouble> {
  const repos = await createSampleRepos(path.join(work, 'repos'));
  const [go, cpython] = createStdlibStandIns(
    work,
    frames.map((f) => f.localPath),
    { go: SAMPLE_TOOLCHAINS.go, python: SAMPLE_TOOLCHAINS.python }
  ).map((standIn) => standIn.repo!);
  const jdkFiles: Record<string, string> = {};
  for (const f of frames.filter((x) => /^(java|jdk|sun)\//.test(x.localPath))) {
    jdkFiles[`src/java.base/share/classes/${f.localPath}`] = `// ${f.localPath}\n`;
  }
  const jdk = createFixtureRepo(work, 'openjdk/jdk17u', [{ files: jdkFiles, tags: ['jdk-17.0.15+6'] }]);
  return startGithubDouble({
    repos: [
      ...repos.map((r) => ({ fullName: r.fullName, dir: r.dir, defaultBranch: r.defaultBranch })),
      { fullName: 'golang/go', dir: go.dir, defaultBranch: 'master' },
      { fullName: 'python/cpython', dir: cpython.dir, defaultBranch: 'main' },
      { fullName: 'openjdk/jdk17u', dir: jdk.dir },
    ],
  });
}

interface Pass {
  calls: number[];
  /** Conditional requests answered 304 (GitHub does not count them against the rate limit). */
  notModified: number;
  ms: number[];
  found: number;
}

async function run(double: GithubDouble, frames: SampleFrame[]): Promise<void> {
  const token = double.issueToken('bench', 0).accessToken;
  const cookie = `pyroscope_git_session=${encodeSessionCookie(encryptToken({ accessToken: token }, deriveKey(SECRET, 'anonymous')))}`;
  const config = loadConfig({
    PORT: '0',
    ...sourceServerEnv(double, SECRET),
    LOG_LEVEL: 'silent',
  });
  const newServer = async () => {
    const server = createServer(config, { logger: createLogger('silent') });
    return { server, url: await server.listen(0, '127.0.0.1') };
  };
  const getFile = async (url: string, f: SampleFrame) => {
    const res = await fetch(`${url}/vcs.v1.VCSService/GetFile`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({
        repositoryURL: f.repositoryURL,
        ref: f.ref,
        rootPath: f.rootPath,
        localPath: f.localPath,
        functionName: f.functionName,
      }),
    });
    await res.arrayBuffer();
    return res.status === 200;
  };
  const measure = async (fn: (f: SampleFrame) => Promise<boolean>): Promise<Pass> => {
    const pass: Pass = { calls: [], notModified: 0, ms: [], found: 0 };
    for (const frame of frames) {
      const before = double.apiCalls().length;
      const started = performance.now();
      if (await fn(frame)) {
        pass.found++;
      }
      pass.ms.push(performance.now() - started);
      const made = double.apiCalls().slice(before);
      pass.calls.push(made.length);
      pass.notModified += made.filter((r) => r.status === 304).length;
    }
    return pass;
  };

  // The reference algorithm: one uncached contents call per read, with the same token.
  const reference = async (f: SampleFrame) => {
    const repository = parseRepositoryUrl(f.repositoryURL, double.url, ['github.com']);
    return referenceResolve(
      {
        read: async (repo: Repository, p: string, ref: string) => {
          const url = `${double.apiUrl}/repos/${repo.owner}/${repo.repo}/contents/${p.split('/').map(encodeURIComponent).join('/')}${ref ? `?ref=${encodeURIComponent(ref)}` : ''}`;
          const res = await fetch(url, {
            headers: { authorization: `Bearer ${token}`, accept: 'application/vnd.github.v3+json' },
          });
          const body = await res.arrayBuffer();
          if (res.status !== 200) {
            return undefined;
          }
          const json = JSON.parse(Buffer.from(body).toString('utf8')) as { content?: string; type?: string };
          return json.type === 'file' ? Buffer.from(json.content ?? '', 'base64') : undefined;
        },
      },
      { repository, ref: f.ref, path: f.localPath, rootPath: f.rootPath, functionName: f.functionName },
      double.url
    );
  };

  const results: Record<string, Pass> = {};
  for (const rtt of [0, RTT_MS]) {
    double.setLatency(rtt);
    const suffix = rtt ? ` @${rtt}ms` : '';
    results[`reference${suffix}`] = await measure(reference);
    // Cold: a server with an empty cache for every frame (started before the clock runs).
    const fresh = await Promise.all(frames.map(() => newServer()));
    try {
      results[`cold${suffix}`] = await measure((f) => getFile(fresh[frames.indexOf(f)].url, f));
    } finally {
      await Promise.all(fresh.map((s) => s.server.close()));
    }
    // One server: the first pass fills the cache (frames of a commit share config, tree and go.mod), then warm.
    const { server, url } = await newServer();
    try {
      results[`first pass${suffix}`] = await measure((f) => getFile(url, f));
      results[`warm${suffix}`] = await measure((f) => getFile(url, f));
    } finally {
      await server.close();
    }
  }

  // The burst at the simulated round trip, where concurrent callers overlap the most.
  const burstFrame = frames[0];
  const burstCalls = async (concurrent: boolean) => {
    const { server, url } = await newServer();
    try {
      const before = double.apiCalls().length;
      if (concurrent) {
        await Promise.all(Array.from({ length: BURST }, () => getFile(url, burstFrame)));
      } else {
        for (let i = 0; i < BURST; i++) {
          await getFile(url, burstFrame);
        }
      }
      return double.apiCalls().length - before;
    } finally {
      await server.close();
    }
  };
  const sequentialCalls = await burstCalls(false);
  const concurrentCalls = await burstCalls(true);
  double.setLatency(0);

  const counts = new Map<string, number>();
  frames.forEach((f) =>
    counts.set(
      f.repositoryURL.split('/').pop() as string,
      (counts.get(f.repositoryURL.split('/').pop() as string) ?? 0) + 1
    )
  );
  const ref = results.reference;
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const mean = (xs: number[]) => sum(xs) / xs.length;
  const pct = (xs: number[], p: number) =>
    [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
  const lines: string[] = [];
  lines.push(
    `Linescope source server benchmark: ${frames.length} frames of the recorded sample profiles (${[...counts].map(([k, v]) => `${k} ${v}`).join(', ')})`
  );
  lines.push('');
  lines.push('GitHub calls per GetFile            mean    max   total    304s   found   vs reference (total calls)');
  for (const name of ['reference', 'cold', 'first pass', 'warm']) {
    const r = results[name];
    lines.push(
      `  ${name.padEnd(32)} ${mean(r.calls).toFixed(2).padStart(5)} ${String(Math.max(...r.calls)).padStart(6)} ${String(sum(r.calls)).padStart(7)} ${String(r.notModified).padStart(7)} ${`${r.found}/${frames.length}`.padStart(7)}   ${name === 'reference' ? '1.00x' : `${(sum(r.calls) / Math.max(1, sum(ref.calls))).toFixed(2)}x`}`
    );
  }
  lines.push('');
  lines.push(
    `GetFile latency with a simulated ${RTT_MS} ms GitHub round trip (ms)   mean     p50     p95   vs reference (mean)`
  );
  const refLatency = results[`reference @${RTT_MS}ms`];
  for (const name of ['reference', 'cold', 'first pass', 'warm']) {
    const r = results[`${name} @${RTT_MS}ms`];
    lines.push(
      `  ${name.padEnd(62)} ${mean(r.ms).toFixed(1).padStart(6)} ${pct(r.ms, 50).toFixed(1).padStart(7)} ${pct(r.ms, 95).toFixed(1).padStart(7)}   ${(mean(r.ms) / mean(refLatency.ms)).toFixed(2)}x`
    );
  }
  lines.push('');
  lines.push(
    `GitHub calls of ${BURST} identical cold GetFile requests (one user, ${burstFrame.localPath || burstFrame.functionName})   calls   vs sequential`
  );
  lines.push(`  ${'one after another on a cold server'.padEnd(78)} ${String(sequentialCalls).padStart(5)}   1.00x`);
  lines.push(
    `  ${`${BURST} at once on a cold server (joined)`.padEnd(78)} ${String(concurrentCalls).padStart(5)}   ${(concurrentCalls / Math.max(1, sequentialCalls)).toFixed(2)}x`
  );
  const warm = results.warm;
  const stillCalling = frames.filter((_, i) => warm.calls[i] > 0);
  if (stillCalling.length > 0) {
    lines.push('');
    lines.push('Frames still calling GitHub when warm:');
    stillCalling.forEach((f) =>
      lines.push(`  ${warm.calls[frames.indexOf(f)]}  ${f.localPath || '(no path)'}  ${f.functionName}`)
    );
  }
  lines.push('');
  lines.push(
    "reference = Pyroscope's algorithm (no cache, one best mapping, 30 suffix tries), counted on the same double."
  );
  lines.push(
    'cold = an empty cache for each frame; first pass = one server, frames in order; warm = the same frames again.'
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
