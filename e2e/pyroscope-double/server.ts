// A Pyroscope querier double on a real HTTP port (Connect protocol: JSON and binary proto, gzip).
import { connectNodeAdapter } from '@connectrpc/connect-node';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadProfileDir, type StoredSeries } from './profile-store';
import { querierRoutes } from './querier-service';
import { DEFAULT_FLAME_GRAPH_LIMITS, type FlameGraphLimits } from './query-validation';

export interface PyroscopeDoubleOptions {
  /** Directory of <name>.pb.gz + <name>.labels.json, or already ingested series. */
  profilesDir?: string;
  series?: StoredSeries[];
  port?: number;
  host?: string;
  replayAgeMs?: number;
  /** The clock the double answers by (default Date.now): replaying a recording sets it to the recording's time. */
  now?: () => number;
  /** The tenant's flame-graph limits (default: Pyroscope's). */
  limits?: Partial<FlameGraphLimits>;
}

export interface RunningService {
  url: string;
  close(): Promise<void>;
}

/** The path where tests read and change the tenant's limits at run time (Pyroscope reloads its runtime overrides). */
export const TENANT_LIMITS_PATH = '/__double/tenant-limits';

export async function startPyroscopeDouble(
  opts: PyroscopeDoubleOptions
): Promise<RunningService & { series: StoredSeries[] }> {
  const series = opts.series ?? (opts.profilesDir ? await loadProfileDir(opts.profilesDir) : []);
  let limits: FlameGraphLimits = { ...DEFAULT_FLAME_GRAPH_LIMITS, ...opts.limits };
  const handler = connectNodeAdapter({
    routes: querierRoutes({ series, replayAgeMs: opts.replayAgeMs, now: opts.now, limits: () => limits }),
  });
  const server = http.createServer((req, res) => {
    if (req.url === TENANT_LIMITS_PATH) {
      readLimits(req).then(
        (change) => {
          limits = { ...limits, ...change };
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(limits));
        },
        (e: Error) => res.writeHead(400, { 'content-type': 'text/plain' }).end(e.message)
      );
      return;
    }
    if (req.url === '/ready') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ready');
      return;
    }
    handler(req, res);
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    series,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A PUT's body: the limits to change (known names, right types); a GET changes nothing. */
async function readLimits(req: http.IncomingMessage): Promise<Partial<FlameGraphLimits>> {
  const chunks: Buffer[] = [];
  for await (const c of req) {
    chunks.push(c as Buffer);
  }
  if (req.method !== 'PUT') {
    return {};
  }
  const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  const out: Partial<FlameGraphLimits> = {};
  for (const [key, value] of Object.entries(body ?? {})) {
    const expected = typeof DEFAULT_FLAME_GRAPH_LIMITS[key as keyof FlameGraphLimits];
    if (
      !(key in DEFAULT_FLAME_GRAPH_LIMITS) ||
      typeof value !== expected ||
      (expected === 'number' && !Number.isInteger(value))
    ) {
      throw new Error(`unknown or mistyped limit: ${key}`);
    }
    (out as Record<string, unknown>)[key] = value;
  }
  return out;
}
