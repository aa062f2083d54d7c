/**
 * GitLab replicas sharing one cache (CACHE_URL) over a real redis-server, against the GitLab double: a file one
 * replica fetched is served by another with no GitLab file call, after that replica proved its own user's access
 * (one commits call with the user's token); a token that cannot see a private project never gets its content
 * through the shared tier, and its "404 Project Not Found" is kept for that token alone.
 */
import { createHash } from 'node:crypto';
import { createFixtureRepo } from '../../e2e/git-fixtures';
import { GitLabDouble, startGitLabDouble } from '../../e2e/gitlab-double';
import { ByteStore } from '../src/cache/redis-store';
import { SharedCache } from '../src/cache/shared-cache';
import { loadConfig, ServerConfig } from '../src/config';
import { createLogger } from '../src/log';
import { createServer } from '../src/server';
import { encodeGitLabSessionCookie, encryptGitLabToken, GITLAB_SESSION_COOKIE } from '../src/hosts/gitlab/cookie';
import { deriveKey } from '../src/session/token';
import { decodeContent, rpc, SECRET, tempDir } from './helpers';
import { RedisServer, startRedis, waitUntil } from './redis';

const tmp = tempDir('gitlab-shared-cache');
const FILES: Record<string, string> = {
  'main.go': 'package main // secret\n',
  'other.go': 'package main // other\n',
};
const secret = createFixtureRepo(tmp.dir, 'acme/secret', [{ files: FILES }]);
const SECRET_REPO = 'https://gitlab.com/acme/secret';
/** The project's REST path, as the double records it. */
const PROJECT = `/api/v4/projects/${encodeURIComponent('acme/secret')}`;

describe('GitLab replicas sharing one cache', () => {
  let redis: RedisServer;
  let gitlab: GitLabDouble;
  let config: ServerConfig;
  const servers: Array<{ close(): Promise<void> }> = [];

  beforeAll(async () => {
    redis = await startRedis();
    gitlab = await startGitLabDouble({
      projects: [{ path: 'acme/secret', dir: secret.dir, visibility: 'private', members: ['alice', 'bob'] }],
    });
    config = loadConfig({
      PORT: '0',
      LOG_LEVEL: 'silent',
      GITHUB_SESSION_SECRET: SECRET,
      GITLAB_URL: gitlab.url,
      GITLAB_CLIENT_ID: gitlab.clientId,
      GITLAB_CLIENT_SECRET: gitlab.clientSecret,
      GITLAB_REPOSITORY_HOSTS: 'gitlab.com',
      CACHE_URL: redis.url,
      CACHE_TIMEOUT_MS: '1000',
    });
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await gitlab.stop();
    await redis.close();
    tmp.remove();
  });
  beforeEach(async () => {
    await redis.client.flushdb();
  });

  /** A GitLab session for a fresh token of the double, and the id the caches know that token by. */
  function session(username: string, tenant = 'anonymous') {
    const granted = gitlab.issueToken(username);
    const sealed = encryptGitLabToken(
      {
        accessToken: granted.accessToken,
        tokenType: 'Bearer',
        refreshToken: granted.refreshToken,
        expiry: granted.expiresAt,
      },
      deriveKey(SECRET, tenant)
    );
    return {
      cookie: `${GITLAB_SESSION_COOKIE}=${encodeGitLabSessionCookie(sealed)}`,
      tenant,
      userId: createHash('sha256').update(granted.accessToken).digest('hex'),
    };
  }
  type Session = ReturnType<typeof session>;

  /** Another replica: its own empty memory, the same config (and so the same cache server). */
  async function replica() {
    const server = createServer(config, { logger: createLogger('silent') });
    servers.push(server);
    const url = await server.listen(0, '127.0.0.1');
    const getFile = (localPath: string, user: Session, ref = 'main') =>
      rpc(
        url,
        'GetFile',
        { repositoryURL: SECRET_REPO, ref, localPath },
        { cookie: user.cookie, ...(user.tenant !== 'anonymous' ? { 'x-scope-orgid': user.tenant } : {}) }
      );
    return { server, url, getFile };
  }

  /** The GitLab REST calls `work` made: who made them, the path without its query, and GitLab's answer. */
  async function callsOf(work: () => Promise<unknown>) {
    gitlab.resetRequests();
    await work();
    return gitlab.apiCalls().map((c) => ({ username: c.username, path: c.path.split('?')[0], status: c.status }));
  }
  const fileCalls = (calls: Array<{ path: string }>) => calls.filter((c) => c.path.includes('/repository/files/'));

  /** The cache server's keys for this GitLab, as the servers' own SharedCache names them. */
  const sealer = new SharedCache({ store: {} as ByteStore, secret: SECRET, maxBodyBytes: 1024 * 1024 });
  const host = () => `gitlab ${config.gitlabApiUrl}`;
  const fileKey = (path: string) => sealer.key('files', [host(), 'acme/secret', secret.commits.commit0, path]);
  const accessKey = (user: Session) => sealer.key('access', [host(), user.userId, 'acme/secret']);
  const refKey = (ref: string) => sealer.key('refs', [host(), 'acme/secret', ref]);
  const stored = async (key: string) => (await redis.client.exists(key)) === 1;

  /** The first replica reads main.go as alice; what it shares is in the cache server once this returns. */
  async function sharedByFirstReplica(alice: Session) {
    const first = await replica();
    const calls = await callsOf(async () => {
      const got = await first.getFile('main.go', alice);
      expect(got.status).toBe(200);
      expect(decodeContent(got.body)).toBe(FILES['main.go']);
    });
    expect(fileCalls(calls).map((c) => c.path)).toContain(`${PROJECT}/repository/files/main%2Ego/raw`);
    await waitUntil(
      async () => (await stored(fileKey('main.go'))) && (await stored(refKey('main'))) && stored(accessKey(alice)),
      'the first replica to share main.go, the ref main and alice’s access'
    );
  }

  it("serves a GitLab file another replica fetched with no file call, after proving this user's access", async () => {
    const alice = session('alice');
    const bob = session('bob');
    await sharedByFirstReplica(alice);
    expect((await redis.client.keys('*')).every((k) => k.startsWith('linescope:v1:'))).toBe(true);
    expect(await stored(accessKey(bob))).toBe(false);

    const second = await replica();
    const bobCalls = await callsOf(async () => {
      const got = await second.getFile('main.go', bob);
      expect(got.status).toBe(200);
      expect(decodeContent(got.body)).toBe(FILES['main.go']);
    });
    expect(fileCalls(bobCalls)).toEqual([]);
    // Bob's own proof: the ref lookup with his token, revalidated with the ETag the first replica shared.
    expect(bobCalls).toEqual([{ username: 'bob', path: `${PROJECT}/repository/commits/main`, status: 304 }]);
    await waitUntil(() => stored(accessKey(bob)), 'the second replica to share bob’s access');

    // Alice's proof is shared too: on a third replica she costs nothing, by ref or by sha.
    const third = await replica();
    const aliceCalls = await callsOf(async () => {
      expect(decodeContent((await third.getFile('main.go', alice)).body)).toBe(FILES['main.go']);
      expect(decodeContent((await third.getFile('main.go', alice, secret.commits.commit0)).body)).toBe(
        FILES['main.go']
      );
    });
    expect(aliceCalls).toEqual([]);
  }, 60_000);

  it.each([
    ['by branch', 'main'],
    ['by commit sha', secret.commits.commit0],
  ])(
    'never gives shared content of a private project to a token that cannot see it (%s), of this tenant or another',
    async (_name, ref) => {
      const alice = session('alice');
      await sharedByFirstReplica(alice);
      const second = await replica();
      const strangers = [
        { username: 'mallory', user: session('mallory') },
        { username: 'carol', user: session('carol', 'other-org') },
      ];
      for (const { username, user: stranger } of strangers) {
        const calls = await callsOf(async () => {
          const got = await second.getFile('main.go', stranger, ref);
          expect(got.status).toBe(404);
          expect(got.body.code).toBe('not_found');
          expect(got.body.content).toBeUndefined();
          expect(JSON.stringify(got.body)).not.toContain('secret\\n');
        });
        expect(fileCalls(calls)).toEqual([]);
        // The refusal is GitLab's own, to this token: the shared tier did not answer for it.
        expect(calls.length).toBeGreaterThan(0);
        expect(calls.every((c) => c.username === username && c.status === 404)).toBe(true);
        expect(await stored(accessKey(stranger))).toBe(false);

        // Asked again: still refused, and never through a file call of anyone's.
        const again = await callsOf(async () => {
          expect((await second.getFile('main.go', stranger, ref)).status).toBe(404);
        });
        expect(again.every((c) => c.username === username && c.status === 404)).toBe(true);
      }

      // Their 404 Project Not Found is theirs alone: members still read the file, from the shared tier, on
      // the replica that refused the strangers and on a fresh one.
      const bob = session('bob');
      for (const reader of [second, await replica()]) {
        const calls = await callsOf(async () => {
          const got = await reader.getFile('main.go', bob, ref);
          expect(got.status).toBe(200);
          expect(decodeContent(got.body)).toBe(FILES['main.go']);
        });
        expect(fileCalls(calls)).toEqual([]);
      }
    },
    60_000
  );
});
