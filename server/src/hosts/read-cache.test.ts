import { FileNotFoundError, FileRejectedError } from './errors';
import { CachedFile } from './files';
import { ReadCache } from './read-cache';

const repo = { owner: 'acme', repo: 'shop', fullName: 'acme/shop', webUrl: 'https://github.com/acme/shop' };
const sha = 'a'.repeat(40);
const url = 'https://github.com/acme/shop/blob/main/main.go';

function setup() {
  let now = 0;
  const cache = new ReadCache({ cacheBytes: 1024 * 1024, accessTtlMs: 1000, now: () => now });
  const user = (id: string, canRead = true) => ({
    id,
    proofs: 0,
    async proveAccess() {
      this.proofs++;
      if (!canRead) {
        throw new FileNotFoundError(`no commit in ${repo.fullName} readable with this token`);
      }
      cache.markAccess(this, repo);
    },
  });
  return { cache, user, advance: (ms: number) => (now += ms) };
}

const file = (text: string): CachedFile => ({ kind: 'file', content: Buffer.from(text) });

describe('ReadCache', () => {
  it("serves one user's file to another only after that user's proof of access", async () => {
    const { cache, user } = setup();
    const alice = user('alice');
    const fetch = jest.fn(async () => file('package main'));
    await cache.readFile(alice, repo, sha, 'main.go', url, fetch);
    expect(alice.proofs).toBe(0);

    const bob = user('bob');
    const got = await cache.readFile(bob, repo, sha, 'main.go', url, fetch);
    expect(got).toEqual({ content: Buffer.from('package main'), url });
    expect(bob.proofs).toBe(1);
    expect(fetch).toHaveBeenCalledTimes(1);

    const mallory = user('mallory', false);
    await expect(cache.readFile(mallory, repo, sha, 'main.go', url, fetch)).rejects.toThrow('readable with this token');
  });

  it('asks for proof again once the access record expires', async () => {
    const { cache, user, advance } = setup();
    const alice = user('alice');
    await cache.readFile(alice, repo, sha, 'main.go', url, async () => file('x'));
    advance(1001);
    await cache.readFile(alice, repo, sha, 'main.go', url, async () => file('x'));
    expect(alice.proofs).toBe(1);
  });

  it('keeps a 404 to the user who got it until they are known to read the repository', async () => {
    const { cache, user } = setup();
    const missing: CachedFile = { kind: 'missing', reason: 'not_found', message: 'file not found: 404' };
    const fetch = jest.fn(async () => missing);
    const alice = user('alice');
    await expect(cache.readFile(alice, repo, sha, 'gone.go', url, fetch)).rejects.toThrow(FileNotFoundError);
    await expect(cache.readFile(alice, repo, sha, 'gone.go', url, fetch)).rejects.toThrow(FileNotFoundError);
    expect(fetch).toHaveBeenCalledTimes(1);
    await expect(cache.readFile(user('bob'), repo, sha, 'gone.go', url, fetch)).rejects.toThrow(FileNotFoundError);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it.each([
    [{ kind: 'rejected', reason: 'too_large', message: 'big.go is 9 bytes' } as CachedFile, FileRejectedError],
    [{ kind: 'missing', reason: 'not_a_file', message: 'src is a directory' } as CachedFile, FileNotFoundError],
  ])('throws a cached %j as %p, from the cache too', async (answer, kind) => {
    const { cache, user } = setup();
    const alice = user('alice');
    cache.markAccess(alice, repo);
    const fetch = jest.fn(async () => answer);
    await expect(cache.readFile(alice, repo, sha, 'p', url, fetch)).rejects.toThrow(kind);
    await expect(cache.readFile(alice, repo, sha, 'p', url, fetch)).rejects.toThrow(kind);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("joins one user's concurrent identical fetches, and lists a tree once per commit", async () => {
    const { cache, user } = setup();
    const alice = user('alice');
    const fetch = jest.fn(async () => file('x'));
    await Promise.all([1, 2, 3].map(() => cache.readFile(alice, repo, sha, 'a.go', url, fetch)));
    expect(fetch).toHaveBeenCalledTimes(1);

    const list = jest.fn(async () => new Set(['a.go', 'b/c.go']));
    expect(await cache.listFiles(alice, repo, sha, list)).toEqual(new Set(['a.go', 'b/c.go']));
    expect(await cache.listFiles(alice, repo, sha, list)).toEqual(new Set(['a.go', 'b/c.go']));
    expect(list).toHaveBeenCalledTimes(1);
    // A tree too large to list is remembered as such.
    const huge = jest.fn(async () => undefined);
    expect(await cache.listFiles(alice, repo, 'b'.repeat(40), huge)).toBeUndefined();
    expect(await cache.listFiles(alice, repo, 'b'.repeat(40), huge)).toBeUndefined();
    expect(huge).toHaveBeenCalledTimes(1);
  });
});
