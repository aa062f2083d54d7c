/**
 * The HTTP plumbing every host double shares, host-neutral: a server on a local port that reads each request's
 * body, hands it to the double's handler, writes the reply after the simulated round trip, and stops with its
 * connections; the recent-requests log; the parameters of an OAuth request (query, form or JSON body); and the
 * OAuth redirect back to the application. What a host answers stays in its own double's folder.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface DoubleReply {
  status: number;
  headers: Record<string, string>;
  /** None for a 304 or an empty redirect. */
  body?: Buffer;
}

export interface DoubleServerOptions {
  port?: number;
  host?: string;
  /** The simulated round trip added to every reply (ms), read at each reply. */
  latencyMs(): number;
  /** The double's answer; it answers its own failures (a rejection here drops the connection's reply). */
  handle(req: http.IncomingMessage, body: Buffer): Promise<DoubleReply>;
}

export interface DoubleServer {
  /** `http://<host>:<port>`, with 127.0.0.1 for a server listening on every interface. */
  origin: string;
  stop(): Promise<void>;
}

export async function startDoubleServer(options: DoubleServerOptions): Promise<DoubleServer> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void options.handle(req, Buffer.concat(chunks)).then((reply) => {
        const write = () => {
          res.writeHead(reply.status, reply.headers);
          res.end(req.method === 'HEAD' ? undefined : reply.body);
        };
        const latencyMs = options.latencyMs();
        if (latencyMs > 0) {
          // unref: a pending simulated round trip must not keep a finished test process alive.
          setTimeout(write, latencyMs).unref();
        } else {
          write();
        }
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
  return {
    origin: `http://${host}:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A long-running double (the standalone host) keeps only the recent requests. */
const MAX_RECORDED_REQUESTS = 10_000;

export function recordRequest<T>(requests: T[], record: T): void {
  requests.push(record);
  if (requests.length > MAX_RECORDED_REQUESTS) {
    requests.splice(0, requests.length - MAX_RECORDED_REQUESTS);
  }
}

/**
 * An OAuth request's parameters: the query's, overridden by a form or JSON body's (OAuth clients send either);
 * undefined when a JSON body does not parse.
 */
export function oauthParams(url: URL, body: Buffer, contentType: string): URLSearchParams | undefined {
  const params = new URLSearchParams(url.search);
  if (body.length === 0) {
    return params;
  }
  if (!contentType.includes('json')) {
    new URLSearchParams(body.toString('utf8')).forEach((v, k) => params.set(k, v));
    return params;
  }
  try {
    for (const [k, v] of Object.entries(JSON.parse(body.toString('utf8')) as Record<string, unknown>)) {
      params.set(k, String(v));
    }
    return params;
  } catch {
    return undefined;
  }
}

/** The authorize endpoint's 302 back to the application with `values` (code, or error) and the request's state. */
export function redirectBack(
  redirectUri: string,
  values: Record<string, string>,
  state: string | null
): Required<DoubleReply> {
  const target = new URL(redirectUri);
  for (const [k, v] of Object.entries(values)) {
    target.searchParams.set(k, v);
  }
  if (state !== null) {
    target.searchParams.set('state', state);
  }
  return { status: 302, headers: { location: target.toString(), 'content-type': 'text/html' }, body: Buffer.alloc(0) };
}
