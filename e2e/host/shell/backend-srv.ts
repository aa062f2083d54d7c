// A fetch-based BackendSrv that behaves like Grafana's.
// Imitates: public/app/core/services/backend_srv.ts (request rewriting, FetchError shapes, the deferred error
// alert, 401 → one shared token rotation → retry or sign-out, cancellation by requestId), public/app/core/utils/
// fetch.ts (parseInitFromOptions, parseBody, parseResponseBody, serializeParams), public/app/core/utils/query.ts
// (isLocalUrl, isDataQuery).
import type { BackendSrv, BackendSrvRequest, FetchError, FetchResponse } from '@grafana/runtime';
import { lastValueFrom, Observable } from 'rxjs';

export const isLocalUrl = (url: string) => !/^http/.test(url);

/** Calls whose failures the caller shows itself: no default error alert. */
export const isDataQuery = (url: string) =>
  url.includes('api/datasources/proxy') || url.includes('api/tsdb/query') || url.includes('api/ds/query');

function queryString(params: Record<string, unknown> | undefined): string {
  if (!params) {
    return '';
  }
  return Object.entries(params)
    .filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0) && v !== '')
    .map(([k, v]) =>
      Array.isArray(v)
        ? v.map((item) => `${encodeURIComponent(k)}=${encodeURIComponent(item)}`).join('&')
        : `${encodeURIComponent(k)}=${encodeURIComponent(v as string)}`
    )
    .join('&');
}

/** Only exactly `application/json` makes an object body JSON (isContentTypeApplicationJson). */
const isApplicationJson = (headers: Headers) => (headers.get('content-type') ?? '').toLowerCase() === 'application/json';

/** parseBody: a string or a Blob goes as it is; any other object as JSON, or else form-encoded. */
export function parseBody(data: unknown, isAppJson: boolean): BodyInit | undefined {
  if (!data || typeof data === 'string') {
    return (data as string | undefined) || undefined;
  }
  if (data instanceof Blob) {
    return data;
  }
  return isAppJson ? JSON.stringify(data) : new URLSearchParams(data as Record<string, string>);
}

/** parseHeaders: Accept when missing; POST, PUT and PATCH say JSON unless the caller named a type. */
function parseHeaders(options: BackendSrvRequest): Headers {
  const headers = new Headers((options.headers as Record<string, string>) ?? {});
  const method = (options.method ?? '').toLowerCase();
  if (['post', 'put', 'patch'].includes(method) && !headers.has('content-type')) {
    headers.set('content-type', 'application/json');
  }
  if (!headers.has('accept')) {
    headers.set('accept', 'application/json, text/plain, */*');
  }
  return headers;
}

async function parseResponseBody(resp: Response, responseType: BackendSrvRequest['responseType']): Promise<unknown> {
  switch (responseType) {
    case 'arraybuffer':
      return resp.arrayBuffer();
    case 'blob':
      return resp.blob();
    case 'text':
      return resp.text();
    case 'json':
      // Some Grafana APIs say JSON and send nothing.
      if (resp.headers.get('Content-Length') === '0') {
        return {};
      }
      return resp.json();
  }
  const text = await resp.text();
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

type AlertLevel = 'error' | 'warning';

export interface BackendSrvDependencies {
  /** The user's org (X-Grafana-Org-Id). */
  orgId: number;
  isSignedIn: () => boolean;
  /** contextSrv.setLoggedOut: Grafana's signed-out state. */
  logout: () => void;
  /** AppEvents.alertError / alertWarning with [message, description]. */
  alert: (level: AlertLevel, message: string, description: string) => void;
}

const noop = () => undefined;

class Cancelled {}

export class HostBackendSrv implements Partial<BackendSrv> {
  private inFlight = new Map<string, AbortController>();
  private tokenRotation?: Promise<FetchResponse>;
  private deps: BackendSrvDependencies;

  constructor(deps: Partial<BackendSrvDependencies> & { orgId: number }) {
    this.deps = { isSignedIn: () => true, logout: noop, alert: noop, ...deps };
  }

  fetch<T>(options: BackendSrvRequest): Observable<FetchResponse<T>> {
    return new Observable<FetchResponse<T>>((subscriber) => {
      const controller = new AbortController();
      if (options.requestId) {
        // A newer request with the same id cancels the older one, which errors with Grafana's cancelled shape.
        this.inFlight.get(options.requestId)?.abort(new Cancelled());
        this.inFlight.set(options.requestId, controller);
      }
      const retry = options.retry ?? 0;
      this.sendWithAuthRetry<T>({ ...options, retry }, controller.signal).then(
        (r) => {
          subscriber.next(r);
          subscriber.complete();
        },
        (e) => subscriber.error(e)
      );
      return () => controller.abort();
    });
  }

  /** handleStreamError: a 401 on the first attempt of a local call by a signed-in user rotates the token once. */
  private async sendWithAuthRetry<T>(options: BackendSrvRequest, signal: AbortSignal): Promise<FetchResponse<T>> {
    let attempt = 0;
    for (;;) {
      const response = await this.send<T>(options, signal);
      if (response.ok) {
        return response;
      }
      const firstAttempt = attempt === 0 && options.retry === 0;
      if (response.status === 401 && isLocalUrl(options.url) && firstAttempt && this.deps.isSignedIn()) {
        attempt++;
        try {
          await this.rotateToken();
        } catch (rotationError: any) {
          if (rotationError?.status === 401) {
            this.deps.logout();
          }
          throw this.processRequestError(options, rotationError);
        }
        continue;
      }
      throw this.processRequestError(options, this.toFetchError(response, options));
    }
  }

  /** One rotation for every call that needs it (rotateToken's shared observable). */
  rotateToken(): Promise<FetchResponse> {
    this.tokenRotation ??= lastValueFrom(this.fetch({ url: '/api/user/auth-tokens/rotate', method: 'POST', retry: 1 })).finally(() => {
      this.tokenRotation = undefined;
    });
    return this.tokenRotation;
  }

  private async send<T>(options: BackendSrvRequest, signal: AbortSignal): Promise<FetchResponse<T>> {
    let url = options.url;
    const headers = parseHeaders(options);
    if (isLocalUrl(url)) {
      headers.set('X-Grafana-Org-Id', String(this.deps.orgId));
      // Relative to <base href> = appSubUrl/.
      if (url.startsWith('/')) {
        url = url.substring(1);
      }
      const auth = headers.get('Authorization');
      if (auth) {
        headers.set('X-DS-Authorization', auth);
        headers.delete('Authorization');
      }
    }
    const qs = queryString(options.params as Record<string, unknown>);
    if (options.params && qs) {
      url += `?${qs}`;
    }
    const body = parseBody(options.data, isApplicationJson(headers));
    let resp: Response;
    try {
      resp = await fetch(url, { method: options.method, headers, body, credentials: options.credentials ?? 'same-origin', signal });
    } catch (e) {
      if (signal.aborted) {
        throw this.cancelled(options);
      }
      throw { status: 0, statusText: String(e), data: { message: String(e) }, config: options };
    } finally {
      if (options.requestId && this.inFlight.get(options.requestId)?.signal === signal) {
        this.inFlight.delete(options.requestId);
      }
    }
    const responseType = options.responseType ?? (isApplicationJson(resp.headers) ? 'json' : undefined);
    let data: unknown;
    try {
      data = await parseResponseBody(resp, responseType);
    } catch (e) {
      if (signal.aborted) {
        throw this.cancelled(options);
      }
      data = undefined;
    }
    return {
      data: data as T,
      status: resp.status,
      statusText: resp.statusText,
      ok: resp.ok,
      headers: resp.headers,
      url: resp.url,
      type: resp.type,
      redirected: resp.redirected,
      config: options,
      traceId: resp.headers.get('grafana-trace-id') ?? undefined,
    };
  }

  private cancelled(options: BackendSrvRequest) {
    return { type: 'cancelled', cancelled: true, data: null, status: -1, statusText: 'Request was aborted', config: options };
  }

  private toFetchError(response: FetchResponse, options: BackendSrvRequest): FetchError {
    return { status: response.status, statusText: response.statusText, data: response.data, config: options, traceId: response.traceId };
  }

  /** processRequestError: data always an object with a message; the alert deferred so callers can mark it handled. */
  private processRequestError(options: BackendSrvRequest, err: any): FetchError {
    if (err?.cancelled) {
      return err;
    }
    err.data = err.data ?? { message: 'Unexpected error' };
    if (typeof err.data === 'string') {
      err.data = { message: err.data, error: err.statusText, response: err.data };
    }
    if (err.data && !err.data.message && typeof err.data.error === 'string') {
      err.data.message = err.data.error;
    }
    if (err.data.message) {
      setTimeout(() => {
        if (!err.isHandled) {
          this.showErrorAlert(options, err);
        }
      }, 50);
    }
    return err;
  }

  private showErrorAlert(options: BackendSrvRequest, err: FetchError) {
    if (options.showErrorAlert === false) {
      return;
    }
    if (options.showErrorAlert === undefined && (isDataQuery(options.url) || !isLocalUrl(options.url))) {
      return;
    }
    let message: string = err.data.message;
    let description = '';
    if (message.length > 80) {
      description = message;
      message = 'Error';
    }
    if (err.status === 422) {
      description = err.data.message;
      message = 'Validation failed';
    }
    this.deps.alert(err.status < 500 ? 'warning' : 'error', message, description);
  }

  async request<T = any>(options: BackendSrvRequest): Promise<T> {
    return (await lastValueFrom(this.fetch<T>(options))).data;
  }

  datasourceRequest<T = any>(options: BackendSrvRequest): Promise<FetchResponse<T>> {
    return lastValueFrom(this.fetch<T>(options));
  }

  get<T = any>(url: string, params?: any, requestId?: string, options?: Partial<BackendSrvRequest>): Promise<T> {
    return this.request<T>({ ...options, method: 'GET', url, params, requestId });
  }

  post<T = any>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>): Promise<T> {
    return this.request<T>({ ...options, method: 'POST', url, data });
  }

  put<T = any>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>): Promise<T> {
    return this.request<T>({ ...options, method: 'PUT', url, data });
  }

  patch<T = any>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>): Promise<T> {
    return this.request<T>({ ...options, method: 'PATCH', url, data });
  }

  delete<T = any>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>): Promise<T> {
    return this.request<T>({ ...options, method: 'DELETE', url, data });
  }

  chunked(): Observable<never> {
    return new Observable((s) => s.error(new Error('chunked requests are not implemented by the standalone host')));
  }
}
