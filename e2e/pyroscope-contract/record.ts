// Records what a real Pyroscope answers to the contract queries (queries.ts): runs the binary PYROSCOPE_BIN (built
// elsewhere from grafana/pyroscope; nothing here builds it) on loopback with filesystem storage, pushes the sample
// profiles through its Push API at a time we choose, asks every query, then restarts it on the same data with
// SelectMergeProfile enforcing max_nodes and asks that recording's queries. Writes recorded/<limits>.json.
//
//   PYROSCOPE_BIN=/path/to/pyroscope npx tsx e2e/pyroscope-contract/record.ts
import { mkdtempSync, promises as fs, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { callQuerier, type RecordedExchange, type Recording } from './exchange';
import { pushSampleProfiles, waitForServices } from './push';
import { pyroscopeBinary, startPyroscope, type PyroscopePorts, type PyroscopeProcess } from './pyroscope-process';
import { contractQueries, type ContractLimits } from './queries';

const LIMIT_FLAGS: Record<ContractLimits, string[]> = {
  default: [],
  'select-merge-profile-limited': ['-querier.max-flamegraph-nodes-on-select-merge-profile=true'],
};

async function record(
  pyroscope: PyroscopeProcess,
  limits: ContractLimits,
  pushed: { atMs: number; files: string[] }
): Promise<Recording> {
  const queriedAtMs = Date.now();
  const exchanges: RecordedExchange[] = [];
  for (const query of contractQueries(pushed.atMs, limits)) {
    const answer = await callQuerier(pyroscope.url, query);
    exchanges.push({ ...query, ...answer });
    console.log(`${limits} ${query.name}: ${answer.status}`);
  }
  return {
    pyroscope: {
      ...pyroscope.version,
      flags: LIMIT_FLAGS[limits].join(' '),
      ...(process.env.PYROSCOPE_BUILD_NOTE ? { build: process.env.PYROSCOPE_BUILD_NOTE } : {}),
    },
    limits,
    pushedAtMs: pushed.atMs,
    pushedFiles: pushed.files,
    queriedAtMs,
    exchanges,
  };
}

async function write(recording: Recording): Promise<void> {
  const out = path.join(__dirname, 'recorded', `${recording.limits}.json`);
  await fs.mkdir(path.dirname(out), { recursive: true });
  // One exchange per line: compact (merged profiles are large) and still diffable.
  const { exchanges, ...head } = recording;
  const lines = exchanges.map((e) => JSON.stringify(e)).join(',\n');
  await fs.writeFile(out, `${JSON.stringify(head).slice(0, -1)},"exchanges":[\n${lines}\n]}\n`);
  console.log(`wrote ${out}`);
}

async function main() {
  const bin = pyroscopeBinary();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'linescope-pyroscope-'));
  try {
    let pushed: { atMs: number; files: string[] } | undefined;
    let ports: PyroscopePorts | undefined;
    for (const limits of Object.keys(LIMIT_FLAGS) as ContractLimits[]) {
      const pyroscope = await startPyroscope({ bin, dataDir, flags: LIMIT_FLAGS[limits], ports });
      ports = pyroscope.ports;
      try {
        if (!pushed) {
          const atMs = Math.floor(Date.now() / 1000) * 1000;
          const profiles = await pushSampleProfiles(pyroscope.url, atMs);
          console.log(`pushed ${profiles.length} profiles at ${new Date(atMs).toISOString()}`);
          await waitForServices(pyroscope.url, atMs, profiles);
          pushed = { atMs, files: profiles.map((p) => p.file) };
        }
        await write(await record(pyroscope, limits, pushed));
      } finally {
        await pyroscope.stop();
      }
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
