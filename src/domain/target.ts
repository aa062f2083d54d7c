export interface TimeRangeMs {
  from: number;
  to: number;
}

/** Everything the Function Details panel needs to ask for exactly what the flame graph showed at the click. */
export interface FunctionDetailsTarget {
  datasourceUid: string;
  /** Where vcs.v1 calls go (settings; default: datasourceUid). */
  vcsDataSourceUid: string;
  profileTypeId: string;
  labelSelector: string;
  serviceName?: string;
  /** The flame graph query's resolved range, so the panel's numbers match what was clicked. */
  range: TimeRangeMs;
  /** Root-first function names Pyroscope filters by (stackTraceSelector.call_site); see FunctionSelection. */
  callSite: string[];
  functionName: string;
  /** How many distinct stacks the clicked node merged (sandwich view); 1 for a plain node; 0 merged, not counted. */
  callSiteCount?: number;
}

/** The clicked stack, root first; a merged node (sandwich view) covers all its call sites below the shared part. */
export function describeCallSite({ callSite, functionName, callSiteCount = 1 }: FunctionDetailsTarget): string {
  const path = callSite.join(' › ');
  if (callSiteCount > 1) {
    return `${functionName} in all ${callSiteCount} call sites${path ? ` under ${path}` : ''}`;
  }
  // A caller or callee opened from a merged node: merged too, its call sites not counted.
  if (callSiteCount === 0) {
    return `${functionName} in every call site${path ? ` under ${path}` : ''}`;
  }
  return path || functionName;
}
