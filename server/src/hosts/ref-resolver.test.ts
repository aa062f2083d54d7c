/** The ref resolver on its own, with a lookup that counts its calls: what every host's refs go through. */
import { SharedCache } from '../cache/shared-cache';
import { ByteStore } from '../cache/redis-store';
import { FileNotFoundError } from './errors';
import { CacheUser, ReadCache } from './read-cache';
import { RefAnswer, RefResolver } from './ref-resolver';
import { SharedReads } from './shared-reads';

const repo = { owner: 'acme', repo: 'shop', fullName: 'acme/shop', webUrl: 'https://github.com/acme/shop' };
const SHA_1 = '1'.repeat(40);
const SHA_2 = '2'.repeat(40);
const REF_TTL_MS = 1000;

interface Call {
  user: string;
  ref: string;
  etag: string | undefined;
}

/** One store (a Map standing in for the cache server) under every replica made, and one clock. */
function world() {
  const values = new Map<string, Buffer>();
  const store: ByteStore = {
    get: async (key) => values.get(key),
    set: async (key, value) => {
      values.set(key, value);
    },
    close: async () => undefined,
  };
  const shared = new SharedCache({ store, secret: 'a-session-secret-of-enough-length', maxBodyBytes: 1024 });
  let now = 1_000_000;
  return { shared, now: () => now, advance: (ms: number) => (now += ms) };
}

/** A replica: its read cache and resolver over a host whose answers the test sets. */
function replica(w: ReturnType<typeof world>, withShared = true) {
  const calls: Call[] = [];
  let answer: (call: Call, resolver: RefResolver<CacheUser>, user: CacheUser) => Promise<RefAnswer> = async () => ({
    sha: SHA_1,
    etag: '"e1"',
  });
  const reads = new ReadCache({
    cacheBytes: 1024 * 1024,
    accessTtlMs: 10_000,
    now: w.now,
    shared: withShared ? new SharedReads(w.shared, 'test https://host') : undefined,
  });
  const resolver: RefResolver<CacheUser> = new RefResolver<CacheUser>({
    hostName: 'TestHost',
    reads,
    refTtlMs: REF_TTL_MS,
    now: w.now,
    normalize: (ref) => ref || 'HEAD',
    lookUp: (user, _repo, ref, etag) => {
      const call = { user: user.id, ref, etag };
      calls.push(call);
      return answer(call, resolver, user);
    },
  });
  /** One request's view of a user (a new one per request, as `forUser` makes). */
  const request = (id: string): CacheUser => {
    const user: CacheUser = { id, proveAccess: (r, sha, signal) => resolver.proveAccess(user, r, sha, signal) };
    return user;
  };
  return {
    resolver,
    reads,
    calls,
    request,
    answers: (next: typeof answer) => (answer = next),
  };
}

describe('RefResolver', () => {
  it('resolves each ref once per request, and answers a full sha without the host', async () => {
    const host = replica(world(), false);
    const user = host.request('alice');
    const answers = await Promise.all([
      host.resolver.commitSha(user, repo, 'main'),
      host.resolver.commitSha(user, repo, 'main'),
      host.resolver.commitSha(user, repo, ''),
      host.resolver.commitSha(user, repo, 'HEAD'),
    ]);
    expect(answers).toEqual([SHA_1, SHA_1, SHA_1, SHA_1]);
    expect(host.calls.map((c) => c.ref)).toEqual(['main', 'HEAD']);
    expect(await host.resolver.commitSha(user, repo, SHA_2)).toBe(SHA_2);
    expect(host.calls).toHaveLength(2);
  });

  it('serves a fresh ref to a later request of a user whose access is known, without the host', async () => {
    const w = world();
    const host = replica(w, false);
    await host.resolver.commitSha(host.request('alice'), repo, 'main');
    w.advance(REF_TTL_MS / 2);
    expect(await host.resolver.commitSha(host.request('alice'), repo, 'main')).toBe(SHA_1);
    expect(host.calls).toHaveLength(1);
  });

  it('revalidates a stale ref with its ETag, keeping the sha on a 304 and taking the new one on a 200', async () => {
    const w = world();
    const host = replica(w, false);
    await host.resolver.commitSha(host.request('alice'), repo, 'main');
    w.advance(REF_TTL_MS + 1);
    host.answers(async () => 'not-modified');
    expect(await host.resolver.commitSha(host.request('alice'), repo, 'main')).toBe(SHA_1);
    expect(host.calls[1]).toEqual({ user: 'alice', ref: 'main', etag: '"e1"' });
    // The 304 counts as a fresh check: within the TTL again, no call.
    await host.resolver.commitSha(host.request('alice'), repo, 'main');
    expect(host.calls).toHaveLength(2);
    w.advance(REF_TTL_MS + 1);
    host.answers(async () => ({ sha: SHA_2, etag: '"e2"' }));
    expect(await host.resolver.commitSha(host.request('alice'), repo, 'main')).toBe(SHA_2);
    w.advance(REF_TTL_MS + 1);
    host.answers(async () => 'not-modified');
    expect(await host.resolver.commitSha(host.request('alice'), repo, 'main')).toBe(SHA_2);
    expect(host.calls[3].etag).toBe('"e2"');
  });

  it('refuses a 304 to a lookup that sent no ETag, naming the host', async () => {
    const host = replica(world(), false);
    host.answers(async () => 'not-modified');
    await expect(host.resolver.commitSha(host.request('alice'), repo, 'main')).rejects.toThrow(
      'TestHost answered 304 to a request without If-None-Match'
    );
  });

  it('keeps a missing ref for everyone or for one user, as the host says, until the ref TTL', async () => {
    const w = world();
    const host = replica(w, false);
    host.answers(async (call, resolver, user) => {
      throw new FileNotFoundError(resolver.markMissing(user, repo, call.ref, call.ref === 'gone'));
    });
    for (const id of ['alice', 'bob']) {
      await expect(host.resolver.commitSha(host.request(id), repo, 'gone')).rejects.toThrow(
        "no commit 'gone' in acme/shop readable with this token"
      );
    }
    expect(host.calls.filter((c) => c.ref === 'gone')).toHaveLength(1);
    // Missing for alice only: bob asks the host himself.
    await expect(host.resolver.commitSha(host.request('alice'), repo, 'hidden')).rejects.toThrow(FileNotFoundError);
    await expect(host.resolver.commitSha(host.request('alice'), repo, 'hidden')).rejects.toThrow(FileNotFoundError);
    await expect(host.resolver.commitSha(host.request('bob'), repo, 'hidden')).rejects.toThrow(FileNotFoundError);
    expect(host.calls.filter((c) => c.ref === 'hidden').map((c) => c.user)).toEqual(['alice', 'bob']);
    w.advance(REF_TTL_MS + 1);
    host.answers(async () => ({ sha: SHA_2 }));
    expect(await host.resolver.commitSha(host.request('alice'), repo, 'gone')).toBe(SHA_2);
  });

  it('takes a ref another replica resolved from the shared tier for a user whose access was shown there', async () => {
    const w = world();
    const first = replica(w);
    const second = replica(w);
    expect(await first.resolver.commitSha(first.request('alice'), repo, 'main')).toBe(SHA_1);
    await new Promise((r) => setImmediate(r));
    second.answers(async () => ({ sha: SHA_2 }));
    // Alice's proof and the ref are both in the shared tier: the second replica asks the host nothing.
    expect(await second.resolver.commitSha(second.request('alice'), repo, 'main')).toBe(SHA_1);
    expect(second.calls).toHaveLength(0);
    // Bob's access is known nowhere: the shared ref is not his to read, the host answers him.
    expect(await second.resolver.commitSha(second.request('bob'), repo, 'main')).toBe(SHA_2);
    expect(second.calls.map((c) => c.user)).toEqual(['bob']);
  });

  it('revalidates a shared ref with the ETag another replica stored', async () => {
    const w = world();
    const first = replica(w);
    const second = replica(w);
    await first.resolver.commitSha(first.request('alice'), repo, 'main');
    await new Promise((r) => setImmediate(r));
    await second.resolver.commitSha(second.request('alice'), repo, 'main');
    w.advance(REF_TTL_MS + 1);
    second.answers(async () => 'not-modified');
    expect(await second.resolver.commitSha(second.request('alice'), repo, 'main')).toBe(SHA_1);
    expect(second.calls).toEqual([{ user: 'alice', ref: 'main', etag: '"e1"' }]);
  });

  it('proves access once per request', async () => {
    const host = replica(world(), false);
    const user = host.request('alice');
    await Promise.all([host.resolver.proveAccess(user, repo, SHA_1), host.resolver.proveAccess(user, repo, SHA_1)]);
    expect(host.calls).toEqual([{ user: 'alice', ref: SHA_1, etag: undefined }]);
    expect(host.reads.hasAccess(user, repo)).toBe(true);
  });
});
