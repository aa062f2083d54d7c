/**
 * /ready, what the Dockerfile's health check and docker-compose wait on: ready without a gateway, in gateway mode
 * only while Pyroscope's own /ready answers without a server error, and never while draining.
 */
import http from 'node:http';
import net, { AddressInfo } from 'node:net';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/log';
import { createServer, LinescopeServer } from '../src/server';

/** Stands in for Pyroscope's /ready: answers with the status the test sets, or after a delay. */
async function pyroscopeReady() {
  const state = { status: 200, delayMs: 0, authorization: [] as Array<string | undefined> };
  const server = http.createServer((req, res) => {
    state.authorization.push(req.headers.authorization);
    // unref: a hung answer must not keep the test process alive once the test is over.
    setTimeout(() => res.writeHead(req.url === '/ready' ? state.status : 404).end('ready'), state.delayMs).unref();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    state,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve()).closeAllConnections()),
  };
}

async function start(env: Record<string, string> = {}): Promise<{ server: LinescopeServer; url: string }> {
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', ...env });
  const server = createServer(config, { logger: createLogger('silent') });
  return { server, url: await server.listen(0, '127.0.0.1') };
}

const ready = async (url: string) => {
  const response = await fetch(`${url}/ready`);
  return { status: response.status, text: await response.text() };
};

describe('/ready', () => {
  it('is ready as soon as it listens when there is no gateway', async () => {
    const { server, url } = await start();
    try {
      expect(await ready(url)).toEqual({ status: 200, text: 'ready\n' });
    } finally {
      await server.close();
    }
  });

  it('in gateway mode follows Pyroscope: up, starting (503), gone', async () => {
    const pyroscope = await pyroscopeReady();
    const { server, url } = await start({ PYROSCOPE_URL: pyroscope.url });
    try {
      expect(await ready(url)).toEqual({ status: 200, text: 'ready\n' });
      pyroscope.state.status = 503;
      expect(await ready(url)).toEqual({ status: 503, text: 'not ready: Pyroscope answered 503\n' });
      pyroscope.state.status = 200;
      expect((await ready(url)).status).toBe(200);
      await pyroscope.stop();
      const gone = await ready(url);
      expect(gone.status).toBe(503);
      expect(gone.text).toBe('not ready: Pyroscope is unreachable (ECONNREFUSED)\n');
      // The reason never repeats PYROSCOPE_URL (it may carry credentials).
      expect(gone.text).not.toContain('127.0.0.1');
    } finally {
      await server.close();
      await pyroscope.stop().catch(() => undefined);
    }
  });

  it('in gateway mode is not ready when Pyroscope hangs, and says so within the probe timeout', async () => {
    const pyroscope = await pyroscopeReady();
    pyroscope.state.delayMs = 5000;
    const { server, url } = await start({ PYROSCOPE_URL: pyroscope.url, GITHUB_TIMEOUT_MS: '300' });
    try {
      const started = Date.now();
      expect(await ready(url)).toEqual({ status: 503, text: 'not ready: Pyroscope did not answer within 300 ms\n' });
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      await server.close();
      await pyroscope.stop();
    }
  });

  it('answers 503 to a request on a busy kept-alive connection while the server drains, then closes it', async () => {
    const pyroscope = await pyroscopeReady();
    pyroscope.state.delayMs = 300;
    const { server, url } = await start({ PYROSCOPE_URL: pyroscope.url });
    try {
      const socket = net.connect(Number(new URL(url).port), '127.0.0.1');
      let received = '';
      socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
      const ended = new Promise<void>((resolve) => socket.on('close', () => resolve()));
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      // The first /ready waits 300 ms on Pyroscope, so the connection is busy when draining starts and stays
      // open; the second request comes on it after that.
      const request = 'GET /ready HTTP/1.1\r\nHost: linescope\r\n\r\n';
      socket.write(request);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const drained = server.drain(5000);
      socket.write(request);
      await ended;
      const answers = received.split(/(?=HTTP\/1\.1 )/);
      expect(answers).toHaveLength(2);
      expect(answers[0]).toMatch(/^HTTP\/1\.1 200 [^]*\r\nready\n/);
      expect(answers[1]).toMatch(/^HTTP\/1\.1 503 /);
      expect(answers[1].toLowerCase()).toContain('connection: close');
      expect(answers[1]).toContain('not ready: shutting down\n');
      expect(await drained).toEqual({ dropped: 0 });
    } finally {
      await server.close();
      await pyroscope.stop();
    }
  });

  it('authenticates with the user and password of PYROSCOPE_URL, and never repeats them', async () => {
    const pyroscope = await pyroscopeReady();
    const withUser = pyroscope.url.replace('http://', 'http://linescope:p%40ss-w0rd@');
    const { server, url } = await start({ PYROSCOPE_URL: withUser });
    try {
      expect(await ready(url)).toEqual({ status: 200, text: 'ready\n' });
      expect(pyroscope.state.authorization).toEqual([`Basic ${Buffer.from('linescope:p@ss-w0rd').toString('base64')}`]);
      await pyroscope.stop();
      const gone = await ready(url);
      expect(gone).toEqual({ status: 503, text: 'not ready: Pyroscope is unreachable (ECONNREFUSED)\n' });
      const healthz = await fetch(`${url}/healthz`);
      expect(await healthz.text()).toBe('ok\n');
    } finally {
      await server.close();
      await pyroscope.stop().catch(() => undefined);
    }
  });

  it('names no error text it got, only its code', async () => {
    // A host name that cannot resolve: the error's own message would quote it.
    const { server, url } = await start({ PYROSCOPE_URL: 'http://user:secret@linescope-no-such-host.invalid:4040' });
    try {
      const answer = await ready(url);
      expect(answer.status).toBe(503);
      expect(answer.text).toMatch(
        /^not ready: Pyroscope (is unreachable \((ENOTFOUND|EAI_AGAIN)\)|did not answer within \d+ ms)\n$/
      );
      expect(answer.text).not.toMatch(/secret|user|invalid/);
    } finally {
      await server.close();
    }
  });
});
