/** GetCommit: one ref's commit (URL filled in, unlike Pyroscope). */
import { HandlerContext } from '@connectrpc/connect';
import { GetCommitRequest, GetCommitResponse } from '../../../proto/gen/vcs/v1/vcs_pb';
import { toConnectError } from '../hosts/error-policy';
import { GitHost, Repository } from '../hosts/git-host';
import { ServiceDeps } from './context';
import { requestHosts } from './hosts';
import { checkFields } from './limits';

export type CommitFields = Omit<GetCommitResponse, '$typeName' | '$unknown'>;

export function getCommit(deps: ServiceDeps, request: GetCommitRequest, ctx: HandlerContext): Promise<CommitFields> {
  checkFields('GetCommit', { repositoryURL: request.repositoryURL, ref: request.ref });
  const { host, repository } = requestHosts(deps, ctx, request.repositoryURL);
  return commitOf(host, repository, request.ref);
}

/** The commit a ref names, in vcs.v1's shape; host failures become the RPC's error. */
export async function commitOf(host: GitHost, repository: Repository, ref: string): Promise<CommitFields> {
  try {
    const commit = await host.getCommit(repository, ref);
    return {
      message: commit.message,
      author: commit.author && {
        $typeName: 'vcs.v1.CommitAuthor',
        login: commit.author.login,
        avatarURL: commit.author.avatarUrl,
      },
      date: commit.date,
      sha: commit.sha,
      URL: commit.url,
    };
  } catch (error) {
    throw toConnectError(error);
  }
}
