// The page's state lives in its URL. `update` patches it; the defaults the page picks (data source, profile type,
// first service) are written back in place, so a shared link reproduces the view.
import { useCallback, useEffect, useMemo } from 'react';
import { useLocation, useSearchParams } from 'react-router-dom';
import { readPanelEntry, withPanelEntry } from '../function-details/calls/panelUrl';
import { type FlameGraphUrlState, readUrlState, toSearchParams } from '../flamegraph/urlState';

export type UpdateUrl = (patch: Partial<FlameGraphUrlState>, replace?: boolean) => void;

/** The comparison open in the panel (`compare=`), kept beside the view's own parameters so a link shares it. */
export interface CompareUrlParam {
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}

export function useFlameGraphUrl(): { url: FlameGraphUrlState; update: UpdateUrl; compare: CompareUrlParam } {
  const [searchParams, setSearchParams] = useSearchParams();
  const location = useLocation();
  const url = useMemo(() => readUrlState(searchParams), [searchParams]);
  // A change of the query closes Function details (its parameters are left out); filling in a default the link did
  // not name (replace) keeps the function open and its trail.
  const update = useCallback<UpdateUrl>(
    (patch, replace = false) => {
      const next = toSearchParams({ ...readUrlState(searchParams), ...patch });
      setSearchParams(replace ? withPanelEntry(next, readPanelEntry(searchParams).entry) : next, {
        replace,
        state: replace ? location.state : undefined,
      });
    },
    [searchParams, setSearchParams, location.state]
  );
  const setCompare = useCallback(
    (value: string | undefined) =>
      setSearchParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          if (value) {
            next.set('compare', value);
          } else {
            next.delete('compare');
          }
          return next;
        },
        { replace: true, state: location.state }
      ),
    [setSearchParams, location.state]
  );
  const compare = useMemo(
    () => ({ value: searchParams.get('compare') ?? undefined, onChange: setCompare }),
    [searchParams, setCompare]
  );
  return { url, update, compare };
}

export interface PickedDefaults {
  datasource: string | undefined;
  /** Known once the profile types have loaded. */
  profileType: string | undefined;
  profileTypesLoaded: boolean;
  /** The first service for the profile type, when the selector names none; undefined until known. */
  firstServiceQuery: string | undefined;
}

export function useUrlDefaults(url: FlameGraphUrlState, update: UpdateUrl, picked: PickedDefaults) {
  const { datasource, profileType, profileTypesLoaded, firstServiceQuery } = picked;
  useEffect(() => {
    if (datasource && datasource !== url.datasource) {
      update({ datasource }, true);
    }
  }, [datasource, url.datasource, update]);
  useEffect(() => {
    if (profileTypesLoaded && profileType && profileType !== url.profileType) {
      update({ profileType }, true);
    }
  }, [profileTypesLoaded, profileType, url.profileType, update]);
  useEffect(() => {
    if (firstServiceQuery !== undefined) {
      update({ query: firstServiceQuery }, true);
    }
  }, [firstServiceQuery]); // eslint-disable-line react-hooks/exhaustive-deps
}
