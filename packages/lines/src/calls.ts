// What Function details knows about the call graph around the function: per line, the functions it calls, and the
// functions that call it. Computed in the same pass as the per-line numbers (callIndex.ts); free of React.

/** A function one frame away from the selected one, with the samples that went through both. */
export interface CallCost {
  functionName: string;
  /** The file of the first frame of that name seen (a hint only: functions are told apart by name). */
  fileName: string;
  /** Samples that passed from the line (or function) into this function, each sample counted once. */
  total: number;
}

/** The callees of one line (line 0: the function's frames without a line number), largest first. */
export interface LineCallees {
  line: number;
  callees: CallCost[];
}

export interface FunctionCalls {
  /** Lines that call other functions, ascending; lines whose samples all end in the function are left out. */
  lines: LineCallees[];
  /** Functions the function was called from, largest first. */
  callers: CallCost[];
  /** Samples in which the function is the outermost frame (no caller). */
  outermost: number;
}
