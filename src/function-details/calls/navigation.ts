// Walking the call graph from Function details: which function and call site a callee or caller link opens, and the
// trail of functions visited (the breadcrumb). Pure: the page keeps the trail in the browser history's state, so
// the panel's back and forward and the browser's are one history.

/** One function opened in the panel: what the page URL holds. */
export interface PanelEntry {
  functionName: string;
  /** Root-first names Pyroscope filters by (stackTraceSelector.call_site). */
  callSite: string[];
  /**
   * How many distinct stacks the entry merges: 1 for one call site; more for a node of the sandwich view or a
   * collapsed group; 0 when they were not counted (the callers and callees of a merged entry merge too).
   */
  callSiteCount: number;
  /** The version chosen in the panel, kept when the next function is in the same repository. */
  version?: { repository: string; gitRef: string };
}

/** What the panel gets from the page's navigation (useCallNavigation). */
export interface PanelNavigation {
  entry: PanelEntry;
  trail: PanelTrail;
  actions: {
    open: (entry: PanelEntry) => void;
    go: (index: number) => void;
    chooseVersion: (version: PanelEntry['version']) => void;
  };
}

/** The entry of a panel opened without navigation (its own function and call site). */
export const panelEntryOf = (target: {
  functionName: string;
  callSite: string[];
  callSiteCount?: number;
}): PanelEntry => ({
  functionName: target.functionName,
  callSite: target.callSite,
  callSiteCount: target.callSiteCount ?? 1,
});

export interface PanelTrail {
  entries: PanelEntry[];
  /** The entry shown. */
  index: number;
}

/** One call site, ending with the function itself (not merged). */
const isExact = (entry: PanelEntry) =>
  entry.callSiteCount === 1 && entry.callSite[entry.callSite.length - 1] === entry.functionName;

/**
 * The entry a callee link opens: the current call site plus the callee. From a merged entry (whose call site is only
 * the part its stacks share) the callee is opened merged under that same part.
 */
export function calleeEntry(from: PanelEntry, callee: string): PanelEntry {
  const { version } = from;
  if (isExact(from)) {
    return { functionName: callee, callSite: [...from.callSite, callee], callSiteCount: 1, version };
  }
  return { functionName: callee, callSite: from.callSite, callSiteCount: 0, version };
}

/**
 * The entry a caller link opens: one step up the call site when the caller is the frame above the function there;
 * otherwise (recursion below the call site, a merged entry) the caller merged under the call site.
 */
export function callerEntry(from: PanelEntry, caller: string): PanelEntry {
  const { version } = from;
  const up = from.callSite.slice(0, -1);
  if (isExact(from) && up[up.length - 1] === caller) {
    return { functionName: caller, callSite: up, callSiteCount: 1, version };
  }
  return { functionName: caller, callSite: from.callSite, callSiteCount: 0, version };
}

/** Same function at the same call site (the version chosen does not make another entry). */
export function sameEntry(a: PanelEntry, b: PanelEntry): boolean {
  return (
    a.functionName === b.functionName &&
    a.callSiteCount === b.callSiteCount &&
    a.callSite.length === b.callSite.length &&
    a.callSite.every((name, i) => name === b.callSite[i])
  );
}

/** The trail after opening `entry` from the one shown: what was ahead is dropped, as in a browser. */
export function visit(trail: PanelTrail, entry: PanelEntry): PanelTrail {
  const entries = [...trail.entries.slice(0, trail.index + 1), entry];
  return { entries, index: entries.length - 1 };
}

/** The trail with the version chosen for the entry shown (so that going back restores it). */
export function withVersion(trail: PanelTrail, version: PanelEntry['version']): PanelTrail {
  const entries = trail.entries.map((e, i) => (i === trail.index ? { ...e, version } : e));
  return { ...trail, entries };
}

/**
 * The trail the history state holds for the entry in the URL; a state that is missing, malformed, or for another
 * entry (a link opened from elsewhere, an edited URL) starts a new trail at the entry.
 */
export function trailFor(state: unknown, current: PanelEntry): PanelTrail {
  const trail = (state as { functionDetailsTrail?: unknown } | null)?.functionDetailsTrail;
  if (isTrail(trail) && sameEntry(trail.entries[trail.index], current)) {
    const entries = trail.entries.map((e, i) => (i === trail.index ? current : e));
    return { entries, index: trail.index };
  }
  return { entries: [current], index: 0 };
}

/** What to put in the history state for a trail. */
export const trailState = (trail: PanelTrail) => ({ functionDetailsTrail: trail });

function isTrail(value: unknown): value is PanelTrail {
  const trail = value as PanelTrail | undefined;
  return (
    typeof trail === 'object' &&
    trail !== null &&
    Array.isArray(trail.entries) &&
    trail.entries.every(isEntry) &&
    Number.isInteger(trail.index) &&
    trail.index >= 0 &&
    trail.index < trail.entries.length
  );
}

export function isEntry(value: unknown): value is PanelEntry {
  const entry = value as PanelEntry | undefined;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    typeof entry.functionName === 'string' &&
    entry.functionName !== '' &&
    Array.isArray(entry.callSite) &&
    entry.callSite.every((name) => typeof name === 'string') &&
    Number.isInteger(entry.callSiteCount) &&
    entry.callSiteCount >= 0 &&
    (entry.version === undefined ||
      (typeof entry.version.repository === 'string' && typeof entry.version.gitRef === 'string'))
  );
}
