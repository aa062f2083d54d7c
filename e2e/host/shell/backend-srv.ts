// A fetch-based BackendSrv that behaves like Grafana's (public/app/core/services/backend_srv.ts), grafana-host.md §10.
import type { BackendSrv, BackendSrvRequest, FetchError, FetchResponse } from '@grafana/runtime';
import { lastValueFrom, Observable } from 'rxjs';

const isLocal = (url: string) => !/^https?:\/\//i.test(url);

function queryString(params: Record<string, unknown> | undefined): string {
  if (!params) {
    return '';
  }
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null) {
      continue;
    }
    for (const item of Array.isArray(v) ? v : [v]) {
      sp.append(k, typeof item === 'object' ? JSON.stringify(item) : String(item));
    }
  }
  const s = sp.toString();
  return s ? s : '';
}

function isRawBody(data: unknown): boolean {
  return (
    typeof data === 'string' ||
    data instanceof FormData ||
    data instanceof Blob ||
    data instanceof ArrayBuffer ||
    ArrayBuffer.isView(data) ||
    data instanceof URLSearchParams
  );
}

async function parseBody(resp: Response, responseType: BackendSrvRequest['responseType']): Promise<unknown> {
  switch (responseType) {
    case 'arraybuffer':
      return resp.arrayBuffer();
    case 'blob':
      return resp.blob();
    case 'text':
      return resp.text();
    case 'json':
      return resp.json();
  }
  const text = await resp.text();
  const type = resp.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    return text ? JSON.parse(text) : text;
  }
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export class HostBackendSrv implements Partial<BackendSrv> {
  private inFlight = new Map<string, AbortController>();

  /** `alertError` shows Grafana's error notification (AppEvents.alertError in the shell). */
  constructor(
    private orgId: number,
    private alertError: (message: string) => void = () => undefined
  ) {}

  fetch<T>(options: BackendSrvRequest): Observable<FetchResponse<T>> {
    return new Observable<FetchResponse<T>>((subscriber) => {
      const controller = new AbortController();
      if (options.requestId) {
        this.inFlight.get(options.requestId)?.abort();
        this.inFlight.set(options.requestId, controller);
      }
      this.send<T>(options, controller.signal, false).then(
        (r) => {
          subscriber.next(r);
          subscriber.complete();
        },
        (e) => subscriber.error(e)
      );
      return () => controller.abort();
    });
  }

  private async send<T>(options: BackendSrvRequest, signal: AbortSignal, retried: boolean): Promise<FetchResponse<T>> {
    let url = options.url;
    const headers = new Headers((options.headers as Record<string, string>) ?? {});
    const local = isLocal(url);
    if (local) {
      headers.set('X-Grafana-Org-Id', String(this.orgId));
      // Relative to <base href> = appSubUrl/.
      url = url.replace(/^\/+/, '');
      const auth = headers.get('Authorization');
      if (auth) {
        headers.set('X-DS-Authorization', auth);
        headers.delete('Authorization');
      }
    }
    const qs = queryString(options.params as Record<string, unknown>);
    if (qs) {
      url += (url.includes('?') ? '&' : '?') + qs;
    }
    let body: BodyInit | undefined;
    if (options.data !== undefined && options.data !== null) {
      if (isRawBody(options.data)) {
        body = options.data as BodyInit;
      } else {
        body = JSON.stringify(options.data);
        if (!headers.has('Content-Type')) {
          headers.set('Content-Type', 'application/json');
        }
      }
    }
    if (!headers.has('Accept')) {
      headers.set('Accept', 'application/json, text/plain, */*');
    }
    let resp: Response;
    try {
      resp = await fetch(url, { method: options.method ?? 'GET', headers, body, credentials: options.credentials ?? 'same-origin', signal });
    } catch (e) {
      if (signal.aborted) {
        throw { cancelled: true, status: -1, statusText: 'Request was aborted', data: null, config: options };
      }
      throw { status: 0, statusText: String(e), data: { message: String(e) }, config: options };
    } finally {
      if (options.requestId && this.inFlight.get(options.requestId)?.signal === signal) {
        this.inFlight.delete(options.requestId);
      }
    }
    const data = await parseBody(resp, options.responseType).catch(() => undefined);
    const response: FetchResponse<T> = {
      data: data as T,
      status: resp.status,
      statusText: resp.statusText,
      ok: resp.ok,
      headers: resp.headers,
      url: resp.url,
      type: resp.type,
      redirected: resp.redirected,
      config: options,
    };
    if (resp.ok) {
      return response;
    }
    // A 401 on the first attempt: rotate the session and retry once (Grafana's token refresh).
    if (resp.status === 401 && local && !retried) {
      const rotated = await fetch('api/user/auth-tokens/rotate', { method: 'POST', credentials: 'same-origin' });
      if (rotated.ok) {
        return this.send<T>(options, signal, true);
      }
    }
    throw this.toFetchError(response, options, local);
  }

  private toFetchError(response: FetchResponse, options: BackendSrvRequest, local: boolean): FetchError {
    let data = response.data as any;
    if (typeof data === 'string') {
      data = { message: data, error: response.statusText, response: data };
    } else if (data && typeof data === 'object' && !data.message && typeof data.error === 'string') {
      data = { ...data, message: data.error };
    }
    const err: FetchError = { status: response.status, statusText: response.statusText, data: data ?? {}, config: options };
    const isQuery = /api\/ds\/query/.test(options.url);
    if (local && !isQuery && options.showErrorAlert !== false) {
      // Deferred so that callers can mark the error as handled first.
      setTimeout(() => {
        if (!err.isHandled) {
          this.alertError(data?.message ?? `${response.status} ${response.statusText}`);
        }
      }, 50);
    }
    return err;
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
