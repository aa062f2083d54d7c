/**
 * The entry point: refuses a bad environment with one line per problem, starts, answers, and on SIGTERM lets a
 * request in flight finish (within SHUTDOWN_DRAIN_SECONDS) before it exits.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createFixtureRepo } from '../../e2e/git-fixtures';
import { startGitHubDouble } from '../../e2e/github-double';
import { decodeContent, githubDoubleEnv, rpc, SECRET, sessionCookie, tempDir } from './helpers';

const MAIN = path.join(__dirname, '../src/main.ts');

function run(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { PATH: process.env.PATH ?? '', ...env },
    cwd: path.join(__dirname, '../..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

/** The URL the server logs once it listens. */
function listening(proc: ReturnType<typeof run>): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /"url":"(http:\/\/[^"]+)"/.exec(proc.out());
      if (match) {
        clearInterval(timer);
        resolve(match[1]);
      }
    }, 50);
    proc.exited.then(() => {
      clearInterval(timer);
      reject(new Error(`exited early: ${proc.err()}`));
    });
  });
}

const logLines = (text: string) =>
  text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { msg: string; [key: string]: unknown });

describe('main', () => {
  it('exits with status 2 and says what is wrong', async () => {
    const proc = run({ PORT: 'abc', GITHUB_CLIENT_ID: 'x' });
    expect(await proc.exited).toBe(2);
    expect(proc.err()).toContain('linescope-server: invalid configuration:');
    expect(proc.err()).toContain('PORT="abc" must be an integer between 0 and 65535');
    expect(proc.err()).toContain('GITHUB_CLIENT_ID, GITHUB_CLIENT_SECRET and SESSION_SECRET must be set together');
  }, 60_000);

  it('listens, serves /healthz and /ready, and stops on SIGTERM', async () => {
    const proc = run({ PORT: '0', LOG_LEVEL: 'info' });
    const url = await listening(proc);
    expect(await (await fetch(`${url}/healthz`)).text()).toBe('ok\n');
    const ready = await fetch(`${url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.text()).toBe('ready\n');
    proc.child.kill('SIGTERM');
    expect(await proc.exited).toBe(0);
    expect(proc.out()).toContain('"msg":"shutting down"');
  }, 60_000);

  it('logs PYROSCOPE_URL without its user and password and CACHE_URL with its password redacted', async () => {
    const proc = run({
      PORT: '0',
      LOG_LEVEL: 'info',
      PYROSCOPE_URL: 'http://pyro:pyro-s3cret@127.0.0.1:1',
      CACHE_URL: 'redis://:cache-s3cret@127.0.0.1:1/0',
      GITHUB_CLIENT_ID: 'id',
      GITHUB_CLIENT_SECRET: 'client-s3cret',
      GITHUB_SESSION_SECRET: SECRET,
    });
    try {
      const url = await listening(proc);
      const ready = await fetch(`${url}/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.text()).toMatch(/^not ready: Pyroscope is unreachable \([^)]+\)\n$/);
      proc.child.kill('SIGTERM');
      expect(await proc.exited).toBe(0);
      const started = logLines(proc.out()).find((line) => line.msg === 'linescope source server listening');
      expect(started).toMatchObject({ gateway: 'http://127.0.0.1:1', cache: 'redis://:%5Bredacted%5D@127.0.0.1:1/0' });
      expect(proc.out() + proc.err()).not.toMatch(/s3cret/);
    } finally {
      proc.child.kill('SIGKILL');
    }
  }, 60_000);

  describe('SIGTERM during a slow GetFile', () => {
    const tmp = tempDir('main-drain');
    const repo = createFixtureRepo(tmp.dir, 'acme/app', [{ files: { 'main.go': 'package main // drained\n' } }]);
    afterAll(() => tmp.remove());

    async function slowGetFile(env: Record<string, string>) {
      const double = await startGitHubDouble({ repos: [{ fullName: 'acme/app', dir: repo.dir }] });
      const proc = run({
        PORT: '0',
        LOG_LEVEL: 'info',
        ...githubDoubleEnv(double),
        ...env,
      });
      const url = await listening(proc);
      const granted = double.issueToken('alice');
      const cookie = sessionCookie({
        accessToken: granted.accessToken,
        tokenType: 'bearer',
        refreshToken: granted.refreshToken,
        expiry: granted.expiresAt,
      });
      // Every GitHub answer now takes 300 ms: the GetFile below needs several, so it is in flight for > 1 s.
      double.setLatency(300);
      const started = Date.now();
      const answer = rpc(
        url,
        'GetFile',
        { repositoryURL: 'https://github.com/acme/app', ref: 'main', localPath: 'main.go' },
        { cookie }
      ).then(
        (result) => ({ ...result, ms: Date.now() - started }),
        (error: Error) => ({ status: 0, body: { error: String(error.cause ?? error) }, ms: Date.now() - started })
      );
      // Signal once the server is waiting on GitHub for this request.
      while (double.requests.length === 0) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      proc.child.kill('SIGTERM');
      return { double, proc, url, answer };
    }

    it('lets the request finish, refuses new connections meanwhile, then exits 0', async () => {
      const { double, proc, url, answer } = await slowGetFile({ SHUTDOWN_DRAIN_SECONDS: '30' });
      try {
        await new Promise((resolve) => setTimeout(resolve, 200));
        // The listening socket is closed: a new client cannot connect while the old request drains.
        await expect(fetch(`${url}/healthz`)).rejects.toThrow();
        const result = await answer;
        expect(result.status).toBe(200);
        expect(decodeContent(result.body)).toBe('package main // drained\n');
        expect(result.ms).toBeGreaterThan(600);
        expect(await proc.exited).toBe(0);
        const messages = logLines(proc.out()).map((line) => line.msg);
        expect(messages).toContain('shutting down');
        expect(messages).toContain('stopped');
        expect(messages).not.toContain('requests still running after the drain time were cut off');
      } finally {
        proc.child.kill('SIGKILL');
        await double.stop();
      }
    }, 60_000);

    it('cuts the request off once the drain time is over, and says so', async () => {
      const { double, proc, answer } = await slowGetFile({ SHUTDOWN_DRAIN_SECONDS: '0' });
      try {
        const result = await answer;
        expect(result.status).not.toBe(200);
        expect(await proc.exited).toBe(0);
        const cut = logLines(proc.out()).find((line) => line.msg.startsWith('requests still running'));
        expect(cut?.dropped).toBe(1);
      } finally {
        proc.child.kill('SIGKILL');
        await double.stop();
      }
    }, 60_000);
  });
});
