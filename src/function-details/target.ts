import type { TimeRangeMs } from '../pyroscope/querier';

/** Everything the Function Details panel needs to ask for exactly what the flame graph showed at the click. */
export interface FunctionDetailsTarget {
  datasourceUid: string;
  /** Where vcs.v1 calls go (settings; default: datasourceUid). */
  vcsDatasourceUid: string;
  profileTypeId: string;
  labelSelector: string;
  serviceName?: string;
  /** The flame graph query's resolved range, so the panel's numbers match what was clicked. */
  range: TimeRangeMs;
  /** Root-first function names Pyroscope filters by (stackTraceSelector.call_site); see FunctionSelection. */
  callSite: string[];
  functionName: string;
  /** How many distinct stacks the clicked node merged (sandwich view); 1 for a plain node. */
  callSiteCount?: number;
}
