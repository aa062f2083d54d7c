import { SharedCache } from '../cache/shared-cache';
import { memoryStore } from '../cache/testing/memory-store';
import { CachedFile } from './files';
import { ReadCache } from './read-cache';
import { SharedReads } from './shared-reads';

const repo = { owner: 'acme', repo: 'shop', fullName: 'acme/shop', webUrl: 'https://github.com/acme/shop' };
const sha = 'b'.repeat(40);
const url = 'https://github.com/acme/shop/blob/main/main.go';
const flush = () => new Promise((r) => setImmediate(r));

/** Two replicas' read caches over one store (a Map standing in for the cache server). */
function replicas() {
  const store = memoryStore();
  let now = 1_000_000;
  const shared = new SharedCache({ store, secret: 'a-session-secret-of-enough-length', maxBodyBytes: 1024 });
  const replica = () =>
    new ReadCache({
      cacheBytes: 1024 * 1024,
      accessTtlMs: 1000,
      now: () => now,
      shared: new SharedReads(shared, 'github https://api.github.com'),
    });
  const user = (cache: ReadCache, id: string) => ({
    id,
    proofs: 0,
    async proveAccess() {
      this.proofs++;
      cache.markAccess(this, repo);
    },
  });
  return { replica, user, advance: (ms: number) => (now += ms) };
}

const file = (text: string): CachedFile => ({ kind: 'file', content: Buffer.from(text) });

describe('ReadCache over a shared tier', () => {
  it("serves another replica's file after this user's proof, which is shared too, until it expires there", async () => {
    const { replica, user, advance } = replicas();
    const a = replica();
    const b = replica();
    const fetch = jest.fn(async () => file('package main'));
    await a.readFile(user(a, 'alice'), repo, sha, 'main.go', url, fetch);
    await flush();

    const bob = user(b, 'bob');
    expect((await b.readFile(bob, repo, sha, 'main.go', url, fetch)).content.toString()).toBe('package main');
    expect(bob.proofs).toBe(1);
    expect(fetch).toHaveBeenCalledTimes(1);

    // Alice proved her access on replica a: replica b takes that proof, as old as it is.
    advance(600);
    const alice = user(b, 'alice');
    await b.readFile(alice, repo, sha, 'main.go', url, fetch);
    expect(alice.proofs).toBe(0);
    advance(500);
    await b.readFile(alice, repo, sha, 'main.go', url, fetch);
    expect(alice.proofs).toBe(1);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('does not share a 404 a user got before their access was known', async () => {
    const { replica, user } = replicas();
    const a = replica();
    const b = replica();
    const missing: CachedFile = { kind: 'missing', reason: 'not_found', message: 'file not found: 404' };
    await expect(a.readFile(user(a, 'mallory'), repo, sha, 'x.go', url, async () => missing)).rejects.toThrow('404');
    await flush();
    const fetch = jest.fn(async () => file('package x'));
    expect((await b.readFile(user(b, 'alice'), repo, sha, 'x.go', url, fetch)).content.toString()).toBe('package x');
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
