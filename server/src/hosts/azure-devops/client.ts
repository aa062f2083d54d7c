/**
 * Azure DevOps Services Git REST client (api-version 7.1, sent on every call) for what source resolution reads:
 * a repository, a file's bytes at a commit (Items - Get with `Accept: application/octet-stream` and a commit version
 * descriptor), a commit, and one branch or tag (Refs - List with a prefix `filter`: matched exactly here, pages
 * followed through `x-ms-continuationtoken`). `X-TFS-FedAuthRedirect: Suppress` makes a refused token a 401 rather
 * than a 203 sign-in page (both are read as one). A 429 becomes a rate-limit error with `Retry-After` or
 * `X-RateLimit-Reset`; a transient 502/503 is retried once.
 */
import type { HostCall } from '../../metrics';
import {
  AzureDevopsAuthError,
  AzureDevopsError,
  AzureDevopsNotFoundError,
  AzureDevopsRateLimitError,
  azureMessage,
} from './errors';

export const API_VERSION = '7.1';
/** Pages of refs followed for one name: a name matches exactly, and a prefix shared by thousands is rare. */
const MAX_REF_PAGES = 5;

export interface AzureDevopsClientOptions {
  /** AZURE_DEVOPS_URL, e.g. https://dev.azure.com */
  apiUrl: string;
  timeoutMs: number;
  /** An Entra access token for the Azure DevOps resource; none = anonymous (public projects only). */
  token?: string;
  signal?: AbortSignal;
  fetch?: typeof fetch;
  now?: () => number;
  onResponse?: (call: HostCall) => void;
}

export interface AzureRepositoryJson {
  name: string;
  defaultBranch?: string;
}

export interface AzureCommitJson {
  commitId: string;
  comment: string;
  author?: { name?: string; email?: string; date?: string };
  committer?: { date?: string };
  remoteUrl?: string;
  _links?: { web?: { href?: string } };
}

interface RefJson {
  name: string;
  objectId: string;
  peeledObjectId?: string;
}

/** `owner` is `organization/project`, as the repository-URL reader gives it. */
export interface AzureRepositoryName {
  owner: string;
  repo: string;
}

export class AzureDevopsClient {
  constructor(private readonly options: AzureDevopsClientOptions) {}

  getRepository(repo: AzureRepositoryName): Promise<AzureRepositoryJson> {
    return this.json(this.repoPath(repo, ''), '/{organization}/{project}/_apis/git/repositories/{repository}');
  }

  /** A file's bytes at a commit; anything but bytes (a folder's JSON) is not a file. */
  async getFile(repo: AzureRepositoryName, path: string, sha: string, maxBytes: number) {
    const query = new URLSearchParams({
      path: `/${path}`,
      'versionDescriptor.version': sha,
      'versionDescriptor.versionType': 'commit',
    });
    const response = await this.call(
      this.repoPath(repo, `/items?${query}&`),
      '/{organization}/{project}/_apis/git/repositories/{repository}/items',
      'application/octet-stream'
    );
    if (!/^(application\/octet-stream|text\/)/.test(response.headers.get('content-type') ?? '')) {
      await response.body?.cancel();
      throw new AzureDevopsNotFoundError(`/${path} is a folder at ${sha}, not a file`, 'not_a_file');
    }
    const size = Number(response.headers.get('content-length') ?? NaN);
    if (Number.isFinite(size) && size > maxBytes) {
      await response.body?.cancel();
      return { content: Buffer.alloc(0), size };
    }
    const content = Buffer.from(await response.arrayBuffer());
    return { content, size: content.length };
  }

  getCommit(repo: AzureRepositoryName, sha: string): Promise<AzureCommitJson> {
    return this.json(
      this.repoPath(repo, `/commits/${encodeURIComponent(sha)}`),
      '/{organization}/{project}/_apis/git/repositories/{repository}/commits/{commitId}'
    );
  }

  /** The commit a `heads/<name>` or `tags/<name>` ref points at (an annotated tag peeled), or undefined. */
  async findRef(repo: AzureRepositoryName, name: string): Promise<string | undefined> {
    let token: string | null = null;
    for (let page = 0; page < MAX_REF_PAGES; page++) {
      const query = new URLSearchParams({ filter: name, peelTags: 'true' });
      if (token) {
        query.set('continuationToken', token);
      }
      const response = await this.call(
        this.repoPath(repo, `/refs?${query}&`),
        '/{organization}/{project}/_apis/git/repositories/{repository}/refs'
      );
      const body = (await response.json()) as { value?: RefJson[] };
      const match = body.value?.find((r) => r.name === `refs/${name}`);
      if (match) {
        return match.peeledObjectId ?? match.objectId;
      }
      token = response.headers.get('x-ms-continuationtoken');
      if (!token) {
        return undefined;
      }
    }
    return undefined;
  }

  /** `rest` starts with `/` and ends with `?…&` when it has a query; api-version is appended. */
  private repoPath(repo: AzureRepositoryName, rest: string): string {
    const [organization, project] = repo.owner.split('/');
    const path = `/${encodeURIComponent(organization)}/${encodeURIComponent(project)}/_apis/git/repositories/${encodeURIComponent(repo.repo)}${rest}`;
    return `${path}${rest.includes('?') ? '' : '?'}api-version=${API_VERSION}`;
  }

  private async json<T>(path: string, route: string): Promise<T> {
    return (await (await this.call(path, route)).json()) as T;
  }

  private async call(path: string, route: string, accept = 'application/json'): Promise<Response> {
    const url = `${this.options.apiUrl.replace(/\/+$/, '')}${path}`;
    const what = `GET ${new URL(url).pathname}`;
    for (let attempt = 0; ; attempt++) {
      const response = await this.send(url, route, accept, what);
      if (response.status === 200) {
        return response;
      }
      if (attempt === 0 && (response.status === 502 || response.status === 503)) {
        await response.body?.cancel();
        continue;
      }
      throw await this.classify(response, what);
    }
  }

  private async send(url: string, route: string, accept: string, what: string): Promise<Response> {
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    const signal = this.options.signal ? AbortSignal.any([this.options.signal, timeout]) : timeout;
    const started = performance.now();
    let status: number | undefined;
    let rateLimit: HostCall['rateLimit'];
    try {
      const response = await (this.options.fetch ?? fetch)(url, {
        headers: {
          accept,
          'user-agent': 'linescope-server',
          'x-tfs-fedauthredirect': 'Suppress',
          ...(this.options.token ? { authorization: `Bearer ${this.options.token}` } : {}),
        },
        signal,
      });
      status = response.status;
      // Sent once a user's requests are delayed or throttled.
      const remaining = response.headers.get('x-ratelimit-remaining');
      if (remaining !== null) {
        rateLimit = { resource: response.headers.get('x-ratelimit-resource') ?? 'Core', remaining: Number(remaining) };
      }
      return response;
    } catch (error) {
      if (timeout.aborted && !this.options.signal?.aborted) {
        throw new AzureDevopsError(
          `${what}: Azure DevOps did not answer within ${this.options.timeoutMs} ms`,
          undefined
        );
      }
      if (this.options.signal?.aborted) {
        throw error;
      }
      throw new AzureDevopsError(`${what}: ${(error as Error).cause ?? (error as Error).message}`, undefined);
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
    const message = azureMessage(await response.text());
    if (response.status === 429) {
      const retryAfter = Number(response.headers.get('retry-after'));
      const reset = Number(response.headers.get('x-ratelimit-reset'));
      const resetAt =
        response.headers.has('retry-after') && Number.isFinite(retryAfter)
          ? this.now() + retryAfter * 1000
          : Number.isFinite(reset) && reset > 0
            ? reset * 1000
            : undefined;
      return new AzureDevopsRateLimitError(resetAt, 429);
    }
    if (response.status === 401 || response.status === 203) {
      return new AzureDevopsAuthError(
        response.status === 203 ? `${what}: Azure DevOps answered its sign-in page` : `${what}: 401 ${message}`
      );
    }
    if (response.status === 404) {
      return new AzureDevopsNotFoundError(`${what}: ${message}`);
    }
    return new AzureDevopsError(`${what}: ${response.status} ${message}`, response.status);
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}
