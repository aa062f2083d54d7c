import { ByteLru } from './lru';

describe('byte-bounded LRU', () => {
  it('evicts least recently used entries by total bytes, not count', () => {
    const lru = new ByteLru<Buffer>({ maxBytes: 1000, sizeOf: (b) => b.length });
    lru.set('a', Buffer.alloc(300));
    lru.set('b', Buffer.alloc(300));
    lru.get('a');
    lru.set('c', Buffer.alloc(300));
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBeDefined();
    expect(lru.get('c')).toBeDefined();
    expect(lru.totalBytes).toBeLessThanOrEqual(1000);
    expect(lru.set('huge', Buffer.alloc(5000))).toBe(false);
    expect(lru.size).toBe(2);
  });

  it('expires entries after the time-to-live', () => {
    let now = 0;
    const lru = new ByteLru<number>({ maxBytes: 1000, sizeOf: () => 1, ttlMs: 100, now: () => now });
    lru.set('x', 1);
    now = 100;
    expect(lru.get('x')).toBe(1);
    now = 201;
    expect(lru.get('x')).toBeUndefined();
  });
});
