/**
 * Faults over HTTP: GitHub too slow, connections reset, 5xx, the secondary rate limit, Pyroscope down behind the
 * gateway. Each gives the error code the README documents, and the server serves normally right after.
 */
import http from 'node:http';
import { AddressInfo } from 'node:net';

import { createFixtureRepo } from '../../e2e/git-fixtures';
import { FaultyProxy, startFaultyProxy } from './faulty-proxy';
import { decodeContent, rpc, Stack, startStack, tempDir } from './helpers';

const tmp = tempDir('faults');
const app = createFixtureRepo(tmp.dir, 'acme/app', [
  { files: { 'main.go': 'package main\n\nfunc main() {}\n', 'util.go': 'package main\n' }, tags: ['v1'] },
]);

describe('GitHub faults', () => {
  let stack: Stack;
  let proxy: FaultyProxy;
  let nextFile = 0;

  beforeAll(async () => {
    stack = await startStack([app], { env: { GITHUB_TIMEOUT_MS: '2000', REF_TTL_SECONDS: '0' } });
    // The same server again, this time reaching GitHub through a proxy that can reset connections.
    proxy = await startFaultyProxy(stack.double.apiUrl);
  });
  afterAll(async () => {
    await proxy?.stop();
    await stack?.stop();
  });
  afterEach(() => {
    stack.double.setLatency(0);
    stack.double.clearServerErrors();
    stack.double.clearRateLimit();
    proxy.resetNext(0);
  });

  /** A GetFile that no cache can answer: a fresh ref spelling each time (the full sha of v1 and a tag). */
  const getFile = (url = stack.url, localPath = 'main.go') =>
    rpc(
      url,
      'GetFile',
      { repositoryURL: 'https://github.com/acme/app', ref: nextFile++ % 2 ? 'v1' : 'HEAD', localPath },
      { cookie: stack.cookieFor('octocat') }
    );

  async function expectServesNormally(url = stack.url) {
    const served = await getFile(url);
    expect(served.status).toBe(200);
    expect(decodeContent(served.body)).toContain('func main()');
  }

  it('GitHub slower than GITHUB_TIMEOUT_MS: deadline_exceeded, then served once GitHub answers again', async () => {
    stack.double.setLatency(10_000);
    const slow = await getFile();
    expect(slow.status).toBe(504);
    expect(slow.body).toMatchObject({ code: 'deadline_exceeded', message: expect.stringMatching(/within 2000 ms/) });
    stack.double.setLatency(0);
    await expectServesNormally();
  });

  it('GitHub answering 500, 502 and 503: unavailable, then served', async () => {
    for (const status of [500, 502, 503] as const) {
      stack.double.forceServerError({ pathPrefix: '/repos/acme/app', status });
      const failed = await getFile();
      expect(failed.status).toBe(503);
      expect(failed.body).toMatchObject({ code: 'unavailable' });
      stack.double.clearServerErrors();
      await expectServesNormally();
    }
  });

  it('the secondary rate limit (429 with retry-after): resource_exhausted with the reset time, then served', async () => {
    const resetAt = Math.floor(Date.now() / 1000) + 600;
    stack.double.forceRateLimit({ status: 429, resetAt });
    const limited = await getFile();
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ code: 'resource_exhausted', message: expect.stringMatching(/rate limit/) });
    expect(Number(limited.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
    stack.double.clearRateLimit();
    await expectServesNormally();
  });

  describe('through a network that resets connections', () => {
    let viaProxy: Stack;
    beforeAll(async () => {
      // Its own (empty) double is unused: GitHub's API is the first double, behind the proxy, with the same secret.
      viaProxy = await startStack([], { env: { GITHUB_API_URL: proxy.url, GITHUB_TIMEOUT_MS: '2000' } });
    });
    afterAll(() => viaProxy?.stop());

    it('connections reset on every try: unavailable, then served once the network is back', async () => {
      proxy.resetNext(1_000);
      const reset = await rpc(
        viaProxy.url,
        'GetFile',
        { repositoryURL: 'https://github.com/acme/app', ref: 'v1', localPath: 'util.go' },
        { cookie: stack.cookieFor('octocat') }
      );
      expect(reset.status).toBe(503);
      expect(reset.body).toMatchObject({ code: 'unavailable' });
      expect(proxy.resets).toBeGreaterThan(0);
      proxy.resetNext(0);
      const served = await rpc(
        viaProxy.url,
        'GetFile',
        { repositoryURL: 'https://github.com/acme/app', ref: 'v1', localPath: 'util.go' },
        { cookie: stack.cookieFor('octocat') }
      );
      expect(served.status).toBe(200);
      expect(decodeContent(served.body)).toBe('package main\n');
    });
  });
});

describe('Pyroscope down behind the gateway', () => {
  let stack: Stack;
  let port: number;
  let pyroscope: http.Server | undefined;

  const startPyroscope = () =>
    new Promise<void>((resolve) => {
      pyroscope = http.createServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"names":["service_name"]}');
      });
      pyroscope.listen(port, '127.0.0.1', resolve);
    });

  beforeAll(async () => {
    // A port that was just free: nothing listens on it until the test starts Pyroscope there.
    const probe = http.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    stack = await startStack([app], { env: { PYROSCOPE_URL: `http://127.0.0.1:${port}` } });
  });
  afterAll(async () => {
    await new Promise((resolve) => (pyroscope ? pyroscope.close(resolve) : resolve(undefined)));
    await stack?.stop();
  });

  const labelNames = () =>
    fetch(`${stack.url}/querier.v1.QuerierService/LabelNames`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });

  it('answers querier calls 502 unavailable while vcs.v1 keeps serving, and forwards again once Pyroscope is up', async () => {
    const down = await labelNames();
    expect(down.status).toBe(502);
    expect(await down.json()).toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/Pyroscope is unreachable/),
    });

    const source = await rpc(
      stack.url,
      'GetFile',
      { repositoryURL: 'https://github.com/acme/app', ref: 'v1', localPath: 'main.go' },
      { cookie: stack.cookieFor('octocat') }
    );
    expect(source.status).toBe(200);

    await startPyroscope();
    const up = await labelNames();
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({ names: ['service_name'] });
  });
});

afterAll(() => tmp.remove());
