/**
 * Replicas sharing one cache (CACHE_URL, a real redis-server) for dependency files: a file one replica read from
 * its registry is served by another with no registry request, and a path the package lacks is answered from the
 * shared archive index alone. A value in the cache server that is damaged, planted, sealed for another file or by
 * another deployment is ignored: the file is read from the registry again, never taken from that value.
 */
import { createFixtureRepo } from '../../e2e/git-fixtures';
import { RegistryDouble, startRegistryDouble } from '../../e2e/registry-doubles';
import { ByteStore } from '../src/cache/redis-store';
import { SharedCache, SharedEntry } from '../src/cache/shared-cache';
import { createLogger } from '../src/log';
import { createServer, LinescopeServer } from '../src/server';
import { decodeContent, rpc, SECRET, Stack, startStack, tempDir } from './helpers';
import { RedisServer, startRedis, waitUntil } from './redis';

const INDEX_JS = 'module.exports = ms;\n';
const PACKAGE_LOCK = JSON.stringify({
  lockfileVersion: 3,
  packages: { '': { name: 'shop' }, 'node_modules/ms': { version: '2.1.3' } },
});
const FRAME = (path: string) => `/app/node_modules/ms/${path}`;

describe('registry files shared between replicas', () => {
  const tmp = tempDir('registries-shared-cache');
  let redis: RedisServer;
  let registries: RegistryDouble;
  let stack: Stack;
  let cookie: string;
  const replicas: LinescopeServer[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    registries = await startRegistryDouble({
      npmPackages: [
        { name: 'ms', version: '2.1.3', files: { 'index.js': INDEX_JS, 'other.js': 'exports.other = 1;\n' } },
      ],
    });
    const repo = createFixtureRepo(tmp.dir, 'acme/shop', [{ files: { 'package-lock.json': PACKAGE_LOCK } }]);
    stack = await startStack([{ fullName: repo.fullName, dir: repo.dir }], {
      env: { NPM_REGISTRY_URL: registries.npmUrl, CACHE_URL: redis.url, CACHE_TIMEOUT_MS: '1000' },
    });
    cookie = stack.cookieFor('alice');
  });
  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.close()));
    await stack?.stop();
    await registries?.close();
    await redis?.close();
    tmp.remove();
  });
  beforeEach(async () => {
    await redis.client.flushdb();
  });

  /** A replica of the same deployment (same config, same cache server), its memory empty. */
  async function replica() {
    const server = createServer(stack.config, { logger: createLogger('silent') });
    replicas.push(server);
    const url = await server.listen(0, '127.0.0.1');
    return (path: string) =>
      rpc(
        url,
        'GetFile',
        { repositoryURL: 'https://github.com/acme/shop', ref: 'main', localPath: FRAME(path) },
        { cookie }
      );
  }

  /** The registry requests `work` made (the double's log). */
  async function registryCalls(work: () => Promise<unknown>): Promise<string[]> {
    registries.resetRequests();
    await work();
    return registries.requests.map((r) => r.path);
  }

  const sealer = (secret = SECRET) =>
    new SharedCache({ store: {} as ByteStore, secret, maxBodyBytes: stack.config.maxFileBytes });
  const packageId = () => [`npm ${registries.npmUrl}`, 'ms', '2.1.3'];
  const fileKey = (path: string) => sealer().key('registry-files', [...packageId(), path]);
  const indexKey = () => sealer().key('registry-index', packageId());
  const stored = async (key: string) => (await redis.client.exists(key)) === 1;

  /** A first replica reads the file from the registry; what it shares is in the cache server once this returns. */
  async function readByFirstReplica(path: string) {
    const first = await replica();
    const calls = await registryCalls(async () => {
      const got = await first(path);
      expect(got.status).toBe(200);
    });
    expect(calls).toEqual(['/npm/ms/2.1.3', '/npm/ms/-/ms-2.1.3.tgz']);
    await waitUntil(
      async () => (await stored(fileKey(path))) && stored(indexKey()),
      `the first replica to share ${path}`
    );
  }

  it('serves a file another replica read with no registry request, and a missing path from the index', async () => {
    await readByFirstReplica('index.js');
    const second = await replica();
    let found: Awaited<ReturnType<typeof second>> | undefined;
    expect(await registryCalls(async () => (found = await second('index.js')))).toEqual([]);
    expect(found!.status).toBe(200);
    expect(decodeContent(found!.body)).toBe(INDEX_JS);
    expect(found!.body.packageSource).toMatchObject({ registry: 'npm', name: 'ms', version: '2.1.3' });

    let missing: Awaited<ReturnType<typeof second>> | undefined;
    expect(await registryCalls(async () => (missing = await second('lib/absent.js')))).toEqual([]);
    expect(missing!.status).toBe(404);
    expect(JSON.stringify(missing!.body)).toContain('the package has no file lib/absent.js');
  });

  const otherDeployment = (key: string, kind: string, identity: string[], entry: SharedEntry) =>
    sealer('another-deployment-secret-0123456789abcdef').seal(key, kind, identity, entry)!;

  it.each<[string, () => Promise<void>]>([
    [
      'a value with a byte changed',
      async () => {
        const value = (await redis.client.getBuffer(fileKey('index.js')))!;
        value[value.length - 1] ^= 0xff;
        await redis.client.set(fileKey('index.js'), value);
      },
    ],
    ['a value that is not one of ours', () => redis.client.set(fileKey('index.js'), 'evil()').then(() => undefined)],
    [
      'a value sealed for another file of the package',
      async () => {
        const another = await replica();
        await another('other.js');
        await waitUntil(() => stored(fileKey('other.js')), 'other.js shared');
        await redis.client.set(fileKey('index.js'), (await redis.client.getBuffer(fileKey('other.js')))!);
      },
    ],
    [
      'a value sealed by another deployment',
      async () => {
        const key = fileKey('index.js');
        const entry = { header: { state: 'file' }, body: Buffer.from('evil()') };
        await redis.client.set(key, otherDeployment(key, 'registry-files', [...packageId(), 'index.js'], entry));
      },
    ],
    [
      'a value of the wrong shape',
      async () => {
        const key = fileKey('index.js');
        const entry = { header: { state: 'banana' }, body: Buffer.from('evil()') };
        await redis.client.set(key, sealer().seal(key, 'registry-files', [...packageId(), 'index.js'], entry)!);
      },
    ],
    [
      'no file, and an index by another deployment saying the package has no such path',
      async () => {
        await redis.client.del(fileKey('index.js'));
        const body = Buffer.from(JSON.stringify([['other.js', 18, 'file']]));
        await redis.client.set(
          indexKey(),
          otherDeployment(indexKey(), 'registry-index', packageId(), { header: {}, body })
        );
      },
    ],
    [
      'no file, and an index that is not a list of entries',
      async () => {
        await redis.client.del(fileKey('index.js'));
        const body = Buffer.from(JSON.stringify({ 'index.js': 'missing' }));
        await redis.client.set(
          indexKey(),
          sealer().seal(indexKey(), 'registry-index', packageId(), { header: {}, body })!
        );
      },
    ],
  ])('ignores %s and reads the file from the registry again', async (_, tamper) => {
    await readByFirstReplica('index.js');
    await tamper();
    const second = await replica();
    let got: Awaited<ReturnType<typeof second>> | undefined;
    expect(await registryCalls(async () => (got = await second('index.js')))).toEqual([
      '/npm/ms/2.1.3',
      '/npm/ms/-/ms-2.1.3.tgz',
    ]);
    expect(got!.status).toBe(200);
    expect(decodeContent(got!.body)).toBe(INDEX_JS);
  });
});
