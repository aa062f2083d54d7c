// Blame of the file shown and the commits between two versions, through the session of the repository's host,
// after the source itself (never delaying it: the panel asks only once the file is loaded). A blame at a commit
// never changes, so an answer is kept for the page's life. A host whose API has no blame (the providers' table says
// so) is asked nothing; an `unimplemented` answer (a host the table did not know lacks blame, a server without
// linescope.v1.BlameService) reads the same way: no blame here, the host's own blame page instead.
import { useQuery } from '@tanstack/react-query';
import { describeRepository } from '../domain/repository';
import type { BlameAnswer, CommitsBetween } from './core/blame';
import { classifyVcsError } from './core/errors';
import type { ResolvedFile } from './core/types';
import { providerKindFor, SOURCE_PROVIDERS, useRepositoryHosts, useSourceConnections } from './providers/table';

export interface LineSpan {
  start: number;
  end: number;
}

/** `no-blame`: the host's API has none; `host` is its name when the providers' table says so before asking. */
export type Fetched<T> =
  | { status: 'off' }
  | { status: 'loading' }
  | { status: 'no-blame'; host?: string }
  | { status: 'error'; error: Error }
  | { status: 'loaded'; data: T };

function useHostApi(vcsDataSourceUid: string, repositoryUrl: string | undefined) {
  const connections = useSourceConnections(vcsDataSourceUid);
  const hosts = useRepositoryHosts(vcsDataSourceUid);
  const kind = repositoryUrl ? providerKindFor(describeRepository(repositoryUrl, hosts)?.kind) : undefined;
  const connection = kind ? connections[kind] : undefined;
  const provider = kind ? SOURCE_PROVIDERS[kind] : undefined;
  const hostWithoutBlame = provider && !provider.blame ? provider.name : undefined;
  // Asking a host without blame would only be refused.
  const connected = !!connection?.session.connected && !hostWithoutBlame;
  return {
    connection,
    connected,
    hostWithoutBlame,
    hosts,
    scope: [vcsDataSourceUid, kind, connection?.session.connectedAt],
  };
}

/** Once for a passing failure; never when the server says it has no such call (asking again changes nothing). */
const retryOnceUnlessUnimplemented = (failures: number, error: Error) =>
  failures < 1 && classifyVcsError(error).kind !== 'unimplemented';

function fetched<T>(
  wanted: boolean,
  enabled: boolean,
  hostWithoutBlame: string | undefined,
  query: { data?: T; error: Error | null }
): Fetched<T> {
  if (wanted && hostWithoutBlame) {
    return { status: 'no-blame', host: hostWithoutBlame };
  }
  if (!enabled) {
    return { status: 'off' };
  }
  if (query.data) {
    return { status: 'loaded', data: query.data };
  }
  if (!query.error) {
    return { status: 'loading' };
  }
  return classifyVcsError(query.error).kind === 'unimplemented'
    ? { status: 'no-blame' }
    : { status: 'error', error: query.error };
}

export function useBlame(
  vcsDataSourceUid: string,
  file: ResolvedFile | undefined,
  span: LineSpan | undefined
): Fetched<BlameAnswer> {
  const { connection, connected, hostWithoutBlame, hosts, scope } = useHostApi(vcsDataSourceUid, file?.repositoryUrl);
  const enabled = connected && !!file && !!span && !!connection?.api().getBlame;
  const request = file && span && { ...file, startLine: span.start, endLine: span.end };
  const query = useQuery({
    queryKey: ['linescope.v1/GetBlame', ...scope, request],
    queryFn: ({ signal }) => connection!.api().getBlame!(request!, hosts, signal),
    enabled,
    staleTime: Infinity,
    retry: retryOnceUnlessUnimplemented,
  });
  // A file is enough to know its host has no blame (the view then offers no toggle for it).
  return fetched(!!file, enabled, hostWithoutBlame, query);
}

export function useCommitsBetween(
  vcsDataSourceUid: string,
  repositoryUrl: string | undefined,
  base: string | undefined,
  head: string | undefined
): Fetched<CommitsBetween> {
  const { connection, connected, hostWithoutBlame, hosts, scope } = useHostApi(vcsDataSourceUid, repositoryUrl);
  const wanted = !!repositoryUrl && !!base && !!head && base !== head;
  const enabled = connected && wanted && !!connection?.api().compareCommits;
  const query = useQuery({
    queryKey: ['linescope.v1/CompareCommits', ...scope, repositoryUrl, base, head],
    queryFn: ({ signal }) =>
      connection!.api().compareCommits!({ repositoryUrl: repositoryUrl!, base: base!, head: head! }, hosts, signal),
    enabled,
    staleTime: Infinity,
    retry: retryOnceUnlessUnimplemented,
  });
  return fetched(wanted, enabled, hostWithoutBlame, query);
}
