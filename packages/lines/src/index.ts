export type { CallCost, FunctionCalls, LineCallees } from './calls';
export { computeFunctionDetails, type FunctionDetailsOptions } from './computeFunctionDetails';
export type { FunctionDetails, FunctionVersion, LineCost, SourceVersion, Truncation } from './model';
export { readPprof, type PprofData } from './pprofReader';
export type { SampleTypeChoice } from './sampleType';
