/**
 * The shared cache server (Redis 6+ or Valkey) as a byte store that never fails a request: a command that errs
 * or takes longer than the timeout answers "absent" (get) or is dropped (set). After a failure the store is
 * skipped for a short pause instead of making every request wait for the timeout again; the outage is logged
 * once when it starts and once when it ends, and every failure is counted.
 */
import { Redis } from 'ioredis';
import { Logger, scrub } from '../log';
import { ServerMetrics } from '../metrics';

/** What the shared tier needs of a key-value server. */
export interface ByteStore {
  /**
   * At most `maxBytes + 1` bytes of the value: a longer value comes back cut there (so the caller sees it is too
   * large) and is never downloaded in full.
   */
  get(key: string, maxBytes: number): Promise<Buffer | undefined>;
  /** `ttlMs` undefined: kept until the server evicts it. */
  set(key: string, value: Buffer, ttlMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface RedisStoreOptions {
  /** redis:// or rediss://, with user, password and database as the URL gives them. */
  url: string;
  /** Longest wait for one command; past it the command counts as failed. */
  timeoutMs: number;
  logger: Logger;
  metrics?: ServerMetrics;
  /** How long the store is skipped after a failure (default: the timeout × 10, at least one second). */
  pauseMs?: number;
  now?: () => number;
}

export class RedisStore implements ByteStore {
  private readonly client: Redis;
  private readonly now: () => number;
  private readonly pauseMs: number;
  private skipUntil = 0;
  private down = false;
  /** Settles once the first connection is made or has failed (at most the connect timeout). */
  private readonly firstConnect: Promise<void>;

  constructor(private readonly options: RedisStoreOptions) {
    this.now = options.now ?? Date.now;
    options.metrics?.sharedCacheUp.set(0);
    this.pauseMs = options.pauseMs ?? Math.max(1000, options.timeoutMs * 10);
    this.client = new Redis(options.url, {
      // Fail at once while disconnected instead of queueing commands behind a server that may never answer.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: options.timeoutMs,
      connectTimeout: Math.max(options.timeoutMs, 1000),
      // Keep reconnecting (at most a second apart) so that the tier comes back with the server.
      retryStrategy: (attempt) => Math.min(attempt * 100, 1000),
      lazyConnect: false,
    });
    // Connection errors are reported through the commands that fail; an unhandled 'error' event would crash.
    this.client.on('error', (error: Error) => this.failed('connect', error));
    this.client.on('ready', () => this.recovered());
    this.firstConnect = new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(done, Math.max(options.timeoutMs, 1000));
      timer.unref();
      this.client.once('ready', done);
      this.client.once('error', done);
    });
  }

  async get(key: string, maxBytes: number): Promise<Buffer | undefined> {
    if (!(await this.usable())) {
      return undefined;
    }
    try {
      // A bounded read: a huge value planted on the cache server is never downloaded in full. The values written
      // here are never empty (sealed), so an empty answer is a missing key.
      const value = await this.client.getrangeBuffer(key, 0, maxBytes);
      this.recovered();
      return value.length > 0 ? value : undefined;
    } catch (error) {
      this.failed('get', error as Error);
      return undefined;
    }
  }

  async set(key: string, value: Buffer, ttlMs?: number): Promise<void> {
    if (!(await this.usable())) {
      return;
    }
    try {
      if (ttlMs !== undefined) {
        await this.client.set(key, value, 'PX', Math.max(1, Math.round(ttlMs)));
      } else {
        await this.client.set(key, value);
      }
      this.recovered();
    } catch (error) {
      this.failed('set', error as Error);
    }
  }

  async close(): Promise<void> {
    try {
      await this.client.quit();
    } catch {
      this.client.disconnect();
    }
  }

  /** Right after start the first requests wait for the connection (bounded) rather than all missing. */
  private async usable(): Promise<boolean> {
    await this.firstConnect;
    return this.client.status === 'ready' && this.now() >= this.skipUntil;
  }

  private failed(operation: string, error: Error): void {
    this.options.metrics?.sharedCacheErrors.inc({ operation });
    this.options.metrics?.sharedCacheUp.set(0);
    this.skipUntil = this.now() + this.pauseMs;
    if (!this.down) {
      this.down = true;
      this.options.logger.warn(
        { err: scrub(error.message), operation },
        'shared cache unavailable: serving from memory and the Git host until it is back'
      );
    }
  }

  private recovered(): void {
    this.options.metrics?.sharedCacheUp.set(1);
    this.skipUntil = 0;
    if (this.down) {
      this.down = false;
      this.options.logger.info('shared cache reachable again');
    }
  }
}
