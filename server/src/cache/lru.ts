/**
 * A least-recently-used cache bounded by the total size of its values in bytes (not by entry count), so that
 * a few large files cannot push the process out of memory while many small configs still fit. A thin layer over
 * lru-cache (`maxSize` + `sizeCalculation`) that adds a per-entry overhead and reports entries too large to keep.
 */
import { LRUCache } from 'lru-cache';

export interface ByteLruOptions<V> {
  maxBytes: number;
  sizeOf: (value: V) => number;
  /** Entries older than this are treated as absent (milliseconds); undefined = no expiry. */
  ttlMs?: number;
  now?: () => number;
}

/** lru-cache stores only non-nullish values; a box lets V be anything (undefined included). */
interface Boxed<V> {
  value: V;
}

/** Fixed per-entry overhead (key, map slot, bookkeeping) so that empty values still count. */
const ENTRY_OVERHEAD_BYTES = 64;

export class ByteLru<V> {
  /** Absent when the budget is zero (caching switched off): lru-cache needs a positive bound. */
  private readonly cache: LRUCache<string, Boxed<V>> | undefined;

  constructor(private readonly options: ByteLruOptions<V>) {
    const now = options.now ?? Date.now;
    // lru-cache reads a start time of 0 as "never stamped", so its clock counts from 1 at construction; the ages
    // it compares with the TTL are unchanged. ttlResolution 0: read the clock on every check, not once per ms.
    const origin = now();
    this.cache =
      options.maxBytes >= 1
        ? new LRUCache<string, Boxed<V>>({
            maxSize: Math.floor(options.maxBytes),
            sizeCalculation: (boxed, key) => entrySize(options.sizeOf(boxed.value), key),
            ttl: options.ttlMs,
            ttlResolution: 0,
            perf: { now: () => now() - origin + 1 },
          })
        : undefined;
  }

  get size(): number {
    return this.cache?.size ?? 0;
  }

  get totalBytes(): number {
    return this.cache?.calculatedSize ?? 0;
  }

  get(key: string): V | undefined {
    return this.cache?.get(key)?.value;
  }

  /** Returns false when the value alone is larger than the whole cache (it is then not stored). */
  set(key: string, value: V): boolean {
    const size = entrySize(this.options.sizeOf(value), key);
    if (!this.cache || size > this.cache.maxSize) {
      this.cache?.delete(key);
      return false;
    }
    this.cache.set(key, { value }, { size });
    return true;
  }

  delete(key: string): void {
    this.cache?.delete(key);
  }

  clear(): void {
    this.cache?.clear();
  }
}

function entrySize(valueBytes: number, key: string): number {
  // lru-cache refuses sizes below 1; a key and its slot always cost something.
  return Math.max(1, Math.ceil(valueBytes) + key.length * 2 + ENTRY_OVERHEAD_BYTES);
}
