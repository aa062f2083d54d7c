/**
 * Bitbucket Cloud as a GitHost. Files are cached by commit sha in the shared read cache (with its per-user access
 * proof); Bitbucket's own part is its refs and commits:
 * - a branch, then a tag, then a short sha resolved to a full sha (`src` is documented for commits only, and a
 *   branch with a `/` is a 404 there), kept a short time (Bitbucket's refs have no conditional requests);
 * - "" is the repository's main branch;
 * - access to a repository is proven only by a 200 with the user's token: Bitbucket answers 404 "You may not have
 *   access…" and 403 alike for a repository the token cannot read, so a 404 is kept for that user only until their
 *   access is known.
 * Bitbucket Cloud's REST API 2.0 has no blame: blame and compare answer BlameUnavailableError.
 */
import { FileNotFoundError } from '../errors';
import { Commit, Repository } from '../git-host';
import { HostSourceOptions } from '../host-entry';
import { HostUser, RawFileSource } from '../raw-file-source';
import { FULL_SHA, RefAnswer } from '../ref-resolver';
import { BitbucketClient, BitbucketCommit } from './client';
import { BitbucketNotFoundError } from './errors';
import { bitbucketCommitUrl, bitbucketFileUrl } from './links';

/** `apiUrl`: BITBUCKET_API_URL. */
export type BitbucketSourceOptions = HostSourceOptions;

type User = HostUser<BitbucketClient>;

export class BitbucketSource extends RawFileSource<BitbucketClient> {
  constructor(options: BitbucketSourceOptions) {
    super(options, {
      provider: 'bitbucket',
      name: 'Bitbucket',
      fileUrl: bitbucketFileUrl,
      commitUrl: bitbucketCommitUrl,
      createClient: (client) => new BitbucketClient(client),
    });
  }

  protected fetchRawFile(user: User, repo: Repository, path: string, sha: string, maxBytes: number) {
    return user.client.getRawFile(repo.fullName, sha, path, maxBytes);
  }

  protected getCommit(user: User, repo: Repository, ref: string): Promise<Commit> {
    return this.commitAt(user, repo, ref, async (sha) =>
      toCommit(await user.client.getCommit(repo.fullName, sha), repo)
    );
  }

  /**
   * Branch, then tag, then commit (a short sha): the first that exists; `refs/heads/` and `refs/tags/` pick one, a
   * full sha goes straight to its commit (the access proof asks for one). No ETag: Bitbucket's refs have none.
   */
  protected async lookUpSha(user: User, repo: Repository, ref: string): Promise<RefAnswer> {
    const name = ref || (await this.mainBranch(user, repo));
    const commit = () => user.client.getCommit(repo.fullName, name);
    const tries: Array<() => Promise<BitbucketCommit>> = FULL_SHA.test(name)
      ? [commit]
      : name.startsWith('refs/heads/')
        ? [() => this.branch(user, repo, name.slice('refs/heads/'.length))]
        : name.startsWith('refs/tags/')
          ? [() => this.tag(user, repo, name.slice('refs/tags/'.length))]
          : [() => this.branch(user, repo, name), () => this.tag(user, repo, name), commit];
    for (const attempt of tries) {
      try {
        const found = await this.request(user, repo, attempt);
        this.commits.set(`${repo.fullName}@${found.hash}`, toCommit(found, repo));
        return { sha: found.hash };
      } catch (error) {
        if (!(error instanceof BitbucketNotFoundError)) {
          throw error;
        }
      }
    }
    // Missing for everyone only once this user's access is known: the 404 may mean "this token cannot see it".
    const known = await this.cache.knowsAccess(user, repo);
    throw new BitbucketNotFoundError(this.refs.markMissing(user, repo, ref, known));
  }

  private async branch(user: User, repo: Repository, name: string) {
    return (await user.client.getBranch(repo.fullName, name)).target;
  }

  private async tag(user: User, repo: Repository, name: string) {
    return (await user.client.getTag(repo.fullName, name)).target;
  }

  private async mainBranch(user: User, repo: Repository): Promise<string> {
    const answer = await this.request(user, repo, () => user.client.getRepository(repo.fullName));
    const name = answer.mainbranch?.name;
    if (!name) {
      throw new FileNotFoundError(`${repo.fullName} has no main branch (an empty repository)`);
    }
    return name;
  }
}

/** Bitbucket's `author.raw` is "Name <email>"; the account, when the author has one, names them better. */
function toCommit(commit: BitbucketCommit, repo: Repository): Commit {
  const user = commit.author?.user;
  const rawName = commit.author?.raw?.replace(/\s*<[^>]*>\s*$/, '');
  const login = user?.nickname ?? user?.display_name ?? rawName;
  return {
    sha: commit.hash,
    message: commit.message.replace(/\n$/, ''),
    date: new Date(commit.date).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    url: commit.links?.html?.href ?? bitbucketCommitUrl(repo, commit.hash),
    author: login ? { login, avatarUrl: user?.links?.avatar?.href ?? '' } : undefined,
  };
}
