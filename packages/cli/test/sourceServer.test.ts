// The source through a real Linescope source server (vcs.v1 GetFile over Connect) in front of the GitHub double
// serving the sample repositories: the Git session the plugin would hold, from LINESCOPE_GIT_TOKEN, in either of
// the forms a user can copy; from a local profile (repository and ref given) and from Pyroscope (read from the
// profile's build ids, as the panel does).
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { startPyroscopeDouble } from '../../../e2e/pyroscope-double/server';
import { createSampleRepos } from '../../../samples/repos';
import { SECRET, startStack, type Stack, tempDir } from '../../../server/test/helpers';
import { deriveKey, encryptToken } from '../../../server/src/session/token';
import type { AnnotatedFile } from '../src/annotate';
import { PROFILES_DIR, runInProcess, SOURCES_DIR } from './harness';

jest.setTimeout(60_000);

const goV1 = path.join(PROFILES_DIR, 'shop-go-v1.cpu.pb.gz');
const labels = JSON.parse(readFileSync(path.join(PROFILES_DIR, 'shop-go-v1.cpu.labels.json'), 'utf8'));
const mainGo = readFileSync(path.join(SOURCES_DIR, 'shop-go/v1/main.go'), 'utf8').split('\n');

const tmp = tempDir('cli-source-server');
let stack: Stack;
/** The value of the pyroscope_git_session cookie, as a browser holds it. */
let cookieValue: string;
/** The sealed token GithubLogin returns (what the plugin puts inside that cookie). */
let sealed: string;

beforeAll(async () => {
  const repos = await createSampleRepos(path.join(tmp.dir, 'repos'));
  stack = await startStack(repos.map((r) => ({ fullName: r.fullName, dir: r.dir, defaultBranch: r.defaultBranch })));
  cookieValue = stack.cookieFor('demo').replace(/^pyroscope_git_session=/, '');
  const granted = stack.double.issueToken('demo');
  sealed = encryptToken(
    { accessToken: granted.accessToken, tokenType: 'bearer', expiry: granted.expiresAt },
    deriveKey(SECRET, 'anonymous')
  );
}, 120_000);
afterAll(async () => {
  await stack?.stop();
  tmp.remove();
});

const versionOptions = ['--repository', labels.service_repository, '--ref', labels.service_git_ref];

async function annotateJson(argv: string[], env: NodeJS.ProcessEnv): Promise<AnnotatedFile[]> {
  const out = await runInProcess([...argv, '--format', 'json'], { env });
  expect(out.stderr).toBe('');
  return JSON.parse(out.stdout);
}

function expectMainGoText(files: AnnotatedFile[]) {
  const [file] = files;
  expect(file.file).toBe('/opt/linescope-samples/shop-go/main.go');
  expect(file.lines.length).toBeGreaterThan(0);
  for (const line of file.lines) {
    expect(line.text).toBe(mainGo[line.line - 1]);
  }
}

describe('annotate --source-server', () => {
  it.each([
    ['the cookie value', () => ({ LINESCOPE_GIT_TOKEN: cookieValue })],
    ['the sealed token', () => ({ LINESCOPE_GIT_TOKEN: sealed })],
    ['GITHUB_TOKEN', () => ({ GITHUB_TOKEN: sealed })],
  ])("shows the file at the profile's commit with the session from %s", async (_, env) => {
    const files = await annotateJson(
      ['annotate', goV1, '-f', 'main.handleRequest', '--source-server', stack.url, ...versionOptions],
      env()
    );
    expectMainGoText(files);
  });

  it('takes the repository and commit from the build ids of a profile from Pyroscope', async () => {
    const pyroscope = await startPyroscopeDouble({ profilesDir: PROFILES_DIR });
    try {
      const argv = [
        'annotate',
        '--pyroscope',
        pyroscope.url,
        '--service',
        'shop-go',
        '--selector',
        '{version="v1.0.0"}',
      ];
      const files = await annotateJson(
        [...argv, '--from', 'now-23h', '-f', 'main.handleRequest', '--source-server', stack.url],
        {
          LINESCOPE_GIT_TOKEN: cookieValue,
        }
      );
      expectMainGoText(files);
      const local = await annotateJson(['annotate', goV1, '-f', 'main.handleRequest'], {});
      expect(files.map((f) => ({ ...f, lines: f.lines.map(({ text: _text, ...numbers }) => numbers) }))).toEqual(local);
    } finally {
      await pyroscope.close();
    }
  });

  it('keeps the numbers and says why there is no source when the session is refused', async () => {
    const out = await runInProcess(
      ['annotate', goV1, '-f', 'main.handleRequest', '--source-server', stack.url, ...versionOptions],
      { env: { LINESCOPE_GIT_TOKEN: 'ghp_a-personal-access-token' } }
    );
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('      .  3.38 s > 69');
    expect(out.stdout).toContain(
      'source: the source server refused the Git session (invalid token): LINESCOPE_GIT_TOKEN (or GITHUB_TOKEN / ' +
        "GITLAB_TOKEN) must be a session that server sealed (the pyroscope_git_session or linescope_gitlab_session cookie's " +
        'value after Connect in Grafana), not a personal access token; or use --source <dir>'
    );
    expect(out.stdout).not.toContain('ghp_a-personal-access-token');
  });

  it('asks for the repository when a local profile does not name it', async () => {
    const out = await runInProcess(['annotate', goV1, '-f', 'main.handleRequest', '--source-server', stack.url], {
      env: { LINESCOPE_GIT_TOKEN: cookieValue },
    });
    expect(out.stdout).toContain(
      'source: the profile does not say which repository and commit it was built from (no Pyroscope build id): give ' +
        '--repository and --ref, or --source <dir>'
    );
  });

  it("passes on the server's not_found", async () => {
    const out = await runInProcess(
      [
        'annotate',
        goV1,
        '-f',
        'main.handleRequest',
        '--source-server',
        stack.url,
        '--repository',
        labels.service_repository,
        '--ref',
        'no-such-ref',
      ],
      { env: { LINESCOPE_GIT_TOKEN: cookieValue } }
    );
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/source: the source server could not give the file \(NotFound\): /);
  });
});
