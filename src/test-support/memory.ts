// In-memory stand-ins for browser storage and cookies, for tests only.
import type { CookieJar } from '../source/connection/cookieJar';

export function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

export interface MemoryCookieJar extends CookieJar {
  /** The `Cookie` header a browser would send. */
  header(): string;
  writes: Array<{ name: string; value: string; expires?: Date; secure: boolean }>;
}

export function memoryCookieJar(): MemoryCookieJar {
  const cookies = new Map<string, string>();
  const writes: MemoryCookieJar['writes'] = [];
  return {
    writes,
    get: (name) => cookies.get(name),
    set: (name, value, attributes) => {
      writes.push({ name, value, ...attributes });
      cookies.set(name, value);
    },
    remove: (name) => void cookies.delete(name),
    header: () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
  };
}
