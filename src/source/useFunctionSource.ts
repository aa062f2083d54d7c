// The source of one function version, whatever the Git host: GetFile and GetCommits start together as soon as
// repository, ref, file and function are known and the session exists; nothing waits for something it does not
// need. Answers are kept per data source, session and request, so switching versions back and forth costs no call.
import { useQuery } from '@tanstack/react-query';
import { commitsByRef } from './core/commits';
import { decodeContent } from './core/content';
import { classifyVcsError } from './core/errors';
import { sourceLinks } from './core/links';
import type { CommitSummary, SourceFile, SourceRequest } from './core/types';
import type { CommitsRequest, FileRequest } from './core/api';
import { useGithubServices, useGithubSession } from './providers/github/services';

export interface FunctionSource {
  data: {
    /** The session for the request's data source exists (a login happened and has not ended). */
    connected: boolean;
    file: SourceFile;
    /** GetCommits' description of the versions' commits, by ref (undefined until known). */
    commits: Record<string, CommitSummary> | undefined;
  };
  actions: {
    /** Asks again for what failed (after fixing an override, after the server came back). */
    retry: () => void;
  };
}

export function useFunctionSource(request: SourceRequest | undefined): FunctionSource {
  const services = useGithubServices();
  const { state: session } = useGithubSession(request?.vcsDatasourceUid ?? '');
  const repository = request?.version.repository;
  const input = request && repository ? request : undefined;
  const ref = input?.version.gitRef || 'HEAD';
  const connected = !!input && session.connected;

  const fileRequest: FileRequest | undefined = input && {
    repositoryURL: input.version.repository,
    ref,
    localPath: input.fileName,
    rootPath: input.version.rootPath,
    functionName: input.functionName,
  };
  const refs = input ? Array.from(new Set([ref, ...(input.refs ?? [])])) : [];
  const commitsRequest: CommitsRequest | undefined = input && { repositoryUrl: input.version.repository, refs };
  // A new login is a new key: nothing from before it (a refused session's failures) is shown after it.
  const scope = [input?.vcsDatasourceUid, session.connectedAt];
  const api = () => services.api(input!.vcsDatasourceUid);

  const file = useQuery({
    queryKey: ['vcs.v1/GetFile', ...scope, fileRequest],
    queryFn: async ({ signal }) => {
      const response = await api().getFile(fileRequest!, signal);
      return { response, lines: decodeContent(response.content).split('\n') };
    },
    enabled: connected,
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
  if (!connected) {
    return {
      data: { connected, file: { status: 'not-loaded', reason: 'not-connected' }, commits: undefined },
      actions: { retry },
    };
  }
  const byRef = commits.data ? commitsByRef(commits.data, input.refs ?? [ref]) : undefined;
  return { data: { connected, file: fileState(), commits: byRef }, actions: { retry } };

  function fileState(): SourceFile {
    if (file.data) {
      const { response, lines } = file.data;
      return {
        status: 'loaded',
        lines,
        fileUrl: response.URL || undefined,
        links: sourceLinks({
          repository: fileRequest!.repositoryURL,
          ref,
          commitSha: byRef?.[ref]?.sha,
          path: response.resolvedPath || input!.fileName,
          line: input!.startLine,
          fileUrl: response.URL,
        }),
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
          ],
        },
      };
    }
    return { status: 'error', message: `The source could not be loaded: ${failure.message}` };
  }
}
