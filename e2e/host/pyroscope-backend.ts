// Grafana's Pyroscope data source backend, the part the plugin reaches: /api/ds/query (profile queries) and the
// resources profileTypes / labelNames / labelValues. It calls querier.v1 with the binary Connect codec, as
// Grafana's querierv1connect client does, forwarding only the keepCookies cookies (CookiesMiddleware).
import { Code, ConnectError, createClient, type Interceptor } from '@connectrpc/connect';
import { createConnectTransport } from '@connectrpc/connect-node';
import { QuerierService } from '../../proto/gen/querier/v1/querier_pb';
import type { HostDataSource } from './datasources';
import { emptyFlameGraphFrame, nestedSetFrame, type FrameJson } from './grafana-api/pyroscope-frame';
import { keptCookieHeader } from './grafana-api/proxy-rules';
import { parseTime } from './grafana-api/time-range';

function clientFor(ds: HostDataSource, cookieHeader: string | undefined) {
  const cookie = keptCookieHeader(cookieHeader, ds.jsonData.keepCookies);
  const headers: Interceptor = (next) => async (req) => {
    if (cookie) {
      req.header.set('cookie', cookie);
    }
    if (ds.basicAuth) {
      req.header.set('authorization', `Basic ${Buffer.from(`${ds.basicAuth.user}:${ds.basicAuth.password}`).toString('base64')}`);
    }
    return next(req);
  };
  return createClient(
    QuerierService,
    // A connection per query (agent: false): Grafana's Go transport retries a kept-alive connection the upstream
    // closed as it was reused; without that retry here, such a race would fail a query Grafana would answer.
    createConnectTransport({ baseUrl: ds.url, httpVersion: '1.1', useBinaryFormat: true, interceptors: [headers], defaultTimeoutMs: 30000, nodeOptions: { agent: false } })
  );
}

/** Connect's `code: message` text, as connect-go's error String() gives it. */
function connectText(e: unknown): string {
  if (e instanceof ConnectError) {
    return `${Code[e.code].replace(/[A-Z]/g, (c, i) => (i ? '_' : '') + c.toLowerCase())}: ${e.rawMessage}`;
  }
  return String((e as Error)?.message ?? e);
}

export interface DataResponse {
  status: number;
  frames?: FrameJson[];
  error?: string;
  errorSource?: string;
}

interface PyroscopeQuery {
  refId?: string;
  queryType?: string;
  profileTypeId?: string;
  labelSelector?: string;
  maxNodes?: number;
  spanSelector?: string[];
  profileIdSelector?: string[];
}

export async function runPyroscopeQuery(ds: HostDataSource, q: PyroscopeQuery, from: number, to: number, cookie?: string): Promise<DataResponse> {
  const type = q.queryType;
  if (type !== 'profile' && type !== 'both' && type !== 'metrics') {
    return { status: 200 };
  }
  if (type !== 'profile') {
    return {
      status: 501,
      error: `this standalone host answers queryType "profile" only; "${type}" needs the time series (SelectSeries), which it does not implement`,
      errorSource: 'plugin',
    };
  }
  if (q.spanSelector && q.spanSelector.length > 0) {
    return { status: 501, error: 'this standalone host does not implement span profiles', errorSource: 'plugin' };
  }
  try {
    const res = await clientFor(ds, cookie).selectMergeStacktraces({
      profileTypeID: q.profileTypeId ?? '',
      labelSelector: q.labelSelector ?? '',
      start: BigInt(from),
      end: BigInt(to),
      maxNodes: q.maxNodes ? BigInt(q.maxNodes) : undefined,
      profileIdSelector: q.profileIdSelector ?? [],
    });
    if (!res.flamegraph) {
      return { status: 200, frames: [emptyFlameGraphFrame()] };
    }
    const fg = { names: res.flamegraph.names, levels: res.flamegraph.levels.map((l) => l.values.map(Number)) };
    return { status: 200, frames: [nestedSetFrame(fg, q.profileTypeId ?? '')] };
  } catch (e) {
    return { status: 500, error: `received error from client while getting profile: ${connectText(e)}`, errorSource: 'downstream' };
  }
}

/** POST /api/ds/query for Pyroscope queries: results keyed by refId, HTTP 400 when any result failed. */
export async function dsQuery(
  body: { queries?: Array<PyroscopeQuery & { datasource?: { uid?: string } }>; from?: string; to?: string },
  findDs: (uid: string | undefined) => HostDataSource | undefined,
  cookie: string | undefined,
  now = Date.now()
): Promise<{ status: number; body: unknown }> {
  if (!body || !Array.isArray(body.queries)) {
    return { status: 400, body: { message: 'bad request data' } };
  }
  let from: number;
  let to: number;
  try {
    from = parseTime(body.from, now);
    to = parseTime(body.to, now);
  } catch (e) {
    return { status: 400, body: { message: 'bad request data', error: (e as Error).message } };
  }
  const results: Record<string, DataResponse> = {};
  await Promise.all(
    body.queries.map(async (q) => {
      const refId = q.refId ?? 'A';
      const ds = findDs(q.datasource?.uid);
      if (!ds) {
        results[refId] = { status: 404, error: `data source not found: ${q.datasource?.uid ?? ''}`, errorSource: 'plugin' };
        return;
      }
      results[refId] = await runPyroscopeQuery(ds, q, from, to, cookie);
    })
  );
  const sorted = Object.fromEntries(Object.keys(results).sort().map((k) => [k, orderResult(results[k])]));
  const failed = Object.values(results).some((r) => r.error);
  return { status: failed ? 400 : 200, body: { results: sorted } };
}

/** backend/json.go writes error, errorSource, status, frames in this order. */
function orderResult(r: DataResponse): DataResponse {
  return {
    ...(r.error ? { error: r.error, errorSource: r.errorSource ?? '' } : {}),
    status: r.status,
    ...(r.frames ? { frames: r.frames } : {}),
  } as DataResponse;
}

/** GET /api/datasources/uid/<uid>/resources/<path> of the Pyroscope backend. */
export async function pyroscopeResource(ds: HostDataSource, resource: string, params: URLSearchParams, cookie: string | undefined): Promise<{ status: number; body: unknown }> {
  const now = Date.now();
  const start = BigInt(params.get('start') ?? now - 3600000);
  const end = BigInt(params.get('end') ?? now + 3600000);
  const client = clientFor(ds, cookie);
  try {
    if (resource === 'profileTypes') {
      const res = await client.profileTypes({ start, end });
      return { status: 200, body: res.profileTypes.map((t) => ({ id: t.ID, label: `${t.name} - ${t.sampleType}` })) };
    }
    if (resource === 'labelNames') {
      const query = params.get('query') ?? '{}';
      const res = await client.labelNames({ matchers: [query], start, end });
      const inQuery = new Set([...query.matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)/g)].map((m) => m[1]));
      return { status: 200, body: res.names.filter((n) => !n.startsWith('__') && !inQuery.has(n)) };
    }
    if (resource === 'labelValues') {
      const res = await client.labelValues({ name: params.get('label') ?? '', matchers: [params.get('query') ?? '{}'], start, end });
      return { status: 200, body: res.names };
    }
  } catch (e) {
    return { status: 500, body: { message: connectText(e) } };
  }
  return { status: 404, body: { message: 'Not found' } };
}
