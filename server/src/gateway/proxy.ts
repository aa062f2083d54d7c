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

/** Request bodies up to this size are kept while streaming, so that a reset kept-alive connection can be retried. */
const REPLAY_BYTES = 1024 * 1024;

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

    // The body is streamed as it comes; its first REPLAY_BYTES are kept so that it can be sent again once.
    const kept: Buffer[] = [];
    let keptBytes = 0;
    let bodyEnded = false;
    let clientGone = false;
    let upstream: http.ClientRequest;

    const send = (retry: boolean): void => {
      const request = client.request(
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
      upstream = request;
      // Only connecting is bounded: profile queries may stream for a long time once they started.
      const connectTimer = setTimeout(
        () => request.destroy(new Error(`connecting to Pyroscope timed out after ${connectTimeoutMs} ms`)),
        connectTimeoutMs
      );
      request.on('socket', (socket) => {
        if (!socket.connecting) {
          clearTimeout(connectTimer);
        } else {
          socket.once('connect', () => clearTimeout(connectTimer));
        }
      });
      request.on('response', () => clearTimeout(connectTimer));
      request.on('drain', () => req.resume());
      request.on('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(connectTimer);
        // A kept-alive connection that Pyroscope closed just as it was reused (reset while reading, EPIPE while
        // writing): once, on a fresh connection (what Node advises), when nothing has been answered yet and the body
        // sent so far was kept.
        const replayable = keptBytes <= REPLAY_BYTES;
        const reset = request.reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE');
        if (!retry && reset && replayable && !res.headersSent && !clientGone) {
          logger.debug({ path: req.url }, 'gateway: kept-alive connection reset, sending again');
          send(true);
          return;
        }
        logger.warn({ err: error.message, path: req.url }, 'gateway: Pyroscope unreachable');
        if (!res.headersSent) {
          res.writeHead(502, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ code: 'unavailable', message: `Pyroscope is unreachable: ${error.message}` }));
        } else {
          res.destroy(error);
        }
      });
      for (const chunk of kept) {
        request.write(chunk);
      }
      if (bodyEnded) {
        request.end();
      } else if (retry) {
        req.resume(); // it may have been paused for the connection that was reset
      }
    };

    req.on('data', (chunk: Buffer) => {
      keptBytes += chunk.length;
      if (keptBytes <= REPLAY_BYTES) {
        kept.push(chunk);
      } else {
        kept.length = 0;
      }
      if (!upstream.write(chunk)) {
        req.pause();
      }
    });
    req.on('end', () => {
      bodyEnded = true;
      upstream.end();
    });
    const abandon = () => {
      clientGone = true;
      upstream.destroy();
    };
    req.on('aborted', abandon);
    res.on('close', () => {
      if (!res.writableFinished) {
        abandon();
      }
    });
    send(false);
  };
  return { handler, close: () => agent.destroy() };
}
