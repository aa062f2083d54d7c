/**
 * What a host shares when its API reads a file's raw bytes by path at a commit (any but GitHub): its caches
 * (host-caches.ts), one client per user with the user's token and the host's call metrics, files read at the
 * resolved commit through the shared read cache (with its per-user access proof), and commits kept by sha. A host
 * gives its client, its ref lookup, its file call, its commit and its links; one whose API has a tree
 * listing or blame overrides `listFiles`, `blame` and `compare`.
 */
import { createHash } from 'node:crypto';
import { ByteLru } from '../cache/lru';
import { HostCall, HostProvider, recordHostCall } from '../metrics';
import { BlameCache } from './blame/blame-cache';
import { Comparison, LineSpan } from './blame/model';
import { BlameUnavailableError, FileNotFoundError } from './errors';
import { CachedFile, cleanFilePath, judgeBytes, tooLarge } from './files';
import { BlameAt, Commit, GitHost, GitHostProvider, RepoFile, Repository } from './git-host';
import { createHostCaches } from './host-caches';
import { HostSourceOptions } from './host-entry';
import { CacheUser, ReadCache } from './read-cache';
import { RefAnswer, RefResolver } from './ref-resolver';

/** What each host's client is built with for one user. */
export interface HostClientOptions {
  apiUrl: string;
  timeoutMs: number;
  /** The user's access token; none = anonymous (public repositories only). */
  token?: string;
  signal?: AbortSignal;
  fetch?: typeof fetch;
  now: () => number;
  onResponse?: (call: HostCall) => void;
}

/** One user's calls: their client and the RPC's signal. */
export interface HostUser<C> extends CacheUser {
  client: C;
}

/** A file's bytes as a host's client answers them: `size` over the limit means they were not downloaded. */
export interface RawFile {
  content: Buffer;
  size: number;
}

/** What names the host: its metrics label, its name in messages, its client, its ref spelling and its web pages. */
export interface RawFileHost<C> {
  provider: HostProvider;
  name: string;
  /** "" is the default branch; a host whose API needs another spelling of a ref gives it here. */
  normalizeRef?: (ref: string) => string;
  fileUrl(repo: Repository, ref: string, path: string): string;
  commitUrl(repo: Repository, sha: string): string;
  createClient(options: HostClientOptions): C;
}

export abstract class RawFileSource<C> implements GitHostProvider {
  protected readonly cache: ReadCache;
  /** Refs resolved to a sha for their TTL, and refs found missing (for everyone, or for one user). */
  protected readonly refs: RefResolver<HostUser<C>>;
  protected readonly commits: ByteLru<Commit>;
  protected readonly blames: BlameCache;
  protected readonly now: () => number;

  constructor(
    protected readonly options: HostSourceOptions,
    private readonly host: RawFileHost<C>
  ) {
    this.now = options.now ?? Date.now;
    ({
      reads: this.cache,
      refs: this.refs,
      commits: this.commits,
      blames: this.blames,
    } = createHostCaches<Commit, HostUser<C>>({
      ...options,
      hostKey: `${host.provider} ${options.apiUrl}`,
      hostName: host.name,
      now: this.now,
      normalizeRef: host.normalizeRef ?? ((ref) => ref),
      lookUpRef: (user, repo, ref, etag) => this.lookUpSha(user, repo, ref, etag),
    }));
  }

  forUser(token: string | undefined, signal?: AbortSignal): GitHost {
    const { apiUrl, timeoutMs, fetch, metrics } = this.options;
    const client = this.host.createClient({
      apiUrl,
      timeoutMs,
      token,
      signal,
      fetch,
      now: this.now,
      onResponse: metrics && ((call) => recordHostCall(metrics, this.host.provider, call)),
    });
    const user: HostUser<C> = {
      id: token ? createHash('sha256').update(token).digest('hex') : 'anonymous',
      client,
      signal,
      proveAccess: (repo, sha) => this.refs.proveAccess(user, repo, sha),
    };
    return {
      readFile: (repo, path, ref) => this.readFile(user, repo, path, ref),
      listFiles: (repo, ref) => this.listFiles(user, repo, ref),
      commitSha: (repo, ref) => this.commitSha(user, repo, ref),
      getCommit: (repo, ref) => this.getCommit(user, repo, ref),
      commitUrl: this.host.commitUrl,
      fileUrl: this.host.fileUrl,
      blame: (repo, ref, path, span) => this.blame(user, repo, ref, path, span),
      compare: (repo, base, head) => this.compare(user, repo, base, head),
    };
  }

  /** The sha a ref names on the host, or 'not-modified' for the ETag sent (see ref-resolver.ts). */
  protected abstract lookUpSha(
    user: HostUser<C>,
    repo: Repository,
    ref: string,
    etag: string | undefined
  ): Promise<RefAnswer>;

  /** A file's bytes at a commit; the host's FileNotFoundError when there is none. */
  protected abstract fetchRawFile(
    user: HostUser<C>,
    repo: Repository,
    path: string,
    sha: string,
    maxBytes: number
  ): Promise<RawFile>;

  protected abstract getCommit(user: HostUser<C>, repo: Repository, ref: string): Promise<Commit>;

  /** No listing: resolution tries paths instead (listing a whole tree is many calls or one huge answer). */
  protected listFiles(_user: HostUser<C>, _repo: Repository, _ref: string): Promise<ReadonlySet<string> | undefined> {
    return Promise.resolve(undefined);
  }

  protected blame(
    _user: HostUser<C>,
    _repo: Repository,
    _ref: string,
    _path: string,
    _span: LineSpan | undefined
  ): Promise<BlameAt> {
    return Promise.reject(new BlameUnavailableError(this.host.name, 'blame'));
  }

  protected compare(_user: HostUser<C>, _repo: Repository, _base: string, _head: string): Promise<Comparison> {
    return Promise.reject(new BlameUnavailableError(this.host.name, 'compare'));
  }

  protected commitSha(user: HostUser<C>, repo: Repository, ref: string): Promise<string> {
    return this.refs.commitSha(user, repo, ref);
  }

  /** The commit a ref names, kept by its sha and served from there only once this user's access is shown. */
  protected async commitAt(
    user: HostUser<C>,
    repo: Repository,
    ref: string,
    fetchCommit: (sha: string) => Promise<Commit>
  ): Promise<Commit> {
    const sha = await this.commitSha(user, repo, ref);
    const key = `${repo.fullName}@${sha}`;
    const cached = this.commits.get(key);
    this.cache.countLookup('commits', cached !== undefined);
    if (cached) {
      await this.cache.ensureAccess(user, repo, sha);
      return cached;
    }
    const commit = await this.request(user, repo, () => fetchCommit(sha));
    this.commits.set(key, commit);
    return commit;
  }

  /** One call on the repository with the user's token: an answer shows the user's access. */
  protected async request<T>(user: HostUser<C>, repo: Repository, call: () => Promise<T>): Promise<T> {
    const answer = await call();
    this.cache.markAccess(user, repo);
    return answer;
  }

  private async readFile(user: HostUser<C>, repo: Repository, path: string, ref: string): Promise<RepoFile> {
    const cleanPath = cleanFilePath(path);
    const sha = await this.commitSha(user, repo, ref);
    return this.cache.readFile(user, repo, sha, cleanPath, this.host.fileUrl(repo, ref, cleanPath), () =>
      this.fetchFile(user, repo, cleanPath, sha)
    );
  }

  private async fetchFile(user: HostUser<C>, repo: Repository, path: string, sha: string): Promise<CachedFile> {
    const max = this.options.maxFileBytes;
    try {
      const file = await this.fetchRawFile(user, repo, path, sha, max);
      return file.size > max ? tooLarge(path, file.size, max) : judgeBytes(file.content, path, max);
    } catch (error) {
      if (error instanceof FileNotFoundError) {
        // Never a proof of access, whatever its wording (fail closed): the cache shares it once access is known.
        return { kind: 'missing', reason: error.reason, message: `file not found: ${error.message}` };
      }
      throw error;
    }
  }
}
