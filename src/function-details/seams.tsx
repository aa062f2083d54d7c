import React, { createContext, useContext } from 'react';
import type { LineCost, SourceVersion } from './model';
import type { RepositoryInfo } from './repository';
import type { VersionOrigin } from './versions';

// Where issue 6 (GitHub connection, vcs.v1 client, code view, overrides) plugs into the Function Details panel.
// Wrap the app (src/app/App.tsx) in <FunctionDetailsSeamsProvider value={{ useSource, RepositoryActions }}>.
// Without a provider the panel shows the per-line numbers with a "source not loaded" state.

/** What the panel knows when it needs a file's source. */
export interface SourceRequest {
  /** Where vcs.v1 calls go (settings; default: the Pyroscope data source in use). */
  vcsDatasourceUid: string;
  /** The Pyroscope data source and service of the view: the scope of a repository override. */
  datasourceUid: string;
  serviceName?: string;
  version: SourceVersion;
  fileName: string;
  functionName: string;
  startLine?: number;
  /** Refs of every version in this repository, so one GetCommits call describes them all. */
  refs?: string[];
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

export type SourceState =
  | { status: 'not-loaded'; reason?: string; action?: React.ReactNode }
  | { status: 'loading' }
  | {
      status: 'loaded';
      /** The whole file; line n is lines[n - 1]. */
      lines: string[];
      fileUrl?: string;
      links?: SourceLinkSet;
    }
  | { status: 'error'; message: string; action?: React.ReactNode };

export interface RepositoryActionsProps {
  request: SourceRequest | undefined;
  repository: RepositoryInfo | undefined;
  origin: VersionOrigin;
  /** The override's scope, known even when no request can be made (no repository yet). */
  scope?: { datasourceUid: string; serviceName?: string; vcsDatasourceUid: string };
}

/** What a source view gets once the file is loaded (src/code-view's AnnotatedSource takes these props). */
export interface SourceViewProps {
  /** The whole file; line n is lines[n - 1]. */
  lines: string[];
  fileName: string;
  /** The selected version's per-line costs. */
  costs: LineCost[];
  startLine?: number;
  /** pprof unit of the values (nanoseconds, bytes, count…). */
  unit: string;
  /** The function's total in this version: shares are of this. */
  functionTotal: number;
  links?: SourceLinkSet;
  /** Drawn in each line's gutter (the disclosure of the line's callees). */
  gutter?: (line: number) => React.ReactNode;
}

export interface FunctionDetailsSeams {
  /** A React hook: the source for the selected version and file (undefined request = nothing to load). */
  useSource: (request: SourceRequest | undefined) => SourceState;
  /** Renders loaded source with the numbers; without it the breakdown table shows the text in a Source column. */
  SourceView?: React.ComponentType<SourceViewProps>;
  /** Rendered beside the repository value: "Connect to owner/repo", disconnect, the override pen. */
  RepositoryActions?: React.ComponentType<RepositoryActionsProps>;
  /** A user override of repository/ref/root path for this data source and service, applied before labels. */
  useVersionOverride?: (scope: { datasourceUid: string; serviceName?: string }) => SourceVersion | undefined;
  /** GetCommits' description of the versions' commits, by ref (undefined until known). */
  useCommits?: (request: SourceRequest | undefined) => Record<string, CommitSummary> | undefined;
  /** Renders one commit (author, avatar, date, message) under the commit choice. */
  CommitDetails?: React.ComponentType<{ commit: CommitSummary }>;
}

const useNoSource = (): SourceState => ({ status: 'not-loaded' });

const SeamsContext = createContext<FunctionDetailsSeams>({ useSource: useNoSource });

export const FunctionDetailsSeamsProvider = ({
  value,
  children,
}: {
  value: FunctionDetailsSeams;
  children: React.ReactNode;
}) => <SeamsContext.Provider value={value}>{children}</SeamsContext.Provider>;

export const useFunctionDetailsSeams = () => useContext(SeamsContext);
