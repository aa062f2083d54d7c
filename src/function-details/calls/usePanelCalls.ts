// What Function details shows of the call graph around the version shown, and the moves it offers: the callers,
// each line's callees behind its gutter disclosure, and opening one of them (with the version kept).
import { useCallback, useId, useMemo, useState } from 'react';
import type { FunctionVersion, SourceVersion } from '../../domain/model';
import type { CallCost, FunctionCalls } from '../../domain/calls';
import { calleeEntry, callerEntry, type PanelEntry } from './navigation';

export interface PanelCallsData {
  calls: FunctionCalls | undefined;
  /** The callees of each line that calls something (line 0: frames without a line number). */
  calleesByLine: Map<number, CallCost[]>;
  /** The line whose callees are listed, with its total (shares of the line are of it). */
  openLine: { line: number; callees: CallCost[]; total: number } | undefined;
  /** The id of the callee list, for the disclosures' aria-controls. */
  listId: string;
}

export interface PanelCallsActions {
  toggleLine: (line: number) => void;
  closeLine: () => void;
  openCallee: (functionName: string) => void;
  openCaller: (functionName: string) => void;
}

interface Options {
  fn: FunctionVersion | undefined;
  entry: PanelEntry;
  /** The version chosen in the panel: kept for the next function (it is shown there when the repository matches). */
  version: SourceVersion | undefined;
  onOpen: (entry: PanelEntry) => void;
}

export function usePanelCalls({ fn, entry, version, onOpen }: Options): {
  data: PanelCallsData;
  actions: PanelCallsActions;
} {
  const listId = useId();
  const [openLineNumber, setOpenLine] = useState<number>();
  const calls = fn?.calls;
  const calleesByLine = useMemo(() => new Map(calls?.lines.map((l) => [l.line, l.callees])), [calls]);
  const openCallees = openLineNumber === undefined ? undefined : calleesByLine.get(openLineNumber);
  const openLine =
    openLineNumber !== undefined && openCallees && fn
      ? { line: openLineNumber, callees: openCallees, total: lineTotal(fn, openLineNumber) }
      : undefined;

  const from = useMemo<PanelEntry>(
    () => ({
      ...entry,
      version: version?.repository ? { repository: version.repository, gitRef: version.gitRef } : undefined,
    }),
    [entry, version]
  );
  const openCallee = useCallback((name: string) => onOpen(calleeEntry(from, name)), [from, onOpen]);
  const openCaller = useCallback((name: string) => onOpen(callerEntry(from, name)), [from, onOpen]);
  const toggleLine = useCallback((line: number) => setOpenLine((open) => (open === line ? undefined : line)), []);
  const closeLine = useCallback(() => setOpenLine(undefined), []);

  return {
    data: { calls, calleesByLine, openLine, listId },
    actions: { toggleLine, closeLine, openCallee, openCaller },
  };
}

function lineTotal(fn: FunctionVersion, line: number): number {
  return line === 0 ? fn.withoutLineNumber.total : (fn.lines.find((l) => l.line === line)?.total ?? 0);
}

/** The version to show first for a function opened with `wanted`: the one with the same repository and commit. */
export function keptVersionKey(
  choices: Array<{ key: string; version?: SourceVersion }>,
  wanted: PanelEntry['version']
): string | undefined {
  if (!wanted) {
    return undefined;
  }
  return choices.find((c) => c.version?.repository === wanted.repository && c.version.gitRef === wanted.gitRef)?.key;
}
