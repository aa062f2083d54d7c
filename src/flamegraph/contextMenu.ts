import type { DataFrame } from '@grafana/data';
import type { Props as FlameGraphProps } from '@grafana/flamegraph';
import { callSiteAt, labelAt } from './callSite';

// @grafana/flamegraph does not export these types; derive them from the public props.
export type ExtraContextMenuButtons = NonNullable<FlameGraphProps['getExtraContextMenuButtons']>;
export type ClickedItem = Parameters<ExtraContextMenuButtons>[0];

export const FUNCTION_DETAILS_LABEL = 'Function details';

export interface FunctionSelection {
  /**
   * Root-first names Pyroscope filters the samples by (stackTraceSelector.call_site). For a plain node, the path
   * down to it, ending with the function. For a node that merges several places (sandwich view, collapsed groups),
   * the part all of them share: the function is then picked out of those samples by name.
   */
  callSite: string[];
  functionName: string;
  /** How many distinct stacks the clicked node stands for (1 for a plain node). */
  callSiteCount: number;
}

const levelAt = (frame: DataFrame, row: number) => Number(frame.fields.find((f) => f.name === 'level')?.values[row]);

/** The synthetic root ("total") is not a function: no details for it, whatever level the view draws it at. */
export const isRootItem = (clicked: ClickedItem, frame: DataFrame) => {
  const row = clicked.item.itemIndexes[0];
  return row === undefined || levelAt(frame, row) === 0;
};

export function selectionFor(clicked: ClickedItem, frame: DataFrame): FunctionSelection | undefined {
  return isRootItem(clicked, frame) ? undefined : selectionForRows(frame, clicked.item.itemIndexes);
}

/** The selection for frame rows of one function (one node, or every node with its name). */
export function selectionForRows(frame: DataFrame, rows: number[]): FunctionSelection | undefined {
  if (rows.length === 0) {
    return undefined;
  }
  const functionName = labelAt(frame, rows[0]);
  const paths = rows.map((row) => callSiteAt(frame, row));
  const distinct = new Set(paths.map((p) => JSON.stringify(p)));
  let callSite = paths[0];
  if (distinct.size > 1) {
    let shared = 0;
    while (paths.every((p) => shared < p.length && p[shared] === paths[0][shared])) {
      shared++;
    }
    callSite = paths[0].slice(0, shared);
  }
  return { callSite, functionName, callSiteCount: distinct.size };
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
    if (isRootItem(clicked, frame)) {
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
