/**
 * Azure DevOps Services as a GitHost. Files are cached by commit sha in the shared read cache (with its per-user
 * access proof); Azure DevOps' own part is its refs and commits:
 * - a branch, then a tag (peeled), resolved to a full sha through Refs - List, kept a short time; "" is the
 *   repository's default branch;
 * - access to a repository is proven only by a 200 with the user's token: TF401019 is Azure DevOps' 404 both for a
 *   missing repository and for one the token cannot read, so a 404 is kept for that user only until their access is
 *   known.
 * Azure DevOps' REST API has no blame: blame and compare answer BlameUnavailableError.
 */
import { createHash } from 'node:crypto';
import { ByteLru } from '../../cache/lru';
import { SharedCache } from '../../cache/shared-cache';
import { recordHostCall, ServerMetrics } from '../../metrics';
import { BlameUnavailableError, FileNotFoundError, MalformedAnswerError } from '../errors';
import { CachedFile, cleanFilePath, judgeBytes, tooLarge } from '../files';
import { Commit, GitHost, GitHostProvider, RepoFile, Repository } from '../git-host';
import { createHostCaches } from '../host-caches';
import { CacheUser, ReadCache } from '../read-cache';
import { FULL_SHA, RefAnswer, RefResolver } from '../ref-resolver';
import { AzureCommitJson, AzureDevopsClient } from './client';
import { AzureDevopsNotFoundError } from './errors';
import { azureCommitUrl, azureFileUrl } from './links';

export interface AzureDevopsSourceOptions {
  /** AZURE_DEVOPS_URL. */
  apiUrl: string;
  timeoutMs: number;
  maxFileBytes: number;
  cacheBytes: number;
  refTtlMs: number;
  accessTtlMs: number;
  metrics?: ServerMetrics;
  fetch?: typeof fetch;
  now?: () => number;
  shared?: SharedCache;
}

interface User extends CacheUser {
  client: AzureDevopsClient;
}

export class AzureDevopsSource implements GitHostProvider {
  private readonly cache: ReadCache;
  private readonly refs: RefResolver<User>;
  private readonly commits: ByteLru<Commit>;
  private readonly now: () => number;

  constructor(private readonly options: AzureDevopsSourceOptions) {
    this.now = options.now ?? Date.now;
    ({
      reads: this.cache,
      refs: this.refs,
      commits: this.commits,
    } = createHostCaches<Commit, User>({
      ...options,
      hostKey: `azure-devops ${options.apiUrl}`,
      now: this.now,
      hostName: 'Azure DevOps',
      normalizeRef: (ref) => ref,
      lookUpRef: (user, repo, ref) => this.lookUpSha(user, repo, ref),
    }));
  }

  forUser(token: string | undefined, signal?: AbortSignal): GitHost {
    const { metrics } = this.options;
    const client = new AzureDevopsClient({
      apiUrl: this.options.apiUrl,
      timeoutMs: this.options.timeoutMs,
      token,
      signal,
      fetch: this.options.fetch,
      now: this.now,
      onResponse: metrics && ((call) => recordHostCall(metrics, 'azure-devops', call)),
    });
    const user: User = {
      id: token ? createHash('sha256').update(token).digest('hex') : 'anonymous',
      client,
      signal,
      proveAccess: (repo, sha) => this.refs.proveAccess(user, repo, sha),
    };
    return {
      readFile: (repo, path, ref) => this.readFile(user, repo, path, ref),
      // Resolution tries paths instead of listing whole trees (a recursive Items - List is one large answer).
      listFiles: () => Promise.resolve(undefined),
      commitSha: (repo, ref) => this.commitSha(user, repo, ref),
      getCommit: (repo, ref) => this.getCommit(user, repo, ref),
      commitUrl: azureCommitUrl,
      fileUrl: azureFileUrl,
      blame: () => Promise.reject(new BlameUnavailableError('Azure DevOps', 'blame')),
      compare: () => Promise.reject(new BlameUnavailableError('Azure DevOps', 'compare')),
    };
  }

  private async readFile(user: User, repo: Repository, path: string, ref: string): Promise<RepoFile> {
    const cleanPath = cleanFilePath(path);
    const sha = await this.commitSha(user, repo, ref);
    return this.cache.readFile(user, repo, sha, cleanPath, azureFileUrl(repo, ref, cleanPath), () =>
      this.fetchFile(user, repo, cleanPath, sha)
    );
  }

  private async fetchFile(user: User, repo: Repository, path: string, sha: string): Promise<CachedFile> {
    const max = this.options.maxFileBytes;
    try {
      const file = await user.client.getFile(repo, path, sha, max);
      return file.size > max ? tooLarge(path, file.size, max) : judgeBytes(file.content, path, max);
    } catch (error) {
      if (error instanceof AzureDevopsNotFoundError) {
        // Never a proof of access, whatever it says (the cache shares it once access is known).
        return { kind: 'missing', reason: error.reason, message: `file not found: ${error.message}` };
      }
      throw error;
    }
  }

  private async getCommit(user: User, repo: Repository, ref: string): Promise<Commit> {
    const sha = await this.commitSha(user, repo, ref);
    const key = `${repo.fullName}@${sha}`;
    const cached = this.commits.get(key);
    this.cache.countLookup('commits', cached !== undefined);
    if (cached) {
      await this.cache.ensureAccess(user, repo, sha);
      return cached;
    }
    const commit = toCommit(await this.request(user, repo, () => user.client.getCommit(repo, sha)), repo);
    this.commits.set(key, commit);
    return commit;
  }

  private commitSha(user: User, repo: Repository, ref: string): Promise<string> {
    return this.refs.commitSha(user, repo, ref);
  }

  /**
   * Branch, then tag (peeled): the first that exists; `refs/heads/` and `refs/tags/` pick one, a full sha is read as
   * a commit (the access proof asks for one). No ETag: Refs - List has none.
   */
  private async lookUpSha(user: User, repo: Repository, ref: string): Promise<RefAnswer> {
    if (FULL_SHA.test(ref)) {
      const commit = await this.request(user, repo, () => user.client.getCommit(repo, ref));
      this.commits.set(`${repo.fullName}@${commit.commitId}`, toCommit(commit, repo));
      return { sha: commit.commitId };
    }
    const name = (ref || (await this.defaultBranch(user, repo))).replace(/^refs\//, '');
    const candidates = /^(heads|tags)\//.test(name) ? [name] : [`heads/${name}`, `tags/${name}`];
    for (const candidate of candidates) {
      const sha = await this.request(user, repo, () => user.client.findRef(repo, candidate));
      if (sha) {
        return { sha };
      }
    }
    // The repository answered this user's token, so the ref is missing for everyone.
    throw new AzureDevopsNotFoundError(this.refs.markMissing(user, repo, ref, true));
  }

  private async defaultBranch(user: User, repo: Repository): Promise<string> {
    const answer = await this.request(user, repo, () => user.client.getRepository(repo));
    if (!answer.defaultBranch) {
      throw new FileNotFoundError(`${repo.fullName} has no default branch (an empty repository)`);
    }
    return answer.defaultBranch;
  }

  /** One call on the repository with the user's token: a 200 shows the user's access. */
  private async request<T>(user: User, repo: Repository, call: () => Promise<T>): Promise<T> {
    const answer = await call();
    this.cache.markAccess(user, repo);
    return answer;
  }
}

/** Azure DevOps names the author and their e-mail, not their account. */
function toCommit(commit: AzureCommitJson, repo: Repository): Commit {
  const date = commit.author?.date ?? commit.committer?.date;
  if (!date) {
    throw new MalformedAnswerError(`Azure DevOps' commit ${commit.commitId} has no date`);
  }
  return {
    sha: commit.commitId,
    message: commit.comment,
    date: new Date(date).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    url: commit._links?.web?.href ?? azureCommitUrl(repo, commit.commitId),
    author: commit.author?.name ? { login: commit.author.name, avatarUrl: '' } : undefined,
  };
}
