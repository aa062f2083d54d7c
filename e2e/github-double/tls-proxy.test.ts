// The TLS proxy puts the GitHub double at https://api.github.com and https://github.com for a real client (curl here,
// Go's net/http in Pyroscope) that trusts the test CA and uses the proxy: nothing else is reachable through it.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startGitHubDouble, type GitHubDouble } from './double';
import { createFixtureRepo } from '../git-fixtures';
import { startGitHubTlsProxy, type TlsProxy } from './tls-proxy';

const exec = promisify(execFile);

describe('GitHub double behind a TLS proxy', () => {
  const root = mkdtempSync(join(tmpdir(), 'linescope-tls-'));
  const repo = createFixtureRepo(root, 'acme/app', [{ files: { 'src/a.go': 'package src\n' }, tags: ['v1'] }]);
  let double: GitHubDouble;
  let proxy: TlsProxy;
  let token: string;

  beforeAll(async () => {
    double = await startGitHubDouble({ repos: [{ fullName: 'acme/app', dir: repo.dir }] });
    proxy = await startGitHubTlsProxy({ webUrl: double.url, apiUrl: double.apiUrl });
    token = double.issueToken('alice').accessToken;
  });
  afterAll(async () => {
    await proxy.close();
    await double.stop();
    rmSync(root, { recursive: true, force: true });
  });

  const curl = (args: string[]) =>
    exec('curl', ['-sS', '--max-time', '10', '--proxy', proxy.url, ...args], { encoding: 'utf8' }).then(
      (r) => ({ ok: true, out: r.stdout }),
      (e: { stderr?: string }) => ({ ok: false, out: e.stderr ?? '' })
    );

  it('answers https://api.github.com with the double, for a client that trusts the test CA', async () => {
    const before = double.apiCalls().length;
    const res = await curl([
      '--cacert',
      proxy.caFile,
      '-H',
      `authorization: Bearer ${token}`,
      'https://api.github.com/repos/acme/app/contents/src/a.go?ref=v1',
    ]);
    expect(res.ok).toBe(true);
    expect(Buffer.from(JSON.parse(res.out).content, 'base64').toString()).toBe('package src\n');
    expect(double.apiCalls().length).toBe(before + 1);
  });

  it('answers https://github.com (the OAuth endpoints) with the double too', async () => {
    const res = await curl([
      '--cacert',
      proxy.caFile,
      '-X',
      'POST',
      '-H',
      'accept: application/json',
      '-d',
      'client_id=wrong',
      'https://github.com/login/oauth/access_token',
    ]);
    expect(res.ok).toBe(true);
    expect(JSON.parse(res.out)).toHaveProperty('error');
  });

  it('is refused by a client that does not trust the test CA', async () => {
    const res = await curl(['--cacert', '/dev/null', 'https://api.github.com/']);
    expect(res.ok).toBe(false);
  });

  it('refuses to tunnel to any other host', async () => {
    const res = await curl(['--cacert', proxy.caFile, 'https://example.com/']);
    expect(res.ok).toBe(false);
    expect(proxy.refused).toContain('example.com:443');
  });
});
