// The calls the panel makes, with the session kept in step: refresh before a call when the token is about to
// expire, end the session when the server refuses it, and remember that the cookie gets through.
import type { SourceSession } from './session';
import type {
  CommitInfo,
  GetFileResponse,
  GithubAppResponse,
  GithubLoginResponse,
} from '../../../proto/gen/vcs/v1/vcs_pb';
import { classifyVcsError } from './errors';
import type { VcsClient } from './transport';
import type { KnownHost } from '../../domain/repository';
import {
  type BlameAnswer,
  type BlameClient,
  type BlameRequest,
  type CommitsBetween,
  type CompareRequest,
  compareCommits,
  getBlame,
} from './blame';

export interface FileRequest {
  repositoryURL: string;
  ref: string;
  localPath: string;
  rootPath: string;
  functionName: string;
  /** GetFileRequest.runtime_version (Linescope's field 100): "" when the labels give none. */
  runtimeVersion: string;
}

export interface CommitsRequest {
  repositoryUrl: string;
  refs: string[];
}

export interface VcsApi {
  githubApp(): Promise<GithubAppResponse>;
  /** `codeVerifier`: PKCE, when the authorize request carried a challenge (GithubApp said `pkce`). */
  githubLogin(authorizationCode: string, codeVerifier?: string): Promise<GithubLoginResponse>;
  getFile(request: FileRequest, signal?: AbortSignal): Promise<GetFileResponse>;
  getCommits(request: CommitsRequest, signal?: AbortSignal): Promise<CommitInfo[]>;
  /** linescope.v1.BlameService, when the source server is Linescope's (absent in tests that do not need it). */
  getBlame?(request: BlameRequest, hosts: readonly KnownHost[], signal?: AbortSignal): Promise<BlameAnswer>;
  compareCommits?(request: CompareRequest, hosts: readonly KnownHost[], signal?: AbortSignal): Promise<CommitsBetween>;
}

export function createVcsApi(client: VcsClient, session: SourceSession, blame?: BlameClient): VcsApi {
  async function authenticated<T>(call: () => Promise<T>): Promise<T> {
    await session.ensureFresh();
    try {
      const result = await call();
      session.markVerified();
      return result;
    } catch (error) {
      const failure = classifyVcsError(error);
      if (failure.kind === 'unauthenticated') {
        session.reportUnauthenticated();
      } else if (failure.kind === 'not-found') {
        // The server read the session before it looked for the file.
        session.markVerified();
      }
      throw error;
    }
  }

  return {
    githubApp: () => client.githubApp({}),
    githubLogin: (authorizationCode, codeVerifier = '') => client.githubLogin({ authorizationCode, codeVerifier }),
    getFile: (request, signal) => authenticated(() => client.getFile(request, { signal })),
    getCommits: (request, signal) => authenticated(async () => (await client.getCommits(request, { signal })).commits),
    ...(blame && {
      getBlame: (request, hosts, signal) => authenticated(() => getBlame(blame, request, hosts, signal)),
      compareCommits: (request, hosts, signal) => authenticated(() => compareCommits(blame, request, hosts, signal)),
    }),
  };
}
