/**
 * Bounded work per request, over HTTP against the GitHub double: too many refs or too long a field is refused with
 * invalid_argument before any host call; a config with a thousand mappings costs at most the per-file host-call
 * budget and gives a not-found explanation of a few KB.
 */
import { createFixtureRepo } from '../../e2e/git-fixtures';
import { MAX_REFS_PER_REQUEST, MAX_REQUEST_FIELD_CHARS } from '../src/rpc/limits';
import { rpc, Stack, startStack, tempDir } from './helpers';

const tmp = tempDir('limits');
const REPO = 'https://github.com/acme/app';

/** Mappings that all match `src/…` and point nowhere, then as many invalid ones. */
function thousandMappings(): string {
  const lines = ['version: v1', 'source_code:', '  mappings:'];
  for (let i = 0; i < 1000; i++) {
    const language = i < 500 ? 'go' : 'cobol';
    lines.push(`    - {path: [{prefix: src/}], language: ${language}, source: {local: {path: nowhere/${i}}}}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('bounded work per request', () => {
  let stack: Stack;
  let cookie: string;

  beforeAll(async () => {
    const app = createFixtureRepo(tmp.dir, 'acme/app', [
      { files: { 'main.go': 'package main\n', '.pyroscope.yaml': thousandMappings() } },
    ]);
    stack = await startStack([{ fullName: 'acme/app', dir: app.dir }]);
    cookie = stack.cookieFor('alice');
  });
  afterAll(async () => {
    await stack.stop();
    tmp.remove();
  });

  /** The RPC's answer and how many GitHub API calls it made. */
  async function counted(method: string, body: unknown) {
    stack.double.resetRequests();
    const answer = await rpc(stack.url, method, body, { cookie });
    return { ...answer, hostCalls: stack.double.apiCalls().length };
  }

  it(`refuses more than ${MAX_REFS_PER_REQUEST} distinct refs in GetCommits, before any host call`, async () => {
    const refs = Array.from({ length: MAX_REFS_PER_REQUEST + 1 }, (_, i) => `v${i}`);
    const answer = await counted('GetCommits', { repositoryUrl: REPO, refs });
    expect(answer).toMatchObject({
      status: 400,
      body: { code: 'invalid_argument', message: 'GetCommits: 101 refs asked for, at most 100 per request' },
      hostCalls: 0,
    });
    // The same ref many times is one ref.
    const repeated = await counted('GetCommits', { repositoryUrl: REPO, refs: Array(500).fill('main') });
    expect(repeated.status).toBe(200);
    expect(repeated.body.commits).toHaveLength(500);
    expect(repeated.hostCalls).toBeLessThanOrEqual(2);
  });

  it.each([
    ['GetFile', 'localPath', { repositoryURL: REPO, ref: 'main', localPath: 'x'.repeat(5000) }],
    [
      'GetFile',
      'functionName',
      { repositoryURL: REPO, ref: 'main', localPath: 'a.go', functionName: 'f'.repeat(5000) },
    ],
    ['GetFile', 'repositoryURL', { repositoryURL: `${REPO}/${'x'.repeat(5000)}`, ref: 'main', localPath: 'a.go' }],
    ['GetCommit', 'ref', { repositoryURL: REPO, ref: 'r'.repeat(5000) }],
    ['GetCommits', 'refs[1]', { repositoryUrl: REPO, refs: ['main', 'r'.repeat(5000)] }],
  ])('%s refuses a %s longer than the limit, before any host call', async (method, field, body) => {
    const answer = await counted(method, body);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'invalid_argument' });
    expect(answer.body.message).toMatch(
      new RegExp(
        `^${method}: ${field.replace(/[[\]]/g, '\\$&')} is \\d+ characters long, at most ${MAX_REQUEST_FIELD_CHARS}`
      )
    );
    expect(answer.hostCalls).toBe(0);
  });

  it('tries a thousand matching mappings within the host-call budget and explains it in a few KB', async () => {
    const answer = await counted('GetFile', { repositoryURL: REPO, ref: 'main', localPath: 'src/missing.go' });
    expect(answer.status).toBe(404);
    expect(answer.hostCalls).toBeLessThanOrEqual(45);
    const message = String(answer.body.message);
    expect(message.length).toBeLessThanOrEqual(4001);
    const explanation = (answer.body.details as Array<{ debug: { attempts: unknown[]; configProblems: string[] } }>)[0]
      .debug;
    expect(explanation.attempts.length).toBeLessThanOrEqual(61);
    expect(explanation.attempts.at(-1)).toMatchObject({ outcome: expect.stringMatching(/^… and \d+ more attempts$/) });
    expect(explanation.configProblems).toHaveLength(11);
    expect(explanation.configProblems.at(-1)).toMatch(/^… and \d+ more problems$/);
    expect(JSON.stringify(answer.body).length).toBeLessThan(32 * 1024);
  });
});
