/**
 * Replicas sharing one cache (CACHE_URL) over a real redis-server, against the GitHub double: content one replica
 * fetched is served by another only after its own user's access is proven, never to a user without access; the
 * cache server failing, tampered or foreign values, and another key version never change an answer.
 */
import { Writable } from 'node:stream';
import { createFixtureRepo } from '../../e2e/git-fixtures';
import { SharedCache } from '../src/cache/shared-cache';
import { ByteStore } from '../src/cache/redis-store';
import { createLogger } from '../src/log';
import { createServer } from '../src/server';
import { decodeContent, rpc, SECRET, Stack, startStack, tempDir } from './helpers';
import { RedisServer, startRedis } from './redis';

const tmp = tempDir('shared-cache');
const FILES: Record<string, string> = {
  'main.go': 'package main // secret\n',
  'other.go': 'package main // other\n',
};
for (let i = 0; i < 20; i++) {
  FILES[`pkg/f${i}.go`] = `package pkg // ${i}\n`;
}
const secret = createFixtureRepo(tmp.dir, 'acme/secret', [{ files: FILES }]);
const SECRET_REPO = 'https://github.com/acme/secret';

describe('replicas sharing one cache', () => {
  let redis: RedisServer;
  let stack: Stack;
  const servers: Array<{ close(): Promise<void> }> = [];

  beforeAll(async () => {
    redis = await startRedis();
    stack = await startStack([{ fullName: 'acme/secret', dir: secret.dir, private: true, readers: ['alice', 'bob'] }], {
      env: { CACHE_URL: redis.url, CACHE_TIMEOUT_MS: '100' },
    });
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await stack.stop();
    await redis.close();
    tmp.remove();
  });
  beforeEach(async () => {
    await redis.client.flushdb();
  });

  /** Another replica: its own empty memory, the same config (and so the same cache server). */
  async function replica(options: { logs?: string[]; env?: Record<string, string> } = {}) {
    const logs = options.logs;
    const logger = logs
      ? createLogger(
          'info',
          new Writable({
            write(chunk, _encoding, done) {
              logs.push(String(chunk));
              done();
            },
          })
        )
      : createLogger('silent');
    const server = createServer({ ...stack.config, ...options.env }, { logger });
    servers.push(server);
    const url = await server.listen(0, '127.0.0.1');
    const getFile = (localPath: string, cookie: string, tenant?: string) =>
      rpc(
        url,
        'GetFile',
        { repositoryURL: SECRET_REPO, ref: 'main', localPath },
        { cookie, ...(tenant ? { 'x-scope-orgid': tenant } : {}) }
      );
    return { server, url, getFile };
  }

  /** The GitHub calls `work` made, by login and path. */
  async function callsOf(work: () => Promise<unknown>) {
    stack.double.resetRequests();
    await work();
    return stack.double.apiCalls().map((c) => ({ login: c.login, path: c.path.split('?')[0], status: c.status }));
  }

  const contentsCalls = (calls: Array<{ path: string }>) => calls.filter((c) => c.path.includes('/contents/'));

  it("serves a file another replica fetched with no contents call, after proving this user's access", async () => {
    const first = await replica();
    const second = await replica();
    const alice = stack.cookieFor('alice');
    const bob = stack.cookieFor('bob');

    const firstCalls = await callsOf(async () => {
      const got = await first.getFile('main.go', alice);
      expect(decodeContent(got.body)).toBe(FILES['main.go']);
    });
    expect(contentsCalls(firstCalls).map((c) => c.path)).toContain('/repos/acme/secret/contents/main.go');
    expect((await redis.client.keys('*')).every((k) => k.startsWith('linescope:v1:'))).toBe(true);

    const bobCalls = await callsOf(async () => {
      const got = await second.getFile('main.go', bob);
      expect(got.status).toBe(200);
      expect(decodeContent(got.body)).toBe(FILES['main.go']);
    });
    expect(contentsCalls(bobCalls)).toEqual([]);
    // Bob's own proof: the ref lookup with his token (revalidated with the ETag the first replica shared).
    expect(bobCalls).toEqual([{ login: 'bob', path: '/repos/acme/secret/commits/main', status: 304 }]);

    // Alice's proof is shared too: on a third replica she costs nothing.
    const third = await replica();
    const aliceCalls = await callsOf(async () => {
      expect(decodeContent((await third.getFile('main.go', alice)).body)).toBe(FILES['main.go']);
    });
    expect(aliceCalls).toEqual([]);
  }, 60_000);

  it('never gives shared content to a user without access, of this tenant or another', async () => {
    const first = await replica();
    const second = await replica();
    await first.getFile('main.go', stack.cookieFor('alice'));
    const strangers = [
      { cookie: stack.cookieFor('mallory'), tenant: undefined },
      { cookie: stack.cookieFor('carol', { tenant: 'other-org' }), tenant: 'other-org' },
    ];
    for (const { cookie, tenant } of strangers) {
      const calls = await callsOf(async () => {
        const got = await second.getFile('main.go', cookie, tenant);
        expect(got.status).toBe(404);
        expect(got.body.content).toBeUndefined();
        expect(JSON.stringify(got.body)).not.toContain('secret\\n');
      });
      expect(contentsCalls(calls)).toEqual([]);
      expect(calls.length).toBeGreaterThan(0);
      expect(calls.every((c) => c.login === 'mallory' || c.login === 'carol')).toBe(true);
    }
  }, 60_000);

  it('keeps answering while the cache server is down, logs the outage once, and uses it again once it is back', async () => {
    const logs: string[] = [];
    const during = await replica({ logs });
    const alice = stack.cookieFor('alice');
    await redis.stop();
    try {
      for (const path of ['pkg/f0.go', 'pkg/f1.go', 'pkg/f2.go', 'pkg/f3.go']) {
        const got = await during.getFile(path, alice);
        expect(got.status).toBe(200);
        expect(decodeContent(got.body)).toBe(FILES[path]);
      }
      const ready = await fetch(`${during.url}/ready`);
      expect([ready.status, await ready.text()]).toEqual([200, 'ready\n']);
      expect(logs.filter((l) => l.includes('shared cache unavailable'))).toHaveLength(1);
      const metrics = await (await fetch(`${during.url}/metrics`)).text();
      expect(metrics).toMatch(/linescope_shared_cache_errors_total\{operation="\w+"\} [1-9]/);
      expect(metrics).toMatch(/^linescope_shared_cache_up 0$/m);
    } finally {
      await redis.start();
    }

    // Once reconnected (and past the pause after a failure), what this replica fetches is shared again.
    let shared: string | undefined;
    for (let i = 4; i < 20 && shared === undefined; i++) {
      const path = `pkg/f${i}.go`;
      await during.getFile(path, alice);
      if ((await redis.client.keys('linescope:v1:files:*')).length > 0) {
        shared = path;
      } else {
        await new Promise((r) => setTimeout(r, 300));
      }
    }
    expect(shared).toBeDefined();
    expect(logs.filter((l) => l.includes('shared cache reachable again'))).toHaveLength(1);
    expect(await during.server.metrics.registry.metrics()).toMatch(/^linescope_shared_cache_up 1$/m);
    const after = await replica();
    const calls = await callsOf(async () => {
      expect(decodeContent((await after.getFile(shared!, alice)).body)).toBe(FILES[shared!]);
    });
    expect(contentsCalls(calls).filter((c) => c.path.endsWith(shared!))).toEqual([]);
  }, 60_000);

  it('keeps answering when the cache server is slower than the timeout', async () => {
    const slow = await replica();
    const alice = stack.cookieFor('alice');
    expect((await slow.getFile('main.go', alice)).status).toBe(200);
    // DEBUG SLEEP holds the server's one thread: every command of the replica waits past its 100 ms timeout.
    const stall = redis.client.call('DEBUG', 'SLEEP', '1.5');
    const started = performance.now();
    const got = await slow.getFile('other.go', alice);
    const ms = performance.now() - started;
    const readyDuring = await fetch(`${slow.url}/ready`);
    await stall;
    expect(got.status).toBe(200);
    expect(decodeContent(got.body)).toBe(FILES['other.go']);
    // One lookup waits for the timeout; after it the replica skips the cache server for a while.
    expect(ms).toBeLessThan(1000);
    expect(readyDuring.status).toBe(200);
  }, 60_000);

  describe('values it cannot trust', () => {
    const sealer = (version?: string) =>
      new SharedCache({ store: {} as ByteStore, secret: SECRET, maxBodyBytes: stack.config.maxFileBytes, version });
    const identity = (path: string) => [
      `github ${stack.config.githubApiUrl}`,
      'acme/secret',
      secret.commits.commit0,
      path,
    ];

    async function servedAfter(tamper: () => Promise<void>, path = 'main.go') {
      await (await replica()).getFile(path, stack.cookieFor('alice'));
      await tamper();
      const fresh = await replica();
      let answer: Awaited<ReturnType<typeof fresh.getFile>> | undefined;
      const calls = await callsOf(async () => {
        answer = await fresh.getFile(path, stack.cookieFor('alice'));
      });
      return { answer: answer!, calls, metrics: await fresh.server.metrics.registry.metrics() };
    }

    it('are the keys the servers write', async () => {
      await (await replica()).getFile('main.go', stack.cookieFor('alice'));
      expect(await redis.client.exists(sealer().key('files', identity('main.go')))).toBe(1);
    });

    it.each([
      [
        'a value with a byte changed',
        async (key: string) => {
          const value = (await redis.client.getBuffer(key))!;
          value[value.length - 1] ^= 0xff;
          await redis.client.set(key, value);
        },
      ],
      [
        'a value that is not one of ours',
        (key: string) => redis.client.set(key, 'package main // evil\n').then(() => undefined),
      ],
      [
        'a value sealed for another path',
        async (key: string) => {
          const other = sealer().key('files', identity('other.go'));
          await (await replica()).getFile('other.go', stack.cookieFor('alice'));
          await redis.client.set(key, (await redis.client.getBuffer(other))!);
        },
      ],
      [
        'a value of the wrong shape',
        async (key: string) => {
          const bad = sealer().seal(key, 'files', identity('main.go'), {
            header: { state: 'banana' },
            body: Buffer.from('evil'),
          });
          await redis.client.set(key, bad!);
        },
      ],
      [
        'a file claimed larger than MAX_FILE_BYTES',
        async (key: string) => {
          await redis.client.set(key, Buffer.alloc(stack.config.maxFileBytes + 70 * 1024));
        },
      ],
    ])(
      'ignores %s and fetches the file again',
      async (_name, tamper) => {
        const key = sealer().key('files', identity('main.go'));
        const { answer, calls, metrics } = await servedAfter(() => tamper(key));
        expect(answer.status).toBe(200);
        expect(decodeContent(answer.body)).toBe(FILES['main.go']);
        expect(contentsCalls(calls).map((c) => c.path)).toEqual(['/repos/acme/secret/contents/main.go']);
        expect(metrics).toMatch(/linescope_shared_cache_requests_total\{cache="files",result="invalid"\} 1/);
      },
      60_000
    );

    it('reads no more of a huge planted value than the largest value it could have written', async () => {
      const key = sealer().key('files', identity('main.go'));
      const planted = 32 * 1024 * 1024;
      const sent = async () => Number(/total_net_output_bytes:(\d+)/.exec(await redis.client.info('stats'))?.[1]);
      let before = 0;
      const { answer } = await servedAfter(async () => {
        await redis.client.set(key, Buffer.alloc(planted, 'x'));
        before = await sent();
      });
      expect(decodeContent(answer.body)).toBe(FILES['main.go']);
      const read = (await sent()) - before;
      expect(read).toBeGreaterThan(stack.config.maxFileBytes);
      expect(read).toBeLessThan(stack.config.maxFileBytes + 512 * 1024);
    }, 60_000);

    it('ignores a ref of the wrong shape and resolves it again', async () => {
      const refKey = sealer().key('refs', [`github ${stack.config.githubApiUrl}`, 'acme/secret', 'main']);
      const { answer, calls } = await servedAfter(async () => {
        await redis.client.set(
          refKey,
          sealer().seal(refKey, 'refs', [`github ${stack.config.githubApiUrl}`, 'acme/secret', 'main'], {
            header: { sha: '../../etc', checkedAt: Date.now() },
            body: Buffer.alloc(0),
          })!
        );
      });
      expect(decodeContent(answer.body)).toBe(FILES['main.go']);
      expect(calls.map((c) => c.path)).toContain('/repos/acme/secret/commits/main');
    }, 60_000);

    it('does not read values of another key version', async () => {
      const v2 = sealer('v2');
      const store = { set: (key: string, value: Buffer) => redis.client.set(key, value).then(() => undefined) };
      const v2Cache = new SharedCache({
        store: store as ByteStore,
        secret: SECRET,
        maxBodyBytes: 1024 * 1024,
        version: 'v2',
      });
      v2Cache.set('files', identity('main.go'), {
        header: { state: 'file' },
        body: Buffer.from('package main // v2\n'),
      });
      await new Promise((r) => setTimeout(r, 50));
      expect(await redis.client.exists(v2.key('files', identity('main.go')))).toBe(1);
      expect(v2.key('files', identity('main.go'))).toMatch(/^linescope:v2:files:/);

      const fresh = await replica();
      const calls = await callsOf(async () => {
        expect(decodeContent((await fresh.getFile('main.go', stack.cookieFor('alice'))).body)).toBe(FILES['main.go']);
      });
      expect(
        contentsCalls(calls)
          .map((c) => c.path)
          .sort()
      ).toEqual(['/repos/acme/secret/contents/.pyroscope.yaml', '/repos/acme/secret/contents/main.go']);
    }, 60_000);
  });
});
