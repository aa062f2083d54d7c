/**
 * Hostile package archives against the built server process (server/dist/main.js, as deployed): a deflate bomb
 * behind small declared sizes, a gzip bomb, an archive of too many entries, a zip-slip entry and a tarball whose
 * integrity does not match are each served by the registry double and requested through GetFile; the same
 * process must refuse each (explained in "Why no source?"), stay up and serve the next request.
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import { deflateRawSync, gzipSync } from 'node:zlib';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { createFixtureRepo } from '../../e2e/git-fixtures';
import { startGitHubDouble, type GitHubDouble } from '../../e2e/github-double';
import { startRegistryDouble, type RegistryDouble } from '../../e2e/registry-doubles';
import { startSourceServer } from '../../e2e/stack';
import { decodeContent, githubDoubleEnv, rpc, sessionCookie, tempDir } from './helpers';

const REPO_ROOT = path.join(__dirname, '../..');

/** One stored-size-lying entry: declares 16 bytes, inflates to 64 MiB of zeros. */
function lyingZip(module: string): Uint8Array {
  const name = Buffer.from(`${module}@v1.0.0/x.go`);
  const data = deflateRawSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 });
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(16, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(16, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(local.length + name.length + data.length, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

const SHAPES = [
  {
    name: 'lying-sizes',
    zip: lyingZip('example.org/lying-sizes'),
    problem: /does not inflate to its declared size|does not match its declared size/,
  },
  {
    name: 'many-entries',
    zip: zipSync(
      Object.fromEntries(
        Array.from({ length: 60_000 }, (_, i) => [`example.org/many-entries@v1.0.0/f${i}.go`, strToU8('')])
      )
    ),
    problem: /more than 50000 entries/,
  },
  {
    name: 'zip-slip',
    zip: zipSync({ 'example.org/zip-slip@v1.0.0/x.go': strToU8('x'), '../../etc/x.go': strToU8('x') }),
    problem: /climbs out/,
  },
];

describe('the built server under hostile package archives', () => {
  const tmp = tempDir('hostile-archives');
  let github: GitHubDouble;
  let registries: RegistryDouble;
  let server: { url: string; child: ChildProcess };
  let exit: Promise<number | null>;
  let cookie: string;
  let stderr = '';

  beforeAll(async () => {
    execFileSync('npm', ['run', 'build', '-w', 'server'], { cwd: REPO_ROOT, stdio: 'ignore' });
    const repo = createFixtureRepo(tmp.dir, 'acme/shop', [
      {
        files: {
          'main.go': 'package main\n',
          'package-lock.json': JSON.stringify({
            lockfileVersion: 3,
            packages: { 'node_modules/bomb': { version: '1.0.0' }, 'node_modules/tampered': { version: '1.0.0' } },
          }),
        },
      },
    ]);
    github = await startGitHubDouble({ repos: [{ fullName: repo.fullName, dir: repo.dir }] });
    registries = await startRegistryDouble({
      goModules: [
        ...SHAPES.map((s) => ({ module: `example.org/${s.name}`, version: 'v1.0.0', files: {}, zip: s.zip })),
        { module: 'example.org/healthy', version: 'v1.0.0', files: { 'x.go': 'package healthy\n' } },
      ],
      npmPackages: [
        // 200 MiB of zeros gzipped to about 200 KB: more than the 128 MiB an archive may unpack to.
        { name: 'bomb', version: '1.0.0', files: {}, tarball: gzipSync(Buffer.alloc(200 * 1024 * 1024), { level: 9 }) },
        { name: 'tampered', version: '1.0.0', files: { 'index.js': 'x' }, integrity: 'sha512-AAAA' },
      ],
    });
    server = await startSourceServer(
      {
        ...githubDoubleEnv(github),
        GOPROXY: registries.goproxyUrl,
        NPM_REGISTRY_URL: registries.npmUrl,
        LOG_LEVEL: 'info',
      },
      (line) => (stderr += `${line}\n`)
    );
    exit = new Promise((resolve) =>
      server.child.once('exit', (code, signal) => resolve(code ?? (signal ? 134 : null)))
    );
    const granted = github.issueToken('alice');
    cookie = sessionCookie({
      accessToken: granted.accessToken,
      tokenType: 'bearer',
      refreshToken: granted.refreshToken,
      expiry: granted.expiresAt,
    });
  }, 180_000);

  afterAll(async () => {
    server?.child.kill('SIGKILL');
    await github?.stop();
    await registries?.close();
    tmp.remove();
  });

  const getFile = (localPath: string) =>
    rpc(server.url, 'GetFile', { repositoryURL: 'https://github.com/acme/shop', ref: 'main', localPath }, { cookie });

  async function stillServing() {
    const alive = await Promise.race([
      exit.then((code) => `exited ${code}`),
      getFile('/go/pkg/mod/example.org/healthy@v1.0.0/x.go'),
    ]);
    expect(alive).not.toEqual(expect.stringMatching(/^exited/));
    expect(decodeContent((alive as Awaited<ReturnType<typeof getFile>>).body)).toBe('package healthy\n');
  }

  it.each([
    ...SHAPES.map((s) => ({
      name: s.name,
      frame: `/go/pkg/mod/example.org/${s.name}@v1.0.0/x.go`,
      problem: s.problem,
    })),
    { name: 'gzip-bomb', frame: '/app/node_modules/bomb/index.js', problem: /unpacks to more than/ },
    {
      name: 'tampered',
      frame: '/app/node_modules/tampered/index.js',
      problem: /does not match the registry's integrity/,
    },
  ])(
    'refuses $name, says why, and keeps serving',
    async ({ frame, problem }) => {
      const refused = await getFile(frame);
      expect(refused.status).toBe(404);
      expect(JSON.stringify(refused.body)).toMatch(problem);
      await stillServing();
    },
    120_000
  );

  it('never aborted nor logged an error', () => {
    expect(server.child.exitCode).toBeNull();
    expect(stderr).not.toMatch(/FATAL ERROR|"level":50/);
  });
});
