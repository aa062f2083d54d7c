// The call graph around a function (callees per line, callers) as the per-line computation gives it
// (@linescope/lines).
export type { CallCost, FunctionCalls, LineCallees } from '@linescope/lines';
