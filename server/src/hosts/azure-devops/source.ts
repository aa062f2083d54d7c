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
import { FileNotFoundError, MalformedAnswerError } from '../errors';
import { Commit, Repository } from '../git-host';
import { HostSourceOptions } from '../host-entry';
import { HostUser, RawFileSource } from '../raw-file-source';
import { FULL_SHA, RefAnswer } from '../ref-resolver';
import { AzureCommitJson, AzureDevopsClient } from './client';
import { AzureDevopsNotFoundError } from './errors';
import { azureCommitUrl, azureFileUrl } from './links';

/** `apiUrl`: AZURE_DEVOPS_URL. */
export type AzureDevopsSourceOptions = HostSourceOptions;

type User = HostUser<AzureDevopsClient>;

export class AzureDevopsSource extends RawFileSource<AzureDevopsClient> {
  constructor(options: AzureDevopsSourceOptions) {
    super(options, {
      provider: 'azure-devops',
      name: 'Azure DevOps',
      fileUrl: azureFileUrl,
      commitUrl: azureCommitUrl,
      createClient: (client) => new AzureDevopsClient(client),
    });
  }

  protected fetchRawFile(user: User, repo: Repository, path: string, sha: string, maxBytes: number) {
    return user.client.getFile(repo, path, sha, maxBytes);
  }

  protected getCommit(user: User, repo: Repository, ref: string): Promise<Commit> {
    return this.commitAt(user, repo, ref, async (sha) => toCommit(await user.client.getCommit(repo, sha), repo));
  }

  /**
   * Branch, then tag (peeled): the first that exists; `refs/heads/` and `refs/tags/` pick one, a full sha is read as
   * a commit (the access proof asks for one). No ETag: Refs - List has none.
   */
  protected async lookUpSha(user: User, repo: Repository, ref: string): Promise<RefAnswer> {
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
