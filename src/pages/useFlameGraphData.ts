// What the flame graph page shows, from Pyroscope through the data cache: profile types, services and label names
// for the pickers, and the flame graph itself. Each answer is kept per data source, selector and resolved range;
// Refresh resolves the range again, which is a new key.
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { isAbortError, type QuerierClient } from '../pyroscope/querier';
import { queryFlameGraph } from '../pyroscope/flameGraphQuery';
import type { TimeRangeMs } from '../domain/target';
import { SERVICE_LABEL } from '../pyroscope/selector';

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

export function usePickerData(input: FlameGraphDataInput) {
  const { client, datasource, range, rangeKey, refreshCount, profileType, scopedToServices } = input;
  const { serviceSelector, labelSelector } = input;
  const typeSelector = profileType ? `{__profile_type__="${profileType}"}` : '{}';
  const services = useAsyncQuery(
    client && profileType ? `services|${datasource}|${profileType}|${rangeKey}` : undefined,
    (signal) => client!.labelValues(SERVICE_LABEL, typeSelector, range, signal)
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
