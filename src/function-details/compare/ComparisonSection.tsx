import React, { useMemo } from 'react';
import { formatValue } from '../format';
import { useFunctionDetailsLoaders } from '../loaders';
import type { FunctionDetails } from '../model';
import { QuerierClient } from '../../pyroscope/querier';
import { type SourceRequest, type SourceState, useFunctionDetailsSeams } from '../seams';
import type { FunctionDetailsTarget } from '../target';
import { choiceNames, type VersionChoice } from '../versions';
import { CompareControl } from './CompareControl';
import { ComparisonView } from './ComparisonView';
import type { BaselineLoaders } from './loadBaseline';
import { type CompareParam, useComparison } from './useComparison';

export type { CompareParam };

interface Props {
  target: FunctionDetailsTarget;
  details?: FunctionDetails;
  selected: VersionChoice;
  choices: VersionChoice[];
  sourceRequest?: SourceRequest;
  source: SourceState;
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
  const loaders = useFunctionDetailsLoaders();
  const seams = useFunctionDetailsSeams();
  const baselineLoaders: BaselineLoaders = useMemo(
    () => ({
      loadProfile: loaders.loadProfile,
      compute: loaders.compute,
      loadProfileTotal:
        loaders.loadProfileTotal ??
        ((t, signal) =>
          new QuerierClient(t.datasourceUid).profileTotal(t.profileTypeId, t.labelSelector, t.range, signal)),
    }),
    [loaders]
  );
  const names = choiceNames(choices);
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
    loaders: baselineLoaders,
    useSource: seams.useSource,
    param: param ?? {},
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
        <ComparisonView data={data} actions={actions} formatValue={(v) => formatValue(v, unit)} />
      )}
    </>
  );
}
