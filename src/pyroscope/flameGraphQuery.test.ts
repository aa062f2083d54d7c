import { NEVER, Observable, of, throwError } from 'rxjs';
import { FieldType, type DataSourceInstanceSettings } from '@grafana/data';
import { setBackendSrv, setDataSourceSrv, type BackendSrv, type BackendSrvRequest } from '@grafana/runtime';
import { buildFlameGraphRequest, queryFlameGraph } from './flameGraphQuery';
import { backendDataSourceSrv, flameGraphQueryBody } from '../test-support/dsQuery';

// The query runs through the real DataSourceWithBackend.query (the Pyroscope data source's base class) over a
// BackendSrv double answering what Grafana answers.

const q = {
  datasourceUid: 'pyro-1',
  profileTypeId: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds',
  labelSelector: '{service_name="api"}',
  range: { from: 1000, to: 2000 },
};
const pyro = {
  id: 3,
  uid: 'pyro-1',
  name: 'Pyroscope',
  type: 'grafana-pyroscope-datasource',
  meta: { id: 'grafana-pyroscope-datasource', info: { logos: {} } },
  jsonData: {},
} as unknown as DataSourceInstanceSettings;

const okBody = flameGraphQueryBody();
const emptyBody = flameGraphQueryBody([]);

let respond: (req: BackendSrvRequest) => Observable<unknown>;
const requests: BackendSrvRequest[] = [];
beforeAll(() => {
  setDataSourceSrv(backendDataSourceSrv([pyro]));
  setBackendSrv({
    fetch: (req: BackendSrvRequest) => {
      requests.push(req);
      return respond(req);
    },
  } as unknown as BackendSrv);
});
beforeEach(() => (requests.length = 0));

describe('flame graph query', () => {
  it("goes through the data source's query(), which Grafana sends as a Pyroscope profile query", async () => {
    respond = () => of({ data: okBody, status: 200 });
    await queryFlameGraph(q, 'linescope-1');
    expect(requests).toHaveLength(1);
    const [req] = requests;
    expect(req.url).toBe('/api/ds/query?ds_type=grafana-pyroscope-datasource&requestId=linescope-1');
    expect(req).toMatchObject({
      method: 'POST',
      requestId: 'linescope-1',
      headers: { 'X-Plugin-Id': 'grafana-pyroscope-datasource', 'X-Datasource-Uid': 'pyro-1' },
      data: {
        from: '1000',
        to: '2000',
        queries: [
          {
            refId: 'A',
            datasource: { type: 'grafana-pyroscope-datasource', uid: 'pyro-1' },
            datasourceId: 3,
            queryType: 'profile',
            profileTypeId: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds',
            labelSelector: '{service_name="api"}',
            groupBy: [],
            maxNodes: 16384,
          },
        ],
      },
    });
  });

  it('builds a request with every field a DataQueryRequest needs', () => {
    const req = buildFlameGraphRequest({ ...q, maxNodes: 5 }, 'r');
    expect(req.range.from.valueOf()).toBe(1000);
    expect(req.range.to.valueOf()).toBe(2000);
    expect(req).toMatchObject({ requestId: 'r', interval: '15s', intervalMs: 15000, scopedVars: {} });
    expect(req.targets[0].maxNodes).toBe(5);
  });

  it('returns the nested-set frame with its enum labels and total', async () => {
    respond = () => of({ data: okBody, status: 200 });
    const result = await queryFlameGraph(q, 'r');
    expect(result.kind).toBe('data');
    if (result.kind !== 'data') {
      return;
    }
    expect(result.total).toBe(100);
    const label = result.frame.fields.find((f) => f.name === 'label')!;
    expect(label.type).toBe(FieldType.enum);
    expect(label.config.type?.enum?.text).toEqual(['total', 'main', 'a', 'b', 'c']);
    expect(result.frame.fields.find((f) => f.name === 'value')!.config.unit).toBe('ns');
  });

  it('reads the zero-row frame Pyroscope sends for no data as empty', async () => {
    respond = () => of({ data: emptyBody, status: 200 });
    await expect(queryFlameGraph(q, 'r')).resolves.toEqual({ kind: 'empty' });
  });

  it("reports the query's own error from Grafana's 400 body", async () => {
    const body = {
      results: {
        A: {
          error: 'received error from client while getting profile: invalid_argument: missing time range in the query',
          errorSource: 'downstream',
          status: 500,
        },
      },
    };
    respond = () => throwError(() => ({ status: 400, data: body }));
    await expect(queryFlameGraph(q, 'r')).rejects.toMatchObject({
      message: expect.stringContaining('missing time range'),
      hint: expect.stringContaining('time range'),
    });
  });

  it('reports request-level failures with a hint', async () => {
    respond = () => throwError(() => ({ status: 403, data: { message: 'Access denied to datasource' } }));
    await expect(queryFlameGraph(q, 'r')).rejects.toMatchObject({
      message: 'The flame graph query failed (HTTP 403): Access denied to datasource',
      hint: expect.stringContaining('query access'),
    });
  });

  it('says which data source is missing when Grafana does not know it', async () => {
    respond = () => of({ data: okBody, status: 200 });
    await expect(queryFlameGraph({ ...q, datasourceUid: 'gone' }, 'r')).rejects.toMatchObject({
      message: expect.stringContaining('gone was not found'),
      status: 404,
    });
    expect(requests).toHaveLength(0);
  });

  it('reads a request superseded by a newer one with the same requestId as cancelled', async () => {
    respond = () => throwError(() => ({ cancelled: true, status: -1 }));
    await expect(queryFlameGraph(q, 'r')).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('cancels the HTTP request when the caller aborts', async () => {
    let unsubscribed = false;
    respond = () =>
      new Observable(() => () => {
        unsubscribed = true;
      });
    const controller = new AbortController();
    const pending = queryFlameGraph(q, 'r', controller.signal);
    await new Promise((r) => setTimeout(r, 0));
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(unsubscribed).toBe(true);
  });

  it('does not start a query for an already aborted caller', async () => {
    respond = () => NEVER;
    const controller = new AbortController();
    controller.abort();
    await expect(queryFlameGraph(q, 'r', controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });
});
