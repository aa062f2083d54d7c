import { Observable } from 'rxjs';
import { type BackendSrv, type BackendSrvRequest, type FetchResponse, getBackendSrv } from '@grafana/runtime';
import { toPyroscopeError } from './errors';
import type { TimeRangeMs } from '../domain/target';
import { encodeSelectMergeProfileRequest, type SelectMergeProfileParams } from './selectMergeProfileRequest';

// querier.v1.QuerierService through Grafana's data source proxy, which forwards Connect calls to Pyroscope as they
// are: JSON for the small calls, binary for SelectMergeProfile because its answer is a pprof that JSON would bloat.

export interface ProfileTypeInfo {
  id: string;
  name: string;
  sampleType: string;
  sampleUnit: string;
  periodType: string;
  periodUnit: string;
  /** As Grafana's Pyroscope data source labels them: "<name> - <sample type>". */
  label: string;
}

interface ProfileTypeJson {
  ID?: string;
  name?: string;
  sampleType?: string;
  sampleUnit?: string;
  periodType?: string;
  periodUnit?: string;
}

/** Runs a BackendSrv request; aborting the signal unsubscribes, which cancels the HTTP request. */
function run<T>(fetch: Observable<FetchResponse<T>>, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DOMException('Aborted', 'AbortError'));
      return;
    }
    let last: FetchResponse<T> | undefined;
    const subscription = fetch.subscribe({
      next: (response) => (last = response),
      error: (err) => reject(err),
      complete: () => (last ? resolve(last.data) : reject(new Error('Empty response'))),
    });
    signal?.addEventListener('abort', () => {
      subscription.unsubscribe();
      reject(new DOMException('Aborted', 'AbortError'));
    });
  });
}

export const isAbortError = (err: unknown) => err instanceof DOMException && err.name === 'AbortError';

export class QuerierClient {
  constructor(
    readonly datasourceUid: string,
    private readonly backendSrv: () => BackendSrv = getBackendSrv
  ) {}

  private url(method: string) {
    return `/api/datasources/proxy/uid/${encodeURIComponent(this.datasourceUid)}/querier.v1.QuerierService/${method}`;
  }

  private async call<T>(method: string, body: object, signal?: AbortSignal): Promise<T> {
    const options: BackendSrvRequest = {
      url: this.url(method),
      method: 'POST',
      data: body,
      headers: { 'Content-Type': 'application/json' },
      showErrorAlert: false,
    };
    try {
      return await run(this.backendSrv().fetch<T>(options), signal);
    } catch (err) {
      throw isAbortError(err) ? err : toPyroscopeError(err, method);
    }
  }

  async profileTypes(range: TimeRangeMs, signal?: AbortSignal): Promise<ProfileTypeInfo[]> {
    const res = await this.call<{ profileTypes?: ProfileTypeJson[] }>(
      'ProfileTypes',
      { start: range.from, end: range.to },
      signal
    );
    return (res?.profileTypes ?? [])
      .filter((t): t is ProfileTypeJson & { ID: string } => typeof t.ID === 'string' && t.ID !== '')
      .map((t) => ({
        id: t.ID,
        name: t.name ?? '',
        sampleType: t.sampleType ?? '',
        sampleUnit: t.sampleUnit ?? '',
        periodType: t.periodType ?? '',
        periodUnit: t.periodUnit ?? '',
        label: t.name && t.sampleType ? `${t.name} - ${t.sampleType}` : t.ID,
      }));
  }

  async labelNames(selector: string, range: TimeRangeMs, signal?: AbortSignal): Promise<string[]> {
    const res = await this.call<{ names?: string[] }>(
      'LabelNames',
      { matchers: [selector || '{}'], start: range.from, end: range.to },
      signal
    );
    return res?.names ?? [];
  }

  async labelValues(name: string, selector: string, range: TimeRangeMs, signal?: AbortSignal): Promise<string[]> {
    const res = await this.call<{ names?: string[] }>(
      'LabelValues',
      { name, matchers: [selector || '{}'], start: range.from, end: range.to },
      signal
    );
    return res?.names ?? [];
  }

  /**
   * The total of the whole profile of a selection and time range (no call site): the root of a one-node flame graph,
   * so the answer stays a few bytes however large the profile.
   */
  async profileTotal(
    profileTypeId: string,
    selector: string,
    range: TimeRangeMs,
    signal?: AbortSignal
  ): Promise<number> {
    const res = await this.call<{ flamegraph?: { total?: string | number } }>(
      'SelectMergeStacktraces',
      { profileTypeID: profileTypeId, labelSelector: selector || '{}', start: range.from, end: range.to, maxNodes: 1 },
      signal
    );
    const total = Number(res?.flamegraph?.total ?? 0);
    return Number.isFinite(total) && total > 0 ? total : 0;
  }

  /** The merged profile as raw protobuf `google.v1.Profile` bytes (not gzipped). */
  async selectMergeProfile(params: SelectMergeProfileParams, signal?: AbortSignal): Promise<Uint8Array> {
    const body = encodeSelectMergeProfileRequest(params);
    const options: BackendSrvRequest = {
      url: this.url('SelectMergeProfile'),
      method: 'POST',
      // BackendSrv passes a Blob through untouched; anything else that is not a string it serialises.
      data: new Blob([body as Uint8Array<ArrayBuffer>], { type: 'application/proto' }),
      headers: { 'Content-Type': 'application/proto', Accept: 'application/proto' },
      responseType: 'arraybuffer',
      showErrorAlert: false,
    };
    try {
      const data = await run(this.backendSrv().fetch<ArrayBuffer>(options), signal);
      return new Uint8Array(data ?? new ArrayBuffer(0));
    } catch (err) {
      throw isAbortError(err) ? err : toPyroscopeError(err, 'SelectMergeProfile');
    }
  }
}
