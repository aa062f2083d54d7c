// The "Over time" column of the code view: each sampled line's self and total across the selected range, once the
// per-bucket profiles are in (the column appears then; until then, and if they fail, the view is unchanged).
import React from 'react';
import { t } from '@grafana/i18n';
import { formatValue } from '../../domain/format';
import type { FunctionDetailsTarget } from '../../domain/target';
import type { AsideColumn } from '../code-view/AnnotatedSource';
import { LineSparkline, SPARKLINE_WIDTH } from './LineSparkline';
import { useLineHistory } from './useLineHistory';

export function useHistoryColumn(
  target: FunctionDetailsTarget,
  fileName: string | undefined,
  unit: string,
  enabled: boolean
): AsideColumn | undefined {
  const { data } = useLineHistory(target, fileName, enabled);
  if (!data || data.series.size === 0) {
    return undefined;
  }
  return {
    title: t('function-details.history.column', 'Over time'),
    width: SPARKLINE_WIDTH + 8,
    cell: (line) => (
      <LineSparkline
        line={line}
        points={data.series.get(line)}
        commitChanges={data.commitChanges}
        format={(v) => formatValue(v, unit)}
      />
    ),
  };
}
