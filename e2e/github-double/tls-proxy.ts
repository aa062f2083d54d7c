// The GitHub double at GitHub's own addresses, for a client that cannot be pointed elsewhere (Pyroscope's vcs.v1
// calls https://api.github.com and https://github.com, fixed in its code): an HTTP CONNECT proxy (the client's
// HTTPS_PROXY) that terminates TLS for those two hosts with a certificate of a throwaway test CA (the client trusts
// it through SSL_CERT_FILE) and forwards each request to the double over plain HTTP. Other hosts are refused.
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TLSSocket } from 'node:tls';
import { makeTestCertificates } from '../double-server/certificates';

export const GITHUB_HOSTS = ['github.com', 'api.github.com'] as const;

export interface TlsProxy {
  /** For HTTPS_PROXY. */
  url: string;
  /** The test CA's certificate (PEM), for SSL_CERT_FILE. */
  caFile: string;
  /** CONNECT requests refused because they named another host. */
  refused: string[];
  close(): Promise<void>;
}

/**
 * `webUrl` serves github.com (OAuth), `apiUrl` api.github.com (REST); both are the double's plain-HTTP addresses.
 */
export async function startGitHubTlsProxy(target: { webUrl: string; apiUrl: string }): Promise<TlsProxy> {
  const dir = mkdtempSync(path.join(tmpdir(), 'linescope-tls-proxy-'));
  const { key, cert, caFile } = makeTestCertificates(
    dir,
    GITHUB_HOSTS.map((h) => `DNS:${h}`)
  );
  const forward = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const host = (req.socket as TLSSocket).servername || '';
    const base = new URL(host === 'api.github.com' ? target.apiUrl : target.webUrl);
    const upstream = http.request(
      {
        hostname: base.hostname,
        port: base.port,
        method: req.method,
        path: `${base.pathname.replace(/\/$/, '')}${req.url ?? '/'}`,
        headers: { ...req.headers, host: base.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      }
    );
    upstream.on('error', (e) => res.writeHead(502).end(e.message));
    req.pipe(upstream);
  };
  const tlsServer = https.createServer({ key, cert }, forward);
  const refused: string[] = [];
  const proxy = http.createServer((_req, res) => res.writeHead(405).end('CONNECT only'));
  const tunnels = new Set<Socket>();
  proxy.on('connect', (req: http.IncomingMessage, socket: Socket, head: Buffer) => {
    const [host, port] = (req.url ?? '').split(':');
    if (!(GITHUB_HOSTS as readonly string[]).includes(host) || port !== '443') {
      refused.push(req.url ?? '');
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    tunnels.add(socket);
    socket.on('close', () => tunnels.delete(socket));
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length > 0) {
      socket.unshift(head);
    }
    tlsServer.emit('connection', socket);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    caFile,
    refused,
    close: async () => {
      tunnels.forEach((s) => s.destroy());
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      tlsServer.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
