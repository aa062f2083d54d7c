import { isEntry, type PanelEntry } from './navigation';

// The function open in Function details, in the page URL beside the flame graph's own parameters, so that a reload
// or a shared link opens it again:
//   fdFunction    the function name
//   fdCallSite    the call site, root first, as a JSON array of names (names may hold any character)
//   fdCallSites   how many stacks the entry merges (absent: 1)
//   fdRepository, fdRef   the version chosen in the panel (absent: the panel's default)

const NAMES = {
  functionName: 'fdFunction',
  callSite: 'fdCallSite',
  callSiteCount: 'fdCallSites',
  repository: 'fdRepository',
  gitRef: 'fdRef',
} as const;

export type PanelUrlState = { entry?: PanelEntry; error?: undefined } | { entry?: undefined; error: string };

/** The entry in the URL; none when no function is open; an error (and no entry) when the parameters are broken. */
export function readPanelEntry(params: URLSearchParams): PanelUrlState {
  const functionName = params.get(NAMES.functionName);
  if (!functionName) {
    return {};
  }
  let callSite: unknown = [];
  const rawCallSite = params.get(NAMES.callSite);
  if (rawCallSite) {
    try {
      callSite = JSON.parse(rawCallSite);
    } catch {
      callSite = undefined;
    }
  }
  const rawCount = params.get(NAMES.callSiteCount);
  const repository = params.get(NAMES.repository);
  const gitRef = params.get(NAMES.gitRef);
  const entry = {
    functionName,
    callSite,
    callSiteCount: rawCount === null ? 1 : Number(rawCount),
    version: repository && gitRef ? { repository, gitRef } : undefined,
  };
  if (!isEntry(entry)) {
    return {
      error:
        `The link's ${NAMES.callSite} (${rawCallSite}) or ${NAMES.callSiteCount} (${rawCount}) can't be read: ` +
        'the call site must be a JSON array of function names and the count a whole number.',
    };
  }
  return { entry };
}

/** The URL parameters with the entry (or none) in place of the one they held; the others are kept. */
export function withPanelEntry(params: URLSearchParams, entry: PanelEntry | undefined): URLSearchParams {
  const next = new URLSearchParams(params);
  Object.values(NAMES).forEach((name) => next.delete(name));
  if (!entry) {
    return next;
  }
  next.set(NAMES.functionName, entry.functionName);
  if (entry.callSite.length > 0) {
    next.set(NAMES.callSite, JSON.stringify(entry.callSite));
  }
  if (entry.callSiteCount !== 1) {
    next.set(NAMES.callSiteCount, String(entry.callSiteCount));
  }
  if (entry.version) {
    next.set(NAMES.repository, entry.version.repository);
    next.set(NAMES.gitRef, entry.version.gitRef);
  }
  return next;
}
