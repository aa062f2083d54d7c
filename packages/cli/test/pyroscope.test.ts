// `linescope annotate` and `top` on a Pyroscope query: the querier double in this process serving the recorded
// profiles, and a bare HTTP server to see what the command sends (credentials, tenant) and how it takes a refusal.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import { startPyroscopeDouble } from '../../../e2e/pyroscope-double/server';
import { NO_SAMPLES } from '../src/annotate';
import { labelSelector, parseTime } from '../src/pyroscope';
import { PROFILES_DIR, runInProcess } from './harness';

const goV1 = path.join(PROFILES_DIR, 'shop-go-v1.cpu.pb.gz');
const heapV1 = path.join(PROFILES_DIR, 'shop-go-v1.heap.pb.gz');

describe('a Pyroscope query', () => {
  let pyroscope: Awaited<ReturnType<typeof startPyroscopeDouble>>;
  beforeAll(async () => {
    pyroscope = await startPyroscopeDouble({ profilesDir: PROFILES_DIR });
  });
  afterAll(() => pyroscope.close());

  const v1 = ['--service', 'shop-go', '--selector', '{version="v1.0.0"}', '--from', 'now-23h'];

  it('annotates the merged profile with the numbers of the recorded file', async () => {
    const queried = await runInProcess([
      'annotate',
      '--pyroscope',
      pyroscope.url,
      ...v1,
      '-f',
      'main.handleRequest',
      '--format',
      'json',
    ]);
    const local = await runInProcess(['annotate', goV1, '-f', 'main.handleRequest', '--format', 'json']);
    expect(queried.stderr).toBe('');
    expect(queried.stdout).toBe(local.stdout);
  });

  it('takes PYROSCOPE_URL from the environment and asks for the profile type given', async () => {
    const queried = await runInProcess(
      ['top', ...v1, '--profile-type', 'memory:alloc_space:bytes:space:bytes', '--format', 'json', '-n', '5'],
      { env: { PYROSCOPE_URL: pyroscope.url } }
    );
    const local = await runInProcess(['top', heapV1, '--sample-type', 'alloc_space', '--format', 'json', '-n', '5']);
    expect(queried.stderr).toBe('');
    expect(JSON.parse(queried.stdout)).toEqual(JSON.parse(local.stdout));
  });

  it('says when the range holds no samples', async () => {
    const out = await runInProcess(['top', '--pyroscope', pyroscope.url, '--service', 'nobody', '-n', '5']);
    expect(out).toEqual({ status: 2, stdout: '', stderr: `linescope: ${NO_SAMPLES}\n` });
    const annotate = await runInProcess([
      'annotate',
      '--pyroscope',
      pyroscope.url,
      '--service',
      'nobody',
      '-f',
      'main.main',
    ]);
    expect(annotate.stderr).toBe(`linescope: ${NO_SAMPLES}\n`);
  });
});

describe('what the command sends Pyroscope', () => {
  let server: http.Server;
  let url: string;
  const seen: http.IncomingHttpHeaders[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      seen.push(req.headers);
      req.resume();
      res
        .writeHead(401, { 'content-type': 'application/json' })
        .end('{"code":"unauthenticated","message":"bad credentials"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends the credentials of the URL as basic auth, and never prints them', async () => {
    const withCredentials = url.replace('http://', 'http://stack-user:s3cr3t@');
    const out = await runInProcess(['top', '--service', 'api'], {
      env: { PYROSCOPE_URL: withCredentials, PYROSCOPE_TENANT: 'team-a' },
    });
    expect(out.status).toBe(2);
    expect(out.stderr).toBe(`linescope: Pyroscope at ${url} refused the query: [unauthenticated] bad credentials\n`);
    const headers = seen.pop()!;
    expect(headers.authorization).toBe(`Basic ${Buffer.from('stack-user:s3cr3t').toString('base64')}`);
    expect(headers['x-scope-orgid']).toBe('team-a');
  });

  it('sends PYROSCOPE_TOKEN as a bearer token, and the query the options describe', async () => {
    await runInProcess(['top', '--pyroscope', url, '--service', 'api'], { env: { PYROSCOPE_TOKEN: 'glc_token' } });
    expect(seen.pop()!.authorization).toBe('Bearer glc_token');
  });
});

describe('query options', () => {
  const now = Date.parse('2026-12-07T12:00:00Z');

  it.each([
    ['now', now],
    ['now-1h', now - 3600_000],
    ['now-30m', now - 30 * 60_000],
    ['now-2d', now - 2 * 86400_000],
    ['2026-12-01T10:00:00Z', Date.parse('2026-12-01T10:00:00Z')],
    ['1764583200', 1764583200_000],
    ['1764583200123', 1764583200123],
  ])('reads the time %s', (text, ms) => {
    expect(parseTime(text, now, '--from')).toBe(ms);
  });

  it('refuses what is not a time, and an empty range', async () => {
    expect(() => parseTime('yesterday', now, '--from')).toThrow(
      '--from "yesterday" is not a time: use now, now-1h, 2026-12-01T10:00:00Z or Unix seconds'
    );
    const out = await runInProcess([
      'top',
      '--pyroscope',
      'http://127.0.0.1:1',
      '--service',
      'api',
      '--from',
      'now',
      '--to',
      'now-1h',
    ]);
    expect(out.stderr).toMatch(/^linescope: the time range is empty: --from \(.*\) is not before --to/);
  });

  it('puts the service first in the selector, quoted', () => {
    expect(labelSelector('api', undefined)).toBe('{service_name="api"}');
    expect(labelSelector('api', '{env="prod"}')).toBe('{service_name="api", env="prod"}');
    expect(labelSelector('a"b\\c', '{}')).toBe('{service_name="a\\"b\\\\c"}');
    expect(labelSelector(undefined, '{service_name=~"shop-.*"}')).toBe('{service_name=~"shop-.*"}');
    expect(() => labelSelector('api', 'env="prod"')).toThrow('--selector must look like {name="value", ...}');
  });

  it('refuses a Pyroscope URL that is not http', async () => {
    const out = await runInProcess(['top', '--pyroscope', 'file:///etc/passwd', '--service', 'api']);
    expect(out.stderr).toBe('linescope: the Pyroscope URL must be http or https (got file:)\n');
  });
});
