// Issue 6 plugged into the Function Details panel through its seams (src/function-details/seams.tsx): the source
// for the selected version, the code view, the repository row's Connect/Disconnect and pen, the override, and
// the commit details from GetCommits.
import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Stack, Text, useStyles2 } from '@grafana/ui';
import { AnnotatedSource } from '../code-view/AnnotatedSource';
import { languageOf } from '../code-view/highlight';
import { SourceLinks } from '../code-view/SourceLinks';
import { WhyNoSource } from '../code-view/WhyNoSource';
import { noSourceSentence, whyNoSourceFile } from '../domain/noSource';
import type {
  CommitSummary,
  FunctionDetailsSeams,
  RepositoryActionsProps,
  SourceRequest,
  SourceState,
  SourceViewProps,
} from '../function-details/seams';
import { GitHubConnection } from '../github/GitHubConnection';
import { OverrideButton } from '../overrides/OverrideEditor';
import { useVersionOverride } from '../overrides/useVersionOverride';
import { sourceLinks } from './repositoryUrl';
import { commitForRef, useSource, type SourceInput } from './useSource';

function toInput(request: SourceRequest | undefined): SourceInput | undefined {
  // Frames without a file (the runtime's own work, C methods) are never looked up.
  if (!request?.version.repository || whyNoSourceFile(request.functionName, request.fileName)) {
    return undefined;
  }
  return {
    vcsUid: request.vcsDatasourceUid,
    repository: request.version.repository,
    ref: request.version.gitRef || 'HEAD',
    rootPath: request.version.rootPath,
    localPath: request.fileName,
    functionName: request.functionName,
    refs: request.refs,
  };
}

/** The panel's useSource: GetFile (and, beside it, GetCommits for every version) once connected. */
export function usePanelSource(request: SourceRequest | undefined): SourceState {
  const input = toInput(request);
  const { connected, file, commits } = useSource(input);
  const noSource = request && whyNoSourceFile(request.functionName, request.fileName);
  if (noSource) {
    return { status: 'not-loaded', reason: noSourceSentence(noSource) };
  }
  if (!request || !input) {
    return { status: 'not-loaded' };
  }
  if (!connected) {
    return {
      status: 'not-loaded',
      reason: 'connect to GitHub (Repository, above) to see the code beside the numbers.',
    };
  }
  const commit =
    commits.status === 'loaded' ? commitForRef(commits.commits, input.refs ?? [input.ref], input.ref) : undefined;
  switch (file.status) {
    case 'idle':
    case 'loading':
      return { status: 'loading' };
    case 'loaded':
      return {
        status: 'loaded',
        lines: file.lines,
        fileUrl: file.response.URL || undefined,
        links: sourceLinks({
          repository: input.repository,
          ref: input.ref,
          commitSha: commit?.sha,
          path: file.response.resolvedPath || request.fileName,
          line: request.startLine,
          fileUrl: file.response.URL,
        }),
      };
    case 'failed': {
      const { failure } = file;
      if (failure.kind === 'unauthenticated') {
        return { status: 'not-loaded', reason: 'the GitHub session ended; connect again (Repository, above).' };
      }
      if (failure.kind === 'not-found') {
        return {
          status: 'error',
          message: 'The source server could not find this file.',
          action: (
            <WhyNoSource
              message={failure.message}
              explanation={failure.explanation}
              language={languageOf(request.fileName)}
              inputs={[
                { name: 'service_repository', value: input.repository },
                { name: 'service_git_ref', value: input.ref },
                { name: 'service_root_path', value: input.rootPath },
                { name: 'file (from the profile)', value: request.fileName },
                { name: 'function', value: request.functionName },
              ]}
            />
          ),
        };
      }
      return { status: 'error', message: `The source could not be loaded: ${failure.message}` };
    }
  }
}

/** The panel's commit details: GetCommits' answer per ref (the same call usePanelSource starts). */
export function usePanelCommits(request: SourceRequest | undefined): Record<string, CommitSummary> | undefined {
  const input = toInput(request);
  const { commits } = useSource(input);
  if (!input || commits.status !== 'loaded') {
    return undefined;
  }
  const refs = input.refs ?? [input.ref];
  const byRef: Record<string, CommitSummary> = {};
  for (const ref of refs) {
    const c = commitForRef(commits.commits, refs, ref);
    if (c) {
      byRef[ref] = {
        sha: c.sha,
        message: c.message,
        login: c.author?.login ?? '',
        avatarUrl: c.author?.avatarURL ?? '',
        date: c.date,
        url: c.URL,
      };
    }
  }
  return byRef;
}

export function PanelSourceView({ links, ...props }: SourceViewProps) {
  return (
    <Stack direction="column" gap={1}>
      {links && <SourceLinks links={links} />}
      <AnnotatedSource {...props} />
    </Stack>
  );
}

export function PanelRepositoryActions({ request, scope }: RepositoryActionsProps) {
  const vcsUid = request?.vcsDatasourceUid ?? scope?.vcsDatasourceUid;
  const datasourceUid = request?.datasourceUid ?? scope?.datasourceUid;
  const serviceName = request?.serviceName ?? scope?.serviceName;
  return (
    <>
      {vcsUid && request?.version.repository && (
        <GitHubConnection vcsDataSourceUid={vcsUid} repository={request.version.repository} />
      )}
      {datasourceUid && (
        <OverrideButton
          dataSourceUid={datasourceUid}
          serviceName={serviceName}
          current={request?.version}
          showMarker={false}
        />
      )}
    </>
  );
}

export function CommitDetails({ commit }: { commit: CommitSummary }) {
  const styles = useStyles2(getStyles);
  const date = commit.date ? new Date(commit.date) : undefined;
  return (
    <div className={styles.commit} data-testid="commit-details">
      {commit.avatarUrl && <img src={commit.avatarUrl} alt="" className={styles.avatar} />}
      <Text variant="bodySmall">
        <strong>{commit.login || 'unknown author'}</strong>
        {date && !isNaN(date.getTime()) && (
          <> on {date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' })}</>
        )}
        {' · '}
        <span title={commit.message}>{commit.message.split('\n')[0]}</span>
      </Text>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  commit: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(1), marginTop: theme.spacing(0.5) }),
  avatar: css({ width: 20, height: 20, borderRadius: '50%' }),
});

export const linescopeSeams: FunctionDetailsSeams = {
  useSource: usePanelSource,
  SourceView: PanelSourceView,
  RepositoryActions: PanelRepositoryActions,
  useVersionOverride,
  useCommits: usePanelCommits,
  CommitDetails,
};
