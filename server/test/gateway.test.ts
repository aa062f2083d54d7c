/**
 * Gateway mode: Pyroscope's API streams to Pyroscope; vcs.v1, /healthz and /metrics stay here; Linescope's session
 * cookies, hop-by-hop headers, other paths and paths that could climb are not forwarded.
 */
import http from 'node:http';
import net, { AddressInfo } from 'node:net';
import { PYROSCOPE_API_PATHS, PYROSCOPE_API_SERVICES } from '../src/gateway/forwarding';
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
        if (req.url?.endsWith('?stream')) {
          // The rest of the response is written only once the client has the first piece (see the test).
          res.writeHead(200, { 'content-type': 'text/plain', 'x-upstream': 'yes' });
          res.write('chunk0\n');
          void clientHasFirstPiece.then(() => {
            res.write('chunk1\n');
            res.end('chunk2\n');
          });
          return;
        }
        res.writeHead(req.url?.endsWith('/Missing') ? 404 : 200, {
          'content-type': 'application/json',
          'set-cookie': 'a=b',
          connection: 'x-upstream-hop',
          'x-upstream-hop': 'for the gateway only',
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

  /** Sends a request as written (fetch would normalise the target) and reads the whole answer. */
  function raw(request: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(Number(new URL(url).port), '127.0.0.1');
      let received = '';
      socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
      socket.on('end', () => resolve(received));
      socket.on('error', reject);
      socket.write(request);
    });
  }

  it('forwards method, path, query, tenant and auth headers and the body, and returns status, headers and body', async () => {
    const body = JSON.stringify({ profileTypeID: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds', start: '1' });
    const res = await fetch(`${url}/querier.v1.QuerierService/SelectMergeProfile?x=1`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-scope-orgid': 'tenant-1',
        authorization: 'Bearer abc',
        cookie:
          'theme=dark; pyroscope_git_session=zzz; linescope_gitlab_session=yyy; Linescope_Bitbucket_Session=x; b=2',
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
      cookie: 'theme=dark; b=2',
    });
    expect(res.headers.get('x-upstream-hop')).toBeNull();
  });

  it('sends no Cookie header when only session cookies came', async () => {
    await fetch(`${url}/querier.v1.QuerierService/LabelNames`, {
      method: 'POST',
      headers: { cookie: 'pyroscope_git_session=zzz; linescope_azure_devops_session=w' },
      body: '{}',
    });
    expect(seen.at(-1)?.headers.cookie).toBeUndefined();
  });

  it('drops hop-by-hop headers and the headers Connection names', async () => {
    const answer = await raw(
      'POST /querier.v1.QuerierService/LabelNames HTTP/1.1\r\nHost: linescope\r\n' +
        'Connection: close, X-Internal-Token\r\nX-Internal-Token: secret\r\nKeep-Alive: timeout=5\r\n' +
        'TE: trailers\r\nProxy-Authorization: Basic eDp5\r\nX-Scope-OrgID: t1\r\nContent-Length: 2\r\n\r\n{}'
    );
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    const headers = seen.at(-1)?.headers ?? {};
    expect(headers['x-scope-orgid']).toBe('t1');
    for (const dropped of ['x-internal-token', 'keep-alive', 'te', 'proxy-authorization']) {
      expect(headers[dropped]).toBeUndefined();
    }
    expect(headers.connection).not.toMatch(/x-internal-token/i);
  });

  it.each([
    ['an absolute-form target', 'GET http://evil.example/steal HTTP/1.1', 'origin-form'],
    [
      'an absolute-form target for an API path',
      'POST http://evil.example/querier.v1.QuerierService/LabelNames HTTP/1.1',
      'origin-form',
    ],
    ['an asterisk-form target', 'OPTIONS * HTTP/1.1', 'origin-form'],
    ['a climbing path', 'POST /querier.v1.QuerierService/../../admin/secret HTTP/1.1', '. or ..'],
    ['a percent-encoded climbing path', 'GET /%2e%2e/%2e%2e/admin HTTP/1.1', '. or ..'],
    ['an upper-case percent-encoded one', 'POST /querier.v1.QuerierService/%2E%2E/%2E%2E/admin HTTP/1.1', '. or ..'],
    ['mixed encodings', 'POST /querier.v1.QuerierService/.%2E/admin HTTP/1.1', '. or ..'],
    ['an encoded slash', 'POST /querier.v1.QuerierService/..%2fadmin HTTP/1.1', '. or ..'],
    ['an encoded slash before dots', 'POST /querier.v1.QuerierService%2F..%2Fadmin HTTP/1.1', '. or ..'],
    ['double encoding', 'POST /querier.v1.QuerierService/%252e%252e/admin HTTP/1.1', '. or ..'],
    ['a backslash', 'POST /querier.v1.QuerierService\\..\\admin HTTP/1.1', '. or ..'],
    ['a dot segment', 'POST /querier.v1.QuerierService/./LabelNames HTTP/1.1', '. or ..'],
    ['an encoded slash alone', 'POST /querier.v1.QuerierService%2fLabelNames HTTP/1.1', 'percent-encoding'],
  ])('refuses %s with 400 and forwards nothing', async (_, requestLine, reason) => {
    const before = seen.length;
    const answer = await raw(`${requestLine}\r\nHost: linescope\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as { code: string; message: string };
    expect(body.code).toBe('invalid_argument');
    expect(body.message).toContain(reason);
    expect(seen.length).toBe(before);
  });

  it.each([
    '/admin',
    '/api/v1/status/config',
    '/api/swagger.json',
    '/runtime_config',
    '/debug/fgprof',
    '/memberlist',
    '/distributor/ring',
    '/ops/object-store/tenants',
    '/ingester.v1.IngesterService/Push',
    '/storegateway.v1.StoreGatewayService/Series',
    '/querier.v1.QuerierServiceX/LabelNames',
    '/ingest/more',
    '/',
  ])('answers 404 for %s, which is not Pyroscope API, without forwarding it', async (path) => {
    const before = seen.length;
    const res = await fetch(`${url}${path}`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { code: string }).code).toBe('not_found');
    expect(seen.length).toBe(before);
  });

  it("forwards each of Pyroscope's API paths", async () => {
    const paths = [...PYROSCOPE_API_PATHS, ...PYROSCOPE_API_SERVICES.map((service) => `${service}Method`)];
    for (const path of paths) {
      const res = await fetch(`${url}${path}?q=1`, { method: 'POST', body: '{}' });
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
      expect(seen.at(-1)?.url).toBe(`${path}?q=1`);
    }
  });

  it('passes upstream errors through unchanged', async () => {
    const res = await fetch(`${url}/querier.v1.QuerierService/Missing`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { upstream: boolean }).upstream).toBe(true);
  });

  it('streams responses as they come: the client gets the first piece before Pyroscope has written the rest', async () => {
    let signalFirstPiece = () => {};
    clientHasFirstPiece = new Promise((resolve) => {
      signalFirstPiece = resolve;
    });
    const res = await fetch(`${url}/pyroscope/render?stream`);
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

  it("sends PYROSCOPE_URL's user and password as basic auth instead of the client's, and keeps them out of paths", async () => {
    const address = upstream.address() as AddressInfo;
    const gateway = createServer(
      loadConfig({ PYROSCOPE_URL: `http://pyro:s%3Acret@127.0.0.1:${address.port}/`, LOG_LEVEL: 'silent' }),
      { logger: createLogger('silent') }
    );
    const gatewayUrl = await gateway.listen(0, '127.0.0.1');
    try {
      const res = await fetch(`${gatewayUrl}/querier.v1.QuerierService/ProfileTypes`, {
        method: 'POST',
        headers: { authorization: 'Bearer from-the-client' },
        body: '{}',
      });
      expect(res.status).toBe(200);
      expect(seen.at(-1)?.url).toBe('/querier.v1.QuerierService/ProfileTypes');
      expect(seen.at(-1)?.headers.authorization).toBe(`Basic ${Buffer.from('pyro:s:cret').toString('base64')}`);
    } finally {
      await gateway.close();
    }
  });

  it('answers 502 when Pyroscope is unreachable, naming only the error code', async () => {
    const down = createServer(loadConfig({ PYROSCOPE_URL: 'http://u:secret@127.0.0.1:1', LOG_LEVEL: 'silent' }), {
      logger: createLogger('silent'),
    });
    const downUrl = await down.listen(0, '127.0.0.1');
    try {
      const res = await fetch(`${downUrl}/querier.v1.QuerierService/ProfileTypes`, { method: 'POST', body: '{}' });
      expect(res.status).toBe(502);
      expect(await res.json()).toEqual({ code: 'unavailable', message: 'Pyroscope is unreachable (ECONNREFUSED)' });
    } finally {
      await down.close();
    }
  });
});
