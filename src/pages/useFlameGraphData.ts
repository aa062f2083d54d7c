// What the flame graph page shows, from Pyroscope through the data cache: profile types, services and label names
// for the pickers, and the flame graph itself. Each answer is kept per data source, selector and resolved range;
// Refresh resolves the range again, which is a new key.
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { isAbortError, type QuerierClient } from '../pyroscope/querier';
import { queryFlameGraph } from '../pyroscope/flameGraphQuery';
import type { TimeRangeMs } from '../domain/target';
import { formatSelector, SERVICE_LABEL } from '../pyroscope/selector';

/** Pyroscope's label holding a series' profile type (`name:sample:unit:periodType:periodUnit`). */
const PROFILE_TYPE_LABEL = '__profile_type__';

export type AsyncState<T> =
  { status: 'idle' } | { status: 'loading' } | { status: 'success'; value: T } | { status: 'error'; error: Error };

let requestCounter = 0;

function stateOf<T>(query: UseQueryResult<T>, enabled: boolean): AsyncState<T> {
  if (!enabled) {
    return { status: 'idle' };
  }
  if (query.status === 'success') {
    return { status: 'success', value: query.data };
  }
  if (query.status === 'error' && !isAbortError(query.error)) {
    return { status: 'error', error: query.error };
  }
  return { status: 'loading' };
}

function useAsyncQuery<T>(key: string | undefined, load: (signal: AbortSignal) => Promise<T>): AsyncState<T> {
  const enabled = key !== undefined;
  const query = useQuery({
    queryKey: ['linescope/flamegraph-page', key],
    queryFn: ({ signal }) => load(signal),
    enabled,
  });
  return stateOf(query, enabled);
}

export interface FlameGraphDataInput {
  client: QuerierClient | undefined;
  datasource: string | undefined;
  range: TimeRangeMs;
  rangeKey: string;
  refreshCount: number;
  profileType: string | undefined;
  scopedToServices: boolean;
  serviceSelector: string;
  labelSelector: string | undefined;
}

export function useProfileTypes(
  client: QuerierClient | undefined,
  datasource: string | undefined,
  range: TimeRangeMs,
  rangeKey: string
) {
  return useAsyncQuery(client ? `profileTypes|${datasource}|${rangeKey}` : undefined, (signal) =>
    client!.profileTypes(range, signal)
  );
}

/** The profile types one service sends, so that picking a service opens on a type it has. */
export function useServiceProfileTypes(
  client: QuerierClient | undefined,
  datasource: string | undefined,
  service: string | undefined,
  range: TimeRangeMs,
  rangeKey: string
) {
  return useAsyncQuery(client && service ? `serviceTypes|${datasource}|${service}|${rangeKey}` : undefined, (signal) =>
    client!.labelValues(
      PROFILE_TYPE_LABEL,
      formatSelector([{ name: SERVICE_LABEL, op: '=', value: service! }]),
      range,
      signal
    )
  );
}

export function usePickerData(input: FlameGraphDataInput) {
  const { client, datasource, range, rangeKey, refreshCount, profileType, scopedToServices } = input;
  const { serviceSelector, labelSelector } = input;
  // Every service of the data source: the profile type follows the service picked (useServiceProfileTypes).
  const services = useAsyncQuery(client ? `services|${datasource}|${rangeKey}` : undefined, (signal) =>
    client!.labelValues(SERVICE_LABEL, '{}', range, signal)
  );
  // Label names are offered for the service part of the selector (service_name matchers of any kind).
  const labelNames = useAsyncQuery(
    client && scopedToServices ? `labelNames|${datasource}|${serviceSelector}|${rangeKey}` : undefined,
    (signal) => client!.labelNames(serviceSelector, range, signal)
  );
  const queryKey =
    datasource && profileType && scopedToServices && labelSelector
      ? JSON.stringify({ datasource, profileType, labelSelector, range, refreshCount })
      : undefined;
  const flameGraph = useAsyncQuery(queryKey, (signal) =>
    queryFlameGraph(
      { datasourceUid: datasource!, profileTypeId: profileType!, labelSelector: labelSelector!, range },
      `linescope-flamegraph-${++requestCounter}`,
      signal
    )
  );
  return { services, labelNames, flameGraph, queryKey };
}
