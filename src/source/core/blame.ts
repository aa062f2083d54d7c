// linescope.v1.BlameService through Grafana's data source proxy (the same source server and session as vcs.v1):
// a file's blame at a commit and the commits between two versions, read into the panel's terms. Every link is
// built here from the repository the panel already knows and a validated sha or number, never taken from the
// answer (see links.ts for the file and commit links of the same hosts).
import { createClient, type Client } from '@connectrpc/connect';
import { BlameService, type BlameCommit as BlameCommitMessage } from '../../../proto/gen/linescope/v1/blame_pb';
import type { BlameCommit, BlameRangeIn } from '../../domain/blame/blame';
import { describeRepository, type KnownHost } from '../../domain/repository';
import { hostLinks } from '@linescope/repository-url';
import { createVcsTransport, type VcsTransportOptions } from './transport';

export type BlameClient = Client<typeof BlameService>;

export function createBlameClient(options: VcsTransportOptions): BlameClient {
  return createClient(BlameService, createVcsTransport(options));
}

export interface BlameRequest {
  repositoryUrl: string;
  ref: string;
  path: string;
  startLine: number;
  endLine: number;
}

export interface BlameAnswer {
  sha: string;
  ranges: BlameRangeIn[];
  commits: BlameCommit[];
}

export interface CompareRequest {
  repositoryUrl: string;
  base: string;
  head: string;
}

export interface CommitsBetween {
  /** Oldest first. */
  commits: BlameCommit[];
  truncated: boolean;
}

const SHA = /^[0-9a-f]{40,64}$/;

/** The server's commits with links of the repository's host; a commit without a sha is dropped. */
export function readCommits(
  repositoryUrl: string,
  commits: readonly BlameCommitMessage[],
  hosts: readonly KnownHost[] = []
): Array<BlameCommit | undefined> {
  const repo = describeRepository(repositoryUrl, hosts);
  return commits.map((c) => {
    if (!SHA.test(c.sha)) {
      return undefined;
    }
    const links = repo && hostLinks({ kind: repo.kind, webUrl: repo.webUrl, ref: c.sha, refIsSha: true, sha: c.sha });
    const number = c.changeRequest?.number ?? 0;
    const changeRequestPage =
      repo?.kind === 'github'
        ? `${repo.webUrl}/pull/${number}`
        : repo?.kind === 'gitlab'
          ? `${repo.webUrl}/-/merge_requests/${number}`
          : undefined;
    return {
      sha: c.sha,
      title: c.title,
      authorName: c.authorName,
      authorLogin: c.authorLogin || undefined,
      date: Number(c.date),
      url: links?.commit,
      changeRequest:
        c.changeRequest && Number.isSafeInteger(number) && number > 0
          ? { number, title: c.changeRequest.title, url: changeRequestPage }
          : undefined,
    };
  });
}

export async function getBlame(
  client: BlameClient,
  request: BlameRequest,
  hosts: readonly KnownHost[],
  signal?: AbortSignal
): Promise<BlameAnswer> {
  const answer = await client.getBlame(request, { signal });
  const commits = readCommits(request.repositoryUrl, answer.commits, hosts);
  // A range naming a dropped commit points past the kept list: blameByLine then ignores it.
  const kept: BlameCommit[] = [];
  const index = commits.map((c) => (c ? kept.push(c) - 1 : -1));
  return {
    sha: answer.sha,
    ranges: answer.ranges.map((r) => ({ startLine: r.startLine, endLine: r.endLine, commit: index[r.commit] ?? -1 })),
    commits: kept,
  };
}

export async function compareCommits(
  client: BlameClient,
  request: CompareRequest,
  hosts: readonly KnownHost[],
  signal?: AbortSignal
): Promise<CommitsBetween> {
  const answer = await client.compareCommits(request, { signal });
  return {
    commits: readCommits(request.repositoryUrl, answer.commits, hosts).filter((c): c is BlameCommit => !!c),
    truncated: answer.truncated,
  };
}
