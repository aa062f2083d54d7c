import type { DataFrame } from '@grafana/data';
import type { DataQuery } from '@grafana/schema';
import { type BackendSrv, type BackendSrvRequest, getBackendSrv, toDataQueryResponse } from '@grafana/runtime';
import { lastValueFrom } from 'rxjs';
import { PYROSCOPE_DS_TYPE } from '../constants';
import { PyroscopeError, toPyroscopeError } from './errors';
import type { TimeRangeMs } from '../domain/target';

// The flame graph comes through Grafana's Pyroscope data source backend, exactly as DataSourceWithBackend.query
// sends it (grafana-host.md §8): POST /api/ds/query with the Pyroscope query model, query type "profile".

export const DEFAULT_MAX_NODES = 16384;

export interface FlameGraphQuery {
  datasourceUid: string;
  datasourceId?: number;
  profileTypeId: string;
  labelSelector: string;
  range: TimeRangeMs;
  maxNodes?: number;
}

/** The Pyroscope query model (note `profileTypeId` with a lower-case d, unlike Pyroscope's own API). */
export interface PyroscopeQuery extends DataQuery {
  queryType: 'profile';
  profileTypeId: string;
  labelSelector: string;
  groupBy: string[];
  maxNodes: number;
  spanSelector: string[];
}

export function buildFlameGraphRequest(q: FlameGraphQuery, requestId: string): BackendSrvRequest {
  const query: PyroscopeQuery & Record<string, unknown> = {
    refId: 'A',
    datasource: { type: PYROSCOPE_DS_TYPE, uid: q.datasourceUid },
    queryType: 'profile',
    profileTypeId: q.profileTypeId,
    labelSelector: q.labelSelector,
    groupBy: [],
    maxNodes: q.maxNodes ?? DEFAULT_MAX_NODES,
    spanSelector: [],
    intervalMs: 15000,
    maxDataPoints: 1000,
  };
  if (q.datasourceId !== undefined) {
    query.datasourceId = q.datasourceId;
  }
  return {
    url: '/api/ds/query',
    method: 'POST',
    params: { ds_type: PYROSCOPE_DS_TYPE, requestId },
    headers: { 'X-Plugin-Id': PYROSCOPE_DS_TYPE, 'X-Datasource-Uid': q.datasourceUid },
    data: { queries: [query], from: String(q.range.from), to: String(q.range.to) },
    requestId,
    showErrorAlert: false,
  };
}

export type FlameGraphResult = { kind: 'data'; frame: DataFrame; total: number } | { kind: 'empty' };

const frameTotal = (frame: DataFrame): number => {
  const value = frame.fields.find((f) => f.name === 'value');
  return frame.length > 0 && value ? Number(value.values[0]) || 0 : 0;
};

/** Reads the /api/ds/query body (or the body of its 400) into the flame graph frame, an empty result or an error. */
export function readFlameGraphResponse(body: unknown): FlameGraphResult {
  const response = toDataQueryResponse({ data: body as never });
  const error = response.errors?.[0];
  if (error) {
    throw new PyroscopeError(
      `The flame graph query failed: ${error.message ?? 'unknown error'}`,
      error.status,
      /time range/i.test(error.message ?? '')
        ? 'Pick a shorter or more recent time range (Pyroscope allows at most 24h by default).'
        : 'Check the data source, the profile type and the label filters, then try again.'
    );
  }
  const frame = response.data.find((f: DataFrame) => f.fields.some((field) => field.name === 'level'));
  if (!frame || frameTotal(frame) <= 0) {
    return { kind: 'empty' };
  }
  return { kind: 'data', frame, total: frameTotal(frame) };
}

export async function queryFlameGraph(
  q: FlameGraphQuery,
  requestId: string,
  backendSrv: () => BackendSrv = getBackendSrv
): Promise<FlameGraphResult> {
  let body: unknown;
  try {
    body = (await lastValueFrom(backendSrv().fetch(buildFlameGraphRequest(q, requestId)))).data;
  } catch (err) {
    const e = err as { data?: { results?: unknown }; cancelled?: boolean };
    if (e?.data?.results) {
      // Grafana answers 400 when a query failed, with the per-query error in the body.
      return readFlameGraphResponse(e.data);
    }
    throw toPyroscopeError(err, 'The flame graph query');
  }
  return readFlameGraphResponse(body);
}
