import React, { useMemo } from 'react';
import type { DataFrame } from '@grafana/data';
import { FlameGraph } from '@grafana/flamegraph';
import { useTheme2 } from '@grafana/ui';
import { testIds } from '../testIds';
import { functionDetailsMenu, type FunctionSelection } from './contextMenu';

interface Props {
  data: DataFrame;
  enableFunctionDetails: boolean;
  onFunctionDetails: (selection: FunctionSelection) => void;
}

/** @grafana/flamegraph with Linescope's context-menu item. */
export function LinescopeFlameGraph({ data, enableFunctionDetails, onFunctionDetails }: Props) {
  const theme = useTheme2();
  const getExtraContextMenuButtons = useMemo(
    () => functionDetailsMenu(enableFunctionDetails, onFunctionDetails),
    [enableFunctionDetails, onFunctionDetails]
  );
  return (
    <div data-testid={testIds.flameGraphPage.flameGraph}>
      <FlameGraph
        data={data}
        getTheme={() => theme}
        getExtraContextMenuButtons={getExtraContextMenuButtons}
        showAnalyzeWithAssistant={false}
      />
    </div>
  );
}
