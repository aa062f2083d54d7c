/**
 * Hostile `.pyroscope.yaml` against the built server process (server/dist/main.js, as deployed): a V8 abort (2 KB of
 * `[`×1000 `]`×1000 used to end the process with "RegExpCompiler Allocation failed", exit 134) is invisible to an
 * in-process test, so each shape is committed to a repository, requested over HTTP, and the same process must then
 * answer the next request. Every refusal shows in the not-found explanation as a config problem.
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createFixtureRepo } from '../../e2e/git-fixtures';
import { startGitHubDouble, type GitHubDouble } from '../../e2e/github-double';
import { startSourceServer } from '../../e2e/stack';
import { decodeContent, githubDoubleEnv, rpc, sessionCookie, tempDir } from './helpers';

const REPO_ROOT = path.join(__dirname, '../..');

const blockMaps = (levels: number) =>
  Array.from({ length: levels }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + '\n';

function aliasBomb(): string {
  const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) {
    const name = String.fromCharCode(97 + i);
    levels.push(
      `${name}: &${name} [${Array(9)
        .fill(`*${String.fromCharCode(96 + i)}`)
        .join(',')}]`
    );
  }
  return `version: v1\n${levels.join('\n')}\nsource_code:\n  mappings: *j\n`;
}

/** Just under MAX_FILE_BYTES (1 MB), so the host reads it and the config reader must refuse it. */
function thousandsOfMappings(): string {
  const lines = ['version: v1', 'source_code:', '  mappings:'];
  for (let i = 0; lines.join('\n').length < 1_000_000 - 200; i++) {
    lines.push(`    - {path: [{prefix: pkg${i}/}], language: go, source: {local: {path: src/${i}}}}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Each repository's config, and the problem its not-found explanation must name. */
const SHAPES: Array<{ name: string; config: string; problem: RegExp }> = [
  { name: 'brackets', config: `${'['.repeat(1000)}${']'.repeat(1000)}`, problem: /nested more than 64 levels/ },
  { name: 'open-brackets', config: '['.repeat(100_000), problem: /nested more than 64 levels/ },
  { name: 'open-braces', config: '{a: '.repeat(50_000), problem: /nested more than 64 levels/ },
  { name: 'block-maps', config: blockMaps(600), problem: /nested more than 64 levels/ },
  { name: 'block-sequences', config: `${'- '.repeat(50_000)}x\n`, problem: /nested more than 64 levels/ },
  { name: 'alias-bomb', config: aliasBomb(), problem: /alias/i },
  { name: 'long-key', config: `${'k'.repeat(200_000)}: v1\n`, problem: /200000 characters long/ },
  { name: 'thousands-of-mappings', config: thousandsOfMappings(), problem: /more than the 262144 bytes/ },
];

describe('the built server under hostile .pyroscope.yaml files', () => {
  const tmp = tempDir('hostile-config');
  let double: GitHubDouble;
  let server: { url: string; child: ChildProcess };
  let exit: Promise<number | null>;
  let cookie: string;
  let stderr = '';

  beforeAll(async () => {
    execFileSync('npm', ['run', 'build', '-w', 'server'], { cwd: REPO_ROOT, stdio: 'ignore' });
    const repos = [...SHAPES, { name: 'healthy', config: 'version: v1\n' }].map(({ name, config }) =>
      createFixtureRepo(tmp.dir, `acme/${name}`, [
        { files: { '.pyroscope.yaml': config, 'main.go': `package main // ${name}\n` } },
      ])
    );
    double = await startGitHubDouble({ repos: repos.map((r) => ({ fullName: r.fullName, dir: r.dir })) });
    server = await startSourceServer(
      { ...githubDoubleEnv(double), LOG_LEVEL: 'info' },
      (line) => (stderr += `${line}\n`)
    );
    exit = new Promise((resolve) =>
      server.child.once('exit', (code, signal) => resolve(code ?? (signal ? 134 : null)))
    );
    const granted = double.issueToken('alice');
    cookie = sessionCookie({
      accessToken: granted.accessToken,
      tokenType: 'bearer',
      refreshToken: granted.refreshToken,
      expiry: granted.expiresAt,
    });
  }, 120_000);

  afterAll(async () => {
    server?.child.kill('SIGKILL');
    await double?.stop();
    tmp.remove();
  });

  const getFile = (repo: string, localPath: string) =>
    rpc(
      server.url,
      'GetFile',
      { repositoryURL: `https://github.com/acme/${repo}`, ref: 'main', localPath },
      { cookie }
    );

  /** The process has not exited, and a healthy repository is still served. */
  async function stillServing() {
    const alive = await Promise.race([exit.then((code) => `exited ${code}`), getFile('healthy', 'main.go')]);
    expect(alive).not.toEqual(expect.stringMatching(/^exited/));
    expect(decodeContent((alive as Awaited<ReturnType<typeof getFile>>).body)).toBe('package main // healthy\n');
  }

  it.each(SHAPES)(
    'answers with $name, explains the config problem, and keeps serving',
    async ({ name, problem }) => {
      // Twice each: the second read comes from the caches, as the next user's would.
      for (let round = 0; round < 2; round++) {
        const found = await getFile(name, 'main.go');
        expect({ status: found.status, content: decodeContent(found.body) }).toEqual({
          status: 200,
          content: `package main // ${name}\n`,
        });
        const missing = await getFile(name, 'missing.go');
        expect(missing.status).toBe(404);
        expect(missing.body.message).toMatch(/\.pyroscope\.yaml: failed to parse pyroscope config: /);
        expect(missing.body.message).toMatch(problem);
        expect(String(missing.body.message).length).toBeLessThan(4096);
        await stillServing();
      }
    },
    60_000
  );

  it('never aborted nor logged an error', () => {
    expect(server.child.exitCode).toBeNull();
    expect(stderr).not.toMatch(/FATAL ERROR|RangeError|"level":50/);
  });
});
