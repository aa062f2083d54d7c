// The page's state lives in its URL. `update` patches it; the defaults the page picks (data source, profile type,
// first service) are written back in place, so a shared link reproduces the view.
import { useCallback, useEffect, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { type FlameGraphUrlState, readUrlState, toSearchParams } from '../flamegraph/urlState';

export type UpdateUrl = (patch: Partial<FlameGraphUrlState>, replace?: boolean) => void;

export function useFlameGraphUrl(): { url: FlameGraphUrlState; update: UpdateUrl } {
  const [searchParams, setSearchParams] = useSearchParams();
  const url = useMemo(() => readUrlState(searchParams), [searchParams]);
  const update = useCallback<UpdateUrl>(
    (patch, replace = false) =>
      setSearchParams(toSearchParams({ ...readUrlState(searchParams), ...patch }), { replace }),
    [searchParams, setSearchParams]
  );
  return { url, update };
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
