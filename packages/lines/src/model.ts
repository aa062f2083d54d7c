import type { FunctionCalls } from './calls';

// What the per-line computation gives for one function of a pprof: the Function Details panel, the CLI and the MCP
// server show it. Free of React, the browser and I/O.

/** Where a profiled binary's source lives: Pyroscope stamps this JSON into `mapping.build_id` at ingest. */
export interface SourceVersion {
  repository: string;
  gitRef: string;
  rootPath: string;
}

/** Self and total of one source line, following `go tool pprof -list` rules. */
export interface LineCost {
  line: number;
  self: number;
  total: number;
}

/** One version (pprof mapping) of the selected function. */
export interface FunctionVersion {
  /**
   * Stable key for the version in this profile: the pprof mapping id (0 when the profile has no mapping), or
   * `<mapping id>:<file>` when that mapping holds same-named functions in several files.
   */
  key: string;
  functionName: string;
  fileName: string;
  /** The function's first line, when the profile records it (0 or absent means unknown). */
  startLine?: number;
  /** From the mapping's build id, when it holds Pyroscope's version JSON. */
  version?: SourceVersion;
  /** Lines with numbers, ascending. */
  lines: LineCost[];
  /** Samples of the function whose frames carry no line number: kept apart, never dropped. */
  withoutLineNumber: { self: number; total: number };
  /** The function's self and total in this version, each sample counted once. */
  self: number;
  total: number;
  /** Callees per line and callers, when asked for (FunctionDetailsOptions.calls). */
  calls?: FunctionCalls;
}

export interface FunctionDetails {
  functionName: string;
  /** pprof sample type and unit of the value shown (e.g. cpu / nanoseconds). */
  sampleType: string;
  unit: string;
  /** Versions, largest total first. */
  versions: FunctionVersion[];
  /** Sum of the function's total over versions (each sample once). */
  total: number;
  /** Set when Pyroscope cut branches of this profile to keep it under its node limit: the numbers may be low. */
  truncated?: Truncation;
}

export interface Truncation {
  /** The value of the samples whose stacks Pyroscope cut short (they end in its `other` stub). */
  cutValue: number;
  /** The value of all the profile's samples. */
  profileTotal: number;
}
