import { ByteStore } from './redis-store';
import { SharedCache, SHARED_KEY_VERSION } from './shared-cache';

function memoryStore() {
  const values = new Map<string, { value: Buffer; ttlMs?: number }>();
  const store: ByteStore = {
    get: async (key) => values.get(key)?.value,
    set: async (key, value, ttlMs) => {
      values.set(key, { value, ttlMs });
    },
    close: async () => undefined,
  };
  return { store, values };
}

const SECRET = 'a-session-secret-of-enough-length';
const identity = ['github https://api.github.com', 'acme/shop', 'a'.repeat(40), 'main.go'];
const entry = { header: { state: 'file' }, body: Buffer.from('package main\n') };
const asIs = (e: { header: Record<string, unknown>; body: Buffer }) => e;
const flush = () => new Promise((r) => setImmediate(r));

describe('SharedCache', () => {
  it('reads back what it stored, under a versioned key that names neither repository nor path', async () => {
    const { store, values } = memoryStore();
    const cache = new SharedCache({ store, secret: SECRET, maxBodyBytes: 1024 });
    cache.set('files', identity, entry, 5000);
    await flush();
    const [key] = [...values.keys()];
    expect(key).toMatch(new RegExp(`^linescope:${SHARED_KEY_VERSION}:files:[A-Za-z0-9_-]{43}$`));
    expect(key).not.toContain('acme');
    expect(values.get(key)?.ttlMs).toBe(5000);
    expect(values.get(key)?.value.includes(Buffer.from('package main'))).toBe(false);
    const got = await cache.get('files', identity, asIs);
    expect(got?.body.toString()).toBe('package main\n');
    expect(got?.header.state).toBe('file');
  });

  it('ignores values of another secret, another version, another identity or kind', async () => {
    const { store } = memoryStore();
    const ours = new SharedCache({ store, secret: SECRET, maxBodyBytes: 1024 });
    const theirs = new SharedCache({ store, secret: `${SECRET}-other`, maxBodyBytes: 1024 });
    const next = new SharedCache({ store, secret: SECRET, maxBodyBytes: 1024, version: 'v2' });
    theirs.set('files', identity, entry);
    next.set('files', identity, entry);
    await flush();
    expect(await ours.get('files', identity, asIs)).toBeUndefined();
    expect(await next.get('files', identity, asIs)).toBeDefined();

    // A value sealed for one key, stored under another key, is refused by the associated data.
    const key = ours.key('files', identity);
    const sealed = ours.seal(key, 'files', identity, entry)!;
    const elsewhere = [...identity.slice(0, 3), 'other.go'];
    await store.set(ours.key('files', elsewhere), sealed);
    expect(await ours.get('files', elsewhere, asIs)).toBeUndefined();
    await store.set(ours.key('trees', identity), sealed);
    expect(await ours.get('trees', identity, asIs)).toBeUndefined();
  });

  it('refuses to store a body over the bound or an expired value, and refuses to read one over it', async () => {
    const { store, values } = memoryStore();
    const cache = new SharedCache({ store, secret: SECRET, maxBodyBytes: 8 });
    cache.set('files', identity, { header: {}, body: Buffer.alloc(9) });
    cache.set('refs', identity, { header: {}, body: Buffer.alloc(0) }, 0);
    await flush();
    expect(values.size).toBe(0);

    const big = new SharedCache({ store, secret: SECRET, maxBodyBytes: 1024 * 1024 });
    big.set('files', identity, { header: {}, body: Buffer.alloc(1024 * 1024) });
    await flush();
    expect(await big.get('files', identity, asIs)).toBeDefined();
    expect(await cache.get('files', identity, asIs)).toBeUndefined();
  });

  it('counts a value its decoder refuses as invalid, not as a hit', async () => {
    const { store } = memoryStore();
    const counts: string[] = [];
    const metrics = { sharedCacheRequests: { inc: (labels: { result: string }) => counts.push(labels.result) } };
    const cache = new SharedCache({
      store,
      secret: SECRET,
      maxBodyBytes: 1024,
      metrics: metrics as never,
    });
    expect(await cache.get('files', identity, asIs)).toBeUndefined();
    cache.set('files', identity, entry);
    await flush();
    expect(await cache.get('files', identity, () => undefined)).toBeUndefined();
    expect(await cache.get('files', identity, asIs)).toBeDefined();
    await store.set(cache.key('files', identity), Buffer.from('garbage that is long enough to be opened'));
    expect(await cache.get('files', identity, asIs)).toBeUndefined();
    expect(counts).toEqual(['miss', 'invalid', 'hit', 'invalid']);
  });
});
