// HostBackendSrv against a stubbed fetch: Grafana's request rewriting, body encoding, FetchError shapes, alerts,
// token rotation and cancellation (public/app/core/services/backend_srv.ts, public/app/core/utils/fetch.ts).
import { lastValueFrom } from 'rxjs';
import { HostBackendSrv, parseBody } from './backend-srv';

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

function srvWithAlerts(extra: { logout?: () => void; isSignedIn?: () => boolean } = {}) {
  const alerts: Array<[string, string]> = [];
  const srv = new HostBackendSrv({ orgId: 1, alert: (level, message) => alerts.push([level, message]), ...extra });
  return { srv, alerts };
}

describe('HostBackendSrv', () => {
  const realFetch = global.fetch;
  afterEach(() => {
    global.fetch = realFetch;
  });

  it('rewrites local requests like Grafana: base-relative URL, org header, X-DS-Authorization, params, JSON body', async () => {
    const calls = stubFetch([json(200, { ok: true })]);
    const srv = new HostBackendSrv({ orgId: 7 });
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

  it('sends a body as parseBody does: string and Blob raw, objects as JSON only for exactly application/json', async () => {
    expect(parseBody('raw', true)).toBe('raw');
    const blob = new Blob([new Uint8Array([1, 2])], { type: 'application/proto' });
    expect(parseBody(blob, false)).toBe(blob);
    expect(parseBody({ a: 1 }, true)).toBe('{"a":1}');
    expect(String(parseBody({ a: 1, b: 'x y' }, false))).toBe('a=1&b=x+y');
    // A typed array is not sent as bytes: form-encoding it fails, as in Grafana.
    expect(() => parseBody(new Uint8Array([7]), false)).toThrow(/query pair/);
    const calls = stubFetch([json(200, {}), json(200, {})]);
    const srv = new HostBackendSrv({ orgId: 1 });
    await srv.post('/api/y', { a: 1 }, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
    expect(String(calls[0].init.body)).toBe('a=1');
    await srv.get('/api/z');
    expect(calls[1].init.body).toBeUndefined();
    expect((calls[1].init.headers as Headers).get('content-type')).toBeNull();
  });

  it("turns the proxy's plain-text 400 into a FetchError with message, error and response", async () => {
    useFakeAlertTimer();
    stubFetch([() => new Response('Authentication to data source failed', { status: 400, statusText: 'Bad Request', headers: { 'content-type': 'text/plain; charset=utf-8' } })]);
    const { srv, alerts } = srvWithAlerts();
    await expect(srv.get('/api/datasources/proxy/uid/p/vcs.v1.VCSService/GetFile')).rejects.toMatchObject({
      status: 400,
      data: { message: 'Authentication to data source failed', error: 'Bad Request', response: 'Authentication to data source failed' },
    });
    await jest.runAllTimersAsync();
    // Data source proxy calls are data queries: their callers show the error, Grafana does not.
    expect(alerts).toEqual([]);
  });

  it('copies data.error into message, warns below 500, errs from 500, unless the error was handled', async () => {
    useFakeAlertTimer();
    stubFetch([json(500, { error: 'boom' }), json(403, { message: 'denied' }), json(404, { message: 'gone' }), json(500, { message: 'q' })]);
    const { srv, alerts } = srvWithAlerts();
    await expect(srv.get('/api/a')).rejects.toMatchObject({ status: 500, data: { error: 'boom', message: 'boom' } });
    await srv.get('/api/b').catch((e) => {
      e.isHandled = true;
    });
    await srv.get('/api/c').catch(() => undefined);
    await srv.post('/api/ds/query', {}).catch(() => undefined);
    await jest.runAllTimersAsync();
    expect(alerts).toEqual([
      ['error', 'boom'],
      ['warning', 'gone'],
    ]);
  });

  it('rotates the session and retries once on a 401; one rotation for calls that need it together', async () => {
    const calls = stubFetch([json(401, {}), json(200, {}), json(200, { again: true })]);
    const { srv } = srvWithAlerts();
    await expect(srv.get('/api/user')).resolves.toEqual({ again: true });
    expect(calls.map((c) => [c.init.method, c.url])).toEqual([
      ['GET', 'api/user'],
      ['POST', 'api/user/auth-tokens/rotate'],
      ['GET', 'api/user'],
    ]);
    const shared = stubFetch([json(401, {}), json(401, {}), json(200, {}), json(200, { n: 1 }), json(200, { n: 2 })]);
    await Promise.all([srv.get('/api/a'), srv.get('/api/b')]);
    expect(shared.filter((c) => c.url.endsWith('rotate'))).toHaveLength(1);
  });

  it('a 401 again after the rotation is an error; a refused rotation (the second 401) signs the user out', async () => {
    const logout = jest.fn();
    const { srv } = srvWithAlerts({ logout });
    stubFetch([json(401, { message: 'Unauthorized' }), json(200, {}), json(401, { message: 'Unauthorized' })]);
    await expect(srv.get('/api/user', undefined, undefined, { showErrorAlert: false })).rejects.toMatchObject({ status: 401 });
    expect(logout).not.toHaveBeenCalled();
    stubFetch([json(401, { message: 'Unauthorized', messageId: 'session.token.rotate' }), json(401, { message: 'Unauthorized' })]);
    await expect(srv.get('/api/user', undefined, undefined, { showErrorAlert: false })).rejects.toMatchObject({ status: 401 });
    expect(logout).toHaveBeenCalledTimes(1);
  });

  it('does not rotate for a signed-out user, for a retried call, or for a URL that is not local', async () => {
    const { srv } = srvWithAlerts({ isSignedIn: () => false });
    const calls = stubFetch([json(401, {})]);
    await expect(srv.get('/api/user', undefined, undefined, { showErrorAlert: false })).rejects.toMatchObject({ status: 401 });
    const signedIn = srvWithAlerts().srv;
    calls.push(...stubFetch([json(401, {}), json(401, {})]));
    await expect(signedIn.request({ url: 'api/user', retry: 1, showErrorAlert: false })).rejects.toMatchObject({ status: 401 });
    await expect(signedIn.get('http://elsewhere/api', undefined, undefined, { showErrorAlert: false })).rejects.toMatchObject({ status: 401 });
    expect(calls.some((c) => c.url.endsWith('rotate'))).toBe(false);
  });

  it("parses by responseType and cancels an older request with the same requestId as Grafana's 'cancelled'", async () => {
    stubFetch([() => new Response(new Uint8Array([1, 2, 3]), { status: 200, headers: { 'content-type': 'application/proto' } })]);
    const srv = new HostBackendSrv({ orgId: 1 });
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
    await expect(first).rejects.toEqual(expect.objectContaining({ type: 'cancelled', cancelled: true, status: -1, data: null, statusText: 'Request was aborted' }));
    await expect(second).resolves.toEqual({});
  });
});
