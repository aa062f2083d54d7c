/** For tests: a Map standing in for the cache server under a SharedCache (no TTL, nothing evicted). */
import { ByteStore } from '../redis-store';

export function memoryStore(): ByteStore {
  const values = new Map<string, Buffer>();
  return {
    get: async (key) => values.get(key),
    set: async (key, value) => {
      values.set(key, value);
    },
    close: async () => undefined,
  };
}
