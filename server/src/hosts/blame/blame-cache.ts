/**
 * Blames by (repository, commit sha, path[, lines]): a blame at a commit never changes, so it is kept until evicted,
 * in memory and in the shared tier (CACHE_URL). Served to a user only after that user's token was shown to read
 * the repository (the ReadCache's proof, shared with files). Unlike files, concurrent identical blames of
 * different users are joined into one host call: a blame costs GraphQL points, a proof is a free 304. The users who
 * joined show their own access afterwards; when the call failed for the user who made it (their token may not see
 * the repository), each of the others asks with their own token.
 */
import { Coalescer } from '../../cache/coalescer';
import { ByteLru } from '../../cache/lru';
import { SharedCache } from '../../cache/shared-cache';
import { Repository } from '../git-host';
import { CacheUser, HostCall, ReadCache } from '../read-cache';
import { Blame, isBlame, LineSpan } from './model';

export interface BlameCacheOptions {
  reads: ReadCache;
  /** Names the host in shared keys, e.g. `github https://api.github.com`. */
  hostKey: string;
  shared?: SharedCache;
  maxBytes: number;
}

interface Flight {
  blame: Blame;
  /** The user whose token fetched it from the host (undefined: read from the shared tier, nobody proved access). */
  fetchedBy?: string;
}

export class BlameCache {
  private readonly entries: ByteLru<Blame>;
  private readonly flights = new Coalescer();
  /** Which user's call a failure came from. */
  private readonly failedFor = new WeakMap<object, string>();

  constructor(private readonly options: BlameCacheOptions) {
    this.entries = new ByteLru({ maxBytes: options.maxBytes, sizeOf: (b) => JSON.stringify(b).length });
  }

  async read(
    user: CacheUser,
    repo: Repository,
    sha: string,
    path: string,
    span: LineSpan | undefined,
    fetch: HostCall<Blame>
  ) {
    const identity = [repo.fullName, sha, path, span ? `${span.start}-${span.end}` : ''];
    const key = identity.join('\0');
    const { reads } = this.options;
    const cached = this.entries.get(key);
    reads.countLookup('blame', cached !== undefined);
    if (cached) {
      await reads.ensureAccess(user, repo, sha);
      return cached;
    }
    const load = (signal: AbortSignal): Promise<Flight> => this.load(user, repo, identity, key, () => fetch(signal));
    let flight: Flight;
    try {
      flight = await this.flights.run(key, user.signal, load);
    } catch (error) {
      // Another user's failure (their token may not see the repository) is not this user's answer.
      if (
        user.signal?.aborted ||
        typeof error !== 'object' ||
        error === null ||
        this.failedFor.get(error) === user.id
      ) {
        throw error;
      }
      flight = await this.flights.run(`${user.id}\0${key}`, user.signal, load);
    }
    if (flight.fetchedBy !== user.id) {
      await reads.ensureAccess(user, repo, sha);
    }
    return flight.blame;
  }

  private async load(
    user: CacheUser,
    repo: Repository,
    identity: string[],
    key: string,
    fetch: () => Promise<Blame>
  ): Promise<Flight> {
    const { shared, hostKey, reads } = this.options;
    const stored = await shared?.get('blame', [hostKey, ...identity], (entry) => decodeBlame(entry.body));
    if (stored) {
      this.entries.set(key, stored);
      return { blame: stored };
    }
    let blame: Blame;
    try {
      blame = await fetch();
    } catch (error) {
      if (typeof error === 'object' && error !== null) {
        this.failedFor.set(error, user.id);
      }
      throw error;
    }
    reads.markAccess(user, repo);
    this.entries.set(key, blame);
    shared?.set('blame', [hostKey, ...identity], { header: {}, body: Buffer.from(JSON.stringify(blame), 'utf8') });
    return { blame, fetchedBy: user.id };
  }
}

function decodeBlame(body: Buffer): Blame | undefined {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return isBlame(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
