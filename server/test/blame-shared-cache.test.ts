/**
 * Blames in the shared tier (CACHE_URL, a real redis-server): a blame one replica fetched is served by another
 * without a GraphQL call, after that user's own access proof; never to a user who cannot read the repository.
 */
import { createFixtureRepo } from '../../e2e/git-fixtures';
import { createLogger } from '../src/log';
import { createServer } from '../src/server';
import { Stack, startStack, tempDir } from './helpers';
import { RedisServer, startRedis } from './redis';

const tmp = tempDir('blame-shared');
const secret = createFixtureRepo(tmp.dir, 'acme/secret', [
  { files: { 'main.go': 'package main\n\nfunc main() {}\n' }, message: 'Add main' },
  { files: { 'main.go': 'package main\n\nfunc main() { run() }\n' }, message: 'Run' },
]);

describe('blames shared between replicas', () => {
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

  async function replica() {
    const server = createServer(stack.config, { logger: createLogger('silent') });
    servers.push(server);
    const url = await server.listen(0, '127.0.0.1');
    return async (cookie: string) => {
      const response = await fetch(`${url}/linescope.v1.BlameService/GetBlame`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({
          repositoryUrl: 'https://github.com/acme/secret',
          ref: secret.commits.commit1,
          path: 'main.go',
        }),
      });
      return { status: response.status, body: (await response.json()) as { ranges?: unknown[]; code?: string } };
    };
  }

  it('serves another replica’s blame after the user’s own proof, and never to a stranger', async () => {
    const [first, second, third] = [await replica(), await replica(), await replica()];
    stack.double.resetRequests();
    const alice = await first(stack.cookieFor('alice'));
    expect(alice.status).toBe(200);
    expect(stack.double.apiCalls('/graphql')).toHaveLength(1);

    stack.double.resetRequests();
    const bob = await second(stack.cookieFor('bob'));
    expect(bob.body).toEqual(alice.body);
    expect(stack.double.apiCalls('/graphql')).toHaveLength(0);
    expect(stack.double.apiCalls().map((c) => c.login)).toEqual(['bob']);

    stack.double.resetRequests();
    const mallory = await third(stack.cookieFor('mallory'));
    expect(mallory.status).toBe(404);
    expect(mallory.body.ranges).toBeUndefined();
  }, 60_000);
});
