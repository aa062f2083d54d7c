// The source of one function version, whatever the Git host: GetFile and GetCommits start together as soon as
// repository, ref, file and function are known and the session exists; nothing waits for something it does not
// need. Answers are kept per data source, session and request, so switching versions back and forth costs no call.
// The repository's host kind picks the provider (providers/table.ts), read with the source server's own hosts (its
// GitLab's web URL, once known); a host without a provider asks nothing.
import { useQuery } from '@tanstack/react-query';
import { commitsByRef } from './core/commits';
import { decodeContent } from './core/content';
import { classifyVcsError, isRetryable, sourceFailureMessage } from './core/errors';
import { sourceLinks } from './core/links';
import type { CommitSummary, SourceFile, SourceRequest } from './core/types';
import type { CommitsRequest, FileRequest } from './core/api';
import { describeRepository } from '../domain/repository';
import { safeLinkUrl } from '../domain/safeUrl';
import { LINKS_ONLY_HOSTS, providerKindFor, useRepositoryHosts, useSourceConnections } from './providers/table';

export interface FunctionSource {
  data: {
    /** The session for the request's data source exists (a login happened and has not ended). */
    connected: boolean;
    file: SourceFile;
    /** GetCommits' description of the versions' commits, by ref (undefined until known). */
    commits: Record<string, CommitSummary> | undefined;
  };
  actions: {
    /** Asks again for the file and the commits (a passing failure: rate limit, timeout, host unavailable). */
    retry: () => void;
  };
}

export function useFunctionSource(request: SourceRequest | undefined): FunctionSource {
  const connections = useSourceConnections(request?.vcsDataSourceUid ?? '');
  const hosts = useRepositoryHosts(request?.vcsDataSourceUid ?? '');
  const repository = request?.version.repository;
  const input = request && repository ? request : undefined;
  const repositoryKind = describeRepository(repository, hosts)?.kind;
  const kind = input ? providerKindFor(repositoryKind) : undefined;
  const connection = kind ? connections[kind] : undefined;
  // Sessions are per data source, not per host: the panel's connect button speaks of the data source's login.
  const session = (connection ?? connections.github)!.session;
  const connected = !!connection && session.connected;
  const ref = input?.version.gitRef || 'HEAD';
  // Bitbucket Cloud and Azure DevOps: the panel links to them, the source server cannot read them.
  const linksOnly = repositoryKind !== undefined && LINKS_ONLY_HOSTS.includes(repositoryKind);

  const fileRequest: FileRequest | undefined = input && {
    repositoryURL: input.version.repository,
    ref,
    localPath: input.fileName,
    rootPath: input.version.rootPath,
    functionName: input.functionName,
    runtimeVersion: input.runtimeVersion ?? '',
  };
  const refs = input ? Array.from(new Set([ref, ...(input.refs ?? [])])) : [];
  const commitsRequest: CommitsRequest | undefined = input && { repositoryUrl: input.version.repository, refs };
  // A new login is a new key: nothing from before it (a refused session's failures) is shown after it.
  const scope = [input?.vcsDataSourceUid, kind, session.connectedAt];
  const api = () => connection!.api();

  const file = useQuery({
    queryKey: ['vcs.v1/GetFile', ...scope, fileRequest],
    queryFn: async ({ signal }) => {
      const response = await api().getFile(fileRequest!, signal);
      return { response, lines: decodeContent(response.content).split('\n') };
    },
    // Asked once, with the runtime version, rather than again when the labels arrive.
    enabled: connected && !input?.runtimeVersionPending,
  });
  const commits = useQuery({
    queryKey: ['vcs.v1/GetCommits', ...scope, commitsRequest],
    queryFn: ({ signal }) => api().getCommits(commitsRequest!, signal),
    enabled: connected,
  });

  const retry = () => {
    void file.refetch();
    void commits.refetch();
  };
  if (!input || !fileRequest) {
    return { data: { connected, file: { status: 'not-loaded' }, commits: undefined }, actions: { retry } };
  }
  if (linksOnly || !connection) {
    const links = sourceLinks({
      repository: input.version.repository,
      ref,
      path: input.fileName,
      line: input.startLine,
      hosts,
    });
    const reason = linksOnly ? 'links-only' : 'no-provider';
    return {
      data: {
        connected: linksOnly ? false : session.connected,
        file: { status: 'not-loaded', reason, links },
        commits: undefined,
      },
      actions: { retry },
    };
  }
  if (!connected) {
    return {
      data: { connected, file: { status: 'not-loaded', reason: 'not-connected' }, commits: undefined },
      actions: { retry },
    };
  }
  const byRef = commits.data ? commitsByRef(commits.data, input.refs ?? [ref], hosts) : undefined;
  return { data: { connected, file: fileState(), commits: byRef }, actions: { retry } };

  function fileState(): SourceFile {
    if (file.data) {
      const { response, lines } = file.data;
      if (response.packageSource) {
        // A dependency's file from its package registry: the package's page, no repository links and no blame.
        return {
          status: 'loaded',
          lines,
          fileUrl: safeLinkUrl(response.URL, { hosts }),
          packageSource: { ...response.packageSource },
        };
      }
      return {
        status: 'loaded',
        lines,
        fileUrl: safeLinkUrl(response.URL, { hosts }),
        links: sourceLinks({
          repository: fileRequest!.repositoryURL,
          ref,
          commitSha: byRef?.[ref]?.sha,
          path: response.resolvedPath || input!.fileName,
          line: input!.startLine,
          fileUrl: response.URL,
          hosts,
        }),
        resolved: {
          repositoryUrl: response.resolvedRepositoryUrl || fileRequest!.repositoryURL,
          ref: response.resolvedRef || byRef?.[ref]?.sha || ref,
          path: response.resolvedPath || input!.fileName,
        },
      };
    }
    if (!file.error) {
      return { status: 'loading' };
    }
    const failure = classifyVcsError(file.error);
    if (failure.kind === 'unauthenticated') {
      return { status: 'not-loaded', reason: 'session-ended' };
    }
    if (failure.kind === 'not-found') {
      return {
        status: 'error',
        message: 'The source server could not find this file.',
        missing: {
          message: failure.message,
          explanation: failure.explanation,
          inputs: [
            { name: 'service_repository', value: fileRequest!.repositoryURL },
            { name: 'service_git_ref', value: ref },
            { name: 'service_root_path', value: fileRequest!.rootPath },
            { name: 'file (from the profile)', value: input!.fileName },
            { name: 'function', value: input!.functionName },
            ...(fileRequest!.runtimeVersion
              ? [{ name: 'service_runtime_version', value: fileRequest!.runtimeVersion }]
              : []),
          ],
        },
      };
    }
    return { status: 'error', message: sourceFailureMessage(failure), retryable: isRetryable(failure) };
  }
}
