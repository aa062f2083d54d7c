// A Pyroscope querier double on a real HTTP port (Connect protocol: JSON and binary proto, gzip).
import { connectNodeAdapter } from '@connectrpc/connect-node';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadProfileDir, type StoredSeries } from './profile-store';
import { querierRoutes } from './querier-service';

export interface PyroscopeDoubleOptions {
  /** Directory of <name>.pb.gz + <name>.labels.json, or already ingested series. */
  profilesDir?: string;
  series?: StoredSeries[];
  port?: number;
  host?: string;
  replayAgeMs?: number;
}

export interface RunningService {
  url: string;
  close(): Promise<void>;
}

export async function startPyroscopeDouble(opts: PyroscopeDoubleOptions): Promise<RunningService & { series: StoredSeries[] }> {
  const series = opts.series ?? (opts.profilesDir ? await loadProfileDir(opts.profilesDir) : []);
  const handler = connectNodeAdapter({ routes: querierRoutes({ series, replayAgeMs: opts.replayAgeMs }) });
  const server = http.createServer((req, res) => {
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
