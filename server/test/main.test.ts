/** The entry point: refuses a bad environment with one line per problem, starts, answers, stops on SIGTERM. */
import { spawn } from 'node:child_process';
import path from 'node:path';

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

describe('main', () => {
  it('exits with status 2 and says what is wrong', async () => {
    const proc = run({ PORT: 'abc', GITHUB_CLIENT_ID: 'x' });
    expect(await proc.exited).toBe(2);
    expect(proc.err()).toContain('linescope-server: invalid configuration:');
    expect(proc.err()).toContain('PORT="abc" must be an integer between 0 and 65535');
    expect(proc.err()).toContain(
      'GITHUB_CLIENT_ID, GITHUB_CLIENT_SECRET and GITHUB_SESSION_SECRET must be set together'
    );
  }, 60_000);

  it('listens, serves /healthz and stops on SIGTERM', async () => {
    const proc = run({ PORT: '0', LOG_LEVEL: 'info' });
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const match = /"url":"(http:\/\/[^"]+)"/.exec(proc.out());
        if (match) {
          clearInterval(timer);
          resolve(match[1]);
        }
      }, 50);
      proc.exited.then(() => reject(new Error(`exited early: ${proc.err()}`)));
    });
    expect(await (await fetch(`${url}/healthz`)).text()).toBe('ok\n');
    proc.child.kill('SIGTERM');
    expect(await proc.exited).toBe(0);
    expect(proc.out()).toContain('"msg":"shutting down"');
  }, 60_000);
});
