/**
 * GitLab as a GitHost. Files and trees are cached by commit sha in the shared read cache (with its per-user access
 * proof); GitLab's own part is its refs and commits:
 * - branch and tag names resolved to a sha, kept a short time, then revalidated with If-None-Match;
 * - commits by sha, served to a user only after that user's access to the project is shown;
 * - access to a project is proven only by a 200 or 304 with the user's token: "404 Project Not Found" is GitLab's
 *   answer both for a missing project and for one the token cannot see, and a 404 in other words (another
 *   version, a proxy) may mean the same, so a 404 is kept for that user only until their access is known.
 */
import { clipBlame, LineSpan } from '../blame/model';
import { cleanFilePath } from '../files';
import { Commit, Repository } from '../git-host';
import { HostSourceOptions } from '../host-entry';
import { HostUser, RawFileSource } from '../raw-file-source';
import { FULL_SHA, RefAnswer } from '../ref-resolver';
import { fetchGitLabBlame, fetchGitLabComparison } from './blame';
import { GitLabClient, GitLabCommit } from './client';
import { GitLabNotFoundError } from './errors';

export interface GitLabSourceOptions extends HostSourceOptions {
  /** A tree with more entries than this is not listed (each page of 100 is one call). */
  maxTreeEntries?: number;
}

type User = HostUser<GitLabClient>;

const DEFAULT_MAX_TREE_ENTRIES = 2000;

export class GitLabSource extends RawFileSource<GitLabClient> {
  private readonly maxTreeEntries: number;

  constructor(options: GitLabSourceOptions) {
    super(options, {
      provider: 'gitlab',
      name: 'GitLab',
      normalizeRef,
      fileUrl: gitlabFileUrl,
      commitUrl: gitlabCommitUrl,
      createClient: (client) => new GitLabClient(client),
    });
    this.maxTreeEntries = options.maxTreeEntries ?? DEFAULT_MAX_TREE_ENTRIES;
  }

  protected fetchRawFile(user: User, repo: Repository, path: string, sha: string, maxBytes: number) {
    return user.client.getRawFile(repo.fullName, path, sha, maxBytes);
  }

  protected compare(user: User, repo: Repository, base: string, head: string) {
    return fetchGitLabComparison(user.client, repo, base, head);
  }

  /** GitLab blames the lines asked for (its `range`): one call per file, commit and span. */
  protected async blame(user: User, repo: Repository, ref: string, path: string, span: LineSpan | undefined) {
    const cleanPath = cleanFilePath(path);
    const sha = await this.commitSha(user, repo, ref);
    const blame = await this.blames.read(user, repo, sha, cleanPath, span, () =>
      fetchGitLabBlame(user.client, repo, sha, cleanPath, span)
    );
    return { sha, ...clipBlame(blame, span) };
  }

  protected async listFiles(user: User, repo: Repository, ref: string): Promise<ReadonlySet<string> | undefined> {
    const sha = await this.commitSha(user, repo, ref);
    return this.cache.listFiles(user, repo, sha, async () => {
      const entries = await user.client.listTree(repo.fullName, sha, this.maxTreeEntries);
      return entries && new Set(entries.filter((e) => e.type === 'blob').map((e) => e.path));
    });
  }

  /** The commit a ref names; one asked for by its full sha is cached (served after this user's access is shown). */
  protected async getCommit(user: User, repo: Repository, ref: string): Promise<Commit> {
    const wanted = normalizeRef(ref);
    const cached = FULL_SHA.test(wanted) ? this.commits.get(`${repo.fullName}@${wanted}`) : undefined;
    this.cache.countLookup('commits', cached !== undefined);
    if (cached) {
      await this.cache.ensureAccess(user, repo, wanted);
      return cached;
    }
    const answer = await this.requestCommit(user, repo, wanted, undefined);
    if (answer.notModified) {
      throw new Error('GitLab answered 304 to a request without If-None-Match');
    }
    const commit = toCommit(answer.data, repo);
    this.commits.set(`${repo.fullName}@${commit.sha}`, commit);
    if (!FULL_SHA.test(wanted)) {
      this.refs.remember(repo, wanted, { sha: commit.sha, etag: answer.etag, checkedAt: this.now() });
    }
    return commit;
  }

  /** GitLab's answer for a ref: the commit (kept by its sha), or 304 for the ETag sent. */
  protected async lookUpSha(user: User, repo: Repository, ref: string, etag: string | undefined): Promise<RefAnswer> {
    const answer = await this.requestCommit(user, repo, ref, etag);
    if (answer.notModified) {
      return 'not-modified';
    }
    this.commits.set(`${repo.fullName}@${answer.data.id}`, toCommit(answer.data, repo));
    return { sha: answer.data.id, etag: answer.etag };
  }

  /** The one commits call behind a ref's sha and a commit's details; any answer from the project shows access. */
  private async requestCommit(user: User, repo: Repository, ref: string, etag: string | undefined) {
    try {
      const answer = await user.client.getCommit(repo.fullName, ref, etag);
      this.cache.markAccess(user, repo);
      return answer;
    } catch (error) {
      if (error instanceof GitLabNotFoundError) {
        // Access is proven by a 200 or 304 only: a 404 in any wording may mean "this token cannot see the project",
        // so the missing ref is for everyone only when this user's access is already known.
        const known = error.missing !== 'project' && (await this.cache.knowsAccess(user, repo));
        throw new GitLabNotFoundError(this.refs.markMissing(user, repo, ref, known), error.missing);
      }
      throw error;
    }
  }
}

/** "" means the default branch, which GitLab's commits API names HEAD; `refs/heads/x` is the branch x. */
function normalizeRef(ref: string): string {
  return (ref || 'HEAD').replace(/^refs\/(?:heads|tags)\//, '');
}

function toCommit(commit: GitLabCommit, repo: Repository): Commit {
  return {
    sha: commit.id,
    message: commit.message,
    date: new Date(commit.authored_date).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    url: commit.web_url || gitlabCommitUrl(repo, commit.id),
    // GitLab's commits name the author but not their account.
    author: commit.author_name ? { login: commit.author_name, avatarUrl: '' } : undefined,
  };
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

export function gitlabFileUrl(repo: Repository, ref: string, path: string): string {
  return `${repo.webUrl}/-/blob/${encodePath(ref || 'HEAD')}/${encodePath(path)}`;
}

export function gitlabCommitUrl(repo: Repository, sha: string): string {
  return `${repo.webUrl}/-/commit/${sha}`;
}
