// HostBackendSrv against a stubbed fetch: Grafana's request rewriting and FetchError shapes (grafana-host.md §10).
import { lastValueFrom } from 'rxjs';
import { HostBackendSrv } from './backend-srv';

interface Call {
  url: string;
  init: RequestInit;
}

/** The error alert is deferred (so callers can mark the error handled first): fake timers run it without sleeping. */
function useFakeAlertTimer(): void {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
}

afterEach(() => jest.useRealTimers());

function stubFetch(responses: Array<() => Response>): Call[] {
  const calls: Call[] = [];
  global.fetch = jest.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    const next = responses.shift();
    if (!next) {
      throw new Error(`unexpected fetch ${url}`);
    }
    return next();
  }) as typeof fetch;
  return calls;
}

const json = (status: number, body: unknown) => () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('HostBackendSrv', () => {
  const realFetch = global.fetch;
  afterEach(() => {
    global.fetch = realFetch;
  });

  it('rewrites local requests like Grafana: base-relative URL, org header, X-DS-Authorization, params, JSON body', async () => {
    const calls = stubFetch([json(200, { ok: true })]);
    const srv = new HostBackendSrv(7);
    const data = await srv.post('/api/x', { a: 1 }, { params: { q: 'v', list: [1, 2] }, headers: { Authorization: 'Bearer t' } });
    expect(data).toEqual({ ok: true });
    expect(calls[0].url).toBe('api/x?q=v&list=1&list=2');
    const headers = calls[0].init.headers as Headers;
    expect(headers.get('X-Grafana-Org-Id')).toBe('7');
    expect(headers.get('X-DS-Authorization')).toBe('Bearer t');
    expect(headers.get('Authorization')).toBeNull();
    expect(headers.get('Content-Type')).toBe('application/json');
    expect(calls[0].init.body).toBe('{"a":1}');
  });

  it("turns the proxy's plain-text 400 into a FetchError with message, error and response", async () => {
    useFakeAlertTimer();
    stubFetch([() => new Response('Authentication to data source failed', { status: 400, statusText: 'Bad Request', headers: { 'content-type': 'text/plain; charset=utf-8' } })]);
    const alerts: string[] = [];
    const srv = new HostBackendSrv(1, (m) => alerts.push(m));
    await expect(srv.get('/api/datasources/proxy/uid/p/vcs.v1.VCSService/GetFile', undefined, undefined, { showErrorAlert: false })).rejects.toMatchObject({
      status: 400,
      data: { message: 'Authentication to data source failed', error: 'Bad Request', response: 'Authentication to data source failed' },
    });
    await jest.runAllTimersAsync();
    expect(alerts).toEqual([]);
  });

  it('copies data.error into message and alerts unless the error was handled', async () => {
    useFakeAlertTimer();
    stubFetch([json(500, { error: 'boom' }), json(403, { message: 'denied' })]);
    const alerts: string[] = [];
    const srv = new HostBackendSrv(1, (m) => alerts.push(m));
    await expect(srv.get('/api/a')).rejects.toMatchObject({ status: 500, data: { error: 'boom', message: 'boom' } });
    await srv.get('/api/b').catch((e) => {
      e.isHandled = true;
    });
    await jest.runAllTimersAsync();
    expect(alerts).toEqual(['boom']);
  });

  it('rotates the session and retries once on a 401, then gives up', async () => {
    const calls = stubFetch([json(401, {}), json(200, {}), json(200, { again: true })]);
    const srv = new HostBackendSrv(1);
    await expect(srv.get('/api/user')).resolves.toEqual({ again: true });
    expect(calls.map((c) => [c.init.method, c.url])).toEqual([
      ['GET', 'api/user'],
      ['POST', 'api/user/auth-tokens/rotate'],
      ['GET', 'api/user'],
    ]);
    stubFetch([json(401, { message: 'Unauthorized' }), json(200, {}), json(401, { message: 'Unauthorized' })]);
    await expect(srv.get('/api/user', undefined, undefined, { showErrorAlert: false })).rejects.toMatchObject({ status: 401 });
  });

  it('parses by responseType and cancels an older request with the same requestId', async () => {
    stubFetch([() => new Response(new Uint8Array([1, 2, 3]), { status: 200, headers: { 'content-type': 'application/proto' } })]);
    const srv = new HostBackendSrv(1);
    const res = await lastValueFrom(srv.fetch<ArrayBuffer>({ url: 'api/bin', responseType: 'arraybuffer' }));
    expect(new Uint8Array(res.data)).toEqual(new Uint8Array([1, 2, 3]));

    global.fetch = jest.fn(
      (_url: RequestInfo | URL, init?: RequestInit) =>
        new Promise<Response>((resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
          setTimeout(() => resolve(new Response('{}', { status: 200 })), 50);
        })
    ) as typeof fetch;
    const first = srv.get('/api/slow', undefined, 'same-id');
    const second = srv.get('/api/slow', undefined, 'same-id');
    await expect(first).rejects.toMatchObject({ cancelled: true, status: -1 });
    await expect(second).resolves.toEqual({});
  });
});
