/**
 * The gauges behind the dashboard's "serving" row and the LinescopeNotReady alert, read from /metrics as Prometheus
 * scrapes them: requests in flight, the last /ready answer, and draining from SIGTERM on.
 */
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/log';
import { createServer } from '../src/server';

function start(env: Record<string, string> = {}) {
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', ...env });
  const server = createServer(config, { logger: createLogger('silent') });
  return { server, listening: server.listen(0, '127.0.0.1') };
}

/** The value of one unlabelled series in a scrape. */
async function scrape(url: string, name: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  expect(line).toBeDefined();
  return Number(line!.split(' ')[1]);
}

describe('serving gauges', () => {
  it('count the requests being answered, the scrape itself included', async () => {
    // A Pyroscope whose /ready never answers keeps one /ready request in flight.
    const hung = http.createServer(() => undefined);
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
    const { server, listening } = start({
      PYROSCOPE_URL: `http://127.0.0.1:${(hung.address() as AddressInfo).port}`,
      GIT_HOST_TIMEOUT_MS: '1500',
    });
    const url = await listening;
    try {
      expect(await scrape(url, 'linescope_http_requests_in_flight')).toBe(1);
      const waiting = fetch(`${url}/ready`);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await scrape(url, 'linescope_http_requests_in_flight')).toBe(2);
      expect((await waiting).status).toBe(503);
      expect(await scrape(url, 'linescope_ready')).toBe(0);
      expect(await scrape(url, 'linescope_http_requests_in_flight')).toBe(1);
    } finally {
      await server.close();
      await new Promise<void>((resolve) => hung.close(() => resolve()).closeAllConnections());
    }
  });

  it('report the last /ready answer and draining from the start of the drain', async () => {
    const { server, listening } = start();
    const url = await listening;
    expect(await scrape(url, 'linescope_draining')).toBe(0);
    expect((await fetch(`${url}/ready`)).status).toBe(200);
    expect(await scrape(url, 'linescope_ready')).toBe(1);
    await server.drain(1000);
    const metrics = await server.metrics.registry.getSingleMetricAsString('linescope_draining');
    expect(metrics).toMatch(/^linescope_draining 1$/m);
  });
});
