/**
 * The shared tier's keys and values, over any ByteStore. Keys are `linescope:<version>:<kind>:<HMAC of what the
 * value is for>` under a key derived from the session secret, so that repository names, paths and token hashes
 * never appear in the cache server and two server versions with other value formats never read each other's.
 * Values are sealed with AES-256-GCM (a key derived from the same secret, the cache key as associated data): a
 * value changed by anyone without the secret, copied under another key, written by a deployment with another
 * secret, or larger than the bound, is ignored; `get` then answers undefined and the caller fetches again.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { ServerMetrics } from '../metrics';
import { ByteStore } from './redis-store';

/** Bump when the meaning or layout of any value changes: old and new replicas then use disjoint keys. */
export const SHARED_KEY_VERSION = 'v1';

export interface SharedCacheOptions {
  store: ByteStore;
  /** The session secret (GITHUB_SESSION_SECRET). */
  secret: string;
  /** Largest body stored or accepted (MAX_FILE_BYTES). */
  maxBodyBytes: number;
  metrics?: ServerMetrics;
  /** Defaults to SHARED_KEY_VERSION. */
  version?: string;
}

export interface SharedEntry {
  /** Small JSON fields describing the value (kind-specific). */
  header: Record<string, unknown>;
  body: Buffer;
}

const NONCE_BYTES = 12;
const TAG_BYTES = 16;
/** Room for a header (a path, a message, a commit) beside the body. */
const MAX_HEADER_BYTES = 64 * 1024;

export class SharedCache {
  private readonly keyKey: Buffer;
  private readonly valueKey: Buffer;
  private readonly version: string;

  constructor(private readonly options: SharedCacheOptions) {
    if (options.secret === '') {
      throw new Error('the shared cache needs the session secret');
    }
    this.version = options.version ?? SHARED_KEY_VERSION;
    const derive = (info: string) => Buffer.from(hkdfSync('sha256', options.secret, '', info, 32));
    this.keyKey = derive('linescope shared cache keys');
    this.valueKey = derive('linescope shared cache values');
  }

  /** The cache server's key for a value of `kind` identified by `identity` (host, repository, sha, path, …). */
  key(kind: string, identity: readonly string[]): string {
    const digest = createHmac('sha256', this.keyKey)
      .update(JSON.stringify([kind, ...identity]))
      .digest('base64url');
    return `linescope:${this.version}:${kind}:${digest}`;
  }

  /**
   * The value stored for (kind, identity) if this server's secret sealed it for exactly that and `decode` accepts
   * its shape, else undefined.
   */
  async get<T>(
    kind: string,
    identity: readonly string[],
    decode: (entry: SharedEntry) => T | undefined
  ): Promise<T | undefined> {
    const key = this.key(kind, identity);
    const sealed = await this.options.store.get(key, this.maxSealedBytes());
    const entry = sealed === undefined ? undefined : this.open(key, kind, identity, sealed);
    const value = entry === undefined ? undefined : decode(entry);
    const result = sealed === undefined ? 'miss' : value !== undefined ? 'hit' : 'invalid';
    this.options.metrics?.sharedCacheRequests.inc({ cache: kind, result });
    return value;
  }

  /** Stores in the background (the request never waits for the cache server); too large a value is not stored. */
  set(kind: string, identity: readonly string[], entry: SharedEntry, ttlMs?: number): void {
    if (entry.body.length > this.options.maxBodyBytes || (ttlMs !== undefined && ttlMs <= 0)) {
      return;
    }
    const key = this.key(kind, identity);
    const sealed = this.seal(key, kind, identity, entry);
    if (sealed) {
      this.options.store.set(key, sealed, ttlMs).catch(() => undefined);
    }
  }

  /** The bytes stored under `key`: nonce, tag, then the encrypted header length, header and body. */
  seal(key: string, kind: string, identity: readonly string[], entry: SharedEntry): Buffer | undefined {
    const header = Buffer.from(JSON.stringify({ ...entry.header, v: this.version, kind, id: identity }), 'utf8');
    if (header.length > MAX_HEADER_BYTES) {
      return undefined;
    }
    const length = Buffer.alloc(4);
    length.writeUInt32BE(header.length);
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.valueKey, nonce);
    cipher.setAAD(Buffer.from(key, 'utf8'));
    const encrypted = Buffer.concat([
      cipher.update(length),
      cipher.update(header),
      cipher.update(entry.body),
      cipher.final(),
    ]);
    return Buffer.concat([nonce, cipher.getAuthTag(), encrypted]);
  }

  /** The largest value `seal` can write: anything larger was planted, and is not even downloaded. */
  private maxSealedBytes(): number {
    return NONCE_BYTES + TAG_BYTES + 4 + MAX_HEADER_BYTES + this.options.maxBodyBytes;
  }

  private open(key: string, kind: string, identity: readonly string[], sealed: Buffer): SharedEntry | undefined {
    if (sealed.length < NONCE_BYTES + TAG_BYTES + 4 || sealed.length > this.maxSealedBytes()) {
      return undefined;
    }
    let plain: Buffer;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.valueKey, sealed.subarray(0, NONCE_BYTES));
      decipher.setAAD(Buffer.from(key, 'utf8'));
      decipher.setAuthTag(sealed.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES));
      plain = Buffer.concat([decipher.update(sealed.subarray(NONCE_BYTES + TAG_BYTES)), decipher.final()]);
    } catch {
      return undefined;
    }
    const headerLength = plain.readUInt32BE(0);
    if (headerLength > MAX_HEADER_BYTES || 4 + headerLength > plain.length) {
      return undefined;
    }
    let header: unknown;
    try {
      header = JSON.parse(plain.subarray(4, 4 + headerLength).toString('utf8'));
    } catch {
      return undefined;
    }
    if (header === null || typeof header !== 'object' || Array.isArray(header)) {
      return undefined;
    }
    const fields = header as Record<string, unknown>;
    const sameIdentity =
      Array.isArray(fields.id) &&
      fields.id.length === identity.length &&
      identity.every((part, i) => (fields.id as unknown[])[i] === part);
    if (fields.v !== this.version || fields.kind !== kind || !sameIdentity) {
      return undefined;
    }
    const body = plain.subarray(4 + headerLength);
    return body.length > this.options.maxBodyBytes ? undefined : { header: fields, body };
  }
}
