export type { CallCost, FunctionCalls, LineCallees } from './calls';
export { computeFunctionDetails, type FunctionDetailsOptions } from './computeFunctionDetails';
export type { FunctionDetails, FunctionVersion, LineCost, SourceVersion, Truncation } from './model';
export { readPprof, scanPprof, type PprofData, type PprofScan } from './pprofReader';
export { formatShare } from './share';
export { UnknownSampleTypeError, type SampleTypeChoice } from './sampleType';
export { topFunctions, type FunctionCost, type TopFunctions } from './topFunctions';
