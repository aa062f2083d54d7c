/**
 * Branch and tag names to commit shas, the same way for every Git host; the host gives only its lookup call.
 * - each (repository, ref) is resolved once per request (per `forUser` view), and the access proof once too;
 * - a full sha is its own answer; a resolved ref is kept refTtlMs, then revalidated with its ETag (a 304 is free on
 *   GitHub and GitLab, and proves the user's access like a 200);
 * - with a shared tier, a ref another replica resolved since is taken from there (after this user's access is known);
 * - a ref found missing is trusted as long as a found one, for everyone or only for that user as the host decides
 *   (a 404 may only mean that the token cannot see the repository).
 */
import { ByteLru } from '../cache/lru';
import { FileNotFoundError } from './errors';
import { Repository } from './repository';
import { CacheUser, ReadCache } from './read-cache';

export interface CachedRef {
  sha: string;
  etag?: string;
  checkedAt: number;
}

/** A commit named by its full sha: immutable, so cached without revalidation and never shared as a ref. */
export const FULL_SHA = /^[0-9a-f]{40}$/;

/** What a host's lookup answers: the sha (with the ETag to revalidate it), or that the stored ETag still holds. */
export type RefAnswer = { sha: string; etag?: string } | 'not-modified';

/**
 * The host's one call behind a ref's sha, with the ETag stored for it (undefined: none). A missing ref throws the
 * error the host chooses after `markMissing`; any other failure is the host's error, thrown as is.
 */
export type RefLookup<U extends CacheUser> = (
  user: U,
  repo: Repository,
  ref: string,
  etag: string | undefined,
  signal: AbortSignal | undefined
) => Promise<RefAnswer>;

export interface RefResolverOptions<U extends CacheUser> {
  /** The host's name in messages ("GitHub"). */
  hostName: string;
  reads: ReadCache;
  refTtlMs: number;
  now: () => number;
  /** The host's spelling of a ref ("" is the default branch): the key it is cached and looked up under. */
  normalize: (ref: string) => string;
  lookUp: RefLookup<U>;
}

export class RefResolver<U extends CacheUser> {
  private readonly refs = new ByteLru<CachedRef>({ maxBytes: 4 * 1024 * 1024, sizeOf: () => 128 });
  private readonly missingRefs: ByteLru<string>;
  /** Per request: each `forUser` view is one user object, and lives as long as its request. */
  private readonly memos = new WeakMap<U, Map<string, Promise<string>>>();

  constructor(private readonly options: RefResolverOptions<U>) {
    this.missingRefs = new ByteLru({
      maxBytes: 4 * 1024 * 1024,
      sizeOf: (m) => m.length,
      ttlMs: options.refTtlMs,
      now: options.now,
    });
  }

  /**
   * The commit sha for ref. A fresh ref this user may read is answered at once, from memory; otherwise concurrent
   * lookups of one user are joined into one.
   */
  commitSha(user: U, repo: Repository, ref: string): Promise<string> {
    const wanted = this.options.normalize(ref);
    const key = refKey(repo, wanted);
    return this.memo(user, key, () => {
      if (FULL_SHA.test(wanted)) {
        return Promise.resolve(wanted);
      }
      const fresh = this.freshSha(user, repo, key);
      return fresh !== undefined
        ? Promise.resolve(fresh)
        : this.options.reads.join(user, `ref:${key}`, (signal) => this.resolve(user, repo, wanted, key, signal));
    });
  }

  /** The proof the read cache asks for: one lookup of a commit with this user's token, once per request. */
  proveAccess(user: U, repo: Repository, sha: string, signal?: AbortSignal): Promise<string> {
    return this.memo(user, `access:${repo.fullName}`, () =>
      this.lookUp(user, repo, sha, refKey(repo, sha), signal ?? user.signal)
    );
  }

  /** Keeps a resolved ref (one the host learnt by another call), and shares a branch or tag with other replicas. */
  remember(repo: Repository, ref: string, value: CachedRef): void {
    this.refs.set(refKey(repo, ref), value);
    if (!FULL_SHA.test(ref)) {
      this.options.reads.shareRef(repo, ref, value, this.options.refTtlMs);
    }
  }

  /** Records a ref found missing, for everyone or only for this user; the message to throw with. */
  markMissing(user: U, repo: Repository, ref: string, forEveryone: boolean): string {
    const key = refKey(repo, ref);
    const message = `no commit '${ref}' in ${repo.fullName} readable with this token`;
    this.missingRefs.set(forEveryone ? key : `${user.id}|${key}`, message);
    return message;
  }

  private memo(user: U, key: string, work: () => Promise<string>): Promise<string> {
    let memo = this.memos.get(user);
    if (!memo) {
      memo = new Map();
      this.memos.set(user, memo);
    }
    let pending = memo.get(key);
    if (!pending) {
      pending = work();
      memo.set(key, pending);
    }
    return pending;
  }

  private isMissing(user: U, key: string): string | undefined {
    return this.missingRefs.get(key) ?? this.missingRefs.get(`${user.id}|${key}`);
  }

  /** From this replica's memory alone, when fresh, not found missing since, and the user's access is known. */
  private freshSha(user: U, repo: Repository, key: string): string | undefined {
    const cached = this.refs.get(key);
    if (
      cached === undefined ||
      this.options.now() - cached.checkedAt > this.options.refTtlMs ||
      this.isMissing(user, key) !== undefined ||
      !this.options.reads.hasAccess(user, repo)
    ) {
      return undefined;
    }
    this.options.reads.countLookup('refs', true);
    return cached.sha;
  }

  private async resolve(user: U, repo: Repository, ref: string, key: string, signal: AbortSignal): Promise<string> {
    const missing = this.isMissing(user, key);
    if (missing) {
      throw new FileNotFoundError(missing);
    }
    return (await this.cachedSha(user, repo, ref, key)) ?? this.lookUp(user, repo, ref, key, signal);
  }

  /**
   * From the caches, when fresh and the user's access is known: this replica's own entry, else one another replica
   * resolved (or revalidated) since, whose ETag makes the host's check free later.
   */
  private async cachedSha(user: U, repo: Repository, ref: string, key: string): Promise<string | undefined> {
    const { reads, refTtlMs, now } = this.options;
    const isFresh = (entry?: CachedRef) => entry !== undefined && now() - entry.checkedAt <= refTtlMs;
    let cached = this.refs.get(key);
    reads.countLookup('refs', isFresh(cached));
    if (!isFresh(cached)) {
      const shared = await reads.sharedRef(repo, ref);
      if (shared && (!cached || shared.checkedAt > cached.checkedAt)) {
        cached = shared;
        this.refs.set(key, shared);
      }
    }
    return cached && isFresh(cached) && (await reads.knowsAccess(user, repo)) ? cached.sha : undefined;
  }

  private async lookUp(
    user: U,
    repo: Repository,
    ref: string,
    key: string,
    signal: AbortSignal | undefined
  ): Promise<string> {
    const cached = this.refs.get(key);
    const answer = await this.options.lookUp(user, repo, ref, cached?.etag, signal);
    const value = answer === 'not-modified' ? cached : answer;
    if (value === undefined) {
      throw new Error(`${this.options.hostName} answered 304 to a request without If-None-Match`);
    }
    this.remember(repo, ref, { sha: value.sha, etag: value.etag, checkedAt: this.options.now() });
    this.options.reads.markAccess(user, repo);
    return value.sha;
  }
}

function refKey(repo: Repository, ref: string): string {
  return `${repo.fullName}@${ref}`;
}
