/**
 * A least-recently-used cache bounded by the total size of its values in bytes (not by entry count), so that
 * a few large files cannot push the process out of memory while many small configs still fit.
 */
export interface ByteLruOptions<V> {
  maxBytes: number;
  sizeOf: (value: V) => number;
  /** Entries older than this are treated as absent (milliseconds); undefined = no expiry. */
  ttlMs?: number;
  now?: () => number;
}

interface Entry<V> {
  value: V;
  size: number;
  storedAt: number;
}

/** Fixed per-entry overhead (key, map slot, bookkeeping) so that empty values still count. */
const ENTRY_OVERHEAD_BYTES = 64;

export class ByteLru<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private bytes = 0;
  private readonly now: () => number;

  constructor(private readonly options: ByteLruOptions<V>) {
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  get totalBytes(): number {
    return this.bytes;
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) {
      return undefined;
    }
    if (this.options.ttlMs !== undefined && this.now() - entry.storedAt > this.options.ttlMs) {
      this.delete(key);
      return undefined;
    }
    // Re-insert to mark as most recently used (Map keeps insertion order).
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Returns false when the value alone is larger than the whole cache (it is then not stored). */
  set(key: string, value: V): boolean {
    const size = this.options.sizeOf(value) + key.length * 2 + ENTRY_OVERHEAD_BYTES;
    this.delete(key);
    if (size > this.options.maxBytes) {
      return false;
    }
    this.entries.set(key, { value, size, storedAt: this.now() });
    this.bytes += size;
    for (const [oldKey] of this.entries) {
      if (this.bytes <= this.options.maxBytes) {
        break;
      }
      this.delete(oldKey);
    }
    return true;
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.bytes -= entry.size;
    }
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }
}
