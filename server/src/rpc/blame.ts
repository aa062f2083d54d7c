/**
 * linescope.v1.BlameService: a file's blame at a commit and the commits between two versions, read from the
 * repository's host with the user's session (the same host choice and cookies as vcs.v1's GetFile).
 */
import { Code, ConnectError, ConnectRouter, HandlerContext } from '@connectrpc/connect';
import { BlameService, CompareCommitsRequest, GetBlameRequest } from '../../../proto/gen/linescope/v1/blame_pb';
import { BlameCommitInfo, LineSpan } from '../hosts/blame/model';
import { toConnectError } from '../hosts/error-policy';
import { FileRejectedError } from '../hosts/errors';
import { ServiceDeps } from './context';
import { requestHosts } from './hosts';

/** The most lines one request may ask for (a function's span is far shorter; a whole file needs no range). */
const MAX_SPAN_LINES = 20_000;

export function blameRoutes(deps: ServiceDeps): (router: ConnectRouter) => void {
  return (router) => {
    router.service(BlameService, {
      getBlame: (request, ctx) => getBlame(deps, request, ctx),
      compareCommits: (request, ctx) => compareCommits(deps, request, ctx),
    });
  };
}

function spanOf(request: GetBlameRequest): LineSpan | undefined {
  const { startLine, endLine } = request;
  if (startLine === 0 && endLine === 0) {
    return undefined;
  }
  if (startLine === 0 || endLine === 0 || endLine < startLine || endLine - startLine >= MAX_SPAN_LINES) {
    throw new ConnectError(
      `lines ${startLine}-${endLine}: give both start_line and end_line (1-based, start ≤ end, at most ${MAX_SPAN_LINES} lines), or neither`,
      Code.InvalidArgument
    );
  }
  return { start: startLine, end: endLine };
}

async function getBlame(deps: ServiceDeps, request: GetBlameRequest, ctx: HandlerContext) {
  if (request.path === '') {
    throw new ConnectError('path is empty', Code.InvalidArgument);
  }
  const span = spanOf(request);
  const { host, repository } = requestHosts(deps, ctx, request.repositoryUrl);
  try {
    const blame = await host.blame(repository, request.ref, request.path, span);
    return { sha: blame.sha, ranges: blame.ranges, commits: blame.commits.map(toMessage) };
  } catch (error) {
    if (error instanceof FileRejectedError) {
      throw new ConnectError(error.message, Code.InvalidArgument);
    }
    throw toConnectError(error);
  }
}

async function compareCommits(deps: ServiceDeps, request: CompareCommitsRequest, ctx: HandlerContext) {
  if (request.base === '' || request.head === '') {
    throw new ConnectError('base and head are both required', Code.InvalidArgument);
  }
  const { host, repository } = requestHosts(deps, ctx, request.repositoryUrl);
  try {
    const comparison = await host.compare(repository, request.base, request.head);
    return { ...comparison, commits: comparison.commits.map(toMessage) };
  } catch (error) {
    throw toConnectError(error);
  }
}

function toMessage(commit: BlameCommitInfo) {
  return { ...commit, date: BigInt(commit.date) };
}
