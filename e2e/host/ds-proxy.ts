// ANY /api/datasources/proxy/uid/:uid/* with Grafana's rules: cookies filtered by keepCookies (never the login
// cookie), headers rewritten, Set-Cookie dropped, an upstream 401 turned into a plain-text 400, responses streamed.
import http from 'node:http';
import https from 'node:https';
import type { HostDataSource } from './datasources';
import {
  DS_AUTH_FAILED,
  downstreamResponseHeaders,
  isValidUid,
  proxyTarget,
  splitProxyUrl,
  upstreamRequestHeaders,
} from './grafana-api/proxy-rules';

export interface ProxyLogEntry {
  /** Which browser session sent it: sha256 of the login cookie's token, first 12 hex digits. */
  session?: string;
  method: string;
  path: string;
  /** The Cookie header sent upstream (undefined: none). */
  cookie?: string;
  status: number;
}

const RESPONSE_HEADER_TIMEOUT_MS = 30000;

function json(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

export function proxyDataSource(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  findDs: (uid: string) => HostDataSource | undefined,
  grafanaVersion: string,
  log: (e: Omit<ProxyLogEntry, 'session'>) => void
): void {
  const parts = splitProxyUrl(req.url ?? '');
  if (!parts) {
    json(res, 404, { message: 'Not found' });
    return;
  }
  if (!isValidUid(parts.uid)) {
    json(res, 400, { message: 'UID is invalid' });
    return;
  }
  const ds = findDs(parts.uid);
  if (!ds) {
    json(res, 404, { message: 'Unable to find datasource' });
    return;
  }
  let target: URL;
  try {
    target = proxyTarget(ds.url, parts.rest);
  } catch {
    json(res, 400, { message: `Invalid data source URL: "${ds.url}"` });
    return;
  }
  const headers = upstreamRequestHeaders(req.headers, {
    keepCookies: ds.jsonData.keepCookies,
    clientIp: req.socket.remoteAddress ?? '127.0.0.1',
    grafanaVersion,
    basicAuth: ds.basicAuth,
  });
  headers.host = target.host;
  const transport = target.protocol === 'https:' ? https : http;
  // A connection per request (agent: false): Grafana's Go transport retries a kept-alive connection the upstream
  // closed as it was reused; without that retry here, such a race would fail a call Grafana would make.
  const upstream = transport.request(target, { method: req.method, headers, agent: false });
  const timer = setTimeout(() => upstream.destroy(new Error('timeout')), RESPONSE_HEADER_TIMEOUT_MS);
  let clientGone = false;
  res.on('close', () => {
    if (!res.writableFinished) {
      clientGone = true;
      upstream.destroy();
    }
  });
  upstream.on('response', (up) => {
    clearTimeout(timer);
    const status = up.statusCode ?? 502;
    log({ method: req.method ?? 'GET', path: `/${parts.rest}`, cookie: headers.cookie, status });
    if (status === 401) {
      up.resume();
      res
        .writeHead(400, {
          'content-type': 'text/plain; charset=utf-8',
          'content-length': String(Buffer.byteLength(DS_AUTH_FAILED)),
          'content-security-policy': 'sandbox',
        })
        .end(DS_AUTH_FAILED);
      return;
    }
    res.writeHead(status, downstreamResponseHeaders(up.headers));
    up.pipe(res);
  });
  upstream.on('error', (err) => {
    clearTimeout(timer);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const status = clientGone ? 499 : err.message === 'timeout' ? 504 : 502;
    log({ method: req.method ?? 'GET', path: `/${parts.rest}`, cookie: headers.cookie, status });
    res.writeHead(status).end();
  });
  req.pipe(upstream);
}
