import { ByteLru } from './lru';

const bytes = (b: Buffer) => b.length;

describe('ByteLru', () => {
  it('evicts the least recently used entries once the byte budget is spent, however few they are', () => {
    const lru = new ByteLru<Buffer>({ maxBytes: 1000, sizeOf: bytes });
    lru.set('a', Buffer.alloc(300));
    lru.set('b', Buffer.alloc(300));
    lru.get('a');
    lru.set('c', Buffer.alloc(300));
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')?.length).toBe(300);
    expect(lru.get('c')?.length).toBe(300);
    expect(lru.size).toBe(2);
    // value bytes + two bytes per key character + the fixed overhead, for each entry kept
    expect(lru.totalBytes).toBe(2 * (300 + 2 + 64));
  });

  it('refuses a value larger than the whole budget and drops the older value under that key', () => {
    const lru = new ByteLru<Buffer>({ maxBytes: 1000, sizeOf: bytes });
    expect(lru.set('k', Buffer.alloc(10))).toBe(true);
    expect(lru.set('k', Buffer.alloc(5000))).toBe(false);
    expect(lru.get('k')).toBeUndefined();
    expect(lru.totalBytes).toBe(0);
  });

  it('counts a replaced value once', () => {
    const lru = new ByteLru<string>({ maxBytes: 10_000, sizeOf: (s) => s.length });
    lru.set('k', 'x'.repeat(100));
    lru.set('k', 'y'.repeat(10));
    expect(lru.size).toBe(1);
    expect(lru.totalBytes).toBe(10 + 2 + 64);
    lru.delete('k');
    expect(lru.totalBytes).toBe(0);
  });

  it('stores nothing with a zero budget (caching switched off)', () => {
    const lru = new ByteLru<string>({ maxBytes: 0, sizeOf: (s) => s.length });
    expect(lru.set('k', '')).toBe(false);
    expect(lru.get('k')).toBeUndefined();
    expect(lru.size).toBe(0);
  });

  it('keeps values that are empty, zero or undefined', () => {
    const lru = new ByteLru<number | undefined>({ maxBytes: 1000, sizeOf: () => 0 });
    lru.set('zero', 0);
    lru.set('none', undefined);
    expect(lru.get('zero')).toBe(0);
    expect(lru.size).toBe(2);
  });

  it('expires entries after the time-to-live, on a clock that starts at 0', () => {
    let now = 0;
    const lru = new ByteLru<number>({ maxBytes: 1000, sizeOf: () => 1, ttlMs: 100, now: () => now });
    lru.set('x', 1);
    now = 100;
    expect(lru.get('x')).toBe(1);
    now = 101;
    expect(lru.get('x')).toBeUndefined();
    expect(lru.size).toBe(0);
  });

  it('stays within budget under churn of many distinct keys', () => {
    const lru = new ByteLru<string>({ maxBytes: 50_000, sizeOf: (s) => s.length });
    for (let i = 0; i < 20_000; i++) {
      lru.set(`file-${i}`, 'x'.repeat(i % 500));
      expect(lru.totalBytes).toBeLessThanOrEqual(50_000);
    }
    expect(lru.get('file-19999')?.length).toBe(19_999 % 500);
  });
});
