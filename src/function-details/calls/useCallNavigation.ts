// The function open in Function details lives in the page URL (panelUrl.ts) and the trail of functions visited in
// the browser history's state, one history entry per function: the panel's back and forward, Alt+← and Alt+→ and
// the browser's own buttons all walk the same history, and a reload or a shared link reopens the function.
import { useCallback, useMemo } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { type PanelEntry, type PanelTrail, trailFor, trailState, visit, withVersion } from './navigation';
import { readPanelEntry, withPanelEntry } from './panelUrl';

export interface CallNavigationData {
  /** The function open, if any. */
  entry: PanelEntry | undefined;
  /** Why the function in the URL can't be opened (broken parameters). */
  error: string | undefined;
  trail: PanelTrail;
}

export interface CallNavigationActions {
  /** Opens a function from the flame graph: a new trail. */
  start: (entry: PanelEntry) => void;
  /** Opens a callee or caller of the function shown: the trail goes on. */
  open: (entry: PanelEntry) => void;
  /** Goes to a function of the trail through the browser history. */
  go: (index: number) => void;
  /** Records the version chosen for the function shown (replacing the history entry, not adding one). */
  chooseVersion: (version: PanelEntry['version']) => void;
  close: () => void;
}

export function useCallNavigation(): { data: CallNavigationData; actions: CallNavigationActions } {
  const [searchParams, setSearchParams] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const { entry, error } = useMemo(() => readPanelEntry(searchParams), [searchParams]);
  const trail = useMemo(
    () => (entry ? trailFor(location.state, entry) : { entries: [], index: 0 }),
    [entry, location.state]
  );

  const show = useCallback(
    (next: PanelTrail | undefined, replace = false) =>
      setSearchParams(withPanelEntry(searchParams, next?.entries[next.index]), {
        replace,
        state: next ? trailState(next) : undefined,
      }),
    [searchParams, setSearchParams]
  );

  const actions = useMemo<CallNavigationActions>(
    () => ({
      start: (next) => show({ entries: [next], index: 0 }),
      open: (next) => {
        const visited = visit(trail, next);
        // The entry being left learns what comes after it, so that forward (Alt+→, the breadcrumb) from it, once the
        // user is back there, knows the way: the browser keeps no state of forward entries for the page to read.
        show({ ...visited, index: visited.index - 1 }, true);
        show(visited);
      },
      go: (index) => {
        if (index !== trail.index && index >= 0 && index < trail.entries.length) {
          navigate(index - trail.index);
        }
      },
      chooseVersion: (version) => entry && show(withVersion(trail, version), true),
      close: () => show(undefined),
    }),
    [show, trail, navigate, entry]
  );
  return { data: { entry, error, trail }, actions };
}

/** Alt+← and Alt+→ inside the panel: back and forward along the trail (the browser's own keys do the same). */
export function historyKeyHandler(trail: PanelTrail, go: (index: number) => void) {
  return (e: React.KeyboardEvent) => {
    if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) {
      return;
    }
    const step = e.key === 'ArrowLeft' ? -1 : e.key === 'ArrowRight' ? 1 : 0;
    const index = trail.index + step;
    if (step !== 0 && index >= 0 && index < trail.entries.length) {
      e.preventDefault();
      go(index);
    }
  };
}
