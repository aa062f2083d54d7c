import { Trans, t } from '@grafana/i18n';
import React, { useId, useMemo, useRef } from 'react';
import type { DataFrame } from '@grafana/data';
import { FlameGraph } from '@grafana/flamegraph';
import { Combobox, useTheme2 } from '@grafana/ui';
import { testIds } from '../testIds';
import { functionDetailsMenu, type FunctionSelection, selectionForRows } from './contextMenu';
import { indexFunctions } from './functionIndex';
import { useFlameGraphHighlight } from './useFlameGraphHighlight';

interface Props {
  data: DataFrame;
  enableFunctionDetails: boolean;
  onFunctionDetails: (selection: FunctionSelection) => void;
  /** The function Function details shows: highlighted in the graph. */
  highlight?: string;
}

/** @grafana/flamegraph with Linescope's context-menu item, and a function picker for keyboard users. */
export function LinescopeFlameGraph({ data, enableFunctionDetails, onFunctionDetails, highlight }: Props) {
  const theme = useTheme2();
  const container = useRef<HTMLDivElement>(null);
  useFlameGraphHighlight(container, highlight);
  const getExtraContextMenuButtons = useMemo(
    () => functionDetailsMenu(enableFunctionDetails, onFunctionDetails),
    [enableFunctionDetails, onFunctionDetails]
  );
  return (
    <div ref={container} data-testid={testIds.flameGraphPage.flameGraph}>
      <FlameGraph
        data={data}
        getTheme={() => theme}
        getExtraContextMenuButtons={getExtraContextMenuButtons}
        showAnalyzeWithAssistant={false}
        extraHeaderElements={
          enableFunctionDetails ? <FunctionPicker data={data} onFunctionDetails={onFunctionDetails} /> : undefined
        }
      />
    </div>
  );
}

/** Function details by name, for every call site of the function: the canvas can't be reached by keyboard. */
function FunctionPicker({ data, onFunctionDetails }: Omit<Props, 'enableFunctionDetails'>) {
  const functions = useMemo(() => indexFunctions(data), [data]);
  const options = useMemo(() => functions.map((f, i) => ({ label: f.name, value: String(i) })), [functions]);
  const labelId = useId();
  return (
    <div data-testid={testIds.flameGraphPage.functionPicker}>
      {/* Named for assistive technology; the placeholder says the same on screen. */}
      <span id={labelId} hidden>
        <Trans i18nKey="flamegraph.function-picker.function-details-for-a-function">
          Function details for a function
        </Trans>
      </span>
      <Combobox
        aria-labelledby={labelId}
        placeholder={t('flamegraph.function-picker.placeholder-function-details-for', 'Function details for…')}
        width={32}
        options={options}
        value={null}
        onChange={(option) => {
          const entry = functions[Number(option.value)];
          const selection = entry && selectionForRows(data, entry.rows);
          if (selection) {
            onFunctionDetails(selection);
          }
        }}
      />
    </div>
  );
}
