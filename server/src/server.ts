/**
 * The source server: vcs.v1 (Connect, JSON and binary) at Pyroscope's paths, /healthz (the process is up),
 * /ready (it should get traffic), /metrics, and in gateway mode everything else streamed to Pyroscope.
 * `createServer` is what main.ts and the tests use.
 */
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { Code, ConnectError, Interceptor } from '@connectrpc/connect';
import { connectNodeAdapter } from '@connectrpc/connect-node';
import { ServerConfig } from './config';
import { createGateway } from './gateway/proxy';
import { createSharedCache } from './cache/shared-tier';
import { createRegistrySources } from './registries/runtime';
import { createLogger, Logger, scrub } from './log';
import { createServerHosts, ServerHost } from './hosts/table';
import { createMetrics, ServerMetrics } from './metrics';
import { blameRoutes } from './rpc/blame';
import { gitlabSessionRoutes } from './rpc/gitlab-session';
import { hostSessionRoutes } from './rpc/host-session';
import { vcsRoutes } from './rpc/service';

export interface ServerDeps {
  logger?: Logger;
  metrics?: ServerMetrics;
  /** Used for the Git hosts' API and OAuth calls (tests may wrap it to add latency or count calls). */
  fetch?: typeof fetch;
  now?: () => number;
}

export interface LinescopeServer {
  http: http.Server;
  /** Every host of the host table, as this server runs it. */
  hosts: readonly ServerHost[];
  metrics: ServerMetrics;
  /** Starts listening (port 0 = any free port); resolves to the base URL. */
  listen(port?: number, host?: string): Promise<string>;
  /**
   * Graceful stop: no new connections, /ready answers 503, requests in flight may finish for up to `timeoutMs`;
   * then every connection is closed. Resolves to how many requests were still running when time ran out.
   */
  drain(timeoutMs: number): Promise<{ dropped: number }>;
  /** Immediate stop: open connections are dropped. */
  close(): Promise<void>;
}

export interface Readiness {
  ready: boolean;
  /** Why not, for the 503 body (the probe's answer or the failure). */
  reason?: string;
}

const VCS_PREFIX = '/vcs.v1.VCSService/';
const GITLAB_PREFIX = '/linescope.v1.GitlabService/';
const BLAME_PREFIX = '/linescope.v1.BlameService/';
const HOST_SESSION_PREFIX = '/linescope.v1.HostSessionService/';

export function createServer(config: ServerConfig, deps: ServerDeps = {}): LinescopeServer {
  const logger = deps.logger ?? createLogger(config.logLevel);
  const metrics = deps.metrics ?? createMetrics();
  const now = deps.now ?? Date.now;
  const shared = createSharedCache(config, logger, metrics);
  const hosts = createServerHosts(config, { metrics, shared: shared?.cache, fetch: deps.fetch, now });

  const observe: Interceptor = (next) => async (req) => {
    const started = performance.now();
    let code = 'ok';
    try {
      return await next(req);
    } catch (error) {
      // When the client's deadline (Connect-Timeout-Ms) cancelled the GitHub calls, the answer is that deadline,
      // not whatever the cancelled calls threw (an aborted fetch looks like an unreachable GitHub).
      const reason: unknown = req.signal.aborted ? req.signal.reason : undefined;
      const deadline = reason instanceof ConnectError && reason.code === Code.DeadlineExceeded ? reason : undefined;
      const connectError = deadline ?? ConnectError.from(error);
      code = codeName(connectError.code);
      const level = connectError.code === Code.Internal || connectError.code === Code.Unknown ? 'error' : 'info';
      logger[level]({ method: req.method.name, rpcCode: code, err: scrub(connectError.rawMessage) }, 'rpc failed');
      throw deadline ?? error;
    } finally {
      const seconds = (performance.now() - started) / 1000;
      metrics.rpcDuration.observe({ method: req.method.name, code }, seconds);
      logger.debug({ method: req.method.name, rpcCode: code, ms: Math.round(seconds * 1000) }, 'rpc');
    }
  };

  const registries = createRegistrySources(config, metrics, shared?.cache);
  const rpc = connectNodeAdapter({
    routes: (router) => {
      const services = { config, hosts, registries, logger, now };
      vcsRoutes(services)(router);
      blameRoutes(services)(router);
      gitlabSessionRoutes(services)(router);
      hostSessionRoutes(services)(router);
    },
    readMaxBytes: config.maxBodyBytes,
    interceptors: [observe],
  });
  const gateway = config.pyroscopeUrl
    ? createGateway(config.pyroscopeUrl, logger, config.gitHostTimeoutMs, config.pyroscopeAuthorization)
    : undefined;

  let draining = false;
  let inFlight = 0;
  const idle = new Set<() => void>();

  const server = http.createServer((req, res) => {
    inFlight++;
    metrics.requestsInFlight.inc();
    res.once('close', () => {
      inFlight--;
      metrics.requestsInFlight.dec();
      if (inFlight === 0) {
        idle.forEach((notify) => notify());
      }
    });
    if (draining) {
      // Keep-alive clients reconnect elsewhere instead of reusing a connection that is about to close.
      res.setHeader('connection', 'close');
    }
    const path = (req.url ?? '/').split('?')[0];
    if ([VCS_PREFIX, GITLAB_PREFIX, BLAME_PREFIX, HOST_SESSION_PREFIX].some((prefix) => path.startsWith(prefix))) {
      // connect-go refuses a Connect-Protocol-Version other than 1 when it is sent; connect-es only when required.
      const version = req.headers['connect-protocol-version'];
      if (version !== undefined && version !== '1') {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            code: 'invalid_argument',
            message: `Connect-Protocol-Version must be "1": got "${String(version)}"`,
          })
        );
        return;
      }
      rpc(req, res);
    } else if (path === '/healthz') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
    } else if (path === '/ready') {
      const answer = (r: Readiness) => {
        metrics.ready.set(r.ready ? 1 : 0);
        res
          .writeHead(r.ready ? 200 : 503, { 'content-type': 'text/plain', 'cache-control': 'no-store' })
          .end(r.ready ? 'ready\n' : `not ready: ${r.reason}\n`);
      };
      if (draining) {
        answer({ ready: false, reason: 'shutting down' });
      } else {
        const timeoutMs = Math.min(config.gitHostTimeoutMs, READY_PROBE_TIMEOUT_MS);
        readiness(config.pyroscopeUrl, timeoutMs, config.pyroscopeAuthorization).then(answer);
      }
    } else if (path === '/metrics') {
      metrics.registry.metrics().then(
        (text) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
        (error: Error) => res.writeHead(500).end(error.message)
      );
    } else if (gateway) {
      gateway.handler(req, res);
    } else {
      res
        .writeHead(404, { 'content-type': 'application/json' })
        .end(JSON.stringify({ code: 'not_found', message: `no route for ${path}` }));
    }
  });
  // Slow-loris protection; only receiving the request is bounded (gateway uploads to Pyroscope may be large).
  server.requestTimeout = 300_000;
  server.headersTimeout = 30_000;

  return {
    http: server,
    hosts,
    metrics,
    listen(port = config.port, host?: string) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address() as AddressInfo;
          const shownHost = host && host !== '0.0.0.0' && host !== '::' ? host : '127.0.0.1';
          resolve(`http://${shownHost}:${address.port}`);
        });
      });
    },
    async drain(timeoutMs) {
      draining = true;
      metrics.draining.set(1);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Connections with no request in flight go now; the others once their response is done.
      server.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      const finished = new Promise<void>((resolve) => {
        const notify = () => {
          server.closeIdleConnections();
          if (inFlight === 0) {
            idle.delete(notify);
            resolve();
          }
        };
        idle.add(notify);
        notify();
      });
      const outOfTime = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
      await Promise.race([finished, outOfTime]);
      clearTimeout(timer);
      const dropped = inFlight;
      server.closeAllConnections();
      gateway?.close();
      await closed;
      await shared?.close();
      return { dropped };
    },
    close() {
      gateway?.close();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }).then(() => shared?.close());
    },
  };
}

const READY_PROBE_TIMEOUT_MS = 2000;

/**
 * Ready once the configuration is loaded (it is, or the server would not exist) and, in gateway mode, Pyroscope
 * answers its own /ready without a server error: a 503 there means Pyroscope is still starting or stopping.
 * The reasons name no URL and quote no error text: /ready is unauthenticated, and both may carry credentials.
 */
export async function readiness(
  pyroscopeUrl: string | undefined,
  timeoutMs: number,
  authorization?: string
): Promise<Readiness> {
  if (!pyroscopeUrl) {
    return { ready: true };
  }
  try {
    const response = await fetch(`${pyroscopeUrl}/ready`, {
      headers: authorization ? { authorization } : {},
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    return response.status < 500 ? { ready: true } : { ready: false, reason: `Pyroscope answered ${response.status}` };
  } catch (error) {
    // Duck-typed: fetch's errors may come from another realm (undici's), where instanceof Error fails.
    const failure = error as { name?: string; cause?: { code?: unknown } };
    if (failure.name === 'TimeoutError') {
      return { ready: false, reason: `Pyroscope did not answer within ${timeoutMs} ms` };
    }
    // Only a system error code (ECONNREFUSED, ENOTFOUND…) is named: a message could quote the URL.
    const code = failure.cause?.code;
    const known = typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,40}$/.test(code);
    return { ready: false, reason: `Pyroscope is unreachable (${known ? code : 'the request failed'})` };
  }
}

/** Connect's wire name of a code (NotFound → not_found). */
export function codeName(code: Code): string {
  return Code[code].replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
}
