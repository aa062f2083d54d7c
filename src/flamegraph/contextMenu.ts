import type { DataFrame } from '@grafana/data';
import type { Props as FlameGraphProps } from '@grafana/flamegraph';
import { callSiteAt } from './callSite';

// @grafana/flamegraph does not export these types; derive them from the public props.
export type ExtraContextMenuButtons = NonNullable<FlameGraphProps['getExtraContextMenuButtons']>;
export type ClickedItem = Parameters<ExtraContextMenuButtons>[0];

export const FUNCTION_DETAILS_LABEL = 'Function details';

export interface FunctionSelection {
  /** Root-first names down to the clicked node; the last one is the function. */
  callSite: string[];
  functionName: string;
}

export function selectionFor(clicked: ClickedItem, frame: DataFrame): FunctionSelection | undefined {
  const row = clicked.item.itemIndexes[0];
  if (row === undefined || clicked.item.level === 0) {
    return undefined;
  }
  const callSite = callSiteAt(frame, row);
  if (callSite.length === 0) {
    return undefined;
  }
  return { callSite, functionName: callSite[callSite.length - 1] };
}

/** The "Function details" item: only for real functions (not the root "total"), and only when the feature is on. */
export function functionDetailsMenu(
  enabled: boolean,
  open: (selection: FunctionSelection) => void
): ExtraContextMenuButtons | undefined {
  if (!enabled) {
    return undefined;
  }
  return (clicked, frame) => {
    if (clicked.item.level === 0) {
      return [];
    }
    return [
      {
        label: FUNCTION_DETAILS_LABEL,
        icon: 'info-circle',
        onClick: () => {
          const selection = selectionFor(clicked, frame);
          if (selection) {
            open(selection);
          }
        },
      },
    ];
  };
}
