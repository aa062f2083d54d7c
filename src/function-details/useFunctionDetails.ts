// Everything the Function Details panel shows, and what the user can do there: the call site's profile and the
// service's version labels (fetched in parallel: they name the source when a mapping has no version, and give the
// runtime's version GetFile sends), the override, the version choice, and the selected version's source and commits.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { FunctionDetails, FunctionVersion } from '../domain/model';
import { describeRepository, type KnownHost, type RepositoryInfo } from '../domain/repository';
import type { FunctionDetailsTarget } from '../domain/target';
import { type VersionChoice, versionChoices } from '../domain/versions';
import { selectMergeProfileWithMostNodes } from '../pyroscope/mergeNodeLimit';
import { QuerierClient } from '../pyroscope/querier';
import {
  type LabelVersion,
  resolveVersionFromLabels,
  runtimeVersionFromLabels,
  versionLabelsPresent,
} from '../pyroscope/versionLabels';
import type { CommitSummary, SourceFile, SourceRequest } from '../source/core/types';
import { useVersionOverride } from '../source/overrides/useVersionOverride';
import { useRepositoryHosts } from '../source/providers/table';
import { useFunctionSource } from '../source/useFunctionSource';
import { computeFunctionDetailsInWorker } from './worker/computeFunctionDetailsInWorker';
import { whyNoSourceFile } from '../domain/noSource';

export interface FunctionDetailsData {
  profile: { status: 'loading' } | { status: 'error'; error: Error } | { status: 'success'; details: FunctionDetails };
  /** What the service's labels say about versions, once known. */
  labels: LabelVersion | undefined;
  choices: VersionChoice[];
  selected: VersionChoice | undefined;
  /** The selected version of the function. */
  fn: FunctionVersion | undefined;
  unit: string;
  repository: RepositoryInfo | undefined;
  /** The source server's own Git hosts (its GitLab), which the repository was read with. */
  hosts: readonly KnownHost[];
  /** What the source layer is asked for (undefined without a repository or a file). */
  sourceRequest: SourceRequest | undefined;
  source: SourceFile;
  commits: Record<string, CommitSummary> | undefined;
  selectedCommit: CommitSummary | undefined;
}

export interface FunctionDetailsActions {
  selectVersion: (key: string) => void;
  /** Loads the profile and the labels again. */
  retry: () => void;
  /** Asks the source server again for the file and its commits (after a passing failure). */
  retrySource: () => void;
}

/** SelectMergeProfile for exactly the clicked call site, decoded off the main thread. */
async function loadDetails(target: FunctionDetailsTarget, signal: AbortSignal): Promise<FunctionDetails> {
  const client = new QuerierClient(target.datasourceUid);
  const bytes = await selectMergeProfileWithMostNodes((params) => client.selectMergeProfile(params, signal), {
    profileTypeId: target.profileTypeId,
    labelSelector: target.labelSelector,
    start: target.range.from,
    end: target.range.to,
    callSite: target.callSite,
  });
  return computeFunctionDetailsInWorker(bytes, target.functionName, { calls: true });
}

/**
 * The service's version labels for the same selector and time range (only the labels that exist are asked for): the
 * source version, and the runtime version, which counts even when the build id names the source.
 */
async function loadLabelVersion(target: FunctionDetailsTarget, signal: AbortSignal) {
  const client = new QuerierClient(target.datasourceUid);
  const present = versionLabelsPresent(await client.labelNames(target.labelSelector, target.range, signal));
  const values = await Promise.all(
    present.map((name) => client.labelValues(name, target.labelSelector, target.range, signal))
  );
  const valuesByLabel = Object.fromEntries(present.map((name, i) => [name, values[i]]));
  return {
    version: resolveVersionFromLabels(valuesByLabel),
    runtimeVersion: runtimeVersionFromLabels(valuesByLabel)?.value ?? '',
  };
}

export function useFunctionDetails(
  target: FunctionDetailsTarget,
  /** The version to show until one is chosen (the one kept from the function the user came from). */
  preferredVersion?: (choices: VersionChoice[]) => string | undefined
): {
  data: FunctionDetailsData;
  actions: FunctionDetailsActions;
} {
  // A panel asks afresh each time it opens (the flame graph may have changed meanwhile): nothing is kept after it.
  const details = useQuery({
    queryKey: ['querier.v1/SelectMergeProfile', target],
    queryFn: ({ signal }) => loadDetails(target, signal),
    gcTime: 0,
  });
  const labelQuery = useQuery({
    queryKey: ['querier.v1/LabelValues', target],
    queryFn: ({ signal }) => loadLabelVersion(target, signal).catch(() => null),
    gcTime: 0,
  });
  const labels = labelQuery.data?.version;
  const override = useVersionOverride({ datasourceUid: target.datasourceUid, serviceName: target.serviceName });
  const [selectedKey, setSelectedKey] = useState<string>();

  const choices = details.data ? versionChoices(details.data, labels, override) : [];
  const selected = choices.find((c) => c.key === (selectedKey ?? preferredVersion?.(choices))) ?? choices[0];
  const fn = selected?.function;
  // Frames without source (the runtime's own work, C methods, files never named) are not looked up: the panel says
  // why. A Java frame without a file is looked up by its class name.
  const sourceRequest: SourceRequest | undefined =
    fn && selected?.version && !whyNoSourceFile(fn.functionName, fn.fileName)
      ? {
          vcsDataSourceUid: target.vcsDataSourceUid,
          version: selected.version,
          fileName: fn.fileName,
          functionName: fn.functionName,
          startLine: fn.startLine,
          runtimeVersion: labelQuery.data?.runtimeVersion,
          runtimeVersionPending: labelQuery.isPending,
          refs: choices
            .filter((c) => c.version?.repository === selected.version?.repository && c.version?.gitRef)
            .map((c) => c.version!.gitRef),
        }
      : undefined;
  const { data: source, actions: sourceActions } = useFunctionSource(sourceRequest);
  const hosts = useRepositoryHosts(target.vcsDataSourceUid);

  return {
    data: {
      profile: details.data
        ? { status: 'success', details: details.data }
        : details.error
          ? { status: 'error', error: details.error }
          : { status: 'loading' },
      labels,
      choices,
      selected,
      fn,
      unit: details.data?.unit ?? '',
      repository: describeRepository(selected?.version?.repository, hosts),
      hosts,
      sourceRequest,
      source: source.file,
      commits: source.commits,
      selectedCommit: selected?.version?.gitRef ? source.commits?.[selected.version.gitRef] : undefined,
    },
    actions: {
      selectVersion: setSelectedKey,
      retry: () => {
        void details.refetch();
        void labelQuery.refetch();
      },
      retrySource: sourceActions.retry,
    },
  };
}
