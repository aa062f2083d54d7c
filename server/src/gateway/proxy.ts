/**
 * Gateway mode: every request that is not ours is streamed to Pyroscope unchanged (method, path, query,
 * headers such as X-Scope-OrgID and Authorization, and the body both ways), so that one Grafana data source
 * serves profiles and source.
 */
import http from 'node:http';
import https from 'node:https';
import { Logger } from '../log';

/** Hop-by-hop headers are about one connection and must not be forwarded (RFC 9110 §7.6.1). */
const HOP_BY_HOP = [
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'upgrade',
];

export function createGateway(targetUrl: string, logger: Logger, connectTimeoutMs: number) {
  const target = new URL(targetUrl);
  const client = target.protocol === 'https:' ? https : http;
  const agent = new client.Agent({ keepAlive: true });
  const basePath = target.pathname.replace(/\/+$/, '');

  const handler = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const headers: http.OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (!HOP_BY_HOP.includes(name) && value !== undefined) {
        headers[name] = value;
      }
    }
    headers.host = target.host;
    const forwardedFor = req.headers['x-forwarded-for'];
    headers['x-forwarded-for'] = [forwardedFor, req.socket.remoteAddress].filter(Boolean).join(', ');

    const upstream = client.request(
      {
        protocol: target.protocol,
        hostname: target.hostname,
        port: target.port,
        method: req.method,
        path: `${basePath}${req.url ?? '/'}`,
        headers,
        agent,
      },
      (upstreamRes) => {
        const responseHeaders: http.OutgoingHttpHeaders = {};
        for (const [name, value] of Object.entries(upstreamRes.headers)) {
          if (!HOP_BY_HOP.includes(name) && value !== undefined) {
            responseHeaders[name] = value;
          }
        }
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.statusMessage, responseHeaders);
        upstreamRes.pipe(res);
      }
    );
    // Only connecting is bounded: profile queries may stream for a long time once they started.
    const connectTimer = setTimeout(
      () => upstream.destroy(new Error(`connecting to Pyroscope timed out after ${connectTimeoutMs} ms`)),
      connectTimeoutMs
    );
    upstream.on('socket', (socket) => {
      if (!socket.connecting) {
        clearTimeout(connectTimer);
      } else {
        socket.once('connect', () => clearTimeout(connectTimer));
      }
    });
    upstream.on('response', () => clearTimeout(connectTimer));
    upstream.on('error', (error) => {
      clearTimeout(connectTimer);
      logger.warn({ err: error.message, path: req.url }, 'gateway: Pyroscope unreachable');
      if (!res.headersSent) {
        res.writeHead(502, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ code: 'unavailable', message: `Pyroscope is unreachable: ${error.message}` }));
      } else {
        res.destroy(error);
      }
    });
    req.on('aborted', () => upstream.destroy());
    res.on('close', () => {
      if (!res.writableFinished) {
        upstream.destroy();
      }
    });
    req.pipe(upstream);
  };
  return { handler, close: () => agent.destroy() };
}
