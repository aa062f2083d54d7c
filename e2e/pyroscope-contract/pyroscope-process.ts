// Runs a Pyroscope binary that someone built from grafana/pyroscope (PYROSCOPE_BIN; nothing here builds it) in
// single-binary mode on loopback with local filesystem storage, for recording its answers. Flags as Pyroscope's own
// integration tests set them (v2 storage, no self-profiling, no usage stats, ready at once).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';

export interface PyroscopePorts {
  http: number;
  grpc: number;
  memberlist: number;
  raft: number;
}

export interface PyroscopeProcess {
  url: string;
  /** Give them to a restart on the same data directory: the raft state names its server by address. */
  ports: PyroscopePorts;
  version: { version: string; revision: string; goVersion: string };
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export function pyroscopeBinary(): string {
  const bin = process.env.PYROSCOPE_BIN;
  if (!bin) {
    throw new Error('set PYROSCOPE_BIN to a pyroscope binary built from grafana/pyroscope (go build ./cmd/pyroscope)');
  }
  return bin;
}

export async function startPyroscope(opts: {
  bin: string;
  dataDir: string;
  env?: NodeJS.ProcessEnv;
  flags?: string[];
  ports?: PyroscopePorts;
  log?: (line: string) => void;
}): Promise<PyroscopeProcess> {
  const ports = opts.ports ?? {
    http: await freePort(),
    grpc: await freePort(),
    memberlist: await freePort(),
    raft: await freePort(),
  };
  const { http, grpc, memberlist, raft } = ports;
  const dir = (...p: string[]) => {
    const d = path.join(opts.dataDir, ...p);
    mkdirSync(d, { recursive: true });
    return d;
  };
  const args = [
    '-target=all',
    '-architecture.storage=v2',
    '-self-profiling.disable-push=true',
    '-usage-stats.enabled=false',
    '-metastore.min-ready-duration=0s',
    '-segment-writer.min-ready-duration=0s',
    `-server.http-listen-address=127.0.0.1`,
    `-server.http-listen-port=${http}`,
    `-server.grpc-listen-address=127.0.0.1`,
    `-server.grpc-listen-port=${grpc}`,
    `-memberlist.bind-addr=127.0.0.1`,
    `-memberlist.bind-port=${memberlist}`,
    `-memberlist.advertise-addr=127.0.0.1`,
    `-memberlist.advertise-port=${memberlist}`,
    // Every ring member on loopback (the default is the first interface's address).
    '-segment-writer.lifecycler.addr=127.0.0.1',
    '-distributor.ring.instance-addr=127.0.0.1',
    '-query-frontend.instance-addr=127.0.0.1',
    `-metastore.address=127.0.0.1:${grpc}`,
    `-query-backend.address=127.0.0.1:${grpc}`,
    `-metastore.raft.server-id=127.0.0.1:${raft}`,
    `-metastore.raft.bind-address=127.0.0.1:${raft}`,
    `-metastore.raft.advertise-address=127.0.0.1:${raft}`,
    '-storage.backend=filesystem',
    `-storage.filesystem.dir=${dir('shared')}`,
    `-metastore.data-dir=${dir('metastore', 'data')}`,
    `-metastore.raft.dir=${dir('metastore', 'raft')}`,
    `-metastore.raft.snapshots-dir=${dir('metastore', 'raft')}`,
    ...(opts.flags ?? []),
  ];
  const child: ChildProcess = spawn(opts.bin, args, {
    env: opts.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
      lines.push(line);
      opts.log?.(line);
    }
    lines.splice(0, Math.max(0, lines.length - 200));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${http}`;
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
  };
  try {
    await waitReady(url, exited, lines);
    const info = (await (await fetch(`${url}/api/v1/status/buildinfo`)).json()) as {
      data?: { version?: string; revision?: string; goVersion?: string };
    };
    return {
      url,
      ports,
      version: {
        version: info.data?.version ?? '',
        revision: info.data?.revision ?? '',
        goVersion: info.data?.goVersion ?? '',
      },
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}

async function waitReady(
  url: string,
  exited: Promise<number | null>,
  lines: string[],
  timeoutMs = 120_000
): Promise<void> {
  let done = false;
  void exited.then(() => (done = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (done) {
      throw new Error(`pyroscope exited before it was ready:\n${lines.slice(-30).join('\n')}`);
    }
    try {
      // /ready says ready before the segment writer has joined its ring; pushes fail until it is ACTIVE there.
      const ready = await fetch(`${url}/ready`);
      const ring = ready.ok ? await (await fetch(`${url}/ring-segment-writer`)).text() : '';
      if (ring.includes('ACTIVE')) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`pyroscope not ready after ${timeoutMs} ms:\n${lines.slice(-30).join('\n')}`);
}
