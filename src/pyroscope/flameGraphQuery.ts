import {
  CoreApp,
  dateTime,
  LoadingState,
  type DataFrame,
  type DataQueryError,
  type DataQueryRequest,
  type DataQueryResponse,
  type DataSourceApi,
} from '@grafana/data';
import type { DataQuery } from '@grafana/schema';
import { getDataSourceSrv, type DataSourceSrv } from '@grafana/runtime';
import { from, type Observable } from 'rxjs';
import { PYROSCOPE_DS_TYPE } from '../constants';
import { PyroscopeError, toPyroscopeError } from './errors';
import type { TimeRangeMs } from '../domain/target';

// The flame graph comes from the Pyroscope data source's own query(), as Grafana's panels and Explore get it
// (catalog-i18n-mcp.md §2): the plugin never posts to Grafana's query endpoint itself.

export const DEFAULT_MAX_NODES = 16384;

export interface FlameGraphQuery {
  datasourceUid: string;
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

export function buildFlameGraphRequest(q: FlameGraphQuery, requestId: string): DataQueryRequest<PyroscopeQuery> {
  const fromTime = dateTime(q.range.from);
  const toTime = dateTime(q.range.to);
  return {
    requestId,
    app: CoreApp.Unknown,
    interval: '15s',
    intervalMs: 15000,
    maxDataPoints: 1000,
    range: { from: fromTime, to: toTime, raw: { from: fromTime, to: toTime } },
    scopedVars: {},
    timezone: 'browser',
    startTime: Date.now(),
    targets: [
      {
        refId: 'A',
        datasource: { type: PYROSCOPE_DS_TYPE, uid: q.datasourceUid },
        queryType: 'profile',
        profileTypeId: q.profileTypeId,
        labelSelector: q.labelSelector,
        groupBy: [],
        maxNodes: q.maxNodes ?? DEFAULT_MAX_NODES,
        spanSelector: [],
      },
    ],
  };
}

export type FlameGraphResult = { kind: 'data'; frame: DataFrame; total: number } | { kind: 'empty' };

const frameTotal = (frame: DataFrame): number => {
  const value = frame.fields.find((f) => f.name === 'value');
  return frame.length > 0 && value ? Number(value.values[0]) || 0 : 0;
};

const abortError = () => new DOMException('The flame graph query was cancelled', 'AbortError');

function queryError(error: DataQueryError): Error {
  if ((error as { cancelled?: boolean }).cancelled) {
    // A newer query with the same requestId superseded this one.
    return abortError();
  }
  if (error.refId === undefined) {
    // The request itself failed (no access, no data source, Grafana unreachable): the fetch error as it came.
    return toPyroscopeError(error, 'The flame graph query');
  }
  return new PyroscopeError(
    `The flame graph query failed: ${error.message ?? 'unknown error'}`,
    error.status,
    /time range/i.test(error.message ?? '')
      ? 'Pick a shorter or more recent time range (Pyroscope allows at most 24h by default).'
      : 'Check the data source, the profile type and the label filters, then try again.'
  );
}

/** Reads the data source's answer into the flame graph frame, an empty result or an error. */
export function readFlameGraphResponse(response: DataQueryResponse): FlameGraphResult {
  // Failures arrive as a normal answer, not as a thrown error: per-query ones in `errors`, a failed request only in
  // `error` (toDataQueryResponse in @grafana/runtime), with the error state.
  const error =
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    response.errors?.[0] ?? (response.state === LoadingState.Error ? response.error : undefined);
  if (error) {
    throw queryError(error);
  }
  const frame = (response.data as DataFrame[]).find((f) => f.fields?.some((field) => field.name === 'level'));
  if (!frame || frameTotal(frame) <= 0) {
    return { kind: 'empty' };
  }
  return { kind: 'data', frame, total: frameTotal(frame) };
}

/** The last answer of the query; unsubscribing (which cancels the HTTP request) when the signal aborts. */
function lastAnswer(answers: Observable<DataQueryResponse>, signal?: AbortSignal): Promise<DataQueryResponse> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError());
      return;
    }
    let last: DataQueryResponse | undefined;
    const onAbort = () => {
      subscription.unsubscribe();
      reject(abortError());
    };
    const subscription = answers.subscribe({
      next: (answer) => (last = answer),
      error: (err) => {
        signal?.removeEventListener('abort', onAbort);
        reject(toPyroscopeError(err, 'The flame graph query'));
      },
      complete: () => {
        signal?.removeEventListener('abort', onAbort);
        resolve(last ?? { data: [] });
      },
    });
    if (!subscription.closed) {
      signal?.addEventListener('abort', onAbort, { once: true });
    }
  });
}

export async function queryFlameGraph(
  q: FlameGraphQuery,
  requestId: string,
  signal?: AbortSignal,
  dataSourceSrv: () => DataSourceSrv = getDataSourceSrv
): Promise<FlameGraphResult> {
  let ds: DataSourceApi;
  try {
    ds = await dataSourceSrv().get({ type: PYROSCOPE_DS_TYPE, uid: q.datasourceUid });
  } catch (err) {
    throw new PyroscopeError(
      `The Pyroscope data source ${q.datasourceUid} was not found: ${err instanceof Error ? err.message : String(err)}`,
      404,
      'Pick another data source, or check that this one still exists in Connections → Data sources.'
    );
  }
  let answers: Observable<DataQueryResponse>;
  try {
    answers = from(ds.query(buildFlameGraphRequest(q, requestId)));
  } catch (err) {
    throw toPyroscopeError(err, 'The flame graph query');
  }
  return readFlameGraphResponse(await lastAnswer(answers, signal));
}
