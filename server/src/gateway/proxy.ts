/**
 * Gateway mode: a request for Pyroscope's API that is not ours is streamed to Pyroscope (method, path, query,
 * headers such as X-Scope-OrgID and Authorization, and the body both ways), so that one Grafana data source
 * serves profiles and source. What is not forwarded, and why: forwarding.ts.
 */
import http from 'node:http';
import https from 'node:https';
import { Logger } from '../log';
import { forwardedHeaders, refuseTarget, withoutHopByHop } from './forwarding';

/** Request bodies up to this size are kept while streaming, so that a reset kept-alive connection can be retried. */
const REPLAY_BYTES = 1024 * 1024;

/** `authorization`: sent instead of the client's when PYROSCOPE_URL carries a user and password. */
export function createGateway(targetUrl: string, logger: Logger, connectTimeoutMs: number, authorization?: string) {
  const target = new URL(targetUrl);
  const client = target.protocol === 'https:' ? https : http;
  const agent = new client.Agent({ keepAlive: true });
  const basePath = target.pathname.replace(/\/+$/, '');

  const handler = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const refused = refuseTarget(req.url ?? '');
    if (refused) {
      req.resume(); // the body is not wanted; reading it lets a kept-alive connection carry the next request
      const body = JSON.stringify({ code: refused.code, message: refused.message });
      res.writeHead(refused.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
      return;
    }
    const headers = forwardedHeaders(req.headers);
    headers.host = target.host;
    if (authorization) {
      headers.authorization = authorization;
    }
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
          const responseHeaders = withoutHopByHop(upstreamRes.headers);
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
          res.end(
            JSON.stringify({
              code: 'unavailable',
              message: `Pyroscope is unreachable (${error.code ?? 'the connection failed'})`,
            })
          );
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
