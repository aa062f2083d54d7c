export type { CallCost, FunctionCalls, LineCallees } from './calls';
export { computeFunctionDetails, type FunctionDetailsOptions } from './computeFunctionDetails';
export type { FunctionDetails, FunctionVersion, LineCost, SourceVersion, Truncation } from './model';
export { readPprof, scanPprof, type PprofData, type PprofScan } from './pprofReader';
export type { SampleTypeChoice } from './sampleType';
