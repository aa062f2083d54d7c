/**
 * Source-server benchmark. For a fixed set of frames from the recorded sample profiles, against the GitHub double
 * serving the sample repositories (and golang/go, python/cpython, openjdk/jdk17u stand-ins):
 *   - GitHub calls per GetFile: Linescope cold (empty cache for each frame), first pass (cache filling up),
 *     warm (second pass), beside the calls the reference algorithm (Pyroscope's, modelled in reference.ts) makes;
 *   - GetFile latency over HTTP with a simulated 50 ms GitHub round trip, cold and warm, beside the reference's;
 *   - GitHub calls of a cold burst of 200 identical concurrent GetFile requests (one user, one file) beside the
 *     same 200 requests one after another on a cold server;
 *   - registry requests per dependency file, per registry: cold, warm on the same replica and on a second replica
 *     sharing the cache tier (registries.ts); the run fails (exit 1) when a warm read reaches a registry.
 * Everything is measured in the same run; the ratios are what to read.
 *
 *   npm run bench:server            (BENCH_FRAMES=<n> to change the number of frames, default 45)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sourceServerEnv, type GitHubDouble } from '../../e2e/github-double';
import { loadConfig } from '../../server/src/config';
import { createLogger } from '../../server/src/log';
import { parseRepositoryUrl, Repository } from '../../server/src/hosts/repository';
import { createServer } from '../../server/src/server';
import { startBenchDouble } from './double';
import {
  askPyroscope,
  benchSession,
  frameKey,
  getFile as getFileAnswer,
  readRecordedGetFile,
  SESSION_SECRET,
  type GetFileAnswer,
  type PyroscopeGetFileRecording,
} from './pyroscope-vcs';
import { BENCH_FRAMES, pickFrames, sampleFrames, SampleFrame } from '../../samples/frames';
import { referenceResolve } from './reference';
import { registryBench } from './registries';

const RTT_MS = 50;
const BURST = 200;

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'linescope-bench-'));
  try {
    const frames = pickFrames(sampleFrames(), BENCH_FRAMES);
    const double = await startBenchDouble(work, frames);
    try {
      await run(double, frames);
    } finally {
      await double.stop();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const registries = await registryBench();
  process.stdout.write(`\n${registries.lines.join('\n')}\n`);
  if (registries.failures.length > 0) {
    process.stderr.write(
      `\nFAILED: registry requests per file\n${registries.failures.map((f) => `  ${f}\n`).join('')}`
    );
    process.exit(1);
  }
}

interface Pass {
  calls: number[];
  /** Conditional requests answered 304 (GitHub does not count them against the rate limit). */
  notModified: number;
  ms: number[];
  found: number;
}

async function run(double: GitHubDouble, frames: SampleFrame[]): Promise<void> {
  const { token, cookie } = benchSession(double);
  const config = loadConfig({
    PORT: '0',
    ...sourceServerEnv(double, SESSION_SECRET),
    LOG_LEVEL: 'silent',
  });
  const newServer = async () => {
    const server = createServer(config, { logger: createLogger('silent') });
    return { server, url: await server.listen(0, '127.0.0.1') };
  };
  const getFile = async (url: string, f: SampleFrame) =>
    (await getFileAnswer(url, cookie, f, double.url)).status === 200;
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
    const repository = parseRepositoryUrl(f.repositoryURL, {
      kind: 'github',
      webUrl: double.url,
      aliases: ['github.com'],
    });
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
  lines.push('');
  lines.push(...(await realPyroscopeLines(double, frames, results.cold, sum(ref.calls), newServer, cookie)));
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

/**
 * The real Pyroscope's vcs.v1 beside Linescope: live when PYROSCOPE_BIN names a binary (bench/server/pyroscope-vcs.ts
 * runs it against this double), else the recorded answers and call counts of bench/server/pyroscope-getfile.json.
 * Its GitHub calls per frame, and whether both servers answer each frame the same (found or not, same content).
 */
async function realPyroscopeLines(
  double: GitHubDouble,
  frames: SampleFrame[],
  cold: Pass,
  modelCalls: number,
  newServer: () => Promise<{ server: { close(): Promise<void> }; url: string }>,
  cookie: string
): Promise<string[]> {
  const bin = process.env.PYROSCOPE_BIN;
  const recording: PyroscopeGetFileRecording | undefined = bin
    ? await askPyroscope(bin, double, frames)
    : readRecordedGetFile();
  if (!recording) {
    return ['Real Pyroscope: no PYROSCOPE_BIN and no recording (bench/server/pyroscope-getfile.json).'];
  }
  const byKey = new Map(recording.frames.map((f) => [f.key, f]));
  const asked = frames.map((f, i) => ({ frame: f, cold: cold.calls[i], real: byKey.get(frameKey(f)) }));
  const known = asked.filter((a) => a.real !== undefined);
  const { server, url } = await newServer();
  const ours = new Map<string, GetFileAnswer>();
  try {
    for (const a of known) {
      ours.set(frameKey(a.frame), await getFileAnswer(url, cookie, a.frame, double.url));
    }
  } finally {
    await server.close();
  }
  const same = known.filter((a) => {
    const o = ours.get(frameKey(a.frame))!;
    return o.status === 200 ? o.contentSha256 === a.real!.contentSha256 : a.real!.status !== 200;
  });
  const realCalls = known.map((a) => a.real!.calls);
  const coldCalls = known.map((a) => a.cold);
  const total = (xs: number[]) => xs.reduce((x, y) => x + y, 0);
  const source = bin ? 'run now' : `recorded ${recording.recordedAt.slice(0, 10)}`;
  const out = [
    `Real Pyroscope ${recording.pyroscope.version} (${recording.pyroscope.revision.slice(0, 9)}), its vcs.v1 through a TLS proxy to this double, ${source}: ${known.length}/${frames.length} frames`,
    `  GitHub calls: Pyroscope ${total(realCalls)} (mean ${(total(realCalls) / Math.max(1, known.length)).toFixed(2)}, max ${Math.max(0, ...realCalls)}), found ${known.filter((a) => a.real!.status === 200).length}; the model of its algorithm ${modelCalls}; Linescope cold ${total(coldCalls)} = ${(total(coldCalls) / Math.max(1, total(realCalls))).toFixed(2)}x Pyroscope`,
    `  Same answer as Pyroscope (found with the same content, or both not found): ${same.length}/${known.length}`,
  ];
  const differing = known.filter((a) => !same.includes(a));
  for (const a of differing.slice(0, 12)) {
    const o = ours.get(frameKey(a.frame))!;
    out.push(`    Pyroscope ${a.real!.status}, Linescope ${o.status}: ${a.frame.localPath} ${a.frame.functionName}`);
  }
  if (differing.length > 12) {
    out.push(`    … and ${differing.length - 12} more`);
  }
  return out;
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
