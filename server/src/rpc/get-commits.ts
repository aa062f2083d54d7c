/** GetCommits: many refs' commits at once, a few in parallel; fails only when none is found. */
import { ConnectError, Code, HandlerContext } from '@connectrpc/connect';
import { create } from '@bufbuild/protobuf';
import { CommitInfo, CommitInfoSchema, GetCommitsRequest } from '../../../proto/gen/vcs/v1/vcs_pb';
import { DECISIVE_CODES } from '../hosts/error-policy';
import { scrub } from '../log';
import { ServiceDeps } from './context';
import { requestHosts } from './hosts';
import { commitOf } from './get-commit';
import { checkFields, checkRefs } from './limits';

const MAX_PARALLEL_COMMITS = 10;

export async function getCommits(deps: ServiceDeps, request: GetCommitsRequest, ctx: HandlerContext) {
  checkFields('GetCommits', { repository_url: request.repositoryUrl });
  const unique = checkRefs(request.refs);
  const { host, repository } = requestHosts(deps, ctx, request.repositoryUrl);
  const results = new Map<string, CommitInfo | ConnectError>();
  for (let i = 0; i < unique.length; i += MAX_PARALLEL_COMMITS) {
    await Promise.all(
      unique.slice(i, i + MAX_PARALLEL_COMMITS).map(async (ref) => {
        try {
          results.set(ref, create(CommitInfoSchema, { ...(await commitOf(host, repository, ref)), ref }));
        } catch (error) {
          deps.logger.info({ ref, err: scrub((error as Error).message) }, 'GetCommits: ref not resolved');
          results.set(ref, error as ConnectError);
        }
      })
    );
  }
  const commits = request.refs
    .map((ref) => results.get(ref))
    .filter((c): c is CommitInfo => c !== undefined && !(c instanceof ConnectError));
  if (commits.length === 0 && unique.length > 0) {
    const errors = [...results.values()] as ConnectError[];
    // A rate limit, a refused token or the host being down says more than "failed".
    const decisive = DECISIVE_CODES.map((code) => errors.find((e) => e.code === code)).find((e) => e !== undefined);
    throw (
      decisive ??
      new ConnectError(
        'failed to fetch any commits',
        errors.every((e) => e.code === Code.NotFound) ? Code.NotFound : Code.Unknown
      )
    );
  }
  return { commits };
}
