/**
 * A TCP-level stand-in for a broken network between the source server and GitHub: forwards to the GitHub double,
 * or, while `resetNext` is above zero, resets the connection of the next requests (RST, as a dropped connection
 * or a crashed load balancer does) without answering.
 */
import http from 'node:http';
import { AddressInfo } from 'node:net';

export interface FaultyProxy {
  url: string;
  /** The next n requests get their connection reset instead of an answer. */
  resetNext(n: number): void;
  resets: number;
  stop(): Promise<void>;
}

export async function startFaultyProxy(target: string): Promise<FaultyProxy> {
  const upstream = new URL(target);
  let pendingResets = 0;
  const proxy: FaultyProxy = {
    url: '',
    resets: 0,
    resetNext: (n) => {
      pendingResets = n;
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = http.createServer((req, res) => {
    if (pendingResets > 0) {
      pendingResets--;
      proxy.resets++;
      req.socket.resetAndDestroy();
      return;
    }
    const forwarded = http.request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      }
    );
    forwarded.on('error', () => res.destroy());
    req.pipe(forwarded);
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}
