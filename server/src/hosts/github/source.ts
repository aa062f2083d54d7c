/**
 * GitHub as a GitHost, with caching private to this class: files and trees in a ReadCache (see there: shared
 * data only after proof that the user reads the repository); branch and tag refs resolved to a sha, kept a short
 * time, then revalidated with If-None-Match (a 304 does not count against GitHub's rate limit and is the proof of
 * access); commits asked for by full sha. Concurrent identical lookups of one user (a ref, a commit, a file, a tree,
 * the access proof) are joined into one call through the ReadCache.
 */
import { createHash } from 'node:crypto';
import { ByteLru } from '../../cache/lru';
import { endsRefFallback } from '../error-policy';
import { FileNotFoundError, FileRejectedError } from '../errors';
import { CachedFile, cleanFilePath } from '../files';
import { Commit, GitHost, GitHostProvider, RepoFile, Repository } from '../git-host';
import { CacheUser, ReadCache } from '../read-cache';
import { createHostCaches } from '../host-caches';
import { HostSourceOptions } from '../host-entry';
import { FULL_SHA, RefAnswer, RefResolver } from '../ref-resolver';
import { createOctokit, GitHubApi } from './client';
import { CommitJson, keptFields, toCommit } from './commits';
import { judgeContents } from './contents';
import { classifyGitHubError } from './errors';
import { BlameCache } from '../blame/blame-cache';
import { clipBlame, LineSpan } from '../blame/model';
import { fetchGitHubBlame, fetchGitHubComparison } from './blame';

export type GitHubSourceOptions = HostSourceOptions;

/**
 * One user's calls: their client and the RPC's signal. Calls made inside joined work take that work's signal (see
 * ReadCache.join), never `signal` directly.
 */
interface User extends CacheUser {
  api: GitHubApi;
}

/**
 * Paths and refs keep their "/" in the URL, as go-github (Pyroscope) sends them; each segment is percent-encoded
 * first, so that "?", "#" or "%" in a file name cannot change the request.
 */
const CONTENTS_ROUTE = 'GET /repos/{owner}/{repo}/contents/{+path}';
const COMMIT_ROUTE = 'GET /repos/{owner}/{repo}/commits/{+ref}';

function encodePath(path: string, kind: 'path' | 'ref' = 'path'): string {
  const segments = path.split('/');
  // No git ref or tracked file has a "." or ".." segment, and the URL would be normalised to another endpoint.
  if (segments.some((segment) => segment === '.' || segment === '..')) {
    throw kind === 'ref'
      ? new FileNotFoundError(`no ref '${path}': a git ref has no '.' or '..' segment`)
      : new FileRejectedError(`'${path}' is refused: it has a '.' or '..' segment`, 'bad_path');
  }
  return segments.map(encodeURIComponent).join('/');
}

export class GitHubSource implements GitHostProvider {
  private readonly reads: ReadCache;
  /** Refs found missing: 422 for everyone, 404 for that user. */
  private readonly refs: RefResolver<User>;
  private readonly commits: ByteLru<CommitJson>;
  private readonly clients: ByteLru<GitHubApi>;
  private readonly blames: BlameCache;
  private readonly now: () => number;

  constructor(private readonly options: GitHubSourceOptions) {
    this.now = options.now ?? Date.now;
    ({
      reads: this.reads,
      refs: this.refs,
      commits: this.commits,
      blames: this.blames,
    } = createHostCaches<CommitJson, User>({
      ...options,
      hostKey: `github ${options.apiUrl}`,
      hostName: 'GitHub',
      now: this.now,
      normalizeRef: (ref) => ref || 'HEAD',
      lookUpRef: (user, repo, ref, etag, signal) => this.lookUpSha(user, repo, ref, etag, signal),
    }));
    this.clients = new ByteLru({ maxBytes: 1000 * 1024, sizeOf: () => 1024 });
  }

  forUser(token: string | undefined, signal?: AbortSignal): GitHost {
    const id = token ? createHash('sha256').update(token).digest('hex') : 'anonymous';
    let api = this.clients.get(id);
    if (!api) {
      api = createOctokit({
        apiUrl: this.options.apiUrl,
        timeoutMs: this.options.timeoutMs,
        token,
        throttleId: id,
        metrics: this.options.metrics,
        fetch: this.options.fetch,
      });
      this.clients.set(id, api);
    }
    const user: User = {
      id,
      api,
      signal,
      // Once per request: a (usually 304, free) lookup of the commit with this user's token.
      proveAccess: (repo, sha, joined) => this.refs.proveAccess(user, repo, sha, joined),
    };
    return {
      readFile: (repo, path, ref) => this.readFile(user, repo, path, ref),
      listFiles: (repo, ref) => this.listFiles(user, repo, ref),
      commitSha: (repo, ref) => this.commitSha(user, repo, ref),
      getCommit: (repo, ref) => this.getCommit(user, repo, ref),
      commitUrl,
      fileUrl,
      blame: (repo, ref, path, span) => this.blame(user, repo, ref, path, span),
      compare: (repo, base, head) => fetchGitHubComparison(api, repo, base, head, signal),
    };
  }

  /** GitHub blames whole files: one call (and cache entry) per file and commit, clipped to the lines asked for. */
  private async blame(user: User, repo: Repository, ref: string, path: string, span: LineSpan | undefined) {
    const cleanPath = cleanFilePath(path);
    const sha = await this.commitSha(user, repo, ref);
    const blame = await this.blames.read(user, repo, sha, cleanPath, undefined, (signal) =>
      fetchGitHubBlame(user.api, repo, sha, cleanPath, signal)
    );
    return { sha, ...clipBlame(blame, span) };
  }

  private async readFile(user: User, repo: Repository, path: string, ref: string): Promise<RepoFile> {
    const cleanPath = cleanFilePath(path);
    const sha = await this.commitSha(user, repo, ref);
    return this.reads.readFile(user, repo, sha, cleanPath, fileUrl(repo, ref, cleanPath), (signal) =>
      this.fetchFile(user, repo, cleanPath, sha, signal)
    );
  }

  private async listFiles(user: User, repo: Repository, ref: string): Promise<ReadonlySet<string> | undefined> {
    const sha = await this.commitSha(user, repo, ref);
    return this.reads.listFiles(user, repo, sha, async (signal) => {
      try {
        const { data } = await user.api.rest.git.getTree({
          request: { signal },
          owner: repo.owner,
          repo: repo.repo,
          tree_sha: sha,
          recursive: '1',
        });
        return data.truncated
          ? undefined
          : new Set(data.tree.filter((e) => e.type === 'blob' && e.path).map((e) => e.path as string));
      } catch (error) {
        throw classifyGitHubError(error);
      }
    });
  }

  /** ref, then heads/<ref>, then tags/<ref> (Pyroscope's order); a rate limit or a rejected token stops at once. */
  private async getCommit(user: User, repo: Repository, ref: string): Promise<Commit> {
    const wanted = ref || 'HEAD';
    let last: unknown;
    for (const candidate of [wanted, `heads/${wanted}`, `tags/${wanted}`]) {
      let json: CommitJson;
      try {
        json = await this.commitJson(user, repo, candidate);
      } catch (error) {
        if (endsRefFallback(error)) {
          throw error;
        }
        last = error;
        continue;
      }
      return toCommit(json, (sha) => commitUrl(repo, sha));
    }
    throw last;
  }

  /** GitHub's commit JSON for ref; a commit asked for by its full sha is cached. */
  private async commitJson(user: User, repo: Repository, ref: string): Promise<CommitJson> {
    const immutable = FULL_SHA.test(ref);
    const key = `${repo.fullName}@${ref}`;
    const cached = immutable ? this.commits.get(key) : undefined;
    this.reads.countLookup('commits', cached !== undefined);
    if (cached) {
      await this.reads.ensureAccess(user, repo, ref);
      return cached;
    }
    try {
      const { data } = (await this.reads.join(user, `commit:${key}`, (signal) =>
        this.requestCommit(user, repo, ref, {}, signal)
      )) as { data: CommitJson };
      this.reads.markAccess(user, repo);
      const commit = keptFields(data);
      if (immutable) {
        this.commits.set(key, commit);
      } else if (typeof data.sha === 'string') {
        this.refs.remember(repo, ref, { sha: data.sha, checkedAt: this.now() });
      }
      return commit;
    } catch (error) {
      throw classifyGitHubError(error);
    }
  }

  private commitSha(user: User, repo: Repository, ref: string): Promise<string> {
    return this.refs.commitSha(user, repo, ref);
  }

  /** GitHub's answer for a ref: its sha alone (`application/vnd.github.sha`), or 304 for the ETag sent. */
  private async lookUpSha(
    user: User,
    repo: Repository,
    ref: string,
    etag: string | undefined,
    signal: AbortSignal | undefined
  ): Promise<RefAnswer> {
    try {
      const response = await this.requestCommit(
        user,
        repo,
        ref,
        { accept: 'application/vnd.github.sha', ...(etag ? { 'if-none-match': etag } : {}) },
        signal
      );
      return { sha: String(response.data).trim(), etag: response.headers.etag };
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (etag && status === 304) {
        return 'not-modified';
      }
      const classified = classifyGitHubError(error);
      // 404: no such repository for this user; 422: no such commit. Both mean "nothing at this ref".
      if (classified instanceof FileNotFoundError || status === 422) {
        throw new FileNotFoundError(this.refs.markMissing(user, repo, ref, status === 422));
      }
      throw classified;
    }
  }

  /** The one call behind both a commit's JSON and a ref's sha (the media type in `headers` picks which). */
  private requestCommit(
    user: User,
    repo: Repository,
    ref: string,
    headers: Record<string, string>,
    signal: AbortSignal | undefined
  ) {
    return user.api.request(COMMIT_ROUTE, {
      request: { signal },
      owner: repo.owner,
      repo: repo.repo,
      ref: encodePath(ref, 'ref'),
      headers,
    });
  }

  private async fetchFile(
    user: User,
    repo: Repository,
    path: string,
    sha: string,
    signal: AbortSignal
  ): Promise<CachedFile> {
    const contents = (headers: Record<string, string>) =>
      user.api.request(CONTENTS_ROUTE, {
        request: { signal },
        owner: repo.owner,
        repo: repo.repo,
        path: encodePath(path),
        ref: sha,
        headers,
      });
    let data: unknown;
    try {
      ({ data } = await contents({}));
    } catch (error) {
      const classified = classifyGitHubError(error);
      if (classified instanceof FileNotFoundError) {
        return { kind: 'missing', reason: 'not_found', message: `file not found: ${classified.message}` };
      }
      throw classified;
    }
    return judgeContents(data, path, this.options.maxFileBytes, async () => {
      try {
        const raw = (await contents({ accept: 'application/vnd.github.raw' })).data;
        return typeof raw === 'string' ? Buffer.from(raw, 'utf8') : Buffer.from(raw as unknown as ArrayBuffer);
      } catch (error) {
        throw classifyGitHubError(error);
      }
    });
  }
}

function fileUrl(repo: Repository, ref: string, path: string): string {
  return `${repo.webUrl}/blob/${ref || 'HEAD'}/${path}`;
}

function commitUrl(repo: Repository, sha: string): string {
  return `${repo.webUrl}/commit/${sha}`;
}
