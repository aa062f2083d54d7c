// Blame of the file shown and the commits between two versions, through the session of the repository's host,
// after the source itself (never delaying it: the panel asks only once the file is loaded). A blame at a commit
// never changes, so an answer is kept for the page's life. A server without linescope.v1.BlameService (Pyroscope's
// own vcs.v1) answers an error the view shows quietly.
import { useQuery } from '@tanstack/react-query';
import { describeRepository } from '../domain/repository';
import type { BlameAnswer, CommitsBetween } from './core/blame';
import type { ResolvedFile } from './core/types';
import { providerKindFor, useRepositoryHosts, useSourceConnections } from './providers/table';

export interface LineSpan {
  start: number;
  end: number;
}

export type Fetched<T> =
  { status: 'off' } | { status: 'loading' } | { status: 'error'; error: Error } | { status: 'loaded'; data: T };

function useHostApi(vcsDataSourceUid: string, repositoryUrl: string | undefined) {
  const connections = useSourceConnections(vcsDataSourceUid);
  const hosts = useRepositoryHosts(vcsDataSourceUid);
  const kind = repositoryUrl ? providerKindFor(describeRepository(repositoryUrl, hosts)?.kind) : undefined;
  const connection = kind ? connections[kind] : undefined;
  const connected = !!connection?.session.connected;
  return { connection, connected, hosts, scope: [vcsDataSourceUid, kind, connection?.session.connectedAt] };
}

function fetched<T>(enabled: boolean, query: { data?: T; error: Error | null }): Fetched<T> {
  if (!enabled) {
    return { status: 'off' };
  }
  if (query.data) {
    return { status: 'loaded', data: query.data };
  }
  return query.error ? { status: 'error', error: query.error } : { status: 'loading' };
}

export function useBlame(
  vcsDataSourceUid: string,
  file: ResolvedFile | undefined,
  span: LineSpan | undefined
): Fetched<BlameAnswer> {
  const { connection, connected, hosts, scope } = useHostApi(vcsDataSourceUid, file?.repositoryUrl);
  const enabled = connected && !!file && !!span && !!connection?.api().getBlame;
  const request = file && span && { ...file, startLine: span.start, endLine: span.end };
  const query = useQuery({
    queryKey: ['linescope.v1/GetBlame', ...scope, request],
    queryFn: ({ signal }) => connection!.api().getBlame!(request!, hosts, signal),
    enabled,
    staleTime: Infinity,
    retry: 1,
  });
  return fetched(enabled, query);
}

export function useCommitsBetween(
  vcsDataSourceUid: string,
  repositoryUrl: string | undefined,
  base: string | undefined,
  head: string | undefined
): Fetched<CommitsBetween> {
  const { connection, connected, hosts, scope } = useHostApi(vcsDataSourceUid, repositoryUrl);
  const enabled =
    connected && !!repositoryUrl && !!base && !!head && base !== head && !!connection?.api().compareCommits;
  const query = useQuery({
    queryKey: ['linescope.v1/CompareCommits', ...scope, repositoryUrl, base, head],
    queryFn: ({ signal }) =>
      connection!.api().compareCommits!({ repositoryUrl: repositoryUrl!, base: base!, head: head! }, hosts, signal),
    enabled,
    staleTime: Infinity,
    retry: 1,
  });
  return fetched(enabled, query);
}
