// What the source layer answers, in terms of the panel (no Git host and no protocol in sight).
import type { ResolutionExplanation } from '../../../proto/gen/vcs/v1/vcs_pb';
import type { SourceVersion } from '../../domain/model';

/** What the panel knows when it needs a file's source. */
export interface SourceRequest {
  /** Where vcs.v1 calls go (settings; default: the Pyroscope data source in use). */
  vcsDataSourceUid: string;
  version: SourceVersion;
  fileName: string;
  functionName: string;
  startLine?: number;
  /** The language runtime's version from the service's labels (Node's, Ruby's), for the runtime's own library. */
  runtimeVersion?: string;
  /** The labels that give runtimeVersion are still being read: GetFile waits for them (GetCommits does not). */
  runtimeVersionPending?: boolean;
  /** Refs of every version in this repository, so one GetCommits call describes them all. */
  refs?: string[];
}

/** The repository, ref and path a file was read from. */
export interface ResolvedFile {
  repositoryUrl: string;
  ref: string;
  path: string;
}

/** Links for the selected version (file at the line, blame, commit). */
export interface SourceLinkSet {
  file?: string;
  blame?: string;
  commit?: string;
}

/** A version's commit as GetCommits describes it. */
export interface CommitSummary {
  sha: string;
  message: string;
  login: string;
  avatarUrl: string;
  date: string;
  url: string;
}

/** Why the server found no file: its explanation and the inputs it worked from, for the user to check. */
export interface MissingFile {
  message: string;
  explanation?: ResolutionExplanation;
  inputs: Array<{ name: string; value: string }>;
}

export type SourceFile =
  | {
      status: 'not-loaded';
      /** no-provider: a host kind the providers' table has no entry for, so the panel cannot sign in to it. */
      reason?: 'not-connected' | 'session-ended' | 'no-provider';
      /** The host's pages of the file, its blame and the commit, when they can be built without the server. */
      links?: SourceLinkSet;
    }
  | { status: 'loading' }
  | {
      status: 'loaded';
      /** The whole file; line n is lines[n - 1]. */
      lines: string[];
      fileUrl?: string;
      links?: SourceLinkSet;
      /** Where the server found the file (maybe another repository: a dependency's), for its blame. */
      resolved?: ResolvedFile;
      /** The file came from a package registry (a dependency at the version that ran), not a Git host. */
      packageSource?: PackageSource;
    }
  /** `retryable`: a passing failure (rate limit, timeout, host unavailable) that asking again may fix. */
  | { status: 'error'; message: string; missing?: MissingFile; retryable?: boolean };

/** A dependency's package as the source server read it: `registry` is goproxy, npm, rubygems, pypi or maven. */
export interface PackageSource {
  registry: string;
  name: string;
  version: string;
  platform: string;
}
