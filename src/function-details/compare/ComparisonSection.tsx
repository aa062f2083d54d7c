import React from 'react';
import { formatValue } from '../../domain/format';
import type { FunctionDetails } from '../../domain/model';
import type { FunctionDetailsTarget } from '../../domain/target';
import { choiceNames, type VersionChoice } from '../../domain/versions';
import type { SourceFile, SourceRequest } from '../../source/core/types';
import { CompareControl } from './CompareControl';
import { ComparisonView } from './ComparisonView';
import { type CompareParam, useComparison } from './useComparison';

export type { CompareParam };

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
