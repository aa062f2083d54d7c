/**
 * Bitbucket Cloud REST API 2.0 client for what source resolution reads: a repository, a file's bytes at a commit
 * (`src/{commit}/{path}`), a commit, a branch or a tag. Every call has a timeout and follows the caller's
 * cancellation; the token goes in `Authorization: Bearer` only (Bitbucket refuses it elsewhere from 2026); a 429
 * becomes a rate-limit error (Bitbucket documents no `Retry-After`: it is read when present, else the reset is unknown); a transient 502/503
 * is retried once. Names are sent one path segment each (a `{uuid}` workspace too); a branch name keeps its slashes.
 */
import type { HostCall } from '../../metrics';
import {
  BitbucketAuthError,
  BitbucketError,
  BitbucketNotFoundError,
  BitbucketRateLimitError,
  bitbucketMessage,
} from './errors';

export interface BitbucketClientOptions {
  /** BITBUCKET_API_URL, e.g. https://api.bitbucket.org/2.0 */
  apiUrl: string;
  timeoutMs: number;
  /** An OAuth access token; none = anonymous (public repositories only). */
  token?: string;
  signal?: AbortSignal;
  fetch?: typeof fetch;
  now?: () => number;
  onResponse?: (call: HostCall) => void;
}

export interface BitbucketRepository {
  full_name: string;
  is_private?: boolean;
  mainbranch?: { name?: string } | null;
}

export interface BitbucketCommit {
  hash: string;
  date: string;
  message: string;
  author?: {
    raw?: string;
    user?: { display_name?: string; nickname?: string; links?: { avatar?: { href?: string } } };
  };
  links?: { html?: { href?: string } };
}

export interface BitbucketRef {
  name: string;
  target: BitbucketCommit;
}

export interface BitbucketFile {
  content: Buffer;
  size: number;
}

const segment = encodeURIComponent;
const segments = (path: string) => path.split('/').map(encodeURIComponent).join('/');

export class BitbucketClient {
  constructor(private readonly options: BitbucketClientOptions) {}

  getRepository(fullName: string): Promise<BitbucketRepository> {
    return this.json(this.repoPath(fullName), '/repositories/{workspace}/{repo_slug}');
  }

  /**
   * A file's bytes at a commit; refused before download when Content-Length says it is over maxBytes. A directory
   * answers with a JSON listing instead, without the `Content-Disposition: attachment` of a file: not a file.
   */
  async getRawFile(fullName: string, sha: string, path: string, maxBytes: number): Promise<BitbucketFile> {
    const response = await this.call(
      `${this.repoPath(fullName)}/src/${segment(sha)}/${segments(path)}`,
      '/repositories/{workspace}/{repo_slug}/src/{commit}/{path}'
    );
    if (!/^attachment/i.test(response.headers.get('content-disposition') ?? '')) {
      await response.body?.cancel();
      throw new BitbucketNotFoundError(`${path} is a directory at ${sha}, not a file`, 'not_a_file');
    }
    const size = Number(response.headers.get('content-length') ?? NaN);
    if (Number.isFinite(size) && size > maxBytes) {
      await response.body?.cancel();
      return { content: Buffer.alloc(0), size };
    }
    const content = Buffer.from(await response.arrayBuffer());
    return { content, size: content.length };
  }

  getCommit(fullName: string, revision: string): Promise<BitbucketCommit> {
    return this.json(
      `${this.repoPath(fullName)}/commit/${segment(revision)}`,
      '/repositories/{workspace}/{repo_slug}/commit/{revision}'
    );
  }

  getBranch(fullName: string, name: string): Promise<BitbucketRef> {
    return this.json(
      `${this.repoPath(fullName)}/refs/branches/${segments(name)}`,
      '/repositories/{workspace}/{repo_slug}/refs/branches/{name}'
    );
  }

  getTag(fullName: string, name: string): Promise<BitbucketRef> {
    return this.json(
      `${this.repoPath(fullName)}/refs/tags/${segments(name)}`,
      '/repositories/{workspace}/{repo_slug}/refs/tags/{name}'
    );
  }

  private repoPath(fullName: string): string {
    const [workspace, slug] = fullName.split('/');
    return `/repositories/${segment(workspace)}/${segment(slug)}`;
  }

  private async json<T>(path: string, route: string): Promise<T> {
    const response = await this.call(path, route);
    return (await response.json()) as T;
  }

  /** One GET with timeout, one retry for a transient 502/503, errors classified. */
  private async call(path: string, route: string): Promise<Response> {
    const url = `${this.options.apiUrl.replace(/\/+$/, '')}${path}`;
    const what = `GET ${new URL(url).pathname}`;
    for (let attempt = 0; ; attempt++) {
      const response = await this.send(url, route, what);
      if (response.ok) {
        return response;
      }
      if (attempt === 0 && (response.status === 502 || response.status === 503)) {
        await response.body?.cancel();
        continue;
      }
      throw await this.classify(response, what);
    }
  }

  private async send(url: string, route: string, what: string): Promise<Response> {
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    const signal = this.options.signal ? AbortSignal.any([this.options.signal, timeout]) : timeout;
    const started = performance.now();
    let status: number | undefined;
    try {
      const response = await (this.options.fetch ?? fetch)(url, {
        headers: {
          accept: 'application/json',
          'user-agent': 'linescope-server',
          ...(this.options.token ? { authorization: `Bearer ${this.options.token}` } : {}),
        },
        signal,
      });
      status = response.status;
      // Bitbucket says nothing of what is left (X-RateLimit-NearLimit only on scaled workspaces): no gauge.
      return response;
    } catch (error) {
      if (timeout.aborted && !this.options.signal?.aborted) {
        throw new BitbucketError(`${what}: Bitbucket did not answer within ${this.options.timeoutMs} ms`, undefined);
      }
      if (this.options.signal?.aborted) {
        throw error;
      }
      throw new BitbucketError(`${what}: ${(error as Error).cause ?? (error as Error).message}`, undefined);
    } finally {
      this.options.onResponse?.({ method: 'GET', route, status, seconds: (performance.now() - started) / 1000 });
    }
  }

  private async classify(response: Response, what: string): Promise<Error> {
    const message = bitbucketMessage(await response.text());
    if (response.status === 429) {
      const retryAfter = Number(response.headers.get('retry-after'));
      const resetAt =
        response.headers.has('retry-after') && Number.isFinite(retryAfter) ? this.now() + retryAfter * 1000 : undefined;
      return new BitbucketRateLimitError(resetAt, 429);
    }
    if (response.status === 401) {
      return new BitbucketAuthError(`${what}: 401 ${message}`);
    }
    if (response.status === 404) {
      return new BitbucketNotFoundError(`${what}: ${message}`);
    }
    return new BitbucketError(`${what}: ${response.status} ${message}`, response.status);
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}
