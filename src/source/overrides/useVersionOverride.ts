// React access to the overrides, kept in step across components and tabs.
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { SourceVersion } from '../../domain/model';
import {
  OVERRIDES_STORAGE_KEY,
  getOverride,
  resetAllOverrides,
  resetOverride,
  saveOverride,
  type OverrideScope,
} from './store';

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());
let listeningToOtherTabs = false;

function subscribe(listener: () => void): () => void {
  if (!listeningToOtherTabs && typeof window !== 'undefined') {
    listeningToOtherTabs = true;
    window.addEventListener('storage', (event) => {
      if (event.key === OVERRIDES_STORAGE_KEY || event.key === null) {
        notify();
      }
    });
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The override for this data source and service, if any: it beats the build-id version and the labels. */
export function useVersionOverride(scope: OverrideScope): SourceVersion | undefined {
  // The snapshot is a string, so storage that did not change means no new object and no render.
  const snapshot = useSyncExternalStore(subscribe, () => {
    const found = getOverride(window.localStorage, scope);
    return found ? JSON.stringify(found) : '';
  });
  return useMemo(() => (snapshot ? (JSON.parse(snapshot) as SourceVersion) : undefined), [snapshot]);
}

export function useOverrideActions(scope: OverrideScope) {
  const { datasourceUid, serviceName } = scope;
  const save = useCallback(
    (version: SourceVersion) => {
      saveOverride(window.localStorage, { datasourceUid, serviceName }, version);
      notify();
    },
    [datasourceUid, serviceName]
  );
  const reset = useCallback(() => {
    resetOverride(window.localStorage, { datasourceUid, serviceName });
    notify();
  }, [datasourceUid, serviceName]);
  const resetAll = useCallback(() => {
    resetAllOverrides(window.localStorage);
    notify();
  }, []);
  return { override: useVersionOverride(scope), save, reset, resetAll };
}
