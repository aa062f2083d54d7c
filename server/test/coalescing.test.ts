/**
 * Concurrent identical requests share their GitHub calls, per user where access must be proven: over HTTP,
 * against the GitHub double, counting the calls it received.
 */
import { createFixtureRepo } from '../../e2e/git-fixtures';
import { createLogger } from '../src/log';
import { createServer } from '../src/server';
import { decodeContent, rpc, Stack, startStack, tempDir } from './helpers';

const tmp = tempDir('coalescing');
const MAPPED = `version: v1
source_code:
  mappings:
    - function_name: [{prefix: com/acme}]
      language: java
      source: {local: {path: src/main/java}}
`;
const MAIN_GO = 'package main\n\nfunc main() {}\n';
const SHOP = 'package com.acme;\nclass Shop {}\n';
const SHOP_FRAME = { localPath: 'Shop.java', functionName: 'com/acme/Shop$Cart.checkout' };
const app = createFixtureRepo(tmp.dir, 'acme/app', [
  {
    files: {
      '.pyroscope.yaml': MAPPED,
      'main.go': MAIN_GO,
      'src/main/java/com/acme/Shop.java': SHOP,
      'go.mod': 'module github.com/acme/app\n\ngo 1.21\n',
      'pkg/util/util.go': 'package util\n',
      'app/server.py': 'def handler():\n    return 1\n',
    },
  },
]);
const secret = createFixtureRepo(tmp.dir, 'acme/secret', [{ files: { 'main.go': 'package main // secret\n' } }]);

const BURST = 200;

describe('a cold burst of identical GetFile requests', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack([
      { fullName: 'acme/app', dir: app.dir },
      { fullName: 'acme/secret', dir: secret.dir, private: true, readers: ['alice'] },
    ]);
  });
  afterAll(async () => {
    await stack.stop();
    tmp.remove();
  });

  /** A server with an empty cache against the same double. */
  async function coldServer() {
    const server = createServer(stack.config, { logger: createLogger('silent') });
    return { url: await server.listen(0, '127.0.0.1'), close: () => server.close() };
  }

  async function burst(url: string, count: number, body: Record<string, string>, cookie: string) {
    stack.double.resetRequests();
    const answers = await Promise.all(Array.from({ length: count }, () => rpc(url, 'GetFile', body, { cookie })));
    return { answers, calls: stack.double.apiCalls() };
  }

  it('costs at most 3 GitHub calls for 200 requests of one user (ref, .pyroscope.yaml, the mapped file)', async () => {
    const server = await coldServer();
    try {
      const { answers, calls } = await burst(
        server.url,
        BURST,
        { repositoryURL: 'https://github.com/acme/app', ref: 'main', ...SHOP_FRAME },
        stack.cookieFor('alice')
      );
      expect(answers.map((a) => a.status)).toEqual(Array(BURST).fill(200));
      expect(answers.filter((a) => decodeContent(a.body) === SHOP)).toHaveLength(BURST);
      expect(calls.map((c) => c.path.split('?')[0])).toEqual(
        expect.arrayContaining([
          '/repos/acme/app/commits/main',
          '/repos/acme/app/contents/.pyroscope.yaml',
          '/repos/acme/app/contents/src/main/java/com/acme/Shop.java',
        ])
      );
      expect(calls.length).toBeLessThanOrEqual(3);
    } finally {
      await server.close();
    }
  }, 60_000);

  it.each([
    ['a relative Go path (tree listing)', 'main.go', 'main'],
    ['an absolute Go path (tree listing started early)', '/build/app/main.go', 'main'],
    ['a Go module path (go.mod)', 'github.com/acme/app/pkg/util/util.go', 'main'],
    ['a Python path', '/srv/app/server.py', ''],
    ['a path in no commit', 'nowhere/gone.go', 'main'],
  ])(
    'costs what one request costs: %s',
    async (_name, localPath, ref) => {
      const body = { repositoryURL: 'https://github.com/acme/app', ref, localPath };
      const cookie = stack.cookieFor('alice');
      const single = await coldServer();
      const many = await coldServer();
      try {
        const one = await burst(single.url, 1, body, cookie);
        const all = await burst(many.url, BURST, body, cookie);
        expect(all.answers.map((a) => a.status)).toEqual(Array(BURST).fill(one.answers[0].status));
        expect(all.calls.map((c) => c.path).sort()).toEqual(one.calls.map((c) => c.path).sort());
      } finally {
        await Promise.all([single.close(), many.close()]);
      }
    },
    60_000
  );

  it("joins only the same user's calls: a burst of two users proves each one's access", async () => {
    const server = await coldServer();
    const body = { repositoryURL: 'https://github.com/acme/secret', ref: 'main', localPath: 'main.go' };
    const alice = stack.cookieFor('alice');
    const bob = stack.cookieFor('bob');
    try {
      stack.double.resetRequests();
      const answers = await Promise.all(
        Array.from({ length: BURST }, (_, i) => rpc(server.url, 'GetFile', body, { cookie: i % 2 ? bob : alice }))
      );
      const byAlice = answers.filter((_, i) => i % 2 === 0);
      const byBob = answers.filter((_, i) => i % 2 === 1);
      expect(byAlice.every((a) => a.status === 200 && decodeContent(a.body) === 'package main // secret\n')).toBe(true);
      expect(byBob.every((a) => a.status === 404 && a.body.content === undefined)).toBe(true);
      const calls = stack.double.apiCalls();
      expect(calls.filter((c) => c.login === 'bob').length).toBeGreaterThanOrEqual(1);
      // Alice: ref, .pyroscope.yaml, tree, file; Bob: the ref lookup that GitHub answers 404, then nothing more.
      expect(calls.filter((c) => c.login === 'alice').length).toBeLessThanOrEqual(4);
      expect(calls.filter((c) => c.login === 'bob').length).toBeLessThanOrEqual(1);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('answers the others when the client whose call they joined goes away', async () => {
    const server = await coldServer();
    const body = { repositoryURL: 'https://github.com/acme/app', ref: 'main', ...SHOP_FRAME };
    const cookie = stack.cookieFor('alice');
    stack.double.setLatency(150);
    try {
      stack.double.resetRequests();
      const impatient = rpc(server.url, 'GetFile', body, { cookie, 'connect-timeout-ms': '50' });
      const patient = Array.from({ length: 20 }, () => rpc(server.url, 'GetFile', body, { cookie }));
      expect((await impatient).body.code).toBe('deadline_exceeded');
      const answers = await Promise.all(patient);
      expect(answers.filter((a) => a.status === 200 && decodeContent(a.body) === SHOP)).toHaveLength(20);
      expect(stack.double.apiCalls().length).toBeLessThanOrEqual(3);
    } finally {
      stack.double.setLatency(0);
      await server.close();
    }
  }, 60_000);
});
