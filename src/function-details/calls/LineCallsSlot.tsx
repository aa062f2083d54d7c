import React from 'react';
import { CalleeToggle } from './CalleeToggle';
import { LineCallees } from './CallLists';
import type { PanelCallsActions, PanelCallsData } from './usePanelCalls';

// The two places the per-line views (the breakdown table, the code view) give the callees: a disclosure in each
// line's gutter, and the list of the line opened, under the lines.

export interface LineCallsProps {
  data: PanelCallsData;
  actions: PanelCallsActions;
  unit: string;
}

/** The gutter disclosure of a line; nothing for a line that calls no function. */
export function LineCallsToggle({ line, calls }: { line: number; calls: LineCallsProps | undefined }) {
  const callees = calls?.data.calleesByLine.get(line);
  if (!calls || !callees) {
    return null;
  }
  return (
    <CalleeToggle
      line={line}
      count={callees.length}
      expanded={calls.data.openLine?.line === line}
      controls={calls.data.listId}
      onToggle={() => calls.actions.toggleLine(line)}
    />
  );
}

/** The callees of the line opened. */
export function OpenLineCallees({ calls }: { calls: LineCallsProps | undefined }) {
  const open = calls?.data.openLine;
  if (!calls || !open) {
    return null;
  }
  return (
    <LineCallees
      id={calls.data.listId}
      line={open.line}
      callees={open.callees}
      lineTotal={open.total}
      unit={calls.unit}
      onOpenCallee={calls.actions.openCallee}
      onClose={calls.actions.closeLine}
    />
  );
}
