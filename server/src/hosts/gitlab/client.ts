/**
 * GitLab REST API v4 client for what source resolution reads: a project by its URL-encoded full path (nested
 * groups), repository files (JSON and raw), the tree (keyset pagination), commits, branches and tags. Every
 * call has a timeout and follows the caller's cancellation; a 429 becomes a rate-limit error with the reset
 * time from `RateLimit-Reset` or `Retry-After` (retried once when it lifts within seconds); a transient 502/503
 * is retried once; conditional requests (If-None-Match) are supported for commits.
 */
import type { HostCall } from '../../metrics';
import { GitLabAuthError, GitLabError, GitLabNotFoundError, GitLabRateLimitError, missingKind } from './errors';

export interface GitLabClientOptions {
  /** `<GITLAB_URL>/api/v4`. */
  apiUrl: string;
  timeoutMs: number;
  /** An OAuth access token (sent as Bearer); none = anonymous (public projects only). */
  token?: string;
  /** Cancels every call (the RPC's deadline, or the client going away). */
  signal?: AbortSignal;
  /** Longest rate-limit wait worth retrying inside one user request (seconds). */
  maxRateLimitWaitSeconds?: number;
  fetch?: typeof fetch;
  now?: () => number;
  /** Called after every response (or failure without one), for metrics. */
  onResponse?: (call: HostCall) => void;
}

export interface GitLabProject {
  id: number;
  path_with_namespace: string;
  default_branch: string | null;
  web_url: string;
  visibility?: string;
}

export interface GitLabCommit {
  id: string;
  short_id: string;
  title: string;
  message: string;
  author_name: string;
  author_email: string;
  authored_date: string;
  committed_date: string;
  parent_ids: string[];
  web_url: string;
}

export interface GitLabTreeEntry {
  id: string;
  name: string;
  type: 'blob' | 'tree' | 'commit';
  path: string;
  mode: string;
}

export interface GitLabFile {
  content: Buffer;
  blobId: string;
  commitId: string;
  size: number;
}

export interface GitLabRefInfo {
  name: string;
  commit: GitLabCommit;
}

export type Conditional<T> = { notModified: false; data: T; etag?: string } | { notModified: true };

/** A path or name as one URL path segment: "/" and "." encoded too, as GitLab's docs show (`lib%2Fclass%2Erb`). */
export function encodeSegment(value: string): string {
  return encodeURIComponent(value).replace(/\./g, '%2E');
}

const TREE_PAGE_SIZE = 100;

export class GitLabClient {
  constructor(private readonly options: GitLabClientOptions) {}

  getProject(projectPath: string): Promise<GitLabProject> {
    return this.json<GitLabProject>(`/projects/${encodeSegment(projectPath)}`, '/projects/{project}');
  }

  /**
   * A file's bytes at ref (raw endpoint), refused before download when GitLab's `X-Gitlab-Size` says it is over
   * maxBytes (then `content` is empty and `size` says how large it is).
   */
  async getRawFile(projectPath: string, filePath: string, ref: string, maxBytes: number): Promise<GitLabFile> {
    const query = ref ? `?${new URLSearchParams({ ref })}` : '';
    const response = await this.call(
      `/projects/${encodeSegment(projectPath)}/repository/files/${encodeSegment(filePath)}/raw${query}`,
      '/projects/{project}/repository/files/{path}/raw'
    );
    const size = Number(response.headers.get('x-gitlab-size') ?? response.headers.get('content-length') ?? NaN);
    const meta = {
      blobId: response.headers.get('x-gitlab-blob-id') ?? '',
      commitId: response.headers.get('x-gitlab-commit-id') ?? '',
    };
    if (Number.isFinite(size) && size > maxBytes) {
      await response.body?.cancel();
      return { ...meta, content: Buffer.alloc(0), size };
    }
    const content = Buffer.from(await response.arrayBuffer());
    return { ...meta, content, size: content.length };
  }

  /** The JSON form (base64 content and metadata). */
  async getFile(projectPath: string, filePath: string, ref: string) {
    const file = await this.json<{
      file_path: string;
      size: number;
      encoding: string;
      content: string;
      blob_id: string;
      commit_id: string;
      last_commit_id: string;
      content_sha256: string;
    }>(
      `/projects/${encodeSegment(projectPath)}/repository/files/${encodeSegment(filePath)}?${new URLSearchParams({ ref })}`,
      '/projects/{project}/repository/files/{path}'
    );
    return {
      ...file,
      bytes: file.encoding === 'base64' ? Buffer.from(file.content, 'base64') : Buffer.from(file.content, 'utf8'),
    };
  }

  /**
   * Every entry of the tree at ref (recursive), following keyset pagination; undefined when there are more than
   * maxEntries (a monorepo too large to list for one request).
   */
  async listTree(projectPath: string, ref: string, maxEntries: number): Promise<GitLabTreeEntry[] | undefined> {
    const entries: GitLabTreeEntry[] = [];
    const query = new URLSearchParams({
      ref,
      recursive: 'true',
      per_page: String(TREE_PAGE_SIZE),
      pagination: 'keyset',
    });
    let next: string | undefined = `/projects/${encodeSegment(projectPath)}/repository/tree?${query}`;
    while (next) {
      const response = await this.call(next, '/projects/{project}/repository/tree');
      entries.push(...((await response.json()) as GitLabTreeEntry[]));
      if (entries.length > maxEntries) {
        return undefined;
      }
      next = nextLink(response.headers.get('link'), this.options.apiUrl);
    }
    return entries;
  }

  /** A commit by sha, branch or tag; with an ETag, GitLab's 304 says it is unchanged. */
  async getCommit(projectPath: string, ref: string, etag?: string): Promise<Conditional<GitLabCommit>> {
    const response = await this.call(
      `/projects/${encodeSegment(projectPath)}/repository/commits/${encodeSegment(ref)}`,
      '/projects/{project}/repository/commits/{ref}',
      etag ? { 'if-none-match': etag } : {}
    );
    if (response.status === 304) {
      return { notModified: true };
    }
    return {
      notModified: false,
      data: (await response.json()) as GitLabCommit,
      etag: response.headers.get('etag') ?? undefined,
    };
  }

  getBranch(projectPath: string, branch: string): Promise<GitLabRefInfo> {
    return this.json(
      `/projects/${encodeSegment(projectPath)}/repository/branches/${encodeSegment(branch)}`,
      '/projects/{project}/repository/branches/{branch}'
    );
  }

  getTag(projectPath: string, tag: string): Promise<GitLabRefInfo & { target: string }> {
    return this.json(
      `/projects/${encodeSegment(projectPath)}/repository/tags/${encodeSegment(tag)}`,
      '/projects/{project}/repository/tags/{tag}'
    );
  }

  /** A file's blame at ref: `[{commit, lines}]` in file order, for lines `span` (both inclusive) when given. */
  getBlame(projectPath: string, filePath: string, ref: string, span?: { start: number; end: number }) {
    const query = new URLSearchParams({ ref });
    if (span) {
      query.set('range[start]', String(span.start));
      query.set('range[end]', String(span.end));
    }
    return this.json<unknown>(
      `/projects/${encodeSegment(projectPath)}/repository/files/${encodeSegment(filePath)}/blame?${query}`,
      '/projects/{project}/repository/files/{path}/blame'
    );
  }

  /** The commits between `from` and `to` (merge base, as `git log from...to`) and the diffs. */
  compare(projectPath: string, from: string, to: string) {
    return this.json<unknown>(
      `/projects/${encodeSegment(projectPath)}/repository/compare?${new URLSearchParams({ from, to })}`,
      '/projects/{project}/repository/compare'
    );
  }

  private async json<T>(path: string, route: string): Promise<T> {
    const response = await this.call(path, route);
    return (await response.json()) as T;
  }

  /** One GET with timeout, one retry for a short rate limit or a transient 502/503, errors classified. */
  private async call(path: string, route: string, headers: Record<string, string> = {}): Promise<Response> {
    const url = path.startsWith('http') ? path : `${this.options.apiUrl}${path}`;
    const what = `GET ${new URL(url).pathname}`;
    for (let attempt = 0; ; attempt++) {
      const response = await this.send(url, route, headers, what);
      if (response.ok || response.status === 304) {
        return response;
      }
      const error = await this.classify(response, what);
      const retryable =
        attempt === 0 &&
        ((error instanceof GitLabRateLimitError &&
          error.resetAt !== undefined &&
          error.resetAt - this.now() <= (this.options.maxRateLimitWaitSeconds ?? 2) * 1000) ||
          response.status === 502 ||
          response.status === 503);
      if (!retryable) {
        throw error;
      }
      const wait = error instanceof GitLabRateLimitError ? Math.max(0, (error.resetAt ?? 0) - this.now()) : 100;
      await sleep(wait, this.options.signal);
    }
  }

  private async send(url: string, route: string, headers: Record<string, string>, what: string): Promise<Response> {
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    const signal = this.options.signal ? AbortSignal.any([this.options.signal, timeout]) : timeout;
    const started = performance.now();
    let status: number | undefined;
    let rateLimit: HostCall['rateLimit'];
    try {
      const response = await (this.options.fetch ?? fetch)(url, {
        headers: {
          accept: 'application/json',
          'user-agent': 'linescope-server',
          ...(this.options.token ? { authorization: `Bearer ${this.options.token}` } : {}),
          ...headers,
        },
        signal,
      });
      status = response.status;
      const remaining = response.headers.get('ratelimit-remaining');
      if (remaining !== null) {
        rateLimit = { resource: response.headers.get('ratelimit-name') ?? 'api', remaining: Number(remaining) };
      }
      return response;
    } catch (error) {
      if (timeout.aborted && !this.options.signal?.aborted) {
        throw new GitLabError(`${what}: GitLab did not answer within ${this.options.timeoutMs} ms`, undefined);
      }
      if (this.options.signal?.aborted) {
        throw error;
      }
      throw new GitLabError(`${what}: ${(error as Error).cause ?? (error as Error).message}`, undefined);
    } finally {
      this.options.onResponse?.({
        method: 'GET',
        route,
        status,
        seconds: (performance.now() - started) / 1000,
        rateLimit,
      });
    }
  }

  private async classify(response: Response, what: string): Promise<Error> {
    const text = await response.text();
    let message = text.trim();
    try {
      const body = JSON.parse(text) as { message?: unknown; error?: unknown; error_description?: unknown };
      message = String(body.message ?? body.error_description ?? body.error ?? message);
    } catch {
      // GitLab's 429 and some proxies answer in plain text.
    }
    if (response.status === 429) {
      const reset = Number(response.headers.get('ratelimit-reset'));
      const retryAfter = Number(response.headers.get('retry-after'));
      const resetAt =
        Number.isFinite(reset) && reset > 0
          ? reset * 1000
          : Number.isFinite(retryAfter) && response.headers.has('retry-after')
            ? this.now() + retryAfter * 1000
            : undefined;
      return new GitLabRateLimitError(resetAt, 429);
    }
    // GitLab's messages usually start with the status ("404 File Not Found"); others get it in front.
    const said = message.startsWith(String(response.status)) ? message : `${response.status} ${message}`;
    if (response.status === 401) {
      return new GitLabAuthError(`${what}: ${said}`);
    }
    if (response.status === 404) {
      return new GitLabNotFoundError(`${what}: ${message}`, missingKind(message));
    }
    return new GitLabError(`${what}: ${said}`, response.status);
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}

/** The `rel="next"` target of a Link header, only when it points at the same API (never another host). */
function nextLink(header: string | null, apiUrl: string): string | undefined {
  const target = /<([^>]+)>;\s*rel="next"/.exec(header ?? '')?.[1];
  if (!target) {
    return undefined;
  }
  const base = new URL(apiUrl);
  const next = new URL(target, base);
  if (next.origin !== base.origin || !next.pathname.startsWith(base.pathname)) {
    throw new GitLabError(`GitLab's next page ${next.origin} is not on ${base.origin}`, undefined);
  }
  return next.toString();
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true }
    );
  });
}
