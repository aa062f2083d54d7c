import { PLUGIN_BASE_URL, ROUTES } from '../constants';

// Everything the flame graph page shows is in its URL, so a shared link reproduces the view.
//   datasource   Pyroscope data source uid
//   profileType  Pyroscope profile type id, e.g. process_cpu:cpu:nanoseconds:cpu:nanoseconds
//   query        the label selector, service included: {service_name="api",env="prod"}
//   from, to     Grafana time range (relative like now-1h, or Unix ms)

export interface FlameGraphUrlState {
  datasource?: string;
  profileType?: string;
  query: string;
  from: string;
  to: string;
}

export const DEFAULT_FROM = 'now-1h';
export const DEFAULT_TO = 'now';

const param = (params: URLSearchParams, name: string) => {
  const value = params.get(name)?.trim();
  return value ? value : undefined;
};

export function readUrlState(params: URLSearchParams): FlameGraphUrlState {
  return {
    datasource: param(params, 'datasource'),
    profileType: param(params, 'profileType'),
    query: param(params, 'query') ?? '{}',
    from: param(params, 'from') ?? DEFAULT_FROM,
    to: param(params, 'to') ?? DEFAULT_TO,
  };
}

export function toSearchParams(state: FlameGraphUrlState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.datasource) {
    params.set('datasource', state.datasource);
  }
  if (state.profileType) {
    params.set('profileType', state.profileType);
  }
  if (state.query && state.query !== '{}') {
    params.set('query', state.query);
  }
  params.set('from', state.from);
  params.set('to', state.to);
  return params;
}

export function flameGraphPageUrl(state: FlameGraphUrlState): string {
  return `${PLUGIN_BASE_URL}/${ROUTES.FlameGraph}?${toSearchParams(state).toString()}`;
}
