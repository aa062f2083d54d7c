/**
 * GitHub as a SourceReader, with caching:
 * - files, configs and trees by (repository, commit sha, path): immutable, so cached until evicted by size;
 * - branch and tag refs resolved to a sha, kept a short time, then revalidated with If-None-Match (a 304 does
 *   not count against GitHub's rate limit);
 * - a cached file is served to a user only after that user's token was shown to read the repository (a
 *   successful or 304 call with that token), remembered for a few minutes.
 */
import { createHash } from 'node:crypto';
import { ByteLru } from '../cache/lru';
import { ServerMetrics } from '../metrics';
import { RepoFile, SourceReader } from '../resolve/source-reader';
import { createOctokit, GitHubApi } from './client';
import { classifyGitHubError, FileNotFoundError, FileRejectedError } from './errors';
import { Repository } from './repository-url';

export interface GitHubSourceOptions {
  apiUrl: string;
  timeoutMs: number;
  maxFileBytes: number;
  cacheBytes: number;
  refTtlMs: number;
  accessTtlMs: number;
  metrics?: ServerMetrics;
  fetch?: typeof fetch;
  now?: () => number;
}

type CachedFile =
  | { kind: 'file'; content: Buffer }
  | { kind: 'missing'; message: string; reason: 'not_found' | 'not_a_file' }
  | { kind: 'rejected'; message: string; reason: 'too_large' | 'binary' };
interface CachedRef {
  sha: string;
  etag?: string;
  checkedAt: number;
}

const FULL_SHA = /^[0-9a-f]{40}$/;
/**
 * Paths and refs keep their "/" in the URL, as go-github (Pyroscope) sends them; each segment is percent-encoded
 * first, so that "?", "#" or "%" in a file name cannot change the request.
 */
const CONTENTS_ROUTE = 'GET /repos/{owner}/{repo}/contents/{+path}';

/**
 * Encodes a path or ref for an API URL, segment by segment. A "." or ".." segment (no git ref or tracked file has
 * one) is refused: the URL would be normalised to another API endpoint.
 */
function encodePath(path: string, kind: 'path' | 'ref' = 'path'): string {
  const segments = path.split('/');
  if (segments.some((segment) => segment === '.' || segment === '..')) {
    throw kind === 'ref'
      ? new FileNotFoundError(`no ref '${path}': a git ref has no '.' or '..' segment`)
      : new FileRejectedError(`'${path}' is refused: it has a '.' or '..' segment`, 'bad_path');
  }
  return segments.map(encodeURIComponent).join('/');
}

interface GitHubCommit {
  sha: string;
  html_url: string;
  commit: CommitJson['commit'];
  author: { login?: string; avatar_url?: string } | null;
}
const BINARY_SNIFF_BYTES = 8000;

export class GitHubSource {
  readonly files: ByteLru<CachedFile>;
  readonly trees: ByteLru<{ paths: ReadonlySet<string> | undefined; bytes: number }>;
  readonly refs: ByteLru<CachedRef>;
  readonly access: ByteLru<number>;
  readonly commits: ByteLru<CommitJson>;
  /** Refs found missing (422: for everyone; 404: for that user), trusted as long as found refs. */
  readonly missingRefs: ByteLru<string>;
  private readonly clients: ByteLru<GitHubApi>;
  private readonly inflight = new Map<string, Promise<unknown>>();
  readonly now: () => number;

  constructor(readonly options: GitHubSourceOptions) {
    this.now = options.now ?? Date.now;
    // Files and trees share the byte budget (3/4 files, 1/4 trees); refs and access records are tiny.
    this.files = new ByteLru({
      maxBytes: Math.floor(options.cacheBytes * 0.75),
      sizeOf: (f) => (f.kind === 'file' ? f.content.length : f.message.length),
    });
    this.trees = new ByteLru({ maxBytes: Math.floor(options.cacheBytes * 0.25), sizeOf: (t) => t.bytes });
    this.refs = new ByteLru({ maxBytes: 4 * 1024 * 1024, sizeOf: () => 128 });
    this.missingRefs = new ByteLru({
      maxBytes: 4 * 1024 * 1024,
      sizeOf: (m) => m.length,
      ttlMs: options.refTtlMs,
      now: this.now,
    });
    this.commits = new ByteLru({ maxBytes: 8 * 1024 * 1024, sizeOf: (c) => JSON.stringify(c).length });
    this.access = new ByteLru({
      maxBytes: 4 * 1024 * 1024,
      sizeOf: () => 16,
      ttlMs: options.accessTtlMs,
      now: this.now,
    });
    this.clients = new ByteLru({ maxBytes: 1000 * 1024, sizeOf: () => 1024 });
  }

  /** A reader acting as one user (token); without a token, anonymous (public repositories only). */
  /** `signal` (the RPC's deadline or the client going away) cancels this user's GitHub calls. */
  forUser(token: string | undefined, signal?: AbortSignal): UserSource {
    const id = token ? createHash('sha256').update(token).digest('hex') : 'anonymous';
    let client = this.clients.get(id);
    if (!client) {
      client = createOctokit({
        apiUrl: this.options.apiUrl,
        timeoutMs: this.options.timeoutMs,
        token,
        throttleId: id,
        metrics: this.options.metrics,
        fetch: this.options.fetch,
      });
      this.clients.set(id, client);
    }
    return new UserSource(this, client, id, signal);
  }

  countLookup(cache: string, hit: boolean): void {
    this.options.metrics?.cacheRequests.inc({ cache, result: hit ? 'hit' : 'miss' });
    if (this.options.metrics) {
      this.options.metrics.cacheBytes.set({ cache: 'files' }, this.files.totalBytes);
      this.options.metrics.cacheBytes.set({ cache: 'trees' }, this.trees.totalBytes);
    }
  }

  /** Joins concurrent identical fetches into one GitHub call. */
  once<T>(key: string, work: () => Promise<T>): Promise<T> {
    const running = this.inflight.get(key);
    if (running) {
      return running as Promise<T>;
    }
    const promise = work().finally(() => this.inflight.delete(key));
    this.inflight.set(key, promise);
    return promise;
  }
}

export class UserSource implements SourceReader {
  /** Within one request, each (repository, ref) is resolved once. */
  private readonly resolved = new Map<string, Promise<string>>();

  constructor(
    private readonly source: GitHubSource,
    readonly api: GitHubApi,
    private readonly userId: string,
    private readonly signal?: AbortSignal
  ) {}

  async readFile(repo: Repository, path: string, ref: string): Promise<RepoFile> {
    if (path.split('/').includes('..')) {
      throw new FileRejectedError(`path must not contain '..': ${path}`, 'bad_path');
    }
    const cleanPath = path.replace(/^\/+/, '').replace(/\/+$/, '');
    const sha = await this.commitSha(repo, ref);
    const key = `${repo.fullName}@${sha}:${cleanPath}`;
    // A 404 this user's own token got is valid for this user without further proof.
    const ownKey = `${this.userId}|${key}`;
    let cached = this.source.files.get(key);
    const own = cached ? undefined : this.source.files.get(ownKey);
    this.source.countLookup('files', cached !== undefined || own !== undefined);
    if (cached) {
      await this.ensureAccess(repo, sha);
    } else if (own) {
      cached = own;
    } else {
      // Joined only with the same user's identical fetch: another user's answer needs this user's proof.
      cached = await this.source.once(`${this.userId}:file:${key}`, () => this.fetchFile(repo, cleanPath, sha));
      if (cached.kind !== 'missing') {
        this.markAccess(repo);
      }
      // A 404 may mean "no such file" or "this token cannot see the repository": shared only in the first case.
      this.source.files.set(cached.kind !== 'missing' || this.hasAccess(repo) ? key : ownKey, cached);
    }
    const shownRef = ref || 'HEAD';
    switch (cached.kind) {
      case 'file':
        return { content: cached.content, url: `${repo.webUrl}/blob/${shownRef}/${cleanPath}` };
      case 'missing':
        throw new FileNotFoundError(cached.message, cached.reason);
      case 'rejected':
        throw new FileRejectedError(cached.message, cached.reason);
    }
  }

  async listFiles(repo: Repository, ref: string): Promise<ReadonlySet<string> | undefined> {
    const sha = await this.commitSha(repo, ref);
    const key = `${repo.fullName}@${sha}`;
    let cached = this.source.trees.get(key);
    this.source.countLookup('trees', cached !== undefined);
    if (cached) {
      await this.ensureAccess(repo, sha);
    } else {
      cached = await this.source.once(`${this.userId}:tree:${key}`, async () => {
        try {
          const { data } = await this.api.rest.git.getTree({
            request: { signal: this.signal },
            owner: repo.owner,
            repo: repo.repo,
            tree_sha: sha,
            recursive: '1',
          });
          this.markAccess(repo);
          if (data.truncated) {
            return { paths: undefined, bytes: 0 };
          }
          const paths = new Set(data.tree.filter((e) => e.type === 'blob' && e.path).map((e) => e.path as string));
          let bytes = 0;
          paths.forEach((p) => (bytes += p.length * 2 + 32));
          return { paths, bytes };
        } catch (error) {
          throw classifyGitHubError(error);
        }
      });
      this.source.trees.set(key, cached);
    }
    return cached.paths;
  }

  /** The raw commit JSON of GitHub for ref (GetCommit); a commit asked for by its full sha is cached. */
  async getCommit(repo: Repository, ref: string): Promise<CommitJson> {
    const immutable = FULL_SHA.test(ref);
    const key = `${repo.fullName}@${ref}`;
    const cached = immutable ? this.source.commits.get(key) : undefined;
    this.source.countLookup('commits', cached !== undefined);
    if (cached) {
      await this.ensureAccess(repo, ref);
      return cached;
    }
    try {
      const { data } = (await this.api.request('GET /repos/{owner}/{repo}/commits/{+ref}', {
        request: { signal: this.signal },
        owner: repo.owner,
        repo: repo.repo,
        ref: encodePath(ref, 'ref'),
      })) as { data: GitHubCommit };
      this.markAccess(repo);
      const commit: CommitJson = {
        sha: data.sha,
        html_url: data.html_url,
        commit: data.commit,
        author: data.author && { login: data.author.login, avatar_url: data.author.avatar_url },
      };
      if (immutable) {
        this.source.commits.set(key, commit);
      } else if (typeof data.sha === 'string') {
        this.source.refs.set(key, { sha: data.sha, checkedAt: this.source.now() });
      }
      return commit;
    } catch (error) {
      throw classifyGitHubError(error);
    }
  }

  /**
   * The commit sha for ref. A full sha is used as is; other refs are cached for refTtlMs and then revalidated
   * with the stored ETag (which also shows that this user's token reads the repository).
   */
  commitSha(repo: Repository, ref: string): Promise<string> {
    const key = `${repo.fullName}@${ref || 'HEAD'}`;
    let pending = this.resolved.get(key);
    if (!pending) {
      pending = this.resolveSha(repo, ref);
      this.resolved.set(key, pending);
    }
    return pending;
  }

  private async resolveSha(repo: Repository, ref: string): Promise<string> {
    const wanted = ref || 'HEAD';
    if (FULL_SHA.test(wanted)) {
      return wanted;
    }
    const key = `${repo.fullName}@${wanted}`;
    const missing = this.source.missingRefs.get(key) ?? this.source.missingRefs.get(`${this.userId}|${key}`);
    if (missing) {
      throw new FileNotFoundError(missing);
    }
    const cached = this.source.refs.get(key);
    const fresh = cached !== undefined && this.source.now() - cached.checkedAt <= this.source.options.refTtlMs;
    this.source.countLookup('refs', fresh);
    if (cached && fresh && this.hasAccess(repo)) {
      return cached.sha;
    }
    return this.lookUpSha(repo, wanted, key);
  }

  private async lookUpSha(repo: Repository, ref: string, key: string): Promise<string> {
    const cached = this.source.refs.get(key);
    try {
      const response = await this.api.request('GET /repos/{owner}/{repo}/commits/{+ref}', {
        request: { signal: this.signal },
        owner: repo.owner,
        repo: repo.repo,
        ref: encodePath(ref, 'ref'),
        headers: { accept: 'application/vnd.github.sha', ...(cached?.etag ? { 'if-none-match': cached.etag } : {}) },
      });
      const sha = String(response.data).trim();
      this.source.refs.set(key, { sha, etag: response.headers.etag, checkedAt: this.source.now() });
      this.markAccess(repo);
      return sha;
    } catch (error) {
      if (cached && (error as { status?: number }).status === 304) {
        this.source.refs.set(key, { ...cached, checkedAt: this.source.now() });
        this.markAccess(repo);
        return cached.sha;
      }
      const classified = classifyGitHubError(error);
      // 404: no such repository for this user; 422: no such commit. Both mean "nothing at this ref".
      const status = (error as { status?: number }).status;
      if (classified instanceof FileNotFoundError || status === 422) {
        const message = `no commit '${ref}' in ${repo.fullName} readable with this token`;
        this.source.missingRefs.set(status === 422 ? key : `${this.userId}|${key}`, message);
        throw new FileNotFoundError(message);
      }
      throw classified;
    }
  }

  /** Before serving cached data: one (usually 304, free) call with this user's token, remembered a while. */
  private ensureAccess(repo: Repository, sha: string): Promise<unknown> {
    if (this.hasAccess(repo)) {
      return Promise.resolve();
    }
    const key = `access:${repo.fullName}`;
    let pending = this.resolved.get(key);
    if (!pending) {
      pending = this.lookUpSha(repo, sha, `${repo.fullName}@${sha}`);
      this.resolved.set(key, pending);
    }
    return pending;
  }

  private hasAccess(repo: Repository): boolean {
    return this.source.access.get(`${this.userId}:${repo.fullName}`) !== undefined;
  }

  private markAccess(repo: Repository): void {
    this.source.access.set(`${this.userId}:${repo.fullName}`, this.source.now());
  }

  private async fetchFile(repo: Repository, path: string, sha: string): Promise<CachedFile> {
    const max = this.source.options.maxFileBytes;
    let data: unknown;
    try {
      ({ data } = await this.api.request(CONTENTS_ROUTE, {
        request: { signal: this.signal },
        owner: repo.owner,
        repo: repo.repo,
        path: encodePath(path),
        ref: sha,
      }));
    } catch (error) {
      const classified = classifyGitHubError(error);
      if (classified instanceof FileNotFoundError) {
        return { kind: 'missing', reason: 'not_found', message: `file not found: ${classified.message}` };
      }
      throw classified;
    }
    if (Array.isArray(data) || data === null || typeof data !== 'object') {
      return { kind: 'missing', reason: 'not_a_file', message: `${path} is a directory, not a file` };
    }
    const entry = data as { type?: string; size?: number; encoding?: string; content?: string };
    if (entry.type !== 'file') {
      return {
        kind: 'missing',
        reason: 'not_a_file',
        message: `${path} is a ${entry.type ?? 'non-file entry'}, not a file`,
      };
    }
    if ((entry.size ?? 0) > max) {
      return {
        kind: 'rejected',
        reason: 'too_large',
        message: `${path} is ${entry.size} bytes, larger than the limit of ${max} bytes`,
      };
    }
    let content: Buffer;
    if (entry.encoding === 'base64') {
      content = Buffer.from((entry.content ?? '').replace(/\s+/g, ''), 'base64');
    } else if (!entry.encoding) {
      content = Buffer.from(entry.content ?? '', 'utf8');
    } else if (entry.encoding === 'none') {
      content = await this.fetchRaw(repo, path, sha);
    } else {
      throw new Error(`unsupported content encoding: ${entry.encoding}`);
    }
    if (content.length > max) {
      return {
        kind: 'rejected',
        reason: 'too_large',
        message: `${path} is ${content.length} bytes, larger than the limit of ${max} bytes`,
      };
    }
    if (content.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
      return { kind: 'rejected', reason: 'binary', message: `${path} is a binary file, not source code` };
    }
    return { kind: 'file', content };
  }

  /** Files over 1 MB come without content in JSON; the raw media type returns their bytes. */
  private async fetchRaw(repo: Repository, path: string, sha: string): Promise<Buffer> {
    try {
      const { data } = await this.api.request(CONTENTS_ROUTE, {
        request: { signal: this.signal },
        owner: repo.owner,
        repo: repo.repo,
        path: encodePath(path),
        ref: sha,
        headers: { accept: 'application/vnd.github.raw' },
      });
      return typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data as unknown as ArrayBuffer);
    } catch (error) {
      throw classifyGitHubError(error);
    }
  }
}

export interface CommitJson {
  sha?: string;
  html_url?: string;
  commit?: { message?: string; author?: { date?: string } | null };
  author?: { login?: string; avatar_url?: string } | null;
}
