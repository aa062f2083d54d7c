/** Gateway mode: every other path streams to Pyroscope unchanged; vcs.v1, /healthz and /metrics stay here. */
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/log';
import { createServer, LinescopeServer } from '../src/server';

describe('gateway to Pyroscope', () => {
  let upstream: http.Server;
  let server: LinescopeServer;
  let url: string;
  const seen: Array<{ method?: string; url?: string; headers: http.IncomingHttpHeaders; body: string }> = [];
  /** Called with each piece of a request body as Pyroscope receives it. */
  let onUpstreamData: ((chunk: Buffer) => void) | undefined;
  /** /stream holds the rest of its response until this resolves. */
  let clientHasFirstPiece: Promise<void> = Promise.resolve();

  beforeAll(async () => {
    upstream = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => {
        chunks.push(c);
        onUpstreamData?.(c);
      });
      req.on('end', () => {
        seen.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString() });
        if (req.url?.startsWith('/stream')) {
          // The rest of the response is written only once the client has the first piece (see the test).
          res.writeHead(200, { 'content-type': 'text/plain', 'x-upstream': 'yes' });
          res.write('chunk0\n');
          void clientHasFirstPiece.then(() => {
            res.write('chunk1\n');
            res.end('chunk2\n');
          });
          return;
        }
        res.writeHead(req.url?.startsWith('/missing') ? 404 : 200, {
          'content-type': 'application/json',
          'set-cookie': 'a=b',
        });
        res.end(JSON.stringify({ upstream: true, path: req.url }));
      });
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const pyroscopeUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    server = createServer(loadConfig({ PYROSCOPE_URL: pyroscopeUrl, LOG_LEVEL: 'silent' }), {
      logger: createLogger('silent'),
    });
    url = await server.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await server.close();
    await new Promise((resolve) => upstream.close(resolve));
  });

  it('forwards method, path, query, tenant and auth headers and the body, and returns status, headers and body', async () => {
    const body = JSON.stringify({ profileTypeID: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds', start: '1' });
    const res = await fetch(`${url}/querier.v1.QuerierService/SelectMergeProfile?x=1`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-scope-orgid': 'tenant-1',
        authorization: 'Bearer abc',
        cookie: 'pyroscope_git_session=zzz',
      },
      body,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toBe('a=b');
    expect(await res.json()).toEqual({ upstream: true, path: '/querier.v1.QuerierService/SelectMergeProfile?x=1' });
    const last = seen.at(-1);
    expect(last).toMatchObject({ method: 'POST', url: '/querier.v1.QuerierService/SelectMergeProfile?x=1', body });
    expect(last?.headers).toMatchObject({
      'x-scope-orgid': 'tenant-1',
      authorization: 'Bearer abc',
      'content-type': 'application/json',
      cookie: 'pyroscope_git_session=zzz',
    });
  });

  it('passes upstream errors through unchanged', async () => {
    const res = await fetch(`${url}/missing/thing`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { upstream: boolean }).upstream).toBe(true);
  });

  it('streams responses as they come: the client gets the first piece before Pyroscope has written the rest', async () => {
    let signalFirstPiece = () => {};
    clientHasFirstPiece = new Promise((resolve) => {
      signalFirstPiece = resolve;
    });
    const res = await fetch(`${url}/stream`);
    expect(res.headers.get('x-upstream')).toBe('yes');
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    // Reads until the first piece is complete: TCP may split it, and one read is not one write.
    // Were the response buffered, nothing would arrive before the end, which waits for this: the test would hang.
    let received = '';
    while (received.length < 'chunk0\n'.length) {
      const r = await reader.read();
      if (r.done) {
        break;
      }
      received += decoder.decode(r.value, { stream: true });
    }
    expect(received).toBe('chunk0\n');
    signalFirstPiece();
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      received += decoder.decode(r.value, { stream: true });
    }
    expect(received + decoder.decode()).toBe('chunk0\nchunk1\nchunk2\n');
  });

  it('streams request bodies: Pyroscope gets the first piece before the client has sent the rest', async () => {
    const firstPiece = new Promise<string>((resolve) => {
      onUpstreamData = (chunk) => resolve(chunk.toString());
    });
    const target = new URL(`${url}/ingest?name=app`);
    const request = http.request({
      host: target.hostname,
      port: target.port,
      path: target.pathname + target.search,
      method: 'POST',
    });
    const response = new Promise<http.IncomingMessage>((resolve) => request.on('response', resolve));
    request.write('piece-1;');
    // Were the body buffered, Pyroscope would see nothing until the end and this would never resolve.
    expect(await firstPiece).toBe('piece-1;');
    onUpstreamData = undefined;
    request.end('piece-2');
    expect((await response).statusCode).toBe(200);
    expect(seen.at(-1)).toMatchObject({ url: '/ingest?name=app', body: 'piece-1;piece-2' });
  });

  it('does not apply the vcs.v1 body limit to what it forwards (profile uploads are large)', async () => {
    const upload = Buffer.alloc(4 * 1024 * 1024, 'p');
    const res = await fetch(`${url}/ingest?name=big`, { method: 'POST', body: upload });
    expect(res.status).toBe(200);
    expect(seen.at(-1)?.body.length).toBe(upload.length);
  });

  it('keeps vcs.v1, /healthz and /metrics for itself', async () => {
    const before = seen.length;
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect((await fetch(`${url}/metrics`)).status).toBe(200);
    const app = await fetch(`${url}/vcs.v1.VCSService/GithubApp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(app.status).toBe(501);
    expect(seen.length).toBe(before);
  });

  it('sends a request again on a fresh connection when Pyroscope resets the kept-alive one it was sent on', async () => {
    // Pyroscope closing an idle connection just as the gateway reuses it: here, every connection's second request.
    const requestsOnSocket = new WeakMap<object, number>();
    const bodies: string[] = [];
    const flaky = http.createServer((req, res) => {
      const n = (requestsOnSocket.get(req.socket) ?? 0) + 1;
      requestsOnSocket.set(req.socket, n);
      if (n > 1) {
        req.socket.destroy();
        return;
      }
      let body = '';
      req.on('data', (c: Buffer) => (body += String(c)));
      req.on('end', () => {
        bodies.push(body);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ n: bodies.length }));
      });
    });
    await new Promise<void>((resolve) => flaky.listen(0, '127.0.0.1', resolve));
    const gateway = createServer(
      loadConfig({ PYROSCOPE_URL: `http://127.0.0.1:${(flaky.address() as AddressInfo).port}`, LOG_LEVEL: 'silent' }),
      { logger: createLogger('silent') }
    );
    const gatewayUrl = await gateway.listen(0, '127.0.0.1');
    try {
      for (const query of ['{"q":1}', '{"q":2}', '{"q":3}']) {
        const res = await fetch(`${gatewayUrl}/querier.v1.QuerierService/LabelNames`, { method: 'POST', body: query });
        expect(res.status).toBe(200);
      }
      expect(bodies).toEqual(['{"q":1}', '{"q":2}', '{"q":3}']);
    } finally {
      await gateway.close();
      flaky.closeAllConnections();
      await new Promise((resolve) => flaky.close(resolve));
    }
  });

  it('answers 502 when Pyroscope is unreachable', async () => {
    const down = createServer(loadConfig({ PYROSCOPE_URL: 'http://127.0.0.1:1', LOG_LEVEL: 'silent' }), {
      logger: createLogger('silent'),
    });
    const downUrl = await down.listen(0, '127.0.0.1');
    try {
      const res = await fetch(`${downUrl}/querier.v1.QuerierService/ProfileTypes`, { method: 'POST', body: '{}' });
      expect(res.status).toBe(502);
      expect(((await res.json()) as { code: string }).code).toBe('unavailable');
    } finally {
      await down.close();
    }
  });
});
