import React from 'react';
import { formatValue } from '../../domain/format';
import type { FunctionDetails } from '../../domain/model';
import type { FunctionDetailsTarget } from '../../domain/target';
import type { VersionChoice } from '../../domain/versions';
import { choiceNameTexts } from '../versionNames';
import type { SourceFile, SourceRequest } from '../../source/core/types';
import { CompareControl } from './CompareControl';
import { ComparisonView } from './ComparisonView';
import { type CompareParam, useComparison } from './useComparison';
import { SuspectCommits } from './suspects/SuspectCommits';
import { useSuspects } from './suspects/useSuspects';

export type { CompareParam };

const NO_LINES: [] = [];

interface Props {
  target: FunctionDetailsTarget;
  details?: FunctionDetails;
  selected: VersionChoice;
  choices: VersionChoice[];
  sourceRequest?: SourceRequest;
  source: SourceFile;
  unit: string;
  param?: CompareParam;
  /** What the panel shows when not comparing (the one-side breakdown). */
  children: React.ReactNode;
}

/** "Compare with…" and, while comparing, the comparison in place of the one-side breakdown. */
export function ComparisonSection({
  target,
  details,
  selected,
  choices,
  sourceRequest,
  source,
  unit,
  param,
  children,
}: Props) {
  const names = choiceNameTexts(choices);
  const versions = choices
    .map((c, i) => ({ key: c.key, name: names[i], version: c.version }))
    .filter((v) => v.key !== selected.key);
  const { data, actions } = useComparison({
    target,
    details,
    selected,
    versions,
    sourceRequest,
    source,
    param: param ?? {},
  });
  const suspects = useSuspects({
    vcsDataSourceUid: sourceRequest?.vcsDataSourceUid ?? '',
    repositoryUrl: selected.version?.repository,
    baselineRef: data.status === 'ready' ? data.baselineRef : undefined,
    comparisonRef: data.comparisonRef,
    file: source.status === 'loaded' ? source.resolved : undefined,
    lines: data.comparison?.lines ?? NO_LINES,
  });
  return (
    <>
      <CompareControl
        baseline={data.baseline}
        description={data.description}
        selector={target.labelSelector}
        range={target.range}
        versions={versions}
        urlError={data.urlError}
        onChange={actions.setBaseline}
      />
      {data.status === 'off' ? (
        children
      ) : (
        <ComparisonView
          data={data}
          actions={actions}
          formatValue={(v) => formatValue(v, unit)}
          suspects={
            <SuspectCommits
              state={suspects}
              baselineRef={data.baselineRef}
              comparisonRef={data.comparisonRef}
              blamePage={source.status === 'loaded' || source.status === 'not-loaded' ? source.links?.blame : undefined}
              onSelectLine={actions.focus}
            />
          }
        />
      )}
    </>
  );
}
